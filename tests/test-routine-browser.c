/* test-routine-browser.c: from the map to the routines for the chosen
 * regions, their filters, a routine page, and a drop-in catalogue with a
 * broken neighbour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "limber-application.h"
#include "limber-test-utils.h"
#include "limber-window.h"

static char *data_home;

static const char gym_catalogue[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<catalogue version=\"1\">\n"
  "  <routines>\n"
  "    <routine id=\"gym.calf\" technique=\"stretching\" level=\"gentle\" primary=\"calves\"\n"
  "             equipment=\"wall\" cautions=\"fresh-injury stretch-gently\" sources=\"garber-2011\">\n"
  "      <title>Gym calf stretch</title>\n"
  "      <summary>At the wall by the treadmills.</summary>\n"
  "      <steps>\n"
  "        <step seconds=\"30\" side=\"left\" other-side=\"true\">\n"
  "          <instruction>Lean into the wall with one leg back.</instruction>\n"
  "        </step>\n"
  "      </steps>\n"
  "    </routine>\n"
  "  </routines>\n"
  "</catalogue>\n";

static const char broken_catalogue[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<catalogue version=\"1\">\n"
  "  <routines>\n"
  "    <routine id=\"gym.broken\" technique=\"juggling\"/>\n"
  "  </routines>\n"
  "</catalogue>\n";

static void
write_drop_ins (void)
{
  g_autofree char *folder = g_build_filename (data_home, "limber", "catalogues", NULL);
  g_autofree char *gym = g_build_filename (folder, "10-gym.xml", NULL);
  g_autofree char *broken = g_build_filename (folder, "20-broken.xml", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (gym, gym_catalogue, -1, NULL));
  g_assert_true (g_file_set_contents (broken, broken_catalogue, -1, NULL));
}

static void
click_button (GtkWidget  *root,
              const char *label)
{
  GtkWidget *button = limber_test_find_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  limber_test_iterate (50);
}

static gboolean
each_works_on (GListModel         *model,
               const char * const *groups)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);
      gboolean any = FALSE;

      for (guint g = 0; groups[g] != NULL; g++)
        any |= limber_routine_works_on (routine, groups[g], FALSE);
      if (!any)
        return FALSE;
    }

  return TRUE;
}

static gboolean
contains_routine (GListModel *model,
                  const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      if (g_str_equal (limber_routine_get_id (routine), id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_on_routine_page (gpointer data)
{
  return g_strcmp0 (limber_window_get_page_name (data), "routine") == 0;
}

static void
test_browse (void)
{
  g_autoptr(LimberApplication) app = limber_application_new ();
  g_autoptr(GError) error = NULL;
  static const char * const chosen[] = { "calves", "lower-back", NULL };
  LimberRoutineListPage *list_page;
  LimberRoutinePage *routine_page;
  LimberWindow *window;
  LimberMapPage *map;
  GListModel *model;
  GtkWidget *technique, *duration, *empty_page, *equipment_box, *menu_button;
  g_auto(GStrv) at_hand = NULL;
  guint n_all, n_stretching;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_settings_set_boolean (limber_application_get_settings (app), "safety-notice-seen", TRUE);
  /* Someone with every piece of equipment, so that every technique shows. */
  g_settings_set_strv (limber_application_get_settings (app), "equipment-at-hand",
                       (const char *[]) { "foam-roller", "massage-ball", "double-ball", "strap", "wall", "chair", NULL });
  g_application_activate (G_APPLICATION (app));
  limber_test_iterate (100);

  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  limber_test_iterate (100);

  /* The broken drop-in is named once, in a banner; the good one loaded. */
  g_assert_nonnull (limber_window_get_banner_text (window));
  g_assert_cmpstr (limber_window_get_banner_text (window), ==, "1 catalogue of extra routines could not be loaded.");
  g_assert_nonnull (limber_catalogue_lookup_routine (limber_application_get_catalogue (app), "gym.calf"));
  g_assert_null (limber_catalogue_lookup_routine (limber_application_get_catalogue (app), "gym.broken"));
  g_assert_null (limber_application_take_drop_in_problems (app, NULL));

  /* Nothing chosen, nothing to show. */
  map = limber_window_get_map_page (window);
  g_assert_null (limber_test_find_widget (GTK_WIDGET (map), GTK_TYPE_BUTTON, "Show _Routines"));

  limber_test_select_region (GTK_WIDGET (map), "back.calves.left");
  limber_test_select_region (GTK_WIDGET (map), "back.lower-back.right");
  limber_test_iterate (50);
  click_button (GTK_WIDGET (map), "Show _Routines");
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "routines");

  list_page = limber_window_get_routine_list_page (window);
  model = limber_routine_list_page_get_model (list_page);
  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, >=, 8);
  g_assert_true (each_works_on (model, chosen));
  g_assert_true (contains_routine (model, "gym.calf"));

  /* Made for the chosen groups first, rolling before pressure before
   * stretching. */
  {
    g_autoptr(LimberRoutine) first = g_list_model_get_item (model, 0);

    g_assert_cmpint (limber_routine_get_technique (first), ==, LIMBER_TECHNIQUE_FOAM_ROLLING);
  }

  /* By technique: the drop-down's rows are "All" and then the techniques. */
  technique = limber_test_find_widget (GTK_WIDGET (list_page), GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (technique);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (technique), 1 + LIMBER_TECHNIQUE_STRETCHING);
  n_stretching = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_stretching, >, 0);
  g_assert_cmpuint (n_stretching, <, n_all);
  for (guint i = 0; i < n_stretching; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      g_assert_cmpint (limber_routine_get_technique (routine), ==, LIMBER_TECHNIQUE_STRETCHING);
    }

  /* By length: up to 2 minutes. */
  /* The filters sit in a flow box: technique, equipment, length. */
  duration = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_parent (technique)));
  duration = limber_test_find_widget (duration, GTK_TYPE_DROP_DOWN, NULL);
  g_assert_nonnull (duration);
  g_assert_true (duration != technique);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (duration), 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      g_assert_cmpuint (limber_routine_get_total_seconds (routine), <=, 120);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (duration), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (technique), 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);

  /* By the equipment at hand: with none, only routines that need nothing,
   * and the choice is remembered. */
  menu_button = limber_test_find_widget (GTK_WIDGET (list_page), GTK_TYPE_MENU_BUTTON, NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  limber_test_iterate (100);
  equipment_box = gtk_widget_get_parent (limber_test_find_widget (GTK_WIDGET (menu_button), GTK_TYPE_CHECK_BUTTON,
                                                                  "Foam roller"));
  for (GtkWidget *check = gtk_widget_get_first_child (equipment_box); check; check = gtk_widget_get_next_sibling (check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  limber_test_iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (model, i);

      g_assert_cmpstrv (limber_routine_get_equipment (routine), ((const char *[]) { "none", NULL }));
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  at_hand = g_settings_get_strv (limber_application_get_settings (app), "equipment-at-hand");
  g_assert_cmpuint (g_strv_length (at_hand), ==, 0);

  /* Nothing matches: the empty state, and a way out of it. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (technique), 1 + LIMBER_TECHNIQUE_FOAM_ROLLING);
  limber_test_iterate (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  empty_page = limber_test_find_widget (GTK_WIDGET (list_page), ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_true (gtk_widget_get_mapped (empty_page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty_page)), ==, "No Routines Match");
  click_button (GTK_WIDGET (list_page), "_Show All Routines");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
  g_assert_false (gtk_widget_get_mapped (empty_page));

  /* A tap on the first row opens its routine page. */
  limber_test_iterate (100);
  limber_test_click (GTK_WIDGET (limber_routine_list_page_get_list_view (list_page)), 60, 24);
  g_assert_true (limber_test_wait_for (is_on_routine_page, window, 3000));
  routine_page = limber_window_get_routine_page (window);
  {
    g_autoptr(LimberRoutine) first = g_list_model_get_item (model, 0);
    LimberRoutine *shown = limber_routine_page_get_routine (routine_page);
    GtkWidget *row;
    guint n_rows = 0, n_cautions = 0;

    g_assert_true (shown == first);

    /* Every step, every caution, and what the page says about them. */
    for (row = gtk_widget_get_first_child (GTK_WIDGET (limber_routine_page_get_steps (routine_page)));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (limber_routine_get_steps (shown)));

    for (row = gtk_widget_get_first_child (GTK_WIDGET (limber_routine_page_get_cautions (routine_page)));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      n_cautions++;
    g_assert_cmpuint (n_cautions, ==, g_strv_length ((GStrv)limber_routine_get_caution_ids (shown)) +
                                      limber_routine_get_n_own_cautions (shown));
    g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (routine_page), GTK_TYPE_LABEL,
                                               limber_routine_get_title (shown)));
    g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (routine_page), GTK_TYPE_LABEL,
                                               limber_catalogue_get_caution_text (limber_application_get_catalogue (app),
                                                                                  "fresh-injury")));
  }

  /* Back, and back again, as Alt+Left does. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "routines");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "map");

  gtk_window_destroy (GTK_WINDOW (window));
  limber_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GLib reads and caches it. */
  data_home = g_dir_make_tmp ("limber-browser-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  write_drop_ins ();

  limber_test_init_gui (&argc, &argv);
  g_test_add_func ("/routine-browser/browse", test_browse);
  status = g_test_run ();

  limber_test_remove_tree (data_home);
  g_free (data_home);

  return status;
}
