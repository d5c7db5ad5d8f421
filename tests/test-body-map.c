/* test-body-map.c: LimberBodyMap under X, driven by real pointer and keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
} Fixture;

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

  fixture->map = LIMBER_BODY_MAP (limber_body_map_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->map), TRUE);
  populate (fixture->map, fixture->catalogue, fixture->svg);
  g_signal_connect (fixture->map, "region-toggled", G_CALLBACK (on_region_toggled_cb), fixture);

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
  g_test_add_func ("/body-map/finalize", test_finalize);
  g_test_add_func ("/body-map/bad-svg", test_bad_svg);

  return g_test_run ();
}
