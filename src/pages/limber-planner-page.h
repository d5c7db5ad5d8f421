/* limber-planner-page.h: plan a session from the sore places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/limber-planner.h"

G_BEGIN_DECLS

#define LIMBER_PLANNER_PAGE_SIDE_BY_SIDE_WIDTH 800

#define LIMBER_TYPE_PLANNER_PAGE (limber_planner_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlannerPage, limber_planner_page, LIMBER, PLANNER_PAGE, GtkWidget)

GtkWidget         *limber_planner_page_new            (void);
void               limber_planner_page_set_catalogue  (LimberPlannerPage  *self,
                                                       LimberCatalogue    *catalogue,
                                                       GSettings          *settings);
void               limber_planner_page_set_regions    (LimberPlannerPage  *self,
                                                       const char * const *region_ids,
                                                       GHashTable         *injured);
void               limber_planner_page_set_injured    (LimberPlannerPage  *self,
                                                       const char         *region_id,
                                                       gboolean            injured);
void               limber_planner_page_set_minutes    (LimberPlannerPage  *self,
                                                       guint               minutes);
void               limber_planner_page_reset          (LimberPlannerPage  *self);
LimberPlanRequest *limber_planner_page_dup_request    (LimberPlannerPage  *self);
LimberPlan        *limber_planner_page_get_plan       (LimberPlannerPage  *self);
GtkListBox        *limber_planner_page_get_item_list  (LimberPlannerPage  *self);

GHashTable        *limber_planner_page_dup_ratings    (LimberPlannerPage *self);
void               limber_planner_page_set_side_by_side_width (LimberPlannerPage *self,
                                                               int                width);

G_END_DECLS
