/* limber-cue.h: what the player announces, and where announcements go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "limber-region.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_CUE_GET_READY,     /* a step is about to start: get into position */
  LIMBER_CUE_STEP_START,    /* a step (or its second side) starts */
  LIMBER_CUE_HALF_TIME,
  LIMBER_CUE_STEP_CUE,      /* a cue the catalogue wrote for this step */
  LIMBER_CUE_COUNTDOWN,     /* one of the last five seconds of a step */
  LIMBER_CUE_SWITCH_SIDES,
  LIMBER_CUE_REST,
  LIMBER_CUE_DONE,          /* the whole session is over */
} LimberCueKind;

typedef struct
{
  LimberCueKind  kind;
  guint          seconds;   /* countdown: seconds left; otherwise the phase's length */
  LimberSide     side;      /* the side to work next, or LIMBER_SIDE_NONE */
  const char    *text;      /* step start: the instruction; step cue: its text */
} LimberCue;

char *limber_cue_dup_spoken_text (const LimberCue *cue);

#define LIMBER_TYPE_CUE_SINK (limber_cue_sink_get_type ())
G_DECLARE_INTERFACE (LimberCueSink, limber_cue_sink, LIMBER, CUE_SINK, GObject)

struct _LimberCueSinkInterface
{
  GTypeInterface parent_iface;

  /* Must return at once: a sink plays in the background or drops the cue. */
  void (*play) (LimberCueSink   *self,
                const LimberCue *cue);
};

void limber_cue_sink_play (LimberCueSink   *self,
                           const LimberCue *cue);

G_END_DECLS
