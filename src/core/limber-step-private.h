/* limber-step-private.h: what the catalogue loader fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-step.h"

G_BEGIN_DECLS

typedef struct
{
  guint     at_seconds;
  gboolean  at_half;
  char     *text;
} LimberStepCue;

struct _LimberStep
{
  GObject     parent_instance;

  char       *instruction;
  char       *detail;
  GArray     *cues;          /* LimberStepCue */
  guint       seconds;       /* 0 for a step counted in repetitions */
  guint       reps;
  guint       pace;
  guint       rest;
  LimberSide  side;
  guint       other_side : 1;
  guint       warm_up : 1;
};

LimberStep *limber_step_new     (void);
void        limber_step_add_cue (LimberStep *self,
                                 guint       at_seconds,
                                 gboolean    at_half,
                                 const char *text);

G_END_DECLS
