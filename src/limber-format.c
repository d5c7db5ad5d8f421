/* limber-format.c
 *
 * Whole phrases with numbers in them, never sentences built from pieces,
 * so translators see each one complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-format"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-format.h"

/**
 * limber_format_duration:
 *
 * Returns: (transfer full): a short duration such as "45 s" or "2 min 30 s".
 */
char *
limber_format_duration (guint seconds)
{
  guint minutes = seconds / 60;
  guint rest = seconds % 60;

  if (minutes == 0)
    /* TRANSLATORS: a short duration in seconds */
    return g_strdup_printf (C_("duration", "%u s"), seconds);

  if (rest == 0)
    /* TRANSLATORS: a short duration in minutes */
    return g_strdup_printf (C_("duration", "%u min"), minutes);

  /* TRANSLATORS: a short duration in minutes and seconds */
  return g_strdup_printf (C_("duration", "%u min %u s"), minutes, rest);
}

/**
 * limber_format_minutes:
 *
 * Returns: (transfer full): a length rounded to whole minutes ("4 min"),
 * for totals.
 */
char *
limber_format_minutes (guint seconds)
{
  return limber_format_duration (MAX (1, (seconds + 30) / 60) * 60);
}

/**
 * limber_format_step_amount:
 *
 * Returns: (transfer full): how long one side of @step lasts: "45 s" or
 * "6 slow repetitions".
 */
char *
limber_format_step_amount (LimberStep *step)
{
  guint reps = limber_step_get_reps (step);

  if (reps > 0)
    return g_strdup_printf (ngettext ("%u slow repetition", "%u slow repetitions", reps), reps);

  return limber_format_duration (limber_step_get_seconds (step));
}

/**
 * limber_format_step_side:
 *
 * Returns: (nullable): which side the step works on, in words, or %NULL
 * when it has no side.
 */
const char *
limber_format_step_side (LimberStep *step)
{
  gboolean other = limber_step_get_other_side (step);

  switch (limber_step_get_side (step))
    {
    case LIMBER_SIDE_LEFT:
      return other ? _("Left side, then right") : _("Left side");
    case LIMBER_SIDE_RIGHT:
      return other ? _("Right side, then left") : _("Right side");
    case LIMBER_SIDE_BOTH:
      return _("Both sides");
    case LIMBER_SIDE_NONE:
    default:
      return NULL;
    }
}

/**
 * limber_format_list:
 * @names: (array zero-terminated=1): names of groups or equipment
 *
 * Returns: (transfer full): the names joined for a subtitle or a list row.
 */
char *
limber_format_list (const char * const *names)
{
  /* TRANSLATORS: separates the names in a short list, such as "Calf, Lower back" */
  return g_strjoinv (_(", "), (char **)names);
}
