/* limber-test-utils.c
 *
 * Clicks and key presses go through the X server (XTest), so they take the
 * same path through GDK and the event controllers as a person's would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gdk/x11/gdkx.h>
#include <librsvg/rsvg.h>
#include <X11/extensions/XTest.h>

#include <glib/gstdio.h>

#include "limber-test-utils.h"
#include "pages/limber-map-page.h"
#include "pages/limber-region-choice.h"
#include "widgets/limber-body-map.h"

static char *private_data_home;

static void
remove_private_data_home (void)
{
  limber_test_remove_tree (private_data_home);
  g_clear_pointer (&private_data_home, g_free);
}

/* The application keeps its history under XDG_DATA_HOME: tests never touch
 * the person's own, and each test program starts with none. A test that
 * set its own temporary folder keeps it. */
static void
use_private_data_home (void)
{
  const char *current = g_getenv ("XDG_DATA_HOME");

  if (current != NULL && g_str_has_prefix (current, g_get_tmp_dir ()))
    return;

  private_data_home = g_dir_make_tmp ("limber-test-data-XXXXXX", NULL);
  g_assert_nonnull (private_data_home);
  g_setenv ("XDG_DATA_HOME", private_data_home, TRUE);
  atexit (remove_private_data_home);
}

void
limber_test_init_gui (int    *argc,
                      char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_print ("1..0 # SKIP this test needs an X display (build-aux/test.sh starts one)\n");
      exit (77);
    }

  g_setenv ("GDK_BACKEND", "x11", TRUE);
  use_private_data_home ();
  gtk_test_init (argc, argv, NULL);
}

void
limber_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    while (g_main_context_iteration (NULL, FALSE))
      ;
  while (g_get_monotonic_time () < end && (g_usleep (1000), TRUE));
}

gboolean
limber_test_wait_for (gboolean (*condition) (gpointer),
                      gpointer   data,
                      guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (500);
    }

  return TRUE;
}

static Display *
get_xdisplay (GtkWidget *widget)
{
  return gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
}

static void
widget_to_root (GtkWidget *widget,
                double     x,
                double     y,
                int       *root_x,
                int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  Display *xdisplay = get_xdisplay (widget);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double sx, sy;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &sx, &sy);

  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (xdisplay),
                         (int)floor (out.x + sx), (int)floor (out.y + sy),
                         root_x, root_y, &child);
}

void
limber_test_move_pointer (GtkWidget *widget,
                          double     x,
                          double     y)
{
  Display *xdisplay = get_xdisplay (widget);
  int rx, ry;

  widget_to_root (widget, x, y, &rx, &ry);
  XTestFakeMotionEvent (xdisplay, -1, rx, ry, CurrentTime);
  XSync (xdisplay, False);
  limber_test_iterate (30);
}

/* Presses or releases a pointer button where the pointer is. */
void
limber_test_pointer_button (GtkWidget *widget,
                            guint      button,
                            gboolean   press)
{
  Display *xdisplay = get_xdisplay (widget);

  XTestFakeButtonEvent (xdisplay, button, press, CurrentTime);
  XSync (xdisplay, False);
  limber_test_iterate (30);
}

void
limber_test_click_button (GtkWidget *widget,
                          double     x,
                          double     y,
                          guint      button)
{
  Display *xdisplay = get_xdisplay (widget);

  limber_test_move_pointer (widget, x, y);
  XTestFakeButtonEvent (xdisplay, button, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, button, False, CurrentTime);
  XSync (xdisplay, False);
  limber_test_iterate (30);
}

void
limber_test_click (GtkWidget *widget,
                   double     x,
                   double     y)
{
  limber_test_click_button (widget, x, y, 1);
}

void
limber_test_press_key (GtkWidget       *widget,
                       guint            keyval,
                       GdkModifierType  modifiers)
{
  Display *xdisplay = get_xdisplay (widget);
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);
  KeyCode control = XKeysymToKeycode (xdisplay, GDK_KEY_Control_L);
  KeyCode shift = XKeysymToKeycode (xdisplay, GDK_KEY_Shift_L);
  KeyCode alt = XKeysymToKeycode (xdisplay, GDK_KEY_Alt_L);

  g_assert_cmpuint (code, !=, 0);

  /* Keyboard focus follows the pointer on a bare X server. */
  limber_test_move_pointer (GTK_WIDGET (gtk_widget_get_native (widget)), 1, 1);

  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, control, True, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (xdisplay, alt, True, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, shift, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, shift, False, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (xdisplay, alt, False, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, control, False, CurrentTime);
  XSync (xdisplay, False);
  limber_test_iterate (30);
}

static gboolean
is_mapped_and_sized (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

GtkWindow *
limber_test_window_new (GtkWidget *child,
                        int        width,
                        int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  g_assert_true (limber_test_wait_for (is_mapped_and_sized, child, 5000));
  limber_test_iterate (100);

  return window;
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width &&
         gtk_widget_get_height (wait->widget) == wait->height;
}

/* Resizes @window so that @watched gets @width x @height, and waits for it. */
void
limber_test_resize (GtkWindow *window,
                    GtkWidget *watched,
                    int        width,
                    int        height)
{
  SizeWait wait = { watched, width, height };
  int dx = gtk_widget_get_width (GTK_WIDGET (window)) - gtk_widget_get_width (watched);
  int dy = gtk_widget_get_height (GTK_WIDGET (window)) - gtk_widget_get_height (watched);

  gtk_window_set_default_size (window, width + dx, height + dy);
  if (!limber_test_wait_for (has_size, &wait, 5000))
    g_error ("Asked for %dx%d, got %dx%d", width, height,
             gtk_widget_get_width (watched), gtk_widget_get_height (watched));
  limber_test_iterate (50);
}

/* Finds a point well inside an element's drawn path, independently of the
 * widget under test: it renders the element alone with librsvg and takes the
 * covered pixel farthest from any uncovered one (a chamfer distance). */
gboolean
limber_test_interior_point (GBytes       *svg,
                            const char   *element_id,
                            const double  viewport[4],
                            int           width,
                            int           height,
                            double       *x,
                            double       *y)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (svg);
  g_autoptr(GError) error = NULL;
  g_autofree char *layer = g_strconcat ("#", element_id, NULL);
  g_autofree guint16 *dist = NULL;
  RsvgRectangle rect = { viewport[0], viewport[1], viewport[2], viewport[3] };
  RsvgHandle *handle;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint16 best = 0;
  guint8 *data;
  int stride;

  handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cr = cairo_create (surface);
  rsvg_handle_render_layer (handle, cr, layer, &rect, &error);
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (handle);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  dist = g_new0 (guint16, (gsize)width * height);

  /* Two-pass chamfer distance over fully covered pixels. */
  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      {
        guint16 d = 0;

        if (data[j * stride + i] == 255 && i > 0 && j > 0)
          d = MIN (dist[j * width + i - 1], dist[(j - 1) * width + i]) + 1;
        dist[j * width + i] = d;
      }
  for (int j = height - 1; j >= 0; j--)
    for (int i = width - 1; i >= 0; i--)
      {
        guint16 d = dist[j * width + i];

        if (d == 0)
          continue;
        if (i < width - 1)
          d = MIN (d, dist[j * width + i + 1] + 1);
        else
          d = 1;
        if (j < height - 1)
          d = MIN (d, dist[(j + 1) * width + i] + 1);
        else
          d = 1;
        dist[j * width + i] = d;
        if (d > best)
          {
            best = d;
            *x = i + 0.5;
            *y = j + 0.5;
          }
      }

  cairo_surface_destroy (surface);

  /* At least two pixels from the edge: a click there is unambiguous. */
  return best >= 2;
}

/* A point inside @element_id as @body_map shows it now. */
gboolean
limber_test_region_point (GtkWidget  *body_map,
                          GBytes     *svg,
                          const char *element_id,
                          double     *x,
                          double     *y)
{
  RsvgRectangle rect;
  double viewport[4];

  g_assert_true (limber_body_map_get_document_viewport (LIMBER_BODY_MAP (body_map), &rect));
  viewport[0] = rect.x;
  viewport[1] = rect.y;
  viewport[2] = rect.width;
  viewport[3] = rect.height;

  return limber_test_interior_point (svg, element_id, viewport,
                                     gtk_widget_get_width (body_map), gtk_widget_get_height (body_map),
                                     x, y);
}

static const char *
widget_label (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));

  return NULL;
}

/* The first mapped widget of @type under @root, depth first, whose label is
 * @label (any label when %NULL). */
GtkWidget *
limber_test_find_widget (GtkWidget  *root,
                         GType       type,
                         const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      gtk_widget_get_mapped (root) &&
      (label == NULL || g_strcmp0 (widget_label (root), label) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = limber_test_find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Chooses a region as the list's check button would. */
void
limber_test_select_region (GtkWidget  *map_page,
                           const char *region_id)
{
  GListModel *choices = limber_map_page_get_choices (LIMBER_MAP_PAGE (map_page));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (limber_region_get_id (limber_region_choice_get_region (choice)), region_id))
        {
          limber_region_choice_set_selected (choice, TRUE);
          return;
        }
    }

  g_error ("no region %s", region_id);
}

/* @widget as it draws itself now, through its window's own renderer, but
 * without its children or a frame in the way. */
cairo_surface_t *
limber_test_render_widget (GtkWidget *widget)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                 gtk_widget_get_height (widget));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &viewport);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);

  return surface;
}

guint32
limber_test_pixel_at (cairo_surface_t *surface,
                      int              x,
                      int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  g_assert_true (x >= 0 && x < cairo_image_surface_get_width (surface));
  g_assert_true (y >= 0 && y < cairo_image_surface_get_height (surface));

  return ((const guint32 *)(data + (gsize)y * cairo_image_surface_get_stride (surface)))[x];
}

/* The sum of the differences of the four channels, from 0 to 1020. */
int
limber_test_colour_distance (guint32 a,
                             guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 32; shift += 8)
    d += ABS ((int)((a >> shift) & 0xff) - (int)((b >> shift) & 0xff));

  return d;
}

/* GTK's own handler stops the emission of GdkSurface::render, so count with
 * an emission hook, which runs whatever the handlers return. */
static gboolean
count_render_hook (GSignalInvocationHint *hint,
                   guint                  n_params,
                   const GValue          *params,
                   gpointer               user_data)
{
  guint *renders = user_data;

  (*renders)++;
  return TRUE;
}

/* Counts every window's renders into @renders until
 * limber_test_count_renders_end(). */
gulong
limber_test_count_renders_begin (guint *renders)
{
  return g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                     count_render_hook, renders, NULL);
}

void
limber_test_count_renders_end (gulong hook)
{
  g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), hook);
}

/* Chooses exactly @ids on @map, as taps on it would. */
void
limber_test_choose_regions (LimberMapPage      *map,
                            const char * const *ids)
{
  GListModel *choices = limber_map_page_get_choices (map);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (choices, i);
      const char *id = limber_region_get_id (limber_region_choice_get_region (choice));

      limber_region_choice_set_selected (choice, g_strv_contains (ids, id));
    }
  /* Long enough for the side pane to settle (and a popover from the last
   * test to finish closing) before a tap aims at it. */
  limber_test_iterate (600);
}

/**
 * limber_test_find_dialog:
 *
 * Returns: (transfer none) (nullable): the message dialog showing, if any.
 */
AdwMessageDialog *
limber_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}
