/* limber-routine-page.h: one routine in full, before it is played
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/limber-catalogue.h"
#include "core/limber-history.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE_PAGE (limber_routine_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutinePage, limber_routine_page, LIMBER, ROUTINE_PAGE, GtkWidget)

GtkWidget     *limber_routine_page_new         (void);
void           limber_routine_page_set_routine (LimberRoutinePage *self,
                                                LimberCatalogue   *catalogue,
                                                LimberRoutine     *routine);
LimberRoutine *limber_routine_page_get_routine (LimberRoutinePage *self);
GtkListBox    *limber_routine_page_get_steps   (LimberRoutinePage *self);
GtkBox        *limber_routine_page_get_cautions (LimberRoutinePage *self);

void           limber_routine_page_set_history          (LimberRoutinePage *self,
                                                         LimberHistory     *history);
GtkWidget     *limber_routine_page_get_favourite_button (LimberRoutinePage *self);
void           limber_routine_page_set_show_links       (LimberRoutinePage *self,
                                                         gboolean           show_links);

G_END_DECLS
