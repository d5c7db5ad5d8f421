/* test-history-page.c: the history page shows what was kept (streak, charts,
 * heat map, suggestion, past sessions); import, export and delete; and the
 * whole flow from a rated start to a rated finish in the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core/limber-catalogue-loader.h"
#include "core/limber-fake-clock.h"
#include "limber-application.h"
#include "limber-test-utils.h"
#include "limber-window.h"
#include "pages/limber-history-page.h"
#include "pages/limber-region-choice.h"

#define DAY (24 * 60 * 60)

static LimberCatalogue *catalogue;

typedef struct
{
  char              *path;
  LimberHistory     *history;
  GSettings         *settings;
  LimberHistoryPage *page;
  GtkWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = g_build_filename (g_get_user_data_dir (), "page-test.db", NULL);
  fixture->history = limber_history_open (fixture->path);
  g_assert_cmpint (limber_history_get_status (fixture->history), ==, LIMBER_HISTORY_STATUS_OK);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "keep-history");
}

static void
show_page (Fixture *fixture,
           int      width,
           int      height)
{
  fixture->page = LIMBER_HISTORY_PAGE (limber_history_page_new ());
  limber_history_page_set_models (fixture->page, catalogue, fixture->history, fixture->settings);
  fixture->window = limber_test_window_new (GTK_WIDGET (fixture->page), width, height);
  limber_test_iterate (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  if (fixture->window != NULL)
    {
      gtk_window_destroy (fixture->window);
      limber_test_iterate (50);
    }
  g_assert_finalize_object (fixture->history);
  g_clear_object (&fixture->settings);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_free (fixture->path);
}

/* Monday 00:00 of the week @weeks_ago, local time. */
static GDateTime *
monday (int weeks_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) this_monday = g_date_time_add_days (today, 1 - g_date_time_get_day_of_week (today));

  return g_date_time_add_weeks (this_monday, -weeks_ago);
}

static void
record (Fixture    *fixture,
        GDateTime  *start,
        const char *region_id,
        int         before,
        int         after)
{
  gint64 started = g_date_time_to_unix (start);
  g_autoptr(LimberSessionRecord) session = limber_session_record_new (started, started + 600, TRUE);
  g_autoptr(GError) error = NULL;

  limber_session_record_add_routine (session, "calves.roll", 4, 4);
  limber_session_record_set_before (session, region_id, before);
  limber_session_record_set_after (session, region_id, after);
  g_assert_true (limber_history_record_session_sync (fixture->history, session, &error));
  g_assert_no_error (error);
}

/* Two sessions in each of the three weeks before this one, the left calf
 * rated 6 before and 2 after each time. */
static void
record_three_weeks (Fixture *fixture)
{
  for (int weeks_ago = 1; weeks_ago <= 3; weeks_ago++)
    {
      g_autoptr(GDateTime) week = monday (weeks_ago);
      g_autoptr(GDateTime) tuesday = g_date_time_add_hours (week, 24 + 10);
      g_autoptr(GDateTime) thursday = g_date_time_add_hours (week, 3 * 24 + 18);

      record (fixture, tuesday, "back.calves.left", 6, 2);
      record (fixture, thursday, "back.calves.left", 6, 2);
    }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  show_page (fixture, 1024, 600);
  g_assert_true (limber_history_page_get_empty (fixture->page));
  g_assert_null (limber_history_page_get_notice (fixture->page));

  /* With no history kept, the page says how to turn it on. */
  g_settings_set_boolean (fixture->settings, "keep-history", FALSE);
  g_assert_nonnull (strstr (limber_history_page_get_notice (fixture->page), "keeping no new history"));
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  LimberBodyMap *map;
  const char *summary;

  record_three_weeks (fixture);
  show_page (fixture, 1920, 1080);

  g_assert_false (limber_history_page_get_empty (fixture->page));
  /* This week has none yet, and is still in progress: the streak counts the
   * three weeks before it. */
  g_assert_cmpstr (limber_history_page_get_streak_text (fixture->page), ==,
                   "3 weeks in a row with at least two sessions");
  g_assert_true (g_str_has_prefix (limber_history_page_get_suggestion (fixture->page),
                                   "Calf: sore in 5 of your last 5 sessions."));
  g_assert_cmpuint (limber_history_page_get_n_listed (fixture->page), ==, 6);

  /* The heat map: the left calf at 6 of 10, the right one not rated. */
  map = limber_history_page_get_heat_map (fixture->page);
  g_assert_cmpfloat_with_epsilon (limber_body_map_get_heat (map, "back-calves-left"), 0.6, 1e-9);
  g_assert_cmpfloat (limber_body_map_get_heat (map, "back-calves-right"), <, 0);

  /* The chart opens on the sorest place, with its summary in words. */
  g_assert_cmpstr (limber_history_page_get_region (fixture->page), ==, "back.calves.left");
  summary = gtk_label_get_text (limber_history_page_get_region_summary (fixture->page));
  g_assert_cmpstr (summary, ==, "Left calf over your last 6 sessions: 6.0 of 10 before on average, 2.0 after.");
}

/* A tap on a place of the heat map shows that place's chart. */
static void
test_tap_region (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (monday (0), -1);
  g_autoptr(GBytes) svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, NULL);
  LimberBodyMap *map;
  double x, y;

  record_three_weeks (fixture);
  record (fixture, yesterday, "back.lower-back.right", 4, 1);
  show_page (fixture, 1920, 1080);
  g_assert_cmpstr (limber_history_page_get_region (fixture->page), ==, "back.calves.left");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "history.view", "s", "back");
  limber_test_iterate (300);
  map = limber_history_page_get_heat_map (fixture->page);
  g_assert_true (limber_test_region_point (GTK_WIDGET (map), svg, "back-lower-back-right", &x, &y));
  limber_test_click (GTK_WIDGET (map), x, y);
  limber_test_iterate (100);

  g_assert_cmpstr (limber_history_page_get_region (fixture->page), ==, "back.lower-back.right");
  g_assert_true (limber_body_map_get_selected (map, "back-lower-back-right"));
  g_assert_false (limber_body_map_get_selected (map, "back-calves-left"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (limber_history_page_get_region_summary (fixture->page)),
                                   "Right lower back over your last 1 session: 4.0 of 10 before"));
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = limber_test_find_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  limber_test_iterate (50);
}

/* A bad file is refused with its line and changes nothing; the person's own
 * export adds nothing twice; Delete All asks first, then empties it. */
static void
test_import_and_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char bad[] =
    "session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after\r\n"
    "aaaa,2026-01-01T10:00:00Z,2026-01-01T10:10:00Z,finished,session,,,,,,\r\n"
    "aaaa,,,,rating,back.calves.left,,,,12,\r\n";
  g_autofree char *mine = NULL;
  const char *body;

  record_three_weeks (fixture);
  show_page (fixture, 1024, 600);

  g_assert_false (limber_history_page_import_text (fixture->page, "bad.csv", bad, sizeof bad - 1));
  body = adw_message_dialog_get_body (limber_test_find_dialog ());
  g_assert_true (g_str_has_prefix (body, "bad.csv: line 3: "));
  g_assert_nonnull (strstr (body, "Nothing was imported"));
  respond ("close");
  g_assert_cmpuint (limber_history_count_sessions (fixture->history), ==, 6);

  mine = limber_history_export_csv (fixture->history);
  g_assert_true (limber_history_page_import_text (fixture->page, "mine.csv", mine, strlen (mine)));
  g_assert_cmpuint (limber_history_count_sessions (fixture->history), ==, 6);

  limber_history_page_request_delete_all (fixture->page);
  respond ("cancel");
  g_assert_cmpuint (limber_history_count_sessions (fixture->history), ==, 6);
  limber_history_page_request_delete_all (fixture->page);
  respond ("delete");
  g_assert_cmpuint (limber_history_count_sessions (fixture->history), ==, 0);
  g_assert_true (limber_history_page_get_empty (fixture->page));

  /* And back from the export. */
  g_assert_true (limber_history_page_import_text (fixture->page, "mine.csv", mine, strlen (mine)));
  g_assert_cmpuint (limber_history_count_sessions (fixture->history), ==, 6);
  g_assert_false (limber_history_page_get_empty (fixture->page));
}

/* The whole application: the calf chosen on the map, a routine started, rated
 * 6 before with one tap, played to its end, rated 2 after with one tap. */
static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
tap_widget (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));
  limber_test_click (widget, gtk_widget_get_width (widget) / 2., gtk_widget_get_height (widget) / 2.);
  limber_test_iterate (80);
}

static void
test_rated_session (void)
{
  g_autoptr(LimberApplication) app = limber_application_new ();
  g_autoptr(LimberClock) clock = limber_fake_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  LimberHistory *history;
  LimberWindow *window;
  LimberPlayer *player;
  LimberSessionRecord *session;
  GListModel *choices;
  GtkWidget *star;
  guint done, total;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_settings_set_boolean (limber_application_get_settings (app), "safety-notice-seen", TRUE);
  limber_application_set_clock (app, clock);
  g_application_activate (G_APPLICATION (app));
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  g_assert_true (limber_test_wait_for (is_mapped, window, 5000));
  history = limber_application_get_history (app);
  g_assert_cmpint (limber_history_get_status (history), ==, LIMBER_HISTORY_STATUS_OK);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 0);

  choices = limber_map_page_get_choices (limber_window_get_map_page (window));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (limber_region_get_id (limber_region_choice_get_region (choice)), "back.calves.left"))
        limber_region_choice_set_selected (choice, TRUE);
    }
  g_signal_emit_by_name (limber_window_get_routine_list_page (window), "routine-activated",
                         limber_catalogue_lookup_routine (limber_application_get_catalogue (app), "calves.roll"));
  limber_test_iterate (300);

  /* The star keeps a favourite at once, and for next time. */
  star = limber_routine_page_get_favourite_button (limber_window_get_routine_page (window));
  g_assert_true (gtk_widget_get_visible (star));
  tap_widget (star);
  g_assert_true (limber_history_is_favourite (history, "calves.roll"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", NULL);
  limber_test_iterate (300);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "rate");
  tap_widget (limber_soreness_rating_get_button (limber_window_get_before_rating (window), "back.calves.left", 6));
  tap_widget (limber_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Start"));
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "player");

  player = limber_player_page_get_player (limber_window_get_player_page (window));
  while (limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED)
    g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (clock)));
  limber_test_iterate (300);
  g_assert_true (limber_player_page_get_finished_shown (limber_window_get_player_page (window)));

  /* Kept as soon as it finished, before anything more is asked. */
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);

  tap_widget (limber_soreness_rating_get_button (limber_player_page_get_after_rating (limber_window_get_player_page (window)),
                                                  "back.calves.left", 2));
  gtk_widget_activate_action (GTK_WIDGET (limber_window_get_player_page (window)), "player.done", NULL);
  limber_test_iterate (100);
  limber_history_flush (history);

  sessions = limber_history_list_sessions (history, G_MAXINT64, 10);
  g_assert_cmpuint (sessions->len, ==, 1);
  session = g_ptr_array_index (sessions, 0);
  g_assert_true (limber_session_record_get_finished (session));
  g_assert_cmpstr (limber_session_record_get_routine (session, 0, &done, &total), ==, "calves.roll");
  g_assert_cmpuint (done, ==, total);
  g_assert_cmpint (limber_session_record_get_before (session, "back.calves.left"), ==, 6);
  g_assert_cmpint (limber_session_record_get_after (session, "back.calves.left"), ==, 2);

  /* With no history kept: no question, and nothing written. */
  g_settings_set_boolean (limber_application_get_settings (app), "keep-history", FALSE);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "routine");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", NULL);
  limber_test_iterate (100);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "player");
  player = limber_player_page_get_player (limber_window_get_player_page (window));
  while (limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED)
    g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (clock)));
  limber_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (
    limber_player_page_get_after_rating (limber_window_get_player_page (window))))));
  gtk_widget_activate_action (GTK_WIDGET (limber_window_get_player_page (window)), "player.done", NULL);
  limber_test_iterate (100);
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);
  g_settings_reset (limber_application_get_settings (app), "keep-history");

  gtk_window_destroy (GTK_WINDOW (window));
  limber_test_iterate (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  limber_test_init_gui (&argc, &argv);

  catalogue = limber_catalogue_new ();
  if (!limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    g_error ("%s", error->message);

  g_test_add ("/history-page/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/history-page/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/history-page/tap-region", Fixture, NULL, fixture_set_up, test_tap_region, fixture_tear_down);
  g_test_add ("/history-page/import-and-delete", Fixture, NULL, fixture_set_up, test_import_and_delete,
              fixture_tear_down);
  g_test_add_func ("/history-page/rated-session", test_rated_session);

  status = g_test_run ();
  g_clear_object (&catalogue);
  return status;
}
