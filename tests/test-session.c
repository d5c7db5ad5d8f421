/* test-session.c: what a played session becomes in the history, and the
 * suggestion line drawn from recent sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-catalogue-loader.h"
#include "core/limber-fake-clock.h"
#include "core/limber-session.h"
#include "core/limber-suggestion.h"

#define DAY (24 * 60 * 60)
#define NOW ((gint64)1795000000)     /* a fixed "now" in November 2026 */

static LimberCatalogue *catalogue;

static LimberPlayer *
new_player (LimberClock *clock,
            const char  *routine_id)
{
  LimberPlayer *player = limber_player_new (clock);

  limber_player_set_get_ready_seconds (player, 0);
  limber_player_add_routine (player, limber_catalogue_lookup_routine (catalogue, routine_id));
  return player;
}

static void
run_to_end (LimberClock  *clock,
            LimberPlayer *player)
{
  while (limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED)
    g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (clock)));
}

/* A step that hurt counts as a hurt, not as done; the rest as done. */
static void
test_finished_with_hurt (void)
{
  g_autoptr(LimberClock) clock = limber_fake_clock_new ();
  g_autoptr(LimberPlayer) player = new_player (clock, "calves.roll");
  g_autoptr(LimberSessionRecord) record = NULL;
  guint n_steps = limber_player_get_n_steps (player);
  guint done = 0, total = 0, step_index = 99;

  g_assert_cmpuint (n_steps, >=, 2);
  g_assert_false (limber_session_worth_keeping (player));
  limber_player_start (player);
  while (limber_player_get_index (player) < 1)
    g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (clock)));
  g_assert_cmpint (limber_player_get_step_status (player, 0), ==, LIMBER_STEP_STATUS_DONE);
  limber_player_this_hurts (player);
  /* "This hurts" pauses on the next step until the person goes on. */
  if (limber_player_get_paused (player))
    limber_player_resume (player);
  run_to_end (clock, player);

  g_assert_true (limber_session_worth_keeping (player));
  record = limber_session_from_player (player, NOW - 600, NOW);
  g_assert_true (limber_session_record_get_finished (record));
  g_assert_cmpint (limber_session_record_get_started (record), ==, NOW - 600);
  g_assert_cmpint (limber_session_record_get_ended (record), ==, NOW);
  g_assert_cmpuint (limber_session_record_get_n_routines (record), ==, 1);
  g_assert_cmpstr (limber_session_record_get_routine (record, 0, &done, &total), ==, "calves.roll");
  g_assert_cmpuint (total, ==, n_steps);
  g_assert_cmpuint (done, ==, n_steps - 1);
  g_assert_cmpuint (limber_session_record_get_n_hurts (record), ==, 1);
  g_assert_cmpstr (limber_session_record_get_hurt (record, 0, &step_index), ==, "calves.roll");
  g_assert_cmpuint (step_index, ==, 1);
  g_assert_cmpuint (limber_session_record_get_n_ratings (record), ==, 0);
}

/* Stopped after one step: kept, but not finished. Stopped before anything
 * was done: not worth keeping. */
static void
test_stopped_early (void)
{
  g_autoptr(LimberClock) clock = limber_fake_clock_new ();
  g_autoptr(LimberPlayer) player = new_player (clock, "calves.roll");
  g_autoptr(LimberPlayer) idle = new_player (clock, "calves.roll");
  g_autoptr(LimberSessionRecord) record = NULL;
  guint done = 0, total = 0;

  limber_player_start (player);
  while (limber_player_get_index (player) < 1)
    g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (clock)));
  limber_player_stop (player);

  g_assert_true (limber_session_worth_keeping (player));
  record = limber_session_from_player (player, NOW, NOW - 5);
  g_assert_false (limber_session_record_get_finished (record));
  g_assert_cmpint (limber_session_record_get_ended (record), ==, NOW);
  limber_session_record_get_routine (record, 0, &done, &total);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (total, ==, limber_player_get_n_steps (player));

  limber_player_start (idle);
  limber_player_stop (idle);
  g_assert_false (limber_session_worth_keeping (idle));
}

/* A session @days_ago with these "region:before:after" ratings. */
static LimberSessionRecord *
session (int         days_ago,
         const char *ratings)
{
  LimberSessionRecord *record = limber_session_record_new (NOW - days_ago * DAY, NOW - days_ago * DAY + 600, TRUE);
  g_auto(GStrv) each = g_strsplit (ratings, " ", -1);

  limber_session_record_add_routine (record, "calves.roll", 3, 3);
  for (guint i = 0; each[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (each[i], ":", 3);

      if (parts[0] == NULL || parts[1] == NULL || parts[2] == NULL)
        continue;
      if (*parts[1] != '\0')
        limber_session_record_set_before (record, parts[0], atoi (parts[1]));
      if (*parts[2] != '\0')
        limber_session_record_set_after (record, parts[0], atoi (parts[2]));
    }
  return record;
}

static char *
suggest (GPtrArray *sessions)
{
  return limber_suggestion_for_sessions (catalogue, sessions, NOW);
}

static void
test_suggestion_sore_group (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);
  g_autofree char *text = NULL;

  /* Left calf in some, right calf in others: one sore calf, 4 of 5. The
   * lower back, sore twice, is not named. */
  g_ptr_array_add (sessions, session (1, "back.calves.left:5:2 back.lower-back.left:6:3"));
  g_ptr_array_add (sessions, session (3, "back.calves.right:4:2"));
  g_ptr_array_add (sessions, session (5, "back.calves.left:2:1 back.lower-back.right:5:2"));
  g_ptr_array_add (sessions, session (8, "back.calves.left:6:3"));
  g_ptr_array_add (sessions, session (10, "back.calves.right:5:2 back.calves.left:3:"));
  g_ptr_array_add (sessions, session (12, "back.hamstrings.left:9:8"));

  text = suggest (sessions);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Calf: sore in 4 of your last 5 sessions."));
  g_assert_nonnull (strstr (text, "once a week"));
}

/* Rated 7 or more every time: see a professional, before anything else. */
static void
test_suggestion_persistent (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);
  g_autofree char *text = NULL;

  g_ptr_array_add (sessions, session (1, "back.hamstrings.left:8:7 back.calves.left:5:2"));
  g_ptr_array_add (sessions, session (2, "back.hamstrings.right:7:7 back.calves.left:5:2"));
  g_ptr_array_add (sessions, session (4, "back.hamstrings.left:9:8 back.calves.right:6:2"));

  text = suggest (sessions);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Hamstrings: rated 7 or more in each of the last 3 sessions."));
  g_assert_nonnull (strstr (text, "professional"));

  /* One lower rating breaks it: then the sore-group line. */
  g_ptr_array_add (sessions, session (6, "back.hamstrings.left:4:2"));
  g_clear_pointer (&text, g_free);
  text = suggest (sessions);
  g_assert_true (g_str_has_prefix (text, "Hamstrings: sore in 4 of your last 4 sessions."));
}

static void
test_suggestion_gap_and_relief (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);
  g_autoptr(GPtrArray) calm = g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);
  g_autofree char *gap = NULL, *relief = NULL, *nothing = NULL;

  g_assert_null (suggest (sessions));

  g_ptr_array_add (sessions, session (20, "back.calves.left:3:1"));
  gap = suggest (sessions);
  g_assert_cmpstr (gap, ==, "Your last session was 20 days ago. For many people a short routine about once a week "
                            "keeps sore places easier.");

  /* Three before-and-after pairs, 2 points lower on average. */
  g_ptr_array_add (calm, session (1, "back.calves.left:3:1"));
  g_ptr_array_add (calm, session (2, "back.lower-back.left:3:1 back.calves.right:2:0"));
  relief = suggest (calm);
  g_assert_cmpstr (relief, ==, "After your recent sessions, soreness was 2.0 points lower on average than before.");

  /* Nothing to say: no gap, too few pairs. */
  g_ptr_array_set_size (calm, 1);
  nothing = suggest (calm);
  g_assert_null (nothing);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  catalogue = limber_catalogue_new ();
  if (!limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/session/finished-with-hurt", test_finished_with_hurt);
  g_test_add_func ("/session/stopped-early", test_stopped_early);
  g_test_add_func ("/suggestion/sore-group", test_suggestion_sore_group);
  g_test_add_func ("/suggestion/persistent", test_suggestion_persistent);
  g_test_add_func ("/suggestion/gap-and-relief", test_suggestion_gap_and_relief);

  status = g_test_run ();
  g_clear_object (&catalogue);
  return status;
}
