/* limber-routine-private.h: what the catalogue loader fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-routine.h"
#include "limber-text.h"

G_BEGIN_DECLS

struct _LimberRoutine
{
  GObject          parent_instance;

  char            *id;
  LimberText      *title;
  LimberText      *summary;
  char            *origin;
  GStrv            primary;
  GStrv            secondary;
  GStrv            equipment;
  GStrv            caution_ids;
  GPtrArray       *own_cautions;   /* LimberText */
  GStrv            source_ids;
  GListStore      *steps;
  guint            total_seconds;
  guint            last_rest;       /* not taken after the last step */
  LimberTechnique  technique;
  LimberLevel      level;
};

LimberRoutine *limber_routine_new             (const char         *id,
                                               const char         *origin);
void           limber_routine_add_step        (LimberRoutine      *self,
                                               LimberStep         *step);
void           limber_routine_select_language (LimberRoutine      *self,
                                               const char * const *languages);

G_END_DECLS
