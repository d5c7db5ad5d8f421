/* test-planner-page.c: from the map's selection to a planned session in the
 * player, by touch, as a new user would; injuries marked on the map; and
 * the plan trimmed before it starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-fake-clock.h"
#include "limber-application.h"
#include "limber-test-utils.h"
#include "limber-window.h"

typedef struct
{
  LimberApplication *app;
  LimberWindow      *window;
  LimberClock       *clock;
  guint              taps;
} Fixture;

static Fixture shared;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GtkWidget *
find_button (Fixture    *fixture,
             const char *label)
{
  GtkWidget *found = limber_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, label);

  if (found == NULL)
    g_error ("no button “%s” on the %s page", label, limber_window_get_page_name (fixture->window));

  return found;
}

/* The button labelled @label in the row titled @title. */
static GtkWidget *
find_row_button (GtkWidget  *root,
                 const char *title,
                 const char *label)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return limber_test_find_widget (root, GTK_TYPE_BUTTON, label);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_button (child, title, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A tap, as a finger would: an X pointer press in the middle of the widget. */
static void
tap_widget (Fixture   *fixture,
            GtkWidget *widget)
{
  g_assert_true (gtk_widget_is_sensitive (widget));
  limber_test_click (widget, gtk_widget_get_width (widget) / 2., gtk_widget_get_height (widget) / 2.);
  limber_test_iterate (80);
  fixture->taps++;
}

static void
tap (Fixture    *fixture,
     const char *label)
{
  tap_widget (fixture, find_button (fixture, label));
}

static void
set_up_application (void)
{
  g_autoptr(GError) error = NULL;

  shared.app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (shared.app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (shared.app), NULL, &error));
  g_settings_set_boolean (limber_application_get_settings (shared.app), "safety-notice-seen", TRUE);
  shared.clock = limber_fake_clock_new ();
  limber_application_set_clock (shared.app, shared.clock);

  g_application_activate (G_APPLICATION (shared.app));
  shared.window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (shared.app)));
  gtk_window_set_default_size (GTK_WINDOW (shared.window), 1024, 600);
  g_assert_true (limber_test_wait_for (is_mapped, shared.window, 5000));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GSettings *settings = limber_application_get_settings (shared.app);

  *fixture = shared;
  fixture->taps = 0;
  /* A new user: the defaults. */
  g_settings_reset (settings, "equipment-at-hand");
  g_settings_reset (settings, "plan-minutes");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberPlayer *player = limber_player_page_get_player (limber_window_get_player_page (fixture->window));

  if (player != NULL)
    limber_player_stop (player);
  while (g_strcmp0 (limber_window_get_page_name (fixture->window), "map") != 0)
    {
      if (g_strcmp0 (limber_window_get_page_name (fixture->window), "player") == 0)
        g_signal_emit_by_name (limber_window_get_player_page (fixture->window), "leave");
      else
        gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
      limber_test_iterate (30);
    }
  limber_map_page_clear_selection (limber_window_get_map_page (fixture->window));
  limber_test_iterate (30);
}

/* "My calves and lower back, 10 minutes, I have a foam roller": once the
 * regions are chosen, a sensible session is playing within four taps. */
static void
test_four_taps (Fixture       *fixture,
                gconstpointer  data)
{
  const char *regions[] = { "back.calves.left", "back.calves.right", "back.lower-back.left",
                            "back.lower-back.right", NULL };
  LimberPlannerPage *page = limber_window_get_planner_page (fixture->window);
  LimberPlayer *player;
  LimberPlan *plan;
  guint total;

  limber_test_choose_regions (limber_window_get_map_page (fixture->window), regions);
  tap (fixture, "_Plan a Session");
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "planner");
  tap (fixture, "Foam roller");
  tap (fixture, "10 min");

  plan = limber_planner_page_get_plan (page);
  g_assert_nonnull (plan);
  total = limber_plan_get_total_seconds (plan);
  g_assert_cmpuint (total, >=, 540);
  g_assert_cmpuint (total, <=, 660);
  /* Nothing the person does not have: a roller, or nothing at all. */
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberRoutine *routine = limber_plan_item_get_routine (limber_plan_get_item (plan, i));
      const char * const *needs = limber_routine_get_equipment (routine);

      for (guint j = 0; needs[j] != NULL; j++)
        g_assert_true (g_str_equal (needs[j], "none") || g_str_equal (needs[j], "foam-roller"));
    }
  g_assert_cmpstr (limber_routine_get_id (limber_plan_item_get_routine (limber_plan_get_item (plan, 0))), ==,
                   "calves.roll");

  tap (fixture, "_Start Session");
  g_assert_cmpuint (fixture->taps, ==, 4);
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "player");
  player = limber_player_page_get_player (limber_window_get_player_page (fixture->window));
  g_assert_cmpint (limber_player_get_planned_time (player), ==, (gint64)total * G_USEC_PER_SEC);
  g_assert_cmpstr (limber_routine_get_id (limber_player_get_routine (player, 0)), ==, "calves.roll");
  g_assert_cmpint (limber_player_get_state (player), ==, LIMBER_PLAYER_STATE_GET_READY);

  /* The settings remember what was chosen, for next time. */
  {
    g_auto(GStrv) at_hand = g_settings_get_strv (limber_application_get_settings (fixture->app), "equipment-at-hand");

    g_assert_true (g_strv_contains ((const char * const *)at_hand, "foam-roller"));
  }

  /* Leaving the session goes back to the plan. */
  limber_player_stop (player);
  g_signal_emit_by_name (limber_window_get_player_page (fixture->window), "leave");
  limber_test_iterate (30);
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "planner");
}

/* A region marked injured on the map is marked in the planner, drawn so on
 * the map, and gets no work. */
static void
test_injured_from_map (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *regions[] = { "back.calves.right", NULL };
  LimberMapPage *map = limber_window_get_map_page (fixture->window);
  LimberBodyMap *body_map = limber_map_page_get_body_map (map);
  LimberPlannerPage *page = limber_window_get_planner_page (fixture->window);
  g_autoptr(LimberPlanRequest) request = NULL;
  GtkWidget *mark;
  LimberPlan *plan;

  limber_test_choose_regions (limber_window_get_map_page (fixture->window), regions);
  limber_body_map_set_view (body_map, "back");
  limber_test_iterate (50);

  /* A long press or right click on the left calf offers to mark it. */
  g_signal_emit_by_name (body_map, "region-context", "back-calves-left", 100.0, 100.0);
  limber_test_iterate (100);
  mark = limber_test_find_widget (GTK_WIDGET (map), GTK_TYPE_BUTTON, "Mark Left calf as Injured");
  g_assert_nonnull (mark);
  tap_widget (fixture, mark);

  g_assert_true (limber_map_page_get_injured (map, "back.calves.left"));
  g_assert_true (limber_body_map_get_marked (body_map, "back-calves-left"));
  /* Injured is said of a chosen place: it is chosen now. */
  g_assert_true (limber_body_map_get_selected (body_map, "back-calves-left"));

  tap (fixture, "_Plan a Session");
  request = limber_planner_page_dup_request (page);
  g_assert_true (limber_plan_request_get_injured (request, "back.calves.left"));
  g_assert_false (limber_plan_request_get_injured (request, "back.calves.right"));
  plan = limber_planner_page_get_plan (page);
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_INJURED, "calves"));
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);

      if (g_str_equal (limber_plan_item_get_group (item), "calves"))
        g_assert_cmpint (limber_plan_item_get_only_side (item), ==, LIMBER_SIDE_RIGHT);
    }

  /* Unmarked in the planner: unmarked on the map. (The toggle may be
   * scrolled out of sight at this size, so it is set, not tapped.) */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_row_button (GTK_WIDGET (page), "Left calf", "Injured")), FALSE);
  limber_test_iterate (50);
  g_assert_false (limber_map_page_get_injured (map, "back.calves.left"));
  g_assert_false (limber_body_map_get_marked (body_map, "back-calves-left"));
  g_assert_false (limber_plan_has_reason (limber_planner_page_get_plan (page), LIMBER_PLAN_REASON_INJURED, NULL));
}

/* A routine removed or moved in the preview is what plays. */
static void
test_trim_plan (Fixture       *fixture,
                gconstpointer  data)
{
  const char *regions[] = { "back.calves.left", "back.calves.right", "back.hamstrings.left",
                            "back.hamstrings.right", NULL };
  LimberPlannerPage *page = limber_window_get_planner_page (fixture->window);
  LimberPlan *plan;
  LimberRoutine *second;
  GtkWidget *remove;
  guint n, total;

  g_settings_set_strv (limber_application_get_settings (fixture->app), "equipment-at-hand",
                       (const char *[]) { "foam-roller", "strap", "wall", NULL });
  limber_test_choose_regions (limber_window_get_map_page (fixture->window), regions);
  tap (fixture, "_Plan a Session");
  tap (fixture, "15 min");
  plan = limber_planner_page_get_plan (page);
  n = limber_plan_get_n_items (plan);
  total = limber_plan_get_total_seconds (plan);
  g_assert_cmpuint (n, >=, 3);
  second = limber_plan_item_get_routine (limber_plan_get_item (plan, 1));

  /* The first item's Remove button. */
  remove = limber_test_find_widget (GTK_WIDGET (limber_planner_page_get_item_list (page)), GTK_TYPE_BUTTON, NULL);
  while (remove != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (remove), "Remove") != 0)
    remove = gtk_widget_get_next_sibling (remove);
  g_assert_nonnull (remove);
  tap_widget (fixture, remove);

  g_assert_cmpuint (limber_plan_get_n_items (plan), ==, n - 1);
  g_assert_cmpuint (limber_plan_get_total_seconds (plan), <, total);
  g_assert_true (limber_plan_item_get_routine (limber_plan_get_item (plan, 0)) == second);

  tap (fixture, "_Start Session");
  g_assert_true (limber_player_get_routine (limber_player_page_get_player (limber_window_get_player_page (fixture->window)), 0)
                 == second);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_test_init_gui (&argc, &argv);
  set_up_application ();

  g_test_add ("/planner-page/four-taps", Fixture, NULL, fixture_set_up, test_four_taps, fixture_tear_down);
  g_test_add ("/planner-page/injured-from-map", Fixture, NULL, fixture_set_up, test_injured_from_map, fixture_tear_down);
  g_test_add ("/planner-page/trim-plan", Fixture, NULL, fixture_set_up, test_trim_plan, fixture_tear_down);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (shared.window));
  limber_test_iterate (50);
  g_clear_object (&shared.clock);
  g_clear_object (&shared.app);

  return status;
}
