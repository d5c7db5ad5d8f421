/* limber-step-private.h: what the catalogue loader fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-step.h"
#include "limber-text.h"

G_BEGIN_DECLS

typedef struct
{
  guint     at_seconds;
  gboolean    at_half;
  LimberText *text;
} LimberStepCue;

struct _LimberStep
{
  GObject     parent_instance;

  LimberText *instruction;
  LimberText *detail;        /* NULL when there is none */
  GArray     *cues;          /* LimberStepCue */
  guint       seconds;       /* 0 for a step counted in repetitions */
  guint       reps;
  guint       pace;
  guint       rest;
  LimberSide  side;
  guint       other_side : 1;
  guint       warm_up : 1;
};

LimberStep *limber_step_new             (void);
void        limber_step_add_cue         (LimberStep         *self,
                                         guint               at_seconds,
                                         gboolean            at_half,
                                         LimberText         *text);
void        limber_step_select_language (LimberStep         *self,
                                         const char * const *languages);

G_END_DECLS
