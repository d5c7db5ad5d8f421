/* limber-routine-list-page.h: the routines for the chosen regions, filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/limber-catalogue.h"
#include "core/limber-history.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_ROUTINE_LIST_PAGE (limber_routine_list_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberRoutineListPage, limber_routine_list_page, LIMBER, ROUTINE_LIST_PAGE, GtkWidget)

GtkWidget   *limber_routine_list_page_new           (void);
void         limber_routine_list_page_set_catalogue (LimberRoutineListPage *self,
                                                     LimberCatalogue       *catalogue,
                                                     GSettings             *settings);
void         limber_routine_list_page_set_groups    (LimberRoutineListPage *self,
                                                     const char * const    *group_ids);
GListModel  *limber_routine_list_page_get_model     (LimberRoutineListPage *self);
GtkListView *limber_routine_list_page_get_list_view (LimberRoutineListPage *self);

void        limber_routine_list_page_set_history (LimberRoutineListPage *self,
                                                  LimberHistory         *history);
void        limber_routine_list_page_reset       (LimberRoutineListPage *self);

G_END_DECLS
