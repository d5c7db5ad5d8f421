/* limber-soreness-rating.h: how sore each chosen place is, one tap each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/limber-catalogue.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SORENESS_RATING (limber_soreness_rating_get_type ())
G_DECLARE_FINAL_TYPE (LimberSorenessRating, limber_soreness_rating, LIMBER, SORENESS_RATING, GtkWidget)

GtkWidget *limber_soreness_rating_new           (void);
void       limber_soreness_rating_set_regions   (LimberSorenessRating *self,
                                                 LimberCatalogue      *catalogue,
                                                 const char * const   *region_ids);
guint      limber_soreness_rating_get_n_regions (LimberSorenessRating *self);
const char *limber_soreness_rating_get_region   (LimberSorenessRating *self,
                                                 guint                 index);
int        limber_soreness_rating_get           (LimberSorenessRating *self,
                                                 const char           *region_id);
void       limber_soreness_rating_set           (LimberSorenessRating *self,
                                                 const char           *region_id,
                                                 int                   soreness);
GtkWidget *limber_soreness_rating_get_button    (LimberSorenessRating *self,
                                                 const char           *region_id,
                                                 int                   soreness);

G_END_DECLS
