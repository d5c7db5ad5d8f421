/* test-map-page.c: map and list stay in sync; chips; search; layout; a11y
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-catalogue-loader.h"
#include "limber-test-utils.h"
#include "pages/limber-map-page.h"
#include "pages/limber-region-choice.h"

typedef struct
{
  LimberCatalogue *catalogue;
  GBytes          *svg;
  LimberMapPage   *page;
  GtkWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->catalogue = limber_catalogue_new ();
  g_assert_true (limber_catalogue_load_resource (fixture->catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  fixture->svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, &error);
  g_assert_no_error (error);

  fixture->page = LIMBER_MAP_PAGE (limber_map_page_new ());
  limber_map_page_set_catalogue (fixture->page, fixture->catalogue);
  fixture->window = limber_test_window_new (GTK_WIDGET (fixture->page), 1200, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  limber_test_iterate (20);
  g_clear_pointer (&fixture->svg, g_bytes_unref);
  g_clear_object (&fixture->catalogue);
}

static GtkWidget *
show_row (Fixture    *fixture,
          const char *name)
{
  GtkWidget *entry = limber_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *check;

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  /* GtkSearchEntry waits a little before it says the search changed. */
  limber_test_iterate (300);

  check = limber_test_find_widget (GTK_WIDGET (limber_map_page_get_region_list (fixture->page)), GTK_TYPE_CHECK_BUTTON, name);
  if (check == NULL)
    g_error ("No row for “%s” in the region list", name);

  return check;
}

static guint
count_chips (Fixture *fixture)
{
  GtkWidget *chips = limber_map_page_get_chips (fixture->page);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (chips); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
tap_region (Fixture      *fixture,
            LimberRegion *region)
{
  LimberBodyMap *map = limber_map_page_get_body_map (fixture->page);
  GtkWidget *widget = GTK_WIDGET (map);
  double x, y;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "map.view", "s",
                              limber_view_to_string (limber_region_get_view (region)));
  limber_test_iterate (50);
  g_assert_true (limber_test_region_point (widget, fixture->svg, limber_region_get_svg_id (region), &x, &y));
  limber_test_click (widget, x, y);
  /* Keep taps apart so they never count as a double tap. */
  limber_test_iterate (450);
}

static void
test_map_to_list (Fixture       *fixture,
                  gconstpointer  data)
{
  LimberRegion *region = limber_catalogue_lookup_region (fixture->catalogue, "back.calves.left");
  g_auto(GStrv) ids = NULL;
  GtkWidget *check;

  tap_region (fixture, region);
  ids = limber_map_page_dup_selected_ids (fixture->page);
  g_assert_cmpstrv (ids, ((const char *[]) { "back.calves.left", NULL }));
  g_assert_cmpuint (count_chips (fixture), ==, 1);

  check = show_row (fixture, "Left calf");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_ROLE_CHECKBOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, "Left calf");
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_TRUE);

  /* Tapping again unselects, and the list follows. */
  tap_region (fixture, region);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_CHECKED,
                                    GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_cmpuint (count_chips (fixture), ==, 0);
}

/* Every region can be chosen from the list, and the map shows it. */
static void
test_every_region_from_list (Fixture       *fixture,
                             gconstpointer  data)
{
  LimberBodyMap *map = limber_map_page_get_body_map (fixture->page);
  GListModel *regions = limber_catalogue_get_regions (fixture->catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      const char *svg_id = limber_region_get_svg_id (region);
      GtkWidget *check = show_row (fixture, limber_region_get_name (region));
      int w = gtk_widget_get_width (check), h = gtk_widget_get_height (check);

      g_assert_false (limber_body_map_get_selected (map, svg_id));
      limber_test_click (check, MIN (12, w / 2.), h / 2.);
      limber_test_iterate (450);

      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      g_assert_true (limber_body_map_get_selected (map, svg_id));
      /* The map turns to show what was picked. */
      g_assert_cmpstr (limber_body_map_get_view (map), ==,
                       limber_view_to_string (limber_region_get_view (region)));
      g_assert_cmpuint (count_chips (fixture), ==, i + 1);
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "map.clear", NULL);
  limber_test_iterate (20);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      g_assert_false (limber_body_map_get_selected (map, limber_region_get_svg_id (region)));
    }
  g_assert_cmpuint (count_chips (fixture), ==, 0);
}

static void
test_list_activate (Fixture       *fixture,
                    gconstpointer  data)
{
  LimberBodyMap *map = limber_map_page_get_body_map (fixture->page);
  GtkListView *list = limber_map_page_get_region_list (fixture->page);

  show_row (fixture, "Right shin");
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_true (limber_body_map_get_selected (map, "front-shin-right"));
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_false (limber_body_map_get_selected (map, "front-shin-right"));
}

static void
test_chip_removes (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberBodyMap *map = limber_map_page_get_body_map (fixture->page);
  GListModel *choices = limber_map_page_get_choices (fixture->page);
  GtkWidget *chips = limber_map_page_get_chips (fixture->page);
  GtkWidget *button;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (choices, i);

      limber_region_choice_set_selected (choice, TRUE);
    }
  limber_test_iterate (50);
  g_assert_cmpuint (count_chips (fixture), ==, 3);

  button = limber_test_find_widget (chips, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  limber_test_click (button, gtk_widget_get_width (button) / 2., gtk_widget_get_height (button) / 2.);
  limber_test_iterate (50);

  g_assert_cmpuint (count_chips (fixture), ==, 2);
  g_assert_false (limber_body_map_get_selected (map, "front-neck-right"));
  g_assert_true (limber_body_map_get_selected (map, "front-neck-left"));
}

static void
test_search_empty_state (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *entry = limber_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *list = GTK_WIDGET (limber_map_page_get_region_list (fixture->page));
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (list, GTK_TYPE_STACK));

  gtk_editable_set_text (GTK_EDITABLE (entry), "CALF");
  limber_test_iterate (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_nonnull (limber_test_find_widget (list, GTK_TYPE_CHECK_BUTTON, "Left calf"));
  g_assert_nonnull (limber_test_find_widget (list, GTK_TYPE_CHECK_BUTTON, "Right calf"));
  g_assert_null (limber_test_find_widget (list, GTK_TYPE_CHECK_BUTTON, "Left hamstrings"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "no such place");
  limber_test_iterate (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

static void
test_view_action_and_label (Fixture       *fixture,
                            gconstpointer  data)
{
  LimberBodyMap *map = limber_map_page_get_body_map (fixture->page);
  g_autofree char *view = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (map));
  limber_test_press_key (GTK_WIDGET (map), GDK_KEY_2, GDK_CONTROL_MASK);
  g_assert_cmpstr (limber_body_map_get_view (map), ==, "back");
  g_object_get (fixture->page, "view", &view, NULL);
  g_assert_cmpstr (view, ==, "back");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Body map, back view");

  limber_test_press_key (GTK_WIDGET (map), GDK_KEY_1, GDK_CONTROL_MASK);
  g_assert_cmpstr (limber_body_map_get_view (map), ==, "front");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Body map, front view");
}

static void
test_layout_adapts (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { int width, height; gboolean stacked; } sizes[] = {
    { 1920, 1080, FALSE },
    { 1080, 1920, TRUE },
    { 1024, 600, FALSE },
    { 600, 900, TRUE },
  };
  LimberBodyMap *map = limber_map_page_get_body_map (fixture->page);
  GtkWidget *list = GTK_WIDGET (limber_map_page_get_region_list (fixture->page));

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      graphene_rect_t map_bounds, list_bounds;

      limber_test_resize (fixture->window, GTK_WIDGET (fixture->page), sizes[i].width, sizes[i].height);
      g_assert_cmpint (limber_map_page_is_stacked (fixture->page), ==, sizes[i].stacked);

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (map), GTK_WIDGET (fixture->page), &map_bounds));
      g_assert_true (gtk_widget_compute_bounds (list, GTK_WIDGET (fixture->page), &list_bounds));

      /* Both are on screen, do not overlap, and the map gets a fair share. */
      g_assert_false (graphene_rect_intersection (&map_bounds, &list_bounds, NULL));
      g_assert_cmpfloat (map_bounds.size.width * map_bounds.size.height, >,
                         0.25 * sizes[i].width * sizes[i].height);
      g_assert_cmpfloat (list_bounds.size.height, >=, 120);
      g_assert_cmpfloat (list_bounds.origin.x + list_bounds.size.width, <=, sizes[i].width);
      g_assert_cmpfloat (list_bounds.origin.y + list_bounds.size.height, <=, sizes[i].height);
      if (sizes[i].stacked)
        g_assert_cmpfloat (list_bounds.origin.y, >=, map_bounds.origin.y + map_bounds.size.height);
      else
        g_assert_cmpfloat (list_bounds.origin.x, >=, map_bounds.origin.x + map_bounds.size.width);
    }
}

static void
test_finalize (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  GtkWidget *page = limber_map_page_new ();

  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, NULL));
  g_object_ref_sink (page);
  limber_map_page_set_catalogue (LIMBER_MAP_PAGE (page), catalogue);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  limber_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/map-page/map-to-list", test_map_to_list);
  ADD ("/map-page/every-region-from-list", test_every_region_from_list);
  ADD ("/map-page/list-activate", test_list_activate);
  ADD ("/map-page/chip-removes", test_chip_removes);
  ADD ("/map-page/search-empty-state", test_search_empty_state);
  ADD ("/map-page/view-action-and-label", test_view_action_and_label);
  ADD ("/map-page/layout-adapts", test_layout_adapts);
  g_test_add_func ("/map-page/finalize", test_finalize);

  return g_test_run ();
}
