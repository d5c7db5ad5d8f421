/* test-rtl.c: Limber in a right-to-left language (a small Hebrew
 * translation, tests/data/po/he.po): the layout mirrors, the body never
 * does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-language.h"
#include "limber-test-utils.h"
#include "limber-window.h"

static char *locale_dir;

/* gettext wants LANG/LC_MESSAGES/DOMAIN.mo; meson builds he.mo flat. Made
 * before g_test_init(), hence G_TEST_BUILDDIR read by hand. */
static void
make_locale_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mo = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "he.mo", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  locale_dir = g_dir_make_tmp ("limber-rtl-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (locale_dir, "he", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  target = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_get_contents (mo, &contents, &length, &error));
  g_assert_true (g_file_set_contents (target, contents, length, &error));
  g_assert_no_error (error);
}

static void
remove_locale_dir (void)
{
  g_autofree char *folder = g_build_filename (locale_dir, "he", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *he = g_build_filename (locale_dir, "he", NULL);

  g_remove (mo);
  g_rmdir (folder);
  g_rmdir (he);
  g_rmdir (locale_dir);
  g_clear_pointer (&locale_dir, g_free);
}

/* The body map's side markers, in the order they stand from left to right. */
static void
get_markers (GtkWidget  *map,
             GtkWidget **leftmost,
             GtkWidget **rightmost)
{
  GtkWidget *markers[2] = { NULL, NULL };
  guint n = 0;
  graphene_rect_t a, b;

  for (GtkWidget *child = gtk_widget_get_first_child (map); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "side-marker") && n < 2)
      markers[n++] = child;
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (gtk_widget_compute_bounds (markers[0], map, &a));
  g_assert_true (gtk_widget_compute_bounds (markers[1], map, &b));
  *leftmost = a.origin.x < b.origin.x ? markers[0] : markers[1];
  *rightmost = a.origin.x < b.origin.x ? markers[1] : markers[0];
}

static double
get_x (GtkWidget *widget,
       GtkWidget *relative_to)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, relative_to, &bounds));
  return bounds.origin.x;
}

static void
test_map (void)
{
  g_autoptr(LimberApplication) app = limber_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_auto(GStrv) selected = NULL;
  LimberCatalogue *catalogue;
  LimberRegion *left_shin;
  LimberWindow *window;
  LimberMapPage *page;
  GtkWidget *map, *question, *leftmost, *rightmost;
  double x, y;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_settings_set_boolean (limber_application_get_settings (app), "safety-notice-seen", TRUE);
  g_settings_set_string (limber_application_get_settings (app), "body-view", "front");
  g_application_activate (G_APPLICATION (app));
  limber_test_iterate (100);
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  limber_test_iterate (300);

  /* The translation says right to left, and the layout follows. */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);
  page = limber_window_get_map_page (window);
  map = GTK_WIDGET (limber_map_page_get_body_map (page));
  question = limber_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "איפה כואב?");
  g_assert_nonnull (question);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (page)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (question), ==, GTK_TEXT_DIR_RTL);
  g_assert_false (limber_map_page_is_stacked (page));
  /* The list, beside the map, has moved to its left. */
  g_assert_cmpfloat (get_x (question, GTK_WIDGET (page)), <, get_x (map, GTK_WIDGET (page)));

  /* The body map does not mirror, nor do its side markers: seen from the
   * front, the person's right is still on the viewer's left. */
  g_assert_cmpint (gtk_widget_get_direction (map), ==, GTK_TEXT_DIR_LTR);
  get_markers (map, &leftmost, &rightmost);
  g_assert_cmpint (gtk_widget_get_direction (leftmost), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (rightmost), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (leftmost)), ==,
                   C_("side marker for the person's right side", "R"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rightmost)), ==,
                   C_("side marker for the person's left side", "L"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (leftmost)), ==, "ימ׳");

  /* A tap on the figure's anatomical left, on the viewer's right of a
   * front view, chooses the left region. */
  catalogue = limber_application_get_catalogue (app);
  left_shin = limber_catalogue_lookup_region (catalogue, "front.shin.left");
  g_assert_nonnull (left_shin);
  svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, &error);
  g_assert_no_error (error);
  g_assert_true (limber_test_region_point (map, svg, limber_region_get_svg_id (left_shin), &x, &y));
  g_assert_cmpfloat (x, >, gtk_widget_get_width (map) / 2.);
  limber_test_click (map, x, y);
  limber_test_iterate (100);
  selected = limber_map_page_dup_selected_ids (page);
  g_assert_cmpstrv (selected, ((const char *[]) { "front.shin.left", NULL }));

  gtk_window_destroy (GTK_WINDOW (window));
  limber_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  make_locale_dir ();
  g_setenv ("LIMBER_LOCALEDIR", locale_dir, TRUE);
  g_setenv ("LANGUAGE", "he", TRUE);
  limber_language_init ();
  limber_test_init_gui (&argc, &argv);

  g_test_add_func ("/rtl/map", test_map);

  status = g_test_run ();
  remove_locale_dir ();

  return status;
}
