/* limber-language-picker.h: the languages Limber speaks, one tap each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_LANGUAGE_PICKER (limber_language_picker_get_type ())
G_DECLARE_FINAL_TYPE (LimberLanguagePicker, limber_language_picker, LIMBER, LANGUAGE_PICKER, GtkWidget)

GtkWidget  *limber_language_picker_new          (void);
void        limber_language_picker_set_current  (LimberLanguagePicker *self,
                                                 const char           *language);
const char *limber_language_picker_get_current  (LimberLanguagePicker *self);
GtkWidget  *limber_language_picker_get_button   (LimberLanguagePicker *self,
                                                 const char           *language);

G_END_DECLS
