/* limber-history-page.h: sessions, soreness over time and a heat map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/limber-catalogue.h"
#include "core/limber-history.h"
#include "widgets/limber-body-map.h"
#include "widgets/limber-chart.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HISTORY_PAGE (limber_history_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberHistoryPage, limber_history_page, LIMBER, HISTORY_PAGE, GtkWidget)

#define LIMBER_HISTORY_PAGE_RECENT_DAYS   28
#define LIMBER_HISTORY_PAGE_WEEKS         12
#define LIMBER_HISTORY_PAGE_CHART_POINTS  30
#define LIMBER_HISTORY_PAGE_LIST_STEP     20

GtkWidget     *limber_history_page_new                (void);
void           limber_history_page_set_models         (LimberHistoryPage *self,
                                                       LimberCatalogue   *catalogue,
                                                       LimberHistory     *history,
                                                       GSettings         *settings);
void           limber_history_page_refresh            (LimberHistoryPage *self);
void           limber_history_page_show_region        (LimberHistoryPage *self,
                                                       const char        *region_id);
const char    *limber_history_page_get_region         (LimberHistoryPage *self);
gboolean       limber_history_page_get_empty          (LimberHistoryPage *self);
const char    *limber_history_page_get_suggestion     (LimberHistoryPage *self);
const char    *limber_history_page_get_streak_text    (LimberHistoryPage *self);
const char    *limber_history_page_get_notice         (LimberHistoryPage *self);
guint          limber_history_page_get_n_listed       (LimberHistoryPage *self);
LimberBodyMap *limber_history_page_get_heat_map       (LimberHistoryPage *self);
LimberChart   *limber_history_page_get_week_chart     (LimberHistoryPage *self);
LimberChart   *limber_history_page_get_region_chart   (LimberHistoryPage *self);
GtkLabel      *limber_history_page_get_region_summary (LimberHistoryPage *self);
gboolean       limber_history_page_import_text        (LimberHistoryPage *self,
                                                       const char        *name,
                                                       const char        *text,
                                                       gsize              length);
void           limber_history_page_request_delete_all (LimberHistoryPage *self);

G_END_DECLS
