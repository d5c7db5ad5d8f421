/* limber-plan.h: a planned session, as routines and the steps of each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-player.h"
#include "limber-routine.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_PLAN_ROLE_CHOSEN,      /* a region the person chose */
  LIMBER_PLAN_ROLE_NEIGHBOUR,   /* gentle work beside an injured region */
} LimberPlanRole;

/* Why the plan is the way it is; each comes with a sentence to show. */
typedef enum
{
  LIMBER_PLAN_REASON_INJURED,       /* no work on a region marked injured */
  LIMBER_PLAN_REASON_NEIGHBOUR,     /* gentle work next to an injured region */
  LIMBER_PLAN_REASON_EVENT,         /* how the event shaped the session */
  LIMBER_PLAN_REASON_NOTHING_SUITS, /* no routine suits a region */
  LIMBER_PLAN_REASON_NO_TIME,       /* a region left out: not enough minutes */
  LIMBER_PLAN_REASON_SHORT,         /* shorter than asked: that is all there is */
} LimberPlanReasonKind;

#define LIMBER_TYPE_PLAN_ITEM (limber_plan_item_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlanItem, limber_plan_item, LIMBER, PLAN_ITEM, GObject)

LimberPlanItem *limber_plan_item_new           (LimberRoutine  *routine,
                                                const char     *group,
                                                LimberSide      only_side,
                                                LimberPlanRole  role);
void            limber_plan_item_add_step      (LimberPlanItem *self,
                                                LimberStep     *step);
LimberRoutine  *limber_plan_item_get_routine   (LimberPlanItem *self);
const char     *limber_plan_item_get_group     (LimberPlanItem *self);
LimberSide      limber_plan_item_get_only_side (LimberPlanItem *self);
LimberPlanRole  limber_plan_item_get_role      (LimberPlanItem *self);
guint           limber_plan_item_get_n_steps   (LimberPlanItem *self);
LimberStep     *limber_plan_item_get_step      (LimberPlanItem *self,
                                                guint           index);
guint           limber_plan_item_get_seconds   (LimberPlanItem *self);

#define LIMBER_TYPE_PLAN (limber_plan_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlan, limber_plan, LIMBER, PLAN, GObject)

LimberPlan          *limber_plan_new                (guint          target_seconds);
void                 limber_plan_append             (LimberPlan    *self,
                                                     LimberPlanItem *item);
void                 limber_plan_add_reason         (LimberPlan    *self,
                                                     LimberPlanReasonKind kind,
                                                     const char    *group,
                                                     const char    *text);
GListModel          *limber_plan_get_items          (LimberPlan    *self);
LimberPlanItem      *limber_plan_get_item           (LimberPlan    *self,
                                                     guint          index);
guint                limber_plan_get_n_items        (LimberPlan    *self);
void                 limber_plan_remove             (LimberPlan    *self,
                                                     guint          index);
void                 limber_plan_move               (LimberPlan    *self,
                                                     guint          from,
                                                     guint          to);
guint                limber_plan_get_total_seconds  (LimberPlan    *self);
guint                limber_plan_get_target_seconds (LimberPlan    *self);
guint                limber_plan_get_n_reasons      (LimberPlan    *self);
LimberPlanReasonKind limber_plan_get_reason_kind    (LimberPlan    *self,
                                                     guint          index);
const char          *limber_plan_get_reason_group   (LimberPlan    *self,
                                                     guint          index);
const char          *limber_plan_get_reason_text    (LimberPlan    *self,
                                                     guint          index);
gboolean             limber_plan_has_reason         (LimberPlan    *self,
                                                     LimberPlanReasonKind kind,
                                                     const char    *group);
void                 limber_plan_add_to_player      (LimberPlan    *self,
                                                     LimberPlayer  *player);

G_END_DECLS
