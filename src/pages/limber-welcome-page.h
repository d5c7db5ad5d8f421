/* limber-welcome-page.h: a kiosk's first screen, in the gym's colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-language-picker.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WELCOME_PAGE (limber_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberWelcomePage, limber_welcome_page, LIMBER, WELCOME_PAGE, GtkWidget)

GtkWidget  *limber_welcome_page_new              (void);
void        limber_welcome_page_set_settings     (LimberWelcomePage *self,
                                                  GSettings         *settings);
const char *limber_welcome_page_get_title        (LimberWelcomePage *self);
gboolean    limber_welcome_page_get_logo_shown   (LimberWelcomePage *self);
GtkWidget  *limber_welcome_page_get_start_button (LimberWelcomePage *self);
LimberLanguagePicker *limber_welcome_page_get_language_picker (LimberWelcomePage *self);

G_END_DECLS
