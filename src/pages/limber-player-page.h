/* limber-player-page.h: a routine playing, hands-free and readable from the floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/limber-catalogue.h"
#include "core/limber-player.h"
#include "limber-soreness-rating.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PLAYER_PAGE (limber_player_page_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlayerPage, limber_player_page, LIMBER, PLAYER_PAGE, GtkWidget)

GtkWidget    *limber_player_page_new           (void);
void          limber_player_page_set_player    (LimberPlayerPage *self,
                                                LimberCatalogue  *catalogue,
                                                LimberPlayer     *player,
                                                GHashTable       *equipment_at_hand);
LimberPlayer *limber_player_page_get_player    (LimberPlayerPage *self);
void          limber_player_page_request_leave (LimberPlayerPage *self);
const char   *limber_player_page_get_instruction (LimberPlayerPage *self);
const char   *limber_player_page_get_side_text (LimberPlayerPage *self);
gboolean      limber_player_page_get_finished_shown (LimberPlayerPage *self);
gboolean      limber_player_page_get_inhibiting (LimberPlayerPage *self);
void          limber_player_page_set_rating_regions (LimberPlayerPage   *self,
                                                     LimberCatalogue    *catalogue,
                                                     const char * const *region_ids);
LimberSorenessRating *limber_player_page_get_after_rating (LimberPlayerPage *self);
void          limber_player_page_clear              (LimberPlayerPage *self);
void          limber_player_page_set_escape_leaves  (LimberPlayerPage *self,
                                                     gboolean          escape_leaves);

G_END_DECLS
