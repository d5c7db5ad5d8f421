/* limber-cue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-cue"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-cue.h"

G_DEFINE_INTERFACE (LimberCueSink, limber_cue_sink, G_TYPE_OBJECT)

static void
limber_cue_sink_default_init (LimberCueSinkInterface *iface)
{
}

/**
 * limber_cue_sink_play:
 *
 * Hands @cue to @self, which plays it without blocking or drops it.
 */
void
limber_cue_sink_play (LimberCueSink   *self,
                      const LimberCue *cue)
{
  g_return_if_fail (LIMBER_IS_CUE_SINK (self));
  g_return_if_fail (cue != NULL);

  LIMBER_CUE_SINK_GET_IFACE (self)->play (self, cue);
}

/**
 * limber_cue_dup_spoken_text:
 *
 * What a voice says for @cue, as one translated sentence.
 *
 * Returns: (nullable): the text, or %NULL for cues that are only heard as a
 *   sound (the countdown).
 */
char *
limber_cue_dup_spoken_text (const LimberCue *cue)
{
  g_return_val_if_fail (cue != NULL, NULL);

  switch (cue->kind)
    {
    case LIMBER_CUE_GET_READY:
      return g_strdup (_("Get ready."));

    case LIMBER_CUE_STEP_START:
      if (cue->side == LIMBER_SIDE_LEFT)
        /* Translators: spoken at the start of a step; %s is its instruction */
        return g_strdup_printf (_("Left side. %s"), cue->text);
      if (cue->side == LIMBER_SIDE_RIGHT)
        /* Translators: spoken at the start of a step; %s is its instruction */
        return g_strdup_printf (_("Right side. %s"), cue->text);
      return g_strdup (cue->text);

    case LIMBER_CUE_HALF_TIME:
      return g_strdup (_("Halfway."));

    case LIMBER_CUE_STEP_CUE:
      return g_strdup (cue->text);

    case LIMBER_CUE_COUNTDOWN:
      return NULL;

    case LIMBER_CUE_SWITCH_SIDES:
      if (cue->side == LIMBER_SIDE_LEFT)
        return g_strdup (_("Switch sides. Now the left side."));
      if (cue->side == LIMBER_SIDE_RIGHT)
        return g_strdup (_("Switch sides. Now the right side."));
      return g_strdup (_("Switch sides."));

    case LIMBER_CUE_REST:
      return g_strdup (_("Rest."));

    case LIMBER_CUE_DONE:
      return g_strdup (_("Well done. That is the end of the routine."));

    default:
      g_return_val_if_reached (NULL);
    }
}
