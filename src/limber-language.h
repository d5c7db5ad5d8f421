/* limber-language.h: the language Limber speaks, and changing it live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void             limber_language_init          (void);
void             limber_language_set           (const char *language);
GtkTextDirection limber_language_get_direction (void);
GStrv            limber_language_dup_available (void);
char            *limber_language_dup_name      (const char *language);

G_END_DECLS
