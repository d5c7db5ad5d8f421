/* limber-test-utils.h: real input for GUI tests under Xvfb, through XTest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

#include "limber-test-files.h"
#include "pages/limber-map-page.h"

G_BEGIN_DECLS

void     limber_test_init_gui          (int         *argc,
                                        char      ***argv);
void     limber_test_iterate           (guint        ms);
gboolean limber_test_wait_for          (gboolean   (*condition) (gpointer),
                                        gpointer     data,
                                        guint        timeout_ms);
void     limber_test_click             (GtkWidget   *widget,
                                        double       x,
                                        double       y);
void     limber_test_click_button      (GtkWidget   *widget,
                                        double       x,
                                        double       y,
                                        guint        button);
void     limber_test_pointer_button    (GtkWidget   *widget,
                                        guint        button,
                                        gboolean     press);
void     limber_test_move_pointer      (GtkWidget   *widget,
                                        double       x,
                                        double       y);
void     limber_test_press_key         (GtkWidget   *widget,
                                        guint        keyval,
                                        GdkModifierType modifiers);
GtkWindow *limber_test_window_new      (GtkWidget   *child,
                                        int          width,
                                        int          height);
void     limber_test_resize            (GtkWindow   *window,
                                        GtkWidget   *watched,
                                        int          width,
                                        int          height);
gboolean limber_test_interior_point    (GBytes      *svg,
                                        const char  *element_id,
                                        const double viewport[4],
                                        int          width,
                                        int          height,
                                        double      *x,
                                        double      *y);
gboolean limber_test_region_point     (GtkWidget   *body_map,
                                        GBytes      *svg,
                                        const char  *element_id,
                                        double      *x,
                                        double      *y);
GtkWidget *limber_test_find_widget     (GtkWidget   *root,
                                        GType        type,
                                        const char  *label);
void     limber_test_select_region     (GtkWidget   *map_page,
                                        const char  *region_id);
cairo_surface_t *limber_test_render_widget (GtkWidget *widget);
guint32  limber_test_pixel_at          (cairo_surface_t *surface,
                                        int          x,
                                        int          y);
int      limber_test_colour_distance   (guint32      a,
                                        guint32      b);
gulong   limber_test_count_renders_begin (guint      *renders);
void     limber_test_count_renders_end   (gulong      hook);

AdwMessageDialog *limber_test_find_dialog (void);
void     limber_test_choose_regions    (LimberMapPage      *map,
                                        const char * const *ids);

G_END_DECLS
