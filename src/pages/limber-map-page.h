/* limber-map-page.h: choose the sore places, on the map or from a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/limber-catalogue.h"
#include "widgets/limber-body-map.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_MAP_PAGE (limber_map_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberMapPage, limber_map_page, LIMBER, MAP_PAGE, GtkWidget)

GtkWidget     *limber_map_page_new              (void);
void           limber_map_page_set_catalogue    (LimberMapPage   *self,
                                                 LimberCatalogue *catalogue);
LimberBodyMap *limber_map_page_get_body_map     (LimberMapPage   *self);
GtkListView   *limber_map_page_get_region_list  (LimberMapPage   *self);
GListModel    *limber_map_page_get_choices      (LimberMapPage   *self);
GtkWidget     *limber_map_page_get_chips        (LimberMapPage   *self);
GStrv          limber_map_page_dup_selected_ids (LimberMapPage   *self);
void           limber_map_page_clear_selection  (LimberMapPage   *self);
gboolean       limber_map_page_is_stacked       (LimberMapPage   *self);
void           limber_map_page_set_injured      (LimberMapPage   *self,
                                                 const char      *region_id,
                                                 gboolean         injured);
gboolean       limber_map_page_get_injured      (LimberMapPage   *self,
                                                 const char      *region_id);
GHashTable    *limber_map_page_dup_injured      (LimberMapPage   *self);
void           limber_map_page_reset            (LimberMapPage   *self);
void           limber_map_page_set_searchable   (LimberMapPage   *self,
                                                 gboolean         searchable);

G_END_DECLS
