/* limber-text.h: a catalogue text in English and its translated copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LimberText LimberText;

LimberText *limber_text_new         (const char         *source);
void        limber_text_free        (LimberText         *self);
void        limber_text_add_variant (LimberText         *self,
                                     const char         *language,
                                     const char         *text);
const char *limber_text_get         (const LimberText   *self);
const char *limber_text_get_source  (const LimberText   *self);
const char *limber_text_lookup      (const LimberText   *self,
                                     const char         *language);
guint       limber_text_get_n_variants (const LimberText *self);
gboolean    limber_text_select      (LimberText         *self,
                                     const char * const *languages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberText, limber_text_free)

G_END_DECLS
