/* limber-step.h: one timed step of a routine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "limber-region.h"

G_BEGIN_DECLS

/* Seconds one slow repetition takes unless the step says otherwise. */
#define LIMBER_STEP_DEFAULT_PACE 6

/* What a catalogue may ask of one step. */
#define LIMBER_STEP_MIN_SECONDS 5
#define LIMBER_STEP_MAX_SECONDS 600
#define LIMBER_STEP_MAX_REPS    30
#define LIMBER_STEP_MIN_PACE    2
#define LIMBER_STEP_MAX_PACE    20
#define LIMBER_STEP_MAX_REST    300

/* Time to change sides even where a step has no rest. */
#define LIMBER_STEP_MIN_SWITCH_SECONDS 5

#define LIMBER_TYPE_STEP (limber_step_get_type ())
G_DECLARE_FINAL_TYPE (LimberStep, limber_step, LIMBER, STEP, GObject)

const char *limber_step_get_instruction    (LimberStep *self);
const char *limber_step_get_detail         (LimberStep *self);
guint       limber_step_get_seconds        (LimberStep *self);
guint       limber_step_get_reps           (LimberStep *self);
guint       limber_step_get_pace           (LimberStep *self);
guint       limber_step_get_active_seconds (LimberStep *self);
LimberSide  limber_step_get_side           (LimberStep *self);
gboolean    limber_step_get_other_side     (LimberStep *self);
gboolean    limber_step_get_warm_up        (LimberStep *self);
guint       limber_step_get_rest           (LimberStep *self);
guint       limber_step_get_total_seconds  (LimberStep *self);
guint       limber_step_get_total_seconds_on (LimberStep *self,
                                              LimberSide  only_side);
guint       limber_step_get_switch_seconds (LimberStep *self);
guint       limber_step_get_n_cues         (LimberStep *self);
const char *limber_step_get_cue            (LimberStep *self,
                                            guint       index,
                                            guint      *at_seconds);

G_END_DECLS
