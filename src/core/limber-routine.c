/* limber-routine.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-routine"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-routine-private.h"
#include "limber-step-private.h"

G_DEFINE_FINAL_TYPE (LimberRoutine, limber_routine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_list[] = { NULL };

static void
limber_routine_finalize (GObject *object)
{
  LimberRoutine *self = (LimberRoutine *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, limber_text_free);
  g_clear_pointer (&self->summary, limber_text_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->primary, g_strfreev);
  g_clear_pointer (&self->secondary, g_strfreev);
  g_clear_pointer (&self->equipment, g_strfreev);
  g_clear_pointer (&self->caution_ids, g_strfreev);
  g_clear_pointer (&self->own_cautions, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_strfreev);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (limber_routine_parent_class)->finalize (object);
}

static void
limber_routine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberRoutine *self = LIMBER_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, limber_routine_get_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_routine_class_init (LimberRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_routine_finalize;
  object_class->get_property = limber_routine_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_routine_init (LimberRoutine *self)
{
  self->steps = g_list_store_new (LIMBER_TYPE_STEP);
}

LimberRoutine *
limber_routine_new (const char *id,
                    const char *origin)
{
  LimberRoutine *self = g_object_new (LIMBER_TYPE_ROUTINE, NULL);

  self->id = g_strdup (id);
  self->origin = g_strdup (origin);
  return self;
}

void
limber_routine_add_step (LimberRoutine *self,
                         LimberStep    *step)
{
  g_return_if_fail (LIMBER_IS_ROUTINE (self));
  g_return_if_fail (LIMBER_IS_STEP (step));

  g_list_store_append (self->steps, step);
  self->total_seconds += limber_step_get_total_seconds (step);
  self->last_rest = limber_step_get_rest (step);
}

const char *
limber_routine_get_id (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->id;
}

const char *
limber_routine_get_title (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->title ? limber_text_get (self->title) : NULL;
}

const char *
limber_routine_get_summary (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->summary ? limber_text_get (self->summary) : NULL;
}

LimberTechnique
limber_routine_get_technique (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), LIMBER_TECHNIQUE_FOAM_ROLLING);
  return self->technique;
}

LimberLevel
limber_routine_get_level (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), LIMBER_LEVEL_GENTLE);
  return self->level;
}

static const char * const *
or_empty (GStrv list)
{
  return list ? (const char * const *)list : empty_list;
}

/**
 * limber_routine_get_primary:
 *
 * Returns: (transfer none): the muscle group ids the routine is for.
 */
const char * const *
limber_routine_get_primary (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), empty_list);
  return or_empty (self->primary);
}

/**
 * limber_routine_get_secondary:
 *
 * Returns: (transfer none): muscle group ids the routine also reaches.
 */
const char * const *
limber_routine_get_secondary (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), empty_list);
  return or_empty (self->secondary);
}

/**
 * limber_routine_get_equipment:
 *
 * Returns: (transfer none): equipment ids; "none" when it needs nothing.
 */
const char * const *
limber_routine_get_equipment (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), empty_list);
  return or_empty (self->equipment);
}

/**
 * limber_routine_get_caution_ids:
 *
 * Returns: (transfer none): ids of the shared cautions that apply.
 */
const char * const *
limber_routine_get_caution_ids (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), empty_list);
  return or_empty (self->caution_ids);
}

guint
limber_routine_get_n_own_cautions (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);
  return self->own_cautions ? self->own_cautions->len : 0;
}

/**
 * limber_routine_get_own_caution:
 *
 * Returns: the translated text of a caution written for this routine only.
 */
const char *
limber_routine_get_own_caution (LimberRoutine *self,
                                guint          index)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < limber_routine_get_n_own_cautions (self), NULL);
  return limber_text_get (g_ptr_array_index (self->own_cautions, index));
}

/**
 * limber_routine_select_language:
 * @languages: (nullable): the languages wanted, best first
 *
 * Shows the routine's texts, its steps' included, in the first of
 * @languages the catalogue has them in, or in English.
 */
void
limber_routine_select_language (LimberRoutine      *self,
                                const char * const *languages)
{
  guint n_steps;

  g_return_if_fail (LIMBER_IS_ROUTINE (self));

  if (self->summary != NULL)
    limber_text_select (self->summary, languages);
  for (guint i = 0; self->own_cautions != NULL && i < self->own_cautions->len; i++)
    limber_text_select (g_ptr_array_index (self->own_cautions, i), languages);

  n_steps = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      limber_step_select_language (step, languages);
    }

  if (self->title != NULL && limber_text_select (self->title, languages))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * limber_routine_get_source_ids:
 *
 * Returns: (transfer none): ids of the sources behind the routine's doses.
 */
const char * const *
limber_routine_get_source_ids (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), empty_list);
  return or_empty (self->source_ids);
}

/**
 * limber_routine_get_steps:
 *
 * Returns: (transfer none): the #LimberStep list, in order.
 */
GListModel *
limber_routine_get_steps (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return G_LIST_MODEL (self->steps);
}

/**
 * limber_routine_get_total_seconds:
 *
 * Returns: how long the routine plays: every step on every side with the
 * pauses to switch sides and the rests between steps, but no rest after the
 * last step.
 */
guint
limber_routine_get_total_seconds (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), 0);
  return self->total_seconds - self->last_rest;
}

/**
 * limber_routine_get_origin:
 *
 * Returns: the name of the catalogue file the routine came from.
 */
const char *
limber_routine_get_origin (LimberRoutine *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), NULL);
  return self->origin;
}

/**
 * limber_routine_works_on:
 * @primary_only: whether a secondary group counts
 *
 * Returns: whether the routine works on the muscle group @group_id.
 */
gboolean
limber_routine_works_on (LimberRoutine *self,
                         const char    *group_id,
                         gboolean       primary_only)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), FALSE);

  if (group_id == NULL)
    return FALSE;

  if (g_strv_contains (limber_routine_get_primary (self), group_id))
    return TRUE;

  return !primary_only && g_strv_contains (limber_routine_get_secondary (self), group_id);
}

/**
 * limber_routine_needs_only:
 * @equipment_at_hand: a set of equipment ids
 *
 * Returns: whether everything the routine needs is at hand ("none" always is).
 */
gboolean
limber_routine_needs_only (LimberRoutine *self,
                           GHashTable    *equipment_at_hand)
{
  const char * const *needs;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (self), FALSE);

  needs = limber_routine_get_equipment (self);
  for (guint i = 0; needs[i] != NULL; i++)
    if (!g_str_equal (needs[i], "none") && !g_hash_table_contains (equipment_at_hand, needs[i]))
      return FALSE;

  return TRUE;
}

static const char * const technique_ids[LIMBER_N_TECHNIQUES] = {
  "foam-rolling", "trigger-point", "pin-and-stretch", "stretching",
};

const char *
limber_technique_to_string (LimberTechnique technique)
{
  g_return_val_if_fail (technique < LIMBER_N_TECHNIQUES, NULL);
  return technique_ids[technique];
}

gboolean
limber_technique_from_string (const char      *str,
                              LimberTechnique *technique)
{
  for (guint i = 0; i < LIMBER_N_TECHNIQUES; i++)
    if (g_strcmp0 (str, technique_ids[i]) == 0)
      {
        *technique = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * limber_technique_get_name:
 *
 * Returns: the translated name of @technique.
 */
const char *
limber_technique_get_name (LimberTechnique technique)
{
  switch (technique)
    {
    case LIMBER_TECHNIQUE_FOAM_ROLLING:
      return _("Foam rolling");
    case LIMBER_TECHNIQUE_TRIGGER_POINT:
      return _("Trigger point");
    case LIMBER_TECHNIQUE_PIN_AND_STRETCH:
      return _("Pin and stretch");
    case LIMBER_TECHNIQUE_STRETCHING:
      return _("Stretching");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
limber_level_from_string (const char  *str,
                          LimberLevel *level)
{
  if (g_strcmp0 (str, "gentle") == 0)
    *level = LIMBER_LEVEL_GENTLE;
  else if (g_strcmp0 (str, "moderate") == 0)
    *level = LIMBER_LEVEL_MODERATE;
  else if (g_strcmp0 (str, "firm") == 0)
    *level = LIMBER_LEVEL_FIRM;
  else
    return FALSE;

  return TRUE;
}

/**
 * limber_level_get_name:
 *
 * Returns: the translated name of a pressure level.
 */
const char *
limber_level_get_name (LimberLevel level)
{
  switch (level)
    {
    case LIMBER_LEVEL_GENTLE:
      /* TRANSLATORS: how firm a routine is */
      return C_("level", "Gentle");
    case LIMBER_LEVEL_MODERATE:
      return C_("level", "Moderate");
    case LIMBER_LEVEL_FIRM:
      return C_("level", "Firm");
    default:
      g_return_val_if_reached (NULL);
    }
}
