/* limber-favourite-button.h: the star that keeps a routine among favourites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/limber-history.h"

G_BEGIN_DECLS

GtkWidget *limber_favourite_button_new  (void);
void       limber_favourite_button_bind (GtkWidget     *button,
                                         LimberHistory *history,
                                         const char    *routine_id);

G_END_DECLS
