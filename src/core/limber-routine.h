/* limber-routine.h: one technique on one muscle group, as a list of steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-step.h"
#include "limber-types.h"

G_BEGIN_DECLS

/* In the order a session does them: general rolling, then targeted
 * pressure, then stretching. */
typedef enum
{
  LIMBER_TECHNIQUE_FOAM_ROLLING,
  LIMBER_TECHNIQUE_TRIGGER_POINT,
  LIMBER_TECHNIQUE_PIN_AND_STRETCH,
  LIMBER_TECHNIQUE_STRETCHING,
} LimberTechnique;

#define LIMBER_N_TECHNIQUES (LIMBER_TECHNIQUE_STRETCHING + 1)

typedef enum
{
  LIMBER_LEVEL_GENTLE,
  LIMBER_LEVEL_MODERATE,
  LIMBER_LEVEL_FIRM,
} LimberLevel;

#define LIMBER_TYPE_ROUTINE (limber_routine_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutine, limber_routine, LIMBER, ROUTINE, GObject)

const char         *limber_routine_get_id             (LimberRoutine *self);
const char         *limber_routine_get_title          (LimberRoutine *self);
const char         *limber_routine_get_summary        (LimberRoutine *self);
LimberTechnique     limber_routine_get_technique      (LimberRoutine *self);
LimberLevel         limber_routine_get_level          (LimberRoutine *self);
const char * const *limber_routine_get_primary        (LimberRoutine *self);
const char * const *limber_routine_get_secondary      (LimberRoutine *self);
const char * const *limber_routine_get_equipment      (LimberRoutine *self);
const char * const *limber_routine_get_caution_ids    (LimberRoutine *self);
guint               limber_routine_get_n_own_cautions (LimberRoutine *self);
const char         *limber_routine_get_own_caution    (LimberRoutine *self,
                                                       guint          index);
const char * const *limber_routine_get_source_ids     (LimberRoutine *self);
GListModel         *limber_routine_get_steps          (LimberRoutine *self);
guint               limber_routine_get_total_seconds  (LimberRoutine *self);
const char         *limber_routine_get_origin         (LimberRoutine *self);
gboolean            limber_routine_works_on           (LimberRoutine *self,
                                                       const char    *group_id,
                                                       gboolean       primary_only);
gboolean            limber_routine_needs_only         (LimberRoutine *self,
                                                       GHashTable    *equipment_at_hand);

const char         *limber_technique_to_string        (LimberTechnique technique);
gboolean            limber_technique_from_string      (const char     *str,
                                                       LimberTechnique *technique);
const char         *limber_technique_get_name         (LimberTechnique technique);
gboolean            limber_level_from_string          (const char     *str,
                                                       LimberLevel    *level);
const char         *limber_level_get_name             (LimberLevel     level);

G_END_DECLS
