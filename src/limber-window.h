/* limber-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-application.h"
#include "limber-kiosk-panel.h"
#include "pages/limber-history-page.h"
#include "pages/limber-planner-page.h"
#include "pages/limber-player-page.h"
#include "pages/limber-map-page.h"
#include "pages/limber-routine-list-page.h"
#include "pages/limber-routine-page.h"
#include "pages/limber-soreness-rating.h"
#include "pages/limber-welcome-page.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())
G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

LimberWindow  *limber_window_new           (LimberApplication *application);
LimberMapPage *limber_window_get_map_page  (LimberWindow      *self);
void           limber_window_add_toast     (LimberWindow      *self,
                                            AdwToast          *toast);
LimberRoutineListPage *limber_window_get_routine_list_page (LimberWindow *self);
LimberRoutinePage     *limber_window_get_routine_page      (LimberWindow *self);
LimberPlayerPage      *limber_window_get_player_page       (LimberWindow *self);
LimberPlannerPage     *limber_window_get_planner_page      (LimberWindow *self);
LimberHistoryPage     *limber_window_get_history_page      (LimberWindow *self);
LimberSorenessRating  *limber_window_get_before_rating     (LimberWindow *self);
const char            *limber_window_get_page_name         (LimberWindow *self);
const char            *limber_window_get_banner_text       (LimberWindow *self);
void                   limber_window_take_state            (LimberWindow *self,
                                                            LimberWindow *from);
LimberWelcomePage     *limber_window_get_welcome_page      (LimberWindow *self);
LimberKioskPanel      *limber_window_get_kiosk_panel       (LimberWindow *self);
GtkWidget             *limber_window_get_staff_corner      (LimberWindow *self);

G_END_DECLS
