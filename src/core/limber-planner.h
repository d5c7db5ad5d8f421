/* limber-planner.h: sore places, minutes and equipment in, one safe session out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-catalogue.h"
#include "limber-plan.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_GOAL_GENERAL,
  LIMBER_GOAL_BEFORE_EVENT,
  LIMBER_GOAL_AFTER_EVENT,
} LimberGoal;

#define LIMBER_PLANNER_MIN_MINUTES      5
#define LIMBER_PLANNER_MAX_MINUTES      60
#define LIMBER_PLANNER_MIN_SORENESS     1
#define LIMBER_PLANNER_MAX_SORENESS     10
#define LIMBER_PLANNER_DEFAULT_SORENESS 5
/* How far the total may be from the minutes asked for, in percent. */
#define LIMBER_PLANNER_TOLERANCE        10
/* The most an event may be away and still change the plan, in days. */
#define LIMBER_PLANNER_MAX_EVENT_DAYS   365
/* The day before an event and on the day itself: per muscle and side, at
 * most this much rolling, and static holds adding up to less than this. */
#define LIMBER_PLANNER_LIGHT_ROLLING_SECONDS 60
#define LIMBER_PLANNER_LIGHT_HOLD_SECONDS    60

typedef struct _LimberPlanRequest LimberPlanRequest;

#define LIMBER_TYPE_PLAN_REQUEST (limber_plan_request_get_type ())
GType               limber_plan_request_get_type      (void) G_GNUC_CONST;
LimberPlanRequest  *limber_plan_request_new           (void);
LimberPlanRequest  *limber_plan_request_copy          (const LimberPlanRequest *self);
void                limber_plan_request_free          (LimberPlanRequest *self);
void                limber_plan_request_add_region    (LimberPlanRequest *self,
                                                       const char        *region_id,
                                                       guint              soreness);
void                limber_plan_request_set_injured   (LimberPlanRequest *self,
                                                       const char        *region_id,
                                                       gboolean           injured);
void                limber_plan_request_set_minutes   (LimberPlanRequest *self,
                                                       guint              minutes);
void                limber_plan_request_add_equipment (LimberPlanRequest *self,
                                                       const char        *equipment_id);
void                limber_plan_request_set_goal      (LimberPlanRequest *self,
                                                       LimberGoal         goal,
                                                       guint              days);
guint               limber_plan_request_get_n_regions (const LimberPlanRequest *self);
const char         *limber_plan_request_get_region    (const LimberPlanRequest *self,
                                                       guint              index,
                                                       guint             *soreness);
gboolean            limber_plan_request_get_injured   (const LimberPlanRequest *self,
                                                       const char        *region_id);
guint               limber_plan_request_get_minutes   (const LimberPlanRequest *self);
GHashTable         *limber_plan_request_get_equipment (const LimberPlanRequest *self);
LimberGoal          limber_plan_request_get_goal      (const LimberPlanRequest *self,
                                                       guint             *days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberPlanRequest, limber_plan_request_free)

LimberPlan         *limber_planner_plan               (LimberCatalogue         *catalogue,
                                                       const LimberPlanRequest *request);
gboolean            limber_planner_is_light_before    (const LimberPlanRequest *request);
gboolean            limber_planner_is_light_after     (const LimberPlanRequest *request);

G_END_DECLS
