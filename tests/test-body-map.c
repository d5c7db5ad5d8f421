/* test-body-map.c: LimberBodyMap under X, driven by real pointer and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "core/limber-catalogue-loader.h"
#include "limber-test-utils.h"
#include "widgets/limber-body-map.h"

typedef struct
{
  LimberCatalogue *catalogue;
  GBytes          *svg;
  GtkWidget       *button;
  LimberBodyMap   *map;
  GtkWindow       *window;
  GPtrArray       *toggled;   /* "id" or "-id" per region-toggled */
  GPtrArray       *contexts;  /* "id" per region-context */
  double           context_x;
  double           context_y;
} Fixture;

static void
on_region_context_cb (LimberBodyMap *map,
                      const char    *element_id,
                      double         x,
                      double         y,
                      Fixture       *fixture)
{
  g_ptr_array_add (fixture->contexts, g_strdup (element_id));
  fixture->context_x = x;
  fixture->context_y = y;
}

static void
on_region_toggled_cb (LimberBodyMap *map,
                      const char    *element_id,
                      gboolean       selected,
                      Fixture       *fixture)
{
  g_ptr_array_add (fixture->toggled, g_strconcat (selected ? "" : "-", element_id, NULL));
}

static void
populate (LimberBodyMap   *map,
          LimberCatalogue *catalogue,
          GBytes          *svg)
{
  g_autoptr(GError) error = NULL;
  GListModel *regions = limber_catalogue_get_regions (catalogue);

  g_assert_true (limber_body_map_set_svg (map, svg, &error));
  g_assert_no_error (error);
  limber_body_map_add_view (map, "front", "R", "L");
  limber_body_map_add_view (map, "back", "L", "R");

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      limber_body_map_add_region (map, limber_region_get_svg_id (region),
                                  limber_view_to_string (limber_region_get_view (region)),
                                  limber_region_get_name (region));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  fixture->catalogue = limber_catalogue_new ();
  g_assert_true (limber_catalogue_load_resource (fixture->catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  fixture->svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, &error);
  g_assert_no_error (error);
  fixture->toggled = g_ptr_array_new_with_free_func (g_free);
  fixture->contexts = g_ptr_array_new_with_free_func (g_free);

  fixture->map = LIMBER_BODY_MAP (limber_body_map_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->map), TRUE);
  populate (fixture->map, fixture->catalogue, fixture->svg);
  g_signal_connect (fixture->map, "region-toggled", G_CALLBACK (on_region_toggled_cb), fixture);
  g_signal_connect (fixture->map, "region-context", G_CALLBACK (on_region_context_cb), fixture);

  /* A button before the map, to show that Tab reaches it. */
  fixture->button = gtk_button_new_with_label ("Before");
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), fixture->button);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->map));
  fixture->window = limber_test_window_new (box, 700, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  limber_test_iterate (20);
  g_clear_pointer (&fixture->toggled, g_ptr_array_unref);
  g_clear_pointer (&fixture->contexts, g_ptr_array_unref);
  g_clear_pointer (&fixture->svg, g_bytes_unref);
  g_clear_object (&fixture->catalogue);
}

typedef struct
{
  Fixture *fixture;
  guint    count;
} ToggleWait;

static gboolean
toggled_more_than (gpointer data)
{
  ToggleWait *wait = data;

  return wait->fixture->toggled->len > wait->count;
}

static const char *
last_toggled (Fixture *fixture)
{
  g_assert_cmpuint (fixture->toggled->len, >, 0);
  return g_ptr_array_index (fixture->toggled, fixture->toggled->len - 1);
}

/* Clicks at a point inside the region's path, found independently of the
 * map's own hit testing, and checks that exactly that region toggled on. */
static void
click_region (Fixture      *fixture,
              LimberRegion *region)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  const char *svg_id = limber_region_get_svg_id (region);
  ToggleWait wait = { fixture, fixture->toggled->len };
  double x, y;
  GListModel *regions = limber_catalogue_get_regions (fixture->catalogue);

  if (!limber_test_region_point (widget, fixture->svg, svg_id, &x, &y))
    g_error ("Region %s is too small to tap at %dx%d", svg_id,
             gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  limber_test_click (widget, x, y);
  if (!limber_test_wait_for (toggled_more_than, &wait, 3000))
    g_error ("A click at %.1f,%.1f on %s toggled nothing", x, y, svg_id);
  g_assert_cmpstr (last_toggled (fixture), ==, svg_id);
  g_assert_cmpuint (fixture->toggled->len, ==, wait.count + 1);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) other = g_list_model_get_item (regions, i);

      g_assert_cmpint (limber_body_map_get_selected (fixture->map, limber_region_get_svg_id (other)),
                       ==, other == region);
    }

  limber_body_map_unselect_all (fixture->map);
}

static void
test_click_every_region (Fixture       *fixture,
                         gconstpointer  data)
{
  static const int sizes[][2] = { { 420, 560 }, { 900, 700 }, { 1500, 1000 } };
  GListModel *regions = limber_catalogue_get_regions (fixture->catalogue);
  guint clicked = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      limber_test_resize (fixture->window, GTK_WIDGET (fixture->map),
                          sizes[s][0], sizes[s][1]);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->map)), ==, sizes[s][0]);

      for (guint v = 0; v < 2; v++)
        {
          LimberView view = v == 0 ? LIMBER_VIEW_FRONT : LIMBER_VIEW_BACK;

          limber_body_map_set_view (fixture->map, limber_view_to_string (view));
          limber_test_iterate (50);

          for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
            {
              g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

              if (limber_region_get_view (region) != view)
                continue;

              click_region (fixture, region);
              clicked++;
            }
        }
    }

  g_assert_cmpuint (clicked, ==, 3 * g_list_model_get_n_items (regions));
}

static void
test_click_toggles_off (Fixture       *fixture,
                        gconstpointer  data)
{
  LimberRegion *region = limber_catalogue_lookup_region (fixture->catalogue, "front.quadriceps.left");
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  ToggleWait wait = { fixture, 0 };
  double x, y;

  g_assert_nonnull (region);
  g_assert_true (limber_test_region_point (widget, fixture->svg, limber_region_get_svg_id (region), &x, &y));

  limber_test_click (widget, x, y);
  g_assert_true (limber_test_wait_for (toggled_more_than, &wait, 3000));
  g_assert_true (limber_body_map_get_selected (fixture->map, "front-quadriceps-left"));

  /* Past the double-click time, so this is a second tap, not a double one. */
  limber_test_iterate (600);
  wait.count = fixture->toggled->len;
  limber_test_click (widget, x, y);
  g_assert_true (limber_test_wait_for (toggled_more_than, &wait, 3000));
  g_assert_cmpstr (last_toggled (fixture), ==, "-front-quadriceps-left");
  g_assert_false (limber_body_map_get_selected (fixture->map, "front-quadriceps-left"));

  /* Outside the figure nothing happens. */
  wait.count = fixture->toggled->len;
  limber_test_click (widget, 3, 3);
  limber_test_iterate (100);
  g_assert_cmpuint (fixture->toggled->len, ==, wait.count);
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  double x, y;

  g_assert_true (limber_test_region_point (widget, fixture->svg, "front-chest-right", &x, &y));
  limber_test_move_pointer (widget, x, y);
  limber_test_iterate (50);
  g_assert_cmpstr (limber_body_map_get_hover_region (fixture->map), ==, "front-chest-right");

  limber_test_move_pointer (widget, 2, 2);
  limber_test_iterate (50);
  g_assert_null (limber_body_map_get_hover_region (fixture->map));
}

static void
collect_view_regions (Fixture    *fixture,
                      LimberView  view,
                      GPtrArray  *out)
{
  GListModel *regions = limber_catalogue_get_regions (fixture->catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      if (limber_region_get_view (region) == view)
        g_ptr_array_add (out, (gpointer)limber_region_get_svg_id (region));
    }
}

/* Arrow keys move to the spatially nearest region; from where the focus
 * starts, every region of the view is reachable with arrows alone. */
static void
test_keyboard_reaches_every_region (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const guint arrows[] = { GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down };

  for (guint v = 0; v < 2; v++)
    {
      LimberView view = v == 0 ? LIMBER_VIEW_FRONT : LIMBER_VIEW_BACK;
      g_autoptr(GPtrArray) all = g_ptr_array_new ();
      g_autoptr(GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GQueue) queue = g_queue_new ();
      const char *start;

      limber_body_map_set_view (fixture->map, limber_view_to_string (view));
      collect_view_regions (fixture, view, all);

      /* Tab from the button before the map focuses the map. */
      gtk_widget_grab_focus (fixture->button);
      limber_test_iterate (20);
      limber_test_press_key (GTK_WIDGET (fixture->map), GDK_KEY_Tab, 0);
      g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->map)));

      start = limber_body_map_get_focus_region (fixture->map);
      g_assert_nonnull (start);
      g_hash_table_add (reached, (gpointer)start);
      g_queue_push_tail (queue, (gpointer)start);

      while (!g_queue_is_empty (queue))
        {
          const char *from = g_queue_pop_head (queue);

          for (guint k = 0; k < G_N_ELEMENTS (arrows); k++)
            {
              const char *to;

              limber_body_map_set_focus_region (fixture->map, from);
              limber_test_press_key (GTK_WIDGET (fixture->map), arrows[k], 0);
              to = limber_body_map_get_focus_region (fixture->map);
              g_assert_nonnull (to);
              g_assert_true (g_ptr_array_find_with_equal_func (all, to, g_str_equal, NULL));

              if (!g_hash_table_contains (reached, to))
                {
                  g_hash_table_add (reached, (gpointer)to);
                  g_queue_push_tail (queue, (gpointer)to);
                }
            }
        }

      for (guint i = 0; i < all->len; i++)
        if (!g_hash_table_contains (reached, g_ptr_array_index (all, i)))
          g_error ("The arrow keys never reach %s", (char *)g_ptr_array_index (all, i));

      g_assert_cmpuint (g_hash_table_size (reached), ==, all->len);
    }
}

static void
test_keyboard_toggles (Fixture       *fixture,
                       gconstpointer  data)
{
  gtk_widget_grab_focus (GTK_WIDGET (fixture->map));
  limber_body_map_set_focus_region (fixture->map, "back-calves-left");
  g_assert_cmpstr (limber_body_map_get_view (fixture->map), ==, "back");

  limber_test_press_key (GTK_WIDGET (fixture->map), GDK_KEY_space, 0);
  g_assert_true (limber_body_map_get_selected (fixture->map, "back-calves-left"));
  g_assert_cmpstr (last_toggled (fixture), ==, "back-calves-left");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->map),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Left calf, selected");

  limber_test_press_key (GTK_WIDGET (fixture->map), GDK_KEY_Return, 0);
  g_assert_false (limber_body_map_get_selected (fixture->map, "back-calves-left"));
  g_assert_cmpstr (last_toggled (fixture), ==, "-back-calves-left");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->map),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Left calf, not selected");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_view_switch (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  double fx, fy, bx, by;
  guint notified = 0;

  g_signal_connect (fixture->map, "notify::view", G_CALLBACK (count_notify_cb), &notified);
  g_assert_cmpstr (limber_body_map_get_view (fixture->map), ==, "front");
  g_assert_true (limber_test_region_point (widget, fixture->svg, "front-abdomen", &fx, &fy));
  g_assert_cmpstr (limber_body_map_pick (fixture->map, fx, fy), ==, "front-abdomen");

  limber_body_map_set_view (fixture->map, "back");
  limber_test_iterate (50);
  g_assert_cmpstr (limber_body_map_get_view (fixture->map), ==, "back");

  /* Front regions are gone from the hit test; back ones answer. */
  g_assert_cmpstr (limber_body_map_pick (fixture->map, fx, fy), !=, "front-abdomen");
  g_assert_true (limber_test_region_point (widget, fixture->svg, "back-lower-back-left", &bx, &by));
  g_assert_cmpstr (limber_body_map_pick (fixture->map, bx, by), ==, "back-lower-back-left");
  g_assert_cmpuint (notified, ==, 1);
  g_signal_handlers_disconnect_by_data (fixture->map, &notified);
}

static void
test_marked_state (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberBodyMap *map = fixture->map;

  g_assert_false (limber_body_map_get_marked (map, "front-quadriceps-left"));

  limber_body_map_set_marked (map, "front-quadriceps-left", TRUE);
  limber_body_map_set_marked (map, "back-calves-left", TRUE);
  g_assert_true (limber_body_map_get_marked (map, "front-quadriceps-left"));
  g_assert_true (limber_body_map_get_marked (map, "back-calves-left"));
  g_assert_false (limber_body_map_get_marked (map, "front-abdomen"));

  /* Marked and selected are two states, not one. */
  g_assert_false (limber_body_map_get_selected (map, "front-quadriceps-left"));
  limber_body_map_set_selected (map, "front-abdomen", TRUE);
  g_assert_false (limber_body_map_get_marked (map, "front-abdomen"));
  limber_body_map_unselect_all (map);
  g_assert_true (limber_body_map_get_marked (map, "front-quadriceps-left"));

  limber_body_map_set_marked (map, "front-quadriceps-left", FALSE);
  g_assert_false (limber_body_map_get_marked (map, "front-quadriceps-left"));
  g_assert_true (limber_body_map_get_marked (map, "back-calves-left"));

  /* Unknown ids are quietly ignored (a critical would abort the test). */
  limber_body_map_set_marked (map, "no-such-region", TRUE);
  g_assert_false (limber_body_map_get_marked (map, "no-such-region"));
  g_assert_false (limber_body_map_get_marked (map, NULL));

  limber_body_map_set_selected (map, "back-calves-left", TRUE);
  limber_body_map_unmark_all (map);
  g_assert_false (limber_body_map_get_marked (map, "back-calves-left"));
  g_assert_true (limber_body_map_get_selected (map, "back-calves-left"));

  /* Neither marking nor unmarking speaks for the person. */
  g_assert_cmpuint (fixture->toggled->len, ==, 0);
  g_assert_cmpuint (fixture->contexts->len, ==, 0);
}

static void
test_marked_accessible (Fixture       *fixture,
                        gconstpointer  data)
{
  LimberBodyMap *map = fixture->map;

  gtk_widget_grab_focus (GTK_WIDGET (map));
  limber_body_map_set_focus_region (map, "back-calves-left");

  limber_body_map_set_marked (map, "back-calves-left", TRUE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left calf, not selected, marked");

  limber_body_map_set_marked_label (map, "injured");
  g_assert_cmpstr (limber_body_map_get_marked_label (map), ==, "injured");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left calf, not selected, injured");

  limber_test_press_key (GTK_WIDGET (map), GDK_KEY_space, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left calf, selected, injured");

  limber_body_map_unmark_all (map);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left calf, selected");

  g_object_set (map, "marked-label", NULL, NULL);
  g_assert_null (limber_body_map_get_marked_label (map));
}

/* Inside the region, away from its antialiased edge: where a selected
 * region paints, as far as two pixels around. */
static gboolean
in_region (cairo_surface_t *plain,
           cairo_surface_t *filled,
           int              x,
           int              y)
{
  static const int around[][2] = { { 0, 0 }, { -2, 0 }, { 2, 0 }, { 0, -2 }, { 0, 2 } };
  int width = cairo_image_surface_get_width (plain);
  int height = cairo_image_surface_get_height (plain);

  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    {
      int ax = x + around[i][0], ay = y + around[i][1];

      if (ax < 0 || ay < 0 || ax >= width || ay >= height ||
          limber_test_colour_distance (limber_test_pixel_at (plain, ax, ay),
                                       limber_test_pixel_at (filled, ax, ay)) < 60)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  guint   area;        /* pixels of the region */
  guint   differ;      /* of those, unlike the other rendering */
  guint   dominant;    /* of those, the commonest colour's */
  guint   runs;        /* colour changes down the column through the region's middle */
} Look;

/* Compares @surface with @other inside the region that @filled shows
 * selected and @plain does not. */
static Look
look_at (cairo_surface_t *surface,
         cairo_surface_t *other,
         cairo_surface_t *plain,
         cairo_surface_t *filled,
         int              column)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 previous = 0;
  gboolean inside = FALSE;
  GHashTableIter iter;
  gpointer key, value;
  Look look = { 0, };

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = limber_test_pixel_at (surface, x, y);
        guint count;

        if (!in_region (plain, filled, x, y))
          continue;

        look.area++;
        if (limber_test_colour_distance (pixel, limber_test_pixel_at (other, x, y)) > 60)
          look.differ++;

        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (count));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    look.dominant = MAX (look.dominant, GPOINTER_TO_UINT (value));

  /* Down one column, count the changes between two clearly different
   * colours, ignoring the antialiased in-between. The regions are tall:
   * a column crosses more stripes than a row. */
  for (int y = 0; y < height; y++)
    {
      guint32 pixel = limber_test_pixel_at (surface, column, y);

      if (!in_region (plain, filled, column, y))
        {
          inside = FALSE;
          continue;
        }

      if (!inside)
        previous = pixel;
      else if (limber_test_colour_distance (pixel, previous) > 120)
        {
          look.runs++;
          previous = pixel;
        }
      inside = TRUE;
    }

  return look;
}

static void
assert_marked_look (Fixture    *fixture,
                    const char *element_id)
{
  LimberBodyMap *map = fixture->map;
  cairo_surface_t *plain, *selected, *marked, *both;
  double x, y;
  Look look;

  g_assert_true (limber_test_region_point (GTK_WIDGET (map), fixture->svg, element_id, &x, &y));

  plain = limber_test_render_widget (GTK_WIDGET (map));
  limber_body_map_set_selected (map, element_id, TRUE);
  selected = limber_test_render_widget (GTK_WIDGET (map));
  limber_body_map_set_selected (map, element_id, FALSE);
  limber_body_map_set_marked (map, element_id, TRUE);
  marked = limber_test_render_widget (GTK_WIDGET (map));
  limber_body_map_set_selected (map, element_id, TRUE);
  both = limber_test_render_widget (GTK_WIDGET (map));
  limber_body_map_set_selected (map, element_id, FALSE);
  limber_body_map_set_marked (map, element_id, FALSE);

  /* A selected region is one flat colour: this is what the hatch is told
   * apart from. */
  look = look_at (selected, plain, plain, selected, (int)x);
  g_assert_cmpuint (look.area, >, 100);
  g_assert_cmpuint (look.dominant, >, look.area * 8 / 10);
  g_assert_cmpuint (look.runs, ==, 0);

  /* Marked looks unlike unselected and unlike selected almost everywhere
   * in the region... */
  look = look_at (marked, plain, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, >, look.area * 9 / 10);
  look = look_at (marked, selected, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, >, look.area * 9 / 10);

  /* ...and is striped: no colour covers most of it, and a line across it
   * crosses several stripes. */
  g_assert_cmpuint (look.dominant, <, look.area * 7 / 10);
  g_assert_cmpuint (look.runs, >=, 3);

  /* Marked wins over selected. */
  look = look_at (both, marked, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, <, look.area / 20);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
  cairo_surface_destroy (marked);
  cairo_surface_destroy (both);
}

static void
test_marked_look (Fixture       *fixture,
                  gconstpointer  data)
{
  assert_marked_look (fixture, "front-quadriceps-left");

  /* The hatch is still there at thumbnail size. */
  limber_body_map_set_compact (fixture->map, TRUE);
  limber_test_resize (fixture->window, GTK_WIDGET (fixture->map), 160, 240);
  assert_marked_look (fixture, "front-quadriceps-left");
}

static void
test_heat_state (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const ids[] = { "front-quadriceps-left", "front-abdomen", "back-calves-left" };
  LimberBodyMap *map = fixture->map;
  GtkWidget *widget = GTK_WIDGET (map);
  const char *picked[G_N_ELEMENTS (ids)];

  g_assert_cmpfloat (limber_body_map_get_heat (map, "front-abdomen"), ==, -1);

  /* Levels from 0 to 1; 0 is a level, not none. */
  limber_body_map_set_heat (map, "front-abdomen", 0.5);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "front-abdomen"), ==, 0.5);
  limber_body_map_set_heat (map, "front-abdomen", 0);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "front-abdomen"), ==, 0);

  /* Clamped above; below 0 or NAN clears. */
  limber_body_map_set_heat (map, "front-abdomen", 1.7);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "front-abdomen"), ==, 1);
  limber_body_map_set_heat (map, "front-abdomen", -0.2);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "front-abdomen"), ==, -1);
  limber_body_map_set_heat (map, "front-abdomen", 0.3);
  limber_body_map_set_heat (map, "front-abdomen", NAN);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "front-abdomen"), ==, -1);

  /* Unknown ids are quietly ignored, as for marks. */
  limber_body_map_set_heat (map, "no-such-region", 0.5);
  limber_body_map_set_heat (map, NULL, 0.5);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "no-such-region"), ==, -1);
  g_assert_cmpfloat (limber_body_map_get_heat (map, NULL), ==, -1);

  /* Heat is apart from selection, marks and hit testing. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      double x, y;

      /* Focusing a region shows its view. */
      limber_body_map_set_focus_region (fixture->map, ids[i]);
      limber_test_iterate (50);
      g_assert_true (limber_test_region_point (widget, fixture->svg, ids[i], &x, &y));
      picked[i] = limber_body_map_pick (map, x, y);
      g_assert_cmpstr (picked[i], ==, ids[i]);
      limber_body_map_set_heat (map, ids[i], 0.25 * (i + 1));
      limber_test_iterate (20);
      g_assert_cmpstr (limber_body_map_pick (map, x, y), ==, picked[i]);
      g_assert_false (limber_body_map_get_selected (map, ids[i]));
      g_assert_false (limber_body_map_get_marked (map, ids[i]));
    }
  limber_body_map_set_selected (map, "back-calves-left", TRUE);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "back-calves-left"), ==, 0.75);

  limber_body_map_clear_heat (map);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpfloat (limber_body_map_get_heat (map, ids[i]), ==, -1);
  g_assert_true (limber_body_map_get_selected (map, "back-calves-left"));

  g_assert_cmpuint (fixture->toggled->len, ==, 0);
  g_assert_cmpuint (fixture->contexts->len, ==, 0);
}

typedef struct
{
  double luma;
  double redness;   /* red over green: 1 for yellow-white, more as it reddens */
} Tone;

/* The mean colour inside the region that @filled shows selected and
 * @plain does not. */
static Tone
tone_of (cairo_surface_t *surface,
         cairo_surface_t *plain,
         cairo_surface_t *filled)
{
  double r = 0, g = 0, b = 0;
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 pixel;

        if (!in_region (plain, filled, x, y))
          continue;

        pixel = limber_test_pixel_at (surface, x, y);
        r += (pixel >> 16) & 0xff;
        g += (pixel >> 8) & 0xff;
        b += pixel & 0xff;
        n++;
      }

  g_assert_cmpuint (n, >, 100);
  r /= n;
  g /= n;
  b /= n;

  return (Tone) { 0.2126 * r + 0.7152 * g + 0.0722 * b, (r + 1) / (g + 1) };
}

static void
test_heat_look (Fixture       *fixture,
                gconstpointer  data)
{
  const char *id = "front-quadriceps-left";
  LimberBodyMap *map = fixture->map;
  GtkWidget *widget = GTK_WIDGET (map);
  cairo_surface_t *plain, *selected, *low, *high, *full, *over, *cleared, *both;
  Tone tone_low, tone_high;
  double x, y;
  Look look;

  g_assert_true (limber_test_region_point (widget, fixture->svg, id, &x, &y));

  plain = limber_test_render_widget (widget);
  limber_body_map_set_selected (map, id, TRUE);
  selected = limber_test_render_widget (widget);
  limber_body_map_set_selected (map, id, FALSE);

  limber_body_map_set_heat (map, id, 0.2);
  low = limber_test_render_widget (widget);
  limber_body_map_set_heat (map, id, 0.9);
  high = limber_test_render_widget (widget);
  limber_body_map_set_heat (map, id, 1);
  full = limber_test_render_widget (widget);
  limber_body_map_set_heat (map, id, 1.7);
  over = limber_test_render_widget (widget);

  /* Selection is drawn over heat, so it still shows. */
  limber_body_map_set_selected (map, id, TRUE);
  both = limber_test_render_widget (widget);
  limber_body_map_set_selected (map, id, FALSE);

  limber_body_map_clear_heat (map);
  cleared = limber_test_render_widget (widget);

  /* Heat changes the whole region's colour, and more heat is darker and
   * redder. */
  look = look_at (low, plain, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, >, look.area * 9 / 10);
  look = look_at (high, low, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, >, look.area * 9 / 10);
  tone_low = tone_of (low, plain, selected);
  tone_high = tone_of (high, plain, selected);
  g_assert_cmpfloat (tone_high.luma, <, tone_low.luma - 60);
  g_assert_cmpfloat (tone_high.redness, >, tone_low.redness * 2);

  /* One flat colour, not a pattern: the hatch is for marks. */
  g_assert_cmpuint (look_at (high, plain, plain, selected, (int)x).dominant, >, look.area * 8 / 10);

  /* Above 1 is 1. */
  look = look_at (over, full, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, ==, 0);

  look = look_at (both, selected, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, <, look.area / 20);

  /* Cleared, the region is as before. */
  look = look_at (cleared, plain, plain, selected, (int)x);
  g_assert_cmpuint (look.differ, ==, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
  cairo_surface_destroy (low);
  cairo_surface_destroy (high);
  cairo_surface_destroy (full);
  cairo_surface_destroy (over);
  cairo_surface_destroy (both);
  cairo_surface_destroy (cleared);
}

/* The page's words for a region are read after its name and state, for
 * the region that has the focus. */
static void
test_region_description (Fixture       *fixture,
                         gconstpointer  data)
{
  LimberBodyMap *map = fixture->map;
  GtkAccessible *accessible = GTK_ACCESSIBLE (map);

  gtk_widget_grab_focus (GTK_WIDGET (map));
  limber_body_map_set_focus_region (map, "back-calves-left");

  limber_body_map_set_region_description (map, "back-calves-left", "sore 3 times this month");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left calf, not selected, sore 3 times this month");

  limber_body_map_set_marked_label (map, "injured");
  limber_body_map_set_marked (map, "back-calves-left", TRUE);
  limber_body_map_set_selected (map, "back-calves-left", TRUE);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left calf, selected, injured, sore 3 times this month");
  limber_body_map_set_marked (map, "back-calves-left", FALSE);
  limber_body_map_set_selected (map, "back-calves-left", FALSE);

  /* Another region's words wait until it has the focus. */
  limber_body_map_set_region_description (map, "back-calves-right", "sore once this month");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left calf, not selected, sore 3 times this month");
  limber_body_map_set_focus_region (map, "back-calves-right");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Right calf, not selected, sore once this month");

  /* Heat does not speak by itself: the words are the page's. */
  limber_body_map_set_heat (map, "back-calves-right", 0.8);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Right calf, not selected, sore once this month");

  /* NULL, or nothing, clears; unknown ids are ignored. */
  limber_body_map_set_region_description (map, "back-calves-right", NULL);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Right calf, not selected");
  limber_body_map_set_region_description (map, "back-calves-right", "");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Right calf, not selected");
  limber_body_map_set_region_description (map, "no-such-region", "sore");
  limber_body_map_set_region_description (map, NULL, "sore");
}

typedef struct
{
  Fixture *fixture;
  guint    count;
} ContextWait;

static gboolean
context_more_than (gpointer data)
{
  ContextWait *wait = data;

  return wait->fixture->contexts->len > wait->count;
}

static void
press_button (GtkWidget *widget,
              guint      button,
              gboolean   down)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));

  XTestFakeButtonEvent (xdisplay, button, down, CurrentTime);
  XSync (xdisplay, False);
}

static void
test_right_click_context (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  ContextWait wait = { fixture, 0 };
  double x, y;

  g_assert_true (limber_test_region_point (widget, fixture->svg, "front-chest-right", &x, &y));
  limber_test_move_pointer (widget, x, y);
  press_button (widget, 3, TRUE);
  press_button (widget, 3, FALSE);
  g_assert_true (limber_test_wait_for (context_more_than, &wait, 3000));
  limber_test_iterate (100);

  g_assert_cmpuint (fixture->contexts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->contexts, 0), ==, "front-chest-right");
  g_assert_cmpfloat_with_epsilon (fixture->context_x, x, 1.);
  g_assert_cmpfloat_with_epsilon (fixture->context_y, y, 1.);
  g_assert_cmpuint (fixture->toggled->len, ==, 0);
  g_assert_false (limber_body_map_get_selected (fixture->map, "front-chest-right"));
  g_assert_cmpstr (limber_body_map_get_focus_region (fixture->map), ==, "front-chest-right");

  /* Outside the figure nothing happens. */
  limber_test_move_pointer (widget, 3, 3);
  press_button (widget, 3, TRUE);
  press_button (widget, 3, FALSE);
  limber_test_iterate (100);
  g_assert_cmpuint (fixture->contexts->len, ==, 1);
  g_assert_cmpuint (fixture->toggled->len, ==, 0);
}

static void
test_long_press_context (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->map);
  ContextWait wait = { fixture, 0 };
  ToggleWait toggle = { fixture, 0 };
  gboolean opened;
  guint toggled_while_held;
  double x, y;

  g_assert_true (limber_test_region_point (widget, fixture->svg, "front-quadriceps-left", &x, &y));

  /* Press and hold past the long-press time. The button goes up before
   * any check, so that a failure leaves no button down on the X server. */
  limber_test_move_pointer (widget, x, y);
  press_button (widget, 1, TRUE);
  opened = limber_test_wait_for (context_more_than, &wait, 3000);
  toggled_while_held = fixture->toggled->len;
  press_button (widget, 1, FALSE);
  limber_test_iterate (100);
  g_assert_true (opened);
  g_assert_cmpuint (toggled_while_held, ==, 0);

  g_assert_cmpuint (fixture->contexts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->contexts, 0), ==, "front-quadriceps-left");
  g_assert_cmpfloat_with_epsilon (fixture->context_x, x, 1.);
  g_assert_cmpfloat_with_epsilon (fixture->context_y, y, 1.);
  g_assert_cmpuint (fixture->toggled->len, ==, 0);
  g_assert_false (limber_body_map_get_selected (fixture->map, "front-quadriceps-left"));

  /* A tap afterwards still toggles, and does not open the context. */
  limber_test_iterate (600);
  limber_test_click (widget, x, y);
  g_assert_true (limber_test_wait_for (toggled_more_than, &toggle, 3000));
  g_assert_cmpstr (last_toggled (fixture), ==, "front-quadriceps-left");
  limber_test_iterate (800);
  g_assert_cmpuint (fixture->contexts->len, ==, 1);

  /* A long press outside the figure does nothing. */
  limber_test_iterate (600);
  limber_test_move_pointer (widget, 3, 3);
  press_button (widget, 1, TRUE);
  limber_test_iterate (1000);
  press_button (widget, 1, FALSE);
  limber_test_iterate (100);
  g_assert_cmpuint (fixture->contexts->len, ==, 1);
  g_assert_cmpuint (fixture->toggled->len, ==, 1);
}

static void
test_menu_key_context (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { guint keyval; GdkModifierType modifiers; } keys[] = {
    { GDK_KEY_Menu, 0 },
    { GDK_KEY_F10, GDK_SHIFT_MASK },
  };
  GtkWidget *widget = GTK_WIDGET (fixture->map);

  gtk_widget_grab_focus (widget);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *id = i == 0 ? "front-abdomen" : "back-calves-left";

      limber_body_map_set_focus_region (fixture->map, id);
      limber_test_iterate (50);
      limber_test_press_key (widget, keys[i].keyval, keys[i].modifiers);

      g_assert_cmpuint (fixture->contexts->len, ==, i + 1);
      g_assert_cmpstr (g_ptr_array_index (fixture->contexts, i), ==, id);
      /* The middle of a convex-ish region is on it. */
      g_assert_cmpstr (limber_body_map_pick (fixture->map, fixture->context_x, fixture->context_y), ==, id);
    }

  /* F10 alone is not a context request. */
  limber_test_press_key (widget, GDK_KEY_F10, 0);
  g_assert_cmpuint (fixture->contexts->len, ==, G_N_ELEMENTS (keys));
  g_assert_cmpuint (fixture->toggled->len, ==, 0);
}

static void
test_finalize (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GBytes) svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, NULL);
  GtkWidget *map = limber_body_map_new ();

  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, NULL));
  g_object_ref_sink (map);
  populate (LIMBER_BODY_MAP (map), catalogue, svg);
  limber_body_map_rebuild_pick_buffer (LIMBER_BODY_MAP (map), 800, 600);
  g_assert_nonnull (limber_body_map_get_view (LIMBER_BODY_MAP (map)));
  g_assert_finalize_object (map);
}

/* Hostile or broken artwork is refused with an error, not a crash. */
static void
test_bad_svg (void)
{
  g_autoptr(GBytes) broken = g_bytes_new_static ("<svg xmlns='http://www.w3.org/2000/svg'><g", 42);
  g_autoptr(GError) error = NULL;
  GtkWidget *map = g_object_ref_sink (limber_body_map_new ());

  g_assert_false (limber_body_map_set_svg (LIMBER_BODY_MAP (map), broken, &error));
  g_assert_nonnull (error);
  g_assert_finalize_object (map);
}

int
main (int   argc,
      char *argv[])
{
  limber_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/body-map/click-every-region", test_click_every_region);
  ADD ("/body-map/click-toggles-off", test_click_toggles_off);
  ADD ("/body-map/hover", test_hover);
  ADD ("/body-map/keyboard-reaches-every-region", test_keyboard_reaches_every_region);
  ADD ("/body-map/keyboard-toggles", test_keyboard_toggles);
  ADD ("/body-map/view-switch", test_view_switch);
  ADD ("/body-map/marked-state", test_marked_state);
  ADD ("/body-map/marked-accessible", test_marked_accessible);
  ADD ("/body-map/marked-look", test_marked_look);
  ADD ("/body-map/heat-state", test_heat_state);
  ADD ("/body-map/heat-look", test_heat_look);
  ADD ("/body-map/region-description", test_region_description);
  ADD ("/body-map/right-click-context", test_right_click_context);
  ADD ("/body-map/long-press-context", test_long_press_context);
  ADD ("/body-map/menu-key-context", test_menu_key_context);
  g_test_add_func ("/body-map/finalize", test_finalize);
  g_test_add_func ("/body-map/bad-svg", test_bad_svg);

  return g_test_run ();
}
