/* limber-body-map.h: a tappable SVG figure with selectable regions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <librsvg/rsvg.h>

#include "limber-types.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_BODY_MAP (limber_body_map_get_type ())
G_DECLARE_FINAL_TYPE (LimberBodyMap, limber_body_map, LIMBER, BODY_MAP, GtkWidget)

GtkWidget  *limber_body_map_new                (void);
gboolean    limber_body_map_set_svg            (LimberBodyMap *self,
                                                GBytes        *svg,
                                                GError       **error);
void        limber_body_map_add_view           (LimberBodyMap *self,
                                                const char    *view_id,
                                                const char    *left_marker,
                                                const char    *right_marker);
void        limber_body_map_add_region         (LimberBodyMap *self,
                                                const char    *element_id,
                                                const char    *view_id,
                                                const char    *name);
void        limber_body_map_set_compact        (LimberBodyMap *self,
                                                gboolean       compact);
void        limber_body_map_set_view           (LimberBodyMap *self,
                                                const char    *view_id);
const char *limber_body_map_get_view           (LimberBodyMap *self);
void        limber_body_map_set_selected       (LimberBodyMap *self,
                                                const char    *element_id,
                                                gboolean       selected);
gboolean    limber_body_map_get_selected       (LimberBodyMap *self,
                                                const char    *element_id);
void        limber_body_map_unselect_all       (LimberBodyMap *self);
/* Marked is a second state, apart from selected: pages use it for
 * "injured: do not work here". */
void        limber_body_map_set_marked         (LimberBodyMap *self,
                                                const char    *element_id,
                                                gboolean       marked);
gboolean    limber_body_map_get_marked         (LimberBodyMap *self,
                                                const char    *element_id);
void        limber_body_map_unmark_all         (LimberBodyMap *self);
void        limber_body_map_set_marked_label   (LimberBodyMap *self,
                                                const char    *label);
const char *limber_body_map_get_marked_label   (LimberBodyMap *self);
/* Heat is a level from 0 to 1 per region, drawn as a colour ramp: pages
 * use it for "how sore, how often". */
void        limber_body_map_set_heat           (LimberBodyMap *self,
                                                const char    *element_id,
                                                double         level);
double      limber_body_map_get_heat           (LimberBodyMap *self,
                                                const char    *element_id);
void        limber_body_map_clear_heat         (LimberBodyMap *self);
void        limber_body_map_set_region_description (LimberBodyMap *self,
                                                    const char    *element_id,
                                                    const char    *description);
const char *limber_body_map_get_focus_region   (LimberBodyMap *self);
void        limber_body_map_set_focus_region   (LimberBodyMap *self,
                                                const char    *element_id);
const char *limber_body_map_get_hover_region   (LimberBodyMap *self);
const char *limber_body_map_pick               (LimberBodyMap *self,
                                                double         x,
                                                double         y);
gboolean    limber_body_map_get_document_viewport (LimberBodyMap *self,
                                                   RsvgRectangle *viewport);
void        limber_body_map_rebuild_pick_buffer (LimberBodyMap *self,
                                                 int            width,
                                                 int            height);
void        limber_body_map_render_figure      (LimberBodyMap *self,
                                                cairo_t       *cr,
                                                int            width,
                                                int            height);

G_END_DECLS
