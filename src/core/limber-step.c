/* limber-step.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-step"

#include "config.h"

#include "limber-step-private.h"

G_DEFINE_FINAL_TYPE (LimberStep, limber_step, G_TYPE_OBJECT)

static void
clear_cue (gpointer data)
{
  LimberStepCue *cue = data;

  g_clear_pointer (&cue->text, limber_text_free);
}

static void
limber_step_finalize (GObject *object)
{
  LimberStep *self = (LimberStep *)object;

  g_clear_pointer (&self->instruction, limber_text_free);
  g_clear_pointer (&self->detail, limber_text_free);
  g_clear_pointer (&self->cues, g_array_unref);

  G_OBJECT_CLASS (limber_step_parent_class)->finalize (object);
}

static void
limber_step_class_init (LimberStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_step_finalize;
}

static void
limber_step_init (LimberStep *self)
{
  self->pace = LIMBER_STEP_DEFAULT_PACE;
  self->side = LIMBER_SIDE_NONE;
}

LimberStep *
limber_step_new (void)
{
  return g_object_new (LIMBER_TYPE_STEP, NULL);
}

/**
 * limber_step_add_cue:
 * @text: (transfer full): what the cue says
 */
void
limber_step_add_cue (LimberStep *self,
                     guint       at_seconds,
                     gboolean    at_half,
                     LimberText *text)
{
  LimberStepCue cue = { at_seconds, at_half, text };

  g_return_if_fail (LIMBER_IS_STEP (self));
  g_return_if_fail (text != NULL);

  if (self->cues == NULL)
    {
      self->cues = g_array_new (FALSE, FALSE, sizeof (LimberStepCue));
      g_array_set_clear_func (self->cues, clear_cue);
    }
  g_array_append_val (self->cues, cue);
}

/**
 * limber_step_get_instruction:
 *
 * Returns: the translated instruction, short enough to read mid-exercise.
 */
const char *
limber_step_get_instruction (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);
  return self->instruction ? limber_text_get (self->instruction) : NULL;
}

/**
 * limber_step_get_detail:
 *
 * Returns: (nullable): the translated longer explanation, if any.
 */
const char *
limber_step_get_detail (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);
  return self->detail ? limber_text_get (self->detail) : NULL;
}

/**
 * limber_step_get_seconds:
 *
 * Returns: the length of a timed step, or 0 for a step counted in
 * repetitions.
 */
guint
limber_step_get_seconds (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return self->seconds;
}

/**
 * limber_step_get_reps:
 *
 * Returns: the number of slow repetitions, or 0 for a timed step.
 */
guint
limber_step_get_reps (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return self->seconds > 0 ? 0 : self->reps;
}

guint
limber_step_get_pace (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return self->pace;
}

/**
 * limber_step_get_active_seconds:
 *
 * Returns: the time the step takes on one side, repetitions included.
 */
guint
limber_step_get_active_seconds (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return self->seconds > 0 ? self->seconds : self->reps * self->pace;
}

LimberSide
limber_step_get_side (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), LIMBER_SIDE_NONE);
  return self->side;
}

/**
 * limber_step_get_other_side:
 *
 * Returns: whether the step is done again on the other side after it.
 */
gboolean
limber_step_get_other_side (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), FALSE);
  return self->other_side;
}

/**
 * limber_step_get_warm_up:
 *
 * Returns: whether this is a light opening step that a session may skip
 * when the muscle was just rolled.
 */
gboolean
limber_step_get_warm_up (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), FALSE);
  return self->warm_up;
}

/**
 * limber_step_get_rest:
 *
 * Returns: the pause after the step, and after its repeat on the other side.
 */
guint
limber_step_get_rest (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return self->rest;
}

/**
 * limber_step_get_total_seconds:
 *
 * Returns: the time of the step on each side it is done, with the pause to
 * switch sides and the rest after it.
 */
guint
limber_step_get_total_seconds (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return limber_step_get_active_seconds (self) * (self->other_side ? 2 : 1)
         + limber_step_get_switch_seconds (self) + self->rest;
}

/**
 * limber_step_get_total_seconds_on:
 * @only_side: %LIMBER_SIDE_LEFT or %LIMBER_SIDE_RIGHT to do a step that
 *   repeats on the other side on that side alone; %LIMBER_SIDE_NONE to do it
 *   as written
 *
 * Returns: the time of the step when played so, with the rest after it.
 */
guint
limber_step_get_total_seconds_on (LimberStep *self,
                                  LimberSide  only_side)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);

  if (self->other_side && (only_side == LIMBER_SIDE_LEFT || only_side == LIMBER_SIDE_RIGHT))
    return limber_step_get_active_seconds (self) + self->rest;

  return limber_step_get_total_seconds (self);
}

/**
 * limber_step_get_switch_seconds:
 *
 * Returns: the pause between the first and the second side: the step's rest,
 * but never less than %LIMBER_STEP_MIN_SWITCH_SECONDS; 0 for a step done once.
 */
guint
limber_step_get_switch_seconds (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return self->other_side ? MAX (self->rest, LIMBER_STEP_MIN_SWITCH_SECONDS) : 0;
}

guint
limber_step_get_n_cues (LimberStep *self)
{
  g_return_val_if_fail (LIMBER_IS_STEP (self), 0);
  return self->cues ? self->cues->len : 0;
}

/**
 * limber_step_get_cue:
 * @at_seconds: (out) (optional): when the cue falls, in seconds into the step
 *
 * Returns: the translated text of cue @index.
 */
const char *
limber_step_get_cue (LimberStep *self,
                     guint       index,
                     guint      *at_seconds)
{
  const LimberStepCue *cue;

  g_return_val_if_fail (LIMBER_IS_STEP (self), NULL);
  g_return_val_if_fail (index < limber_step_get_n_cues (self), NULL);

  cue = &g_array_index (self->cues, LimberStepCue, index);
  if (at_seconds != NULL)
    *at_seconds = cue->at_half ? limber_step_get_active_seconds (self) / 2 : cue->at_seconds;

  return limber_text_get (cue->text);
}

/**
 * limber_step_select_language:
 * @languages: (nullable): the languages wanted, best first
 *
 * Shows the step's texts in the first of @languages the catalogue has them
 * in, or in English.
 */
void
limber_step_select_language (LimberStep         *self,
                             const char * const *languages)
{
  g_return_if_fail (LIMBER_IS_STEP (self));

  if (self->instruction != NULL)
    limber_text_select (self->instruction, languages);
  if (self->detail != NULL)
    limber_text_select (self->detail, languages);
  for (guint i = 0; self->cues != NULL && i < self->cues->len; i++)
    limber_text_select (g_array_index (self->cues, LimberStepCue, i).text, languages);
}
