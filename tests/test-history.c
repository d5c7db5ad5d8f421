/* test-history.c: sessions, ratings and favourites kept in SQLite
 *
 * Each test works in a temporary folder of its own; the history file is
 * put one folder down so that its folder is made too. Damaged, newer and
 * unreachable files are made by hand, and the files are compared byte for
 * byte where Limber must not change them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "core/limber-history.h"
#include "limber-test-files.h"

/* A time zone with summer time, written as a POSIX rule so that no tzdata
 * is needed: Central European Time. */
#define CET "CET-1CEST,M3.5.0,M10.5.0/3"

typedef struct
{
  char *root;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->root = g_dir_make_tmp ("limber-history-XXXXXX", NULL);
  g_assert_nonnull (fixture->root);
  fixture->path = g_build_filename (fixture->root, "limber", "history.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  limber_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->path);
}

/* ---- helpers ---- */

static LimberHistory *
open_ok (const char *path)
{
  LimberHistory *history = limber_history_open (path);

  g_assert_cmpint (limber_history_get_status (history), ==, LIMBER_HISTORY_STATUS_OK);
  g_assert_null (limber_history_get_message (history));
  g_assert_true (limber_history_get_writable (history));
  return history;
}

static gint64
local_time (const char *zone,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) time = NULL;

  g_assert_nonnull (tz);
  time = g_date_time_new (tz, year, month, day, hour, minute, 0);
  return g_date_time_to_unix (time);
}

static GDateTime *
local_now (const char *zone,
           int         year,
           int         month,
           int         day,
           int         hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  return g_date_time_new (tz, year, month, day, hour, 0, 0);
}

/* A session of one routine that rated nothing. */
static void
add_plain (LimberHistory *history,
           gint64         started)
{
  g_autoptr(LimberSessionRecord) record = limber_session_record_new (started, started + 600, TRUE);

  limber_session_record_add_routine (record, "calves.roll", 4, 4);
  limber_history_add_session (history, record);
}

static void
assert_counts (GArray *counts,
               ...)
{
  va_list args;

  va_start (args, counts);
  for (guint i = 0; i < counts->len; i++)
    g_assert_cmpuint (g_array_index (counts, guint, i), ==, va_arg (args, guint));
  va_end (args);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
write_bytes (const char *path,
             const void *data,
             gsize       length)
{
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

/* A session with a bit of everything, at a fixed time. */
static LimberSessionRecord *
make_full_record (gint64 started)
{
  LimberSessionRecord *record = limber_session_record_new (started, started + 900, FALSE);

  limber_session_record_add_routine (record, "calves.roll", 3, 5);
  limber_session_record_add_routine (record, "lower-back.ball", 2, 2);
  limber_session_record_add_hurt (record, "calves.roll", 2);
  limber_session_record_set_before (record, "back.calves.left", 6);
  limber_session_record_set_before (record, "back.lower-back.right", 4);
  limber_session_record_set_after (record, "back.calves.left", 3);
  return record;
}

static void
assert_same_record (LimberSessionRecord *a,
                    LimberSessionRecord *b)
{
  g_assert_cmpstr (limber_session_record_get_uuid (a), ==, limber_session_record_get_uuid (b));
  g_assert_cmpint (limber_session_record_get_started (a), ==, limber_session_record_get_started (b));
  g_assert_cmpint (limber_session_record_get_ended (a), ==, limber_session_record_get_ended (b));
  g_assert_cmpint (limber_session_record_get_finished (a), ==, limber_session_record_get_finished (b));

  g_assert_cmpuint (limber_session_record_get_n_routines (a), ==, limber_session_record_get_n_routines (b));
  for (guint i = 0; i < limber_session_record_get_n_routines (a); i++)
    {
      guint done_a, total_a, done_b, total_b;

      g_assert_cmpstr (limber_session_record_get_routine (a, i, &done_a, &total_a), ==,
                       limber_session_record_get_routine (b, i, &done_b, &total_b));
      g_assert_cmpuint (done_a, ==, done_b);
      g_assert_cmpuint (total_a, ==, total_b);
    }

  g_assert_cmpuint (limber_session_record_get_n_hurts (a), ==, limber_session_record_get_n_hurts (b));
  for (guint i = 0; i < limber_session_record_get_n_hurts (a); i++)
    {
      guint step_a, step_b;

      g_assert_cmpstr (limber_session_record_get_hurt (a, i, &step_a), ==,
                       limber_session_record_get_hurt (b, i, &step_b));
      g_assert_cmpuint (step_a, ==, step_b);
    }

  g_assert_cmpuint (limber_session_record_get_n_ratings (a), ==, limber_session_record_get_n_ratings (b));
  for (guint i = 0; i < limber_session_record_get_n_ratings (a); i++)
    {
      int before_a, after_a, before_b, after_b;

      g_assert_cmpstr (limber_session_record_get_rating (a, i, &before_a, &after_a), ==,
                       limber_session_record_get_rating (b, i, &before_b, &after_b));
      g_assert_cmpint (before_a, ==, before_b);
      g_assert_cmpint (after_a, ==, after_b);
    }
}

/* ---- records ---- */

static void
test_record (void)
{
  g_autoptr(LimberSessionRecord) record = limber_session_record_new (100, 200, TRUE);
  g_autoptr(LimberSessionRecord) other = limber_session_record_new (100, 200, TRUE);
  int before, after;

  g_assert_true (g_uuid_string_is_valid (limber_session_record_get_uuid (record)));
  g_assert_cmpstr (limber_session_record_get_uuid (record), !=, limber_session_record_get_uuid (other));

  /* One entry a region, in the order of first mention. */
  limber_session_record_set_after (record, "b", 2);
  limber_session_record_set_before (record, "a", 5);
  limber_session_record_set_before (record, "b", 7);
  limber_session_record_set_before (record, "a", LIMBER_SORENESS_NOT_RATED);
  g_assert_cmpuint (limber_session_record_get_n_ratings (record), ==, 2);
  g_assert_cmpstr (limber_session_record_get_rating (record, 0, &before, &after), ==, "b");
  g_assert_cmpint (before, ==, 7);
  g_assert_cmpint (after, ==, 2);
  g_assert_cmpstr (limber_session_record_get_rating (record, 1, &before, &after), ==, "a");
  g_assert_cmpint (before, ==, LIMBER_SORENESS_NOT_RATED);
  g_assert_cmpint (after, ==, LIMBER_SORENESS_NOT_RATED);
  g_assert_cmpint (limber_session_record_get_before (record, "nowhere"), ==, LIMBER_SORENESS_NOT_RATED);

  if (g_test_undefined ())
    {
      g_test_expect_message ("limber-session-record", G_LOG_LEVEL_CRITICAL, "*soreness_is_valid*");
      limber_session_record_set_before (record, "a", 11);
      g_test_assert_expected_messages ();
      g_test_expect_message ("limber-session-record", G_LOG_LEVEL_CRITICAL, "*soreness_is_valid*");
      limber_session_record_set_after (record, "a", -2);
      g_test_assert_expected_messages ();
      g_assert_cmpint (limber_session_record_get_before (record, "a"), ==, LIMBER_SORENESS_NOT_RATED);
    }
}

static void
test_record_and_read (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(LimberSessionRecord) first = make_full_record (1000000);
  g_autoptr(LimberSessionRecord) second = limber_session_record_new (2000000, 2000300, TRUE);
  g_autoptr(LimberSessionRecord) copy_of_first = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  GStatBuf info;

  g_assert_cmpuint (limber_history_count_sessions (history), ==, 0);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  limber_history_add_session (history, first);
  /* What the history keeps was copied when it was added. */
  copy_of_first = make_full_record (1000000);
  limber_session_record_set_uuid (copy_of_first, limber_session_record_get_uuid (first));
  limber_session_record_add_routine (first, "added.later", 1, 1);
  limber_session_record_set_before (first, "back.calves.left", 0);

  g_assert_true (limber_history_record_session_sync (history, second, &error));
  g_assert_no_error (error);
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 2);

  /* A uuid kept already is left alone, quietly. */
  limber_history_add_session (history, first);
  g_assert_true (limber_history_record_session_sync (history, second, &error));
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 2);

  sessions = limber_history_list_sessions (history, G_MAXINT64, 0);
  g_assert_cmpuint (sessions->len, ==, 2);
  assert_same_record (g_ptr_array_index (sessions, 0), second);
  assert_same_record (g_ptr_array_index (sessions, 1), copy_of_first);
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Pages of older sessions. */
  sessions = limber_history_list_sessions (history, 2000000, 10);
  g_assert_cmpuint (sessions->len, ==, 1);
  assert_same_record (g_ptr_array_index (sessions, 0), copy_of_first);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = limber_history_list_sessions (history, G_MAXINT64, 1);
  g_assert_cmpuint (sessions->len, ==, 1);
  assert_same_record (g_ptr_array_index (sessions, 0), second);
}

static void
test_rate_after (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(LimberSessionRecord) record = make_full_record (1000000);
  const char *uuid = limber_session_record_get_uuid (record);
  g_autoptr(GPtrArray) sessions = NULL;
  LimberSessionRecord *kept;

  limber_history_add_session (history, record);
  limber_history_rate_after (history, uuid, "back.lower-back.right", 1);
  limber_history_rate_after (history, uuid, "back.calves.left", 2);
  limber_history_rate_after (history, uuid, "front.quads.left", 5);
  /* A session that is not kept is left alone. */
  limber_history_rate_after (history, "no-such-session", "front.quads.left", 5);
  limber_history_flush (history);

  sessions = limber_history_list_sessions (history, G_MAXINT64, 0);
  g_assert_cmpuint (sessions->len, ==, 1);
  kept = g_ptr_array_index (sessions, 0);
  g_assert_cmpuint (limber_session_record_get_n_ratings (kept), ==, 3);
  g_assert_cmpint (limber_session_record_get_before (kept, "back.calves.left"), ==, 6);
  g_assert_cmpint (limber_session_record_get_after (kept, "back.calves.left"), ==, 2);
  g_assert_cmpint (limber_session_record_get_before (kept, "back.lower-back.right"), ==, 4);
  g_assert_cmpint (limber_session_record_get_after (kept, "back.lower-back.right"), ==, 1);
  g_assert_cmpstr (limber_session_record_get_rating (kept, 2, NULL, NULL), ==, "front.quads.left");
  g_assert_cmpint (limber_session_record_get_before (kept, "front.quads.left"), ==, LIMBER_SORENESS_NOT_RATED);
  g_assert_cmpint (limber_session_record_get_after (kept, "front.quads.left"), ==, 5);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);
}

static void
test_favourites (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_auto(GStrv) favourites = NULL;

  limber_history_set_favourite (history, "neck.stretch", TRUE);
  limber_history_set_favourite (history, "calves.roll", TRUE);
  limber_history_set_favourite (history, "feet.ball", TRUE);
  limber_history_set_favourite (history, "feet.ball", FALSE);
  limber_history_set_favourite (history, "calves.roll", TRUE);

  /* Answered at once, before the writes land. */
  g_assert_true (limber_history_is_favourite (history, "calves.roll"));
  g_assert_false (limber_history_is_favourite (history, "feet.ball"));
  favourites = limber_history_dup_favourites (history);
  g_assert_cmpstrv (favourites, ((const char *[]){ "calves.roll", "neck.stretch", NULL }));
  g_clear_pointer (&favourites, g_strfreev);

  /* Kept across a reopen. */
  g_clear_object (&history);
  history = open_ok (fixture->path);
  g_assert_true (limber_history_is_favourite (history, "neck.stretch"));
  g_assert_false (limber_history_is_favourite (history, "feet.ball"));
  favourites = limber_history_dup_favourites (history);
  g_assert_cmpstrv (favourites, ((const char *[]){ "calves.roll", "neck.stretch", NULL }));
}

/* ---- weeks ---- */

static void
test_weeks_summer_time (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  /* Wednesday 28 October 2026; summer time ended on Sunday the 25th at 03:00,
   * so the week of the 19th is 7 days and an hour long. */
  g_autoptr(GDateTime) now = local_now (CET, 2026, 10, 28, 12);
  g_autoptr(GArray) counts = NULL;

  add_plain (history, local_time (CET, 2026, 10, 18, 23, 59));    /* Sunday, week of the 12th */
  add_plain (history, local_time (CET, 2026, 10, 19, 0, 0));      /* Monday, the week's first second */
  add_plain (history, local_time (CET, 2026, 10, 25, 23, 30));    /* in the 25th hour of its week */
  add_plain (history, local_time (CET, 2026, 10, 26, 0, 30));     /* this week */
  add_plain (history, local_time (CET, 2026, 11, 2, 0, 0));       /* next week: not counted */
  limber_history_flush (history);

  counts = limber_history_sessions_per_week (history, now, 4);
  g_assert_cmpuint (counts->len, ==, 4);
  assert_counts (counts, 0, 1, 2, 1);
  g_clear_pointer (&counts, g_array_unref);

  /* Summer time starts on Sunday 28 March 2027: a week of 7 days less an
   * hour. */
  add_plain (history, local_time (CET, 2027, 3, 22, 0, 0));
  add_plain (history, local_time (CET, 2027, 3, 28, 23, 45));
  add_plain (history, local_time (CET, 2027, 3, 29, 0, 15));
  limber_history_flush (history);
  g_clear_pointer (&now, g_date_time_unref);
  now = local_now (CET, 2027, 3, 29, 9);
  counts = limber_history_sessions_per_week (history, now, 2);
  assert_counts (counts, 2, 1);
  g_clear_pointer (&counts, g_array_unref);

  counts = limber_history_sessions_per_week (history, now, 0);
  g_assert_cmpuint (counts->len, ==, 0);
}

static void
test_weeks_new_year (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  /* Saturday 2 January 2027: its week started on Monday 28 December 2026. */
  g_autoptr(GDateTime) now = local_now (CET, 2027, 1, 2, 18);
  g_autoptr(GDateTime) sunday = local_now (CET, 2027, 1, 3, 23);
  g_autoptr(GArray) counts = NULL;

  add_plain (history, local_time (CET, 2026, 12, 14, 9, 0));
  add_plain (history, local_time (CET, 2026, 12, 16, 9, 0));
  add_plain (history, local_time (CET, 2026, 12, 21, 9, 0));
  add_plain (history, local_time (CET, 2026, 12, 27, 23, 59));
  add_plain (history, local_time (CET, 2026, 12, 31, 23, 0));
  limber_history_flush (history);

  counts = limber_history_sessions_per_week (history, now, 5);
  assert_counts (counts, 0, 0, 2, 2, 1);
  g_clear_pointer (&counts, g_array_unref);

  /* This week has one: with one a week it counts, with two it is still in
   * progress and the streak ends with last week. */
  g_assert_cmpuint (limber_history_streak_weeks (history, now, 1), ==, 3);
  g_assert_cmpuint (limber_history_streak_weeks (history, now, 2), ==, 2);
  g_assert_cmpuint (limber_history_streak_weeks (history, now, 3), ==, 0);

  add_plain (history, local_time (CET, 2027, 1, 1, 10, 0));
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_streak_weeks (history, now, 2), ==, 3);
  g_assert_cmpuint (limber_history_streak_weeks (history, sunday, 2), ==, 3);

  /* A week without sessions breaks it. */
  g_clear_pointer (&now, g_date_time_unref);
  now = local_now (CET, 2027, 1, 13, 12);
  g_assert_cmpuint (limber_history_streak_weeks (history, now, 1), ==, 0);
  add_plain (history, local_time (CET, 2027, 1, 13, 7, 0));
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_streak_weeks (history, now, 1), ==, 1);
}

/* ---- ratings ---- */

static void
test_ratings (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(LimberSessionRecord) old = limber_session_record_new (1000, 1600, TRUE);
  g_autoptr(LimberSessionRecord) first = limber_session_record_new (5000, 5600, TRUE);
  g_autoptr(LimberSessionRecord) second = limber_session_record_new (9000, 9600, FALSE);
  g_autoptr(GArray) points = NULL;
  g_autoptr(GHashTable) soreness = NULL;
  g_auto(GStrv) regions = NULL;
  LimberRatingPoint *point;

  limber_session_record_set_before (old, "calf", 9);
  limber_session_record_set_before (old, "neck", 9);
  limber_session_record_set_before (first, "calf", 6);
  limber_session_record_set_after (first, "calf", 4);
  limber_session_record_set_after (first, "neck", 2);
  limber_session_record_set_before (first, "unrated", LIMBER_SORENESS_NOT_RATED);
  limber_session_record_set_before (second, "calf", 3);
  limber_session_record_set_before (second, "back", 0);
  /* Out of order on purpose: the reads sort by time. */
  limber_history_add_session (history, second);
  limber_history_add_session (history, old);
  limber_history_add_session (history, first);
  limber_history_flush (history);

  points = limber_history_region_ratings (history, "calf", 2000);
  g_assert_cmpuint (points->len, ==, 2);
  point = &g_array_index (points, LimberRatingPoint, 0);
  g_assert_cmpint (point->started, ==, 5000);
  g_assert_cmpint (point->before, ==, 6);
  g_assert_cmpint (point->after, ==, 4);
  point = &g_array_index (points, LimberRatingPoint, 1);
  g_assert_cmpint (point->started, ==, 9000);
  g_assert_cmpint (point->before, ==, 3);
  g_assert_cmpint (point->after, ==, LIMBER_SORENESS_NOT_RATED);
  g_clear_pointer (&points, g_array_unref);

  points = limber_history_region_ratings (history, "calf", 0);
  g_assert_cmpuint (points->len, ==, 3);
  g_clear_pointer (&points, g_array_unref);
  points = limber_history_region_ratings (history, "unrated", 0);
  g_assert_cmpuint (points->len, ==, 0);

  /* Means of the before ratings since 2000: the neck was only rated after. */
  soreness = limber_history_recent_soreness (history, 2000);
  g_assert_cmpuint (g_hash_table_size (soreness), ==, 2);
  g_assert_cmpfloat_with_epsilon (*(double *)g_hash_table_lookup (soreness, "calf"), 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (*(double *)g_hash_table_lookup (soreness, "back"), 0.0, 1e-9);
  g_assert_false (g_hash_table_contains (soreness, "neck"));
  g_clear_pointer (&soreness, g_hash_table_unref);
  soreness = limber_history_recent_soreness (history, 0);
  g_assert_cmpfloat_with_epsilon (*(double *)g_hash_table_lookup (soreness, "neck"), 9.0, 1e-9);

  regions = limber_history_dup_rated_regions (history);
  g_assert_cmpstrv (regions, ((const char *[]){ "back", "calf", "neck", NULL }));
}

/* ---- CSV ---- */

/* Ids that need quoting, times across a year, and every kind of row. */
static void
fill_for_csv (LimberHistory *history)
{
  g_autoptr(LimberSessionRecord) first = make_full_record (1795249800);
  g_autoptr(LimberSessionRecord) second = limber_session_record_new (1798759800, 1798760400, TRUE);
  g_autoptr(LimberSessionRecord) third = limber_session_record_new (1798759800, 1798759900, FALSE);

  limber_session_record_add_routine (second, "gym.\"big\" roll, slow", 7, 7);
  limber_session_record_add_hurt (second, "gym.\"big\" roll, slow", 0);
  limber_session_record_set_before (second, "ünïcödé, region", 10);
  limber_session_record_set_after (second, "ünïcödé, region", 0);
  limber_session_record_set_after (second, "neck", 1);
  limber_session_record_set_uuid (third, "imported-from-elsewhere");

  limber_history_add_session (history, first);
  limber_history_add_session (history, second);
  limber_history_add_session (history, third);
  limber_history_set_favourite (history, "neck.stretch", TRUE);
  limber_history_set_favourite (history, "a,b", TRUE);
  limber_history_set_favourite (history, "the \"best\" one", TRUE);
  limber_history_flush (history);
}

static char *
lf_lines (const char *text)
{
  g_autoptr(GString) copy = g_string_new (text);

  g_string_replace (copy, "\r\n", "\n", 0);
  return g_string_free (g_steal_pointer (&copy), FALSE);
}

static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autofree char *other_path = g_build_filename (fixture->root, "other.db", NULL);
  g_autofree char *third_path = g_build_filename (fixture->root, "third.db", NULL);
  g_autoptr(LimberHistory) other = open_ok (other_path);
  g_autoptr(LimberHistory) third = open_ok (third_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *lf = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *third_export = NULL;
  g_autofree char *empty = limber_history_export_csv (history);
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_cmpstr (empty, ==, "session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after\r\n");

  fill_for_csv (history);
  exported = limber_history_export_csv (history);
  g_test_message ("%s", exported);

  lines = g_strsplit (exported, "\r\n", -1);
  /* The header, 6 rows, 5 rows and 1 row of sessions, 3 favourites, and
   * the empty string after the last line end. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 6 + 5 + 1 + 3 + 1);
  g_assert_cmpstr (lines[0], ==, "session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after");
  g_assert_true (g_str_has_suffix (lines[1], ",2026-11-21T08:30:00Z,2026-11-21T08:45:00Z,stopped,session,,,,,,"));
  g_assert_nonnull (strstr (exported, ",2026-12-31T23:30:00Z,2026-12-31T23:40:00Z,finished,session,,,,,,\r\n"));
  g_assert_nonnull (strstr (exported, ",,,,routine,\"gym.\"\"big\"\" roll, slow\",,7,7,,\r\n"));
  g_assert_nonnull (strstr (exported, ",,,,hurt,\"gym.\"\"big\"\" roll, slow\",1,,,,\r\n"));
  g_assert_nonnull (strstr (exported, ",,,,hurt,calves.roll,3,,,,\r\n"));
  g_assert_nonnull (strstr (exported, ",,,,rating,\"ünïcödé, region\",,,,10,0\r\n"));
  g_assert_nonnull (strstr (exported, ",,,,rating,neck,,,,,1\r\n"));
  g_assert_nonnull (strstr (exported, "imported-from-elsewhere,2026-12-31T23:30:00Z,2026-12-31T23:31:40Z,stopped,"));
  g_assert_true (g_str_has_suffix (exported, ",,,,favourite,\"a,b\",,,,,\r\n"
                                             ",,,,favourite,neck.stretch,,,,,\r\n"
                                             ",,,,favourite,\"the \"\"best\"\" one\",,,,,\r\n"));

  g_assert_true (limber_history_import_csv (other, exported, strlen (exported), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (limber_history_is_favourite (other, "a,b"));
  again = limber_history_export_csv (other);
  g_assert_cmpstr (again, ==, exported);

  /* LF line ends and a byte order mark, as a spreadsheet may save it. */
  lf = lf_lines (exported);
  with_bom = g_strconcat ("\xef\xbb\xbf", lf, NULL);
  g_assert_true (limber_history_import_csv (third, with_bom, strlen (with_bom), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  third_export = limber_history_export_csv (third);
  g_assert_cmpstr (third_export, ==, exported);
}

static void
test_csv_idempotent (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autofree char *other_path = g_build_filename (fixture->root, "other.db", NULL);
  g_autoptr(LimberHistory) other = open_ok (other_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *after_one = NULL;
  g_autofree char *after_two = NULL;
  g_autofree char *onto_itself = NULL;
  guint n = 99;

  fill_for_csv (history);
  exported = limber_history_export_csv (history);

  g_assert_true (limber_history_import_csv (other, exported, strlen (exported), &n, &error));
  g_assert_cmpuint (n, ==, 3);
  after_one = limber_history_export_csv (other);
  g_assert_true (limber_history_import_csv (other, exported, strlen (exported), &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  after_two = limber_history_export_csv (other);
  g_assert_cmpstr (after_two, ==, after_one);
  g_assert_cmpuint (limber_history_count_sessions (other), ==, 3);

  g_assert_true (limber_history_import_csv (history, exported, strlen (exported), &n, &error));
  g_assert_cmpuint (n, ==, 0);
  onto_itself = limber_history_export_csv (history);
  g_assert_cmpstr (onto_itself, ==, exported);
}

#define CSV_HEADER  "session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after\n"
#define CSV_SESSION "s1,2026-11-21T08:30:00Z,2026-11-21T08:45:00Z,finished,session,,,,,,\n"

static void
assert_import_fails (LimberHistory *history,
                     const char    *text,
                     gsize          length,
                     const char    *pattern)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) favourites = NULL;
  guint n = 99;

  g_assert_false (limber_history_import_csv (history, text, length, &n, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV);
  g_test_message ("%s", error->message);
  if (!g_pattern_match_simple (pattern, error->message))
    g_error ("“%s” does not match “%s”", error->message, pattern);

  /* Nothing at all was imported. */
  g_assert_cmpuint (n, ==, 99);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 0);
  favourites = limber_history_dup_favourites (history);
  g_assert_cmpuint (g_strv_length (favourites), ==, 0);
}

static void
test_csv_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(GString) long_file = g_string_new (CSV_HEADER);
  static const struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "line 1: the first line must be the header “session,started,*" },
    { "session,started\n" CSV_SESSION, "line 1: the first line must be the header*" },
    { CSV_SESSION, "line 1: the first line must be the header*" },
    { CSV_HEADER CSV_SESSION "s1,,,,massage,calves.roll,,,,,\n", "line 3: unknown kind “massage”" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,calves.roll,,1,2,\n", "line 3: 10 fields where there should be 11" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,calves.roll,,1,2,,,\n", "line 3: 12 fields where there should be 11" },
    { CSV_HEADER CSV_SESSION "\n\ns1\n", "line 5: 1 field where there should be 11" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,calves.roll,,one,2,,\n",
      "line 3: “one” in column 8 is not a whole number" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,calves.roll,,-1,2,,\n",
      "line 3: “-1” in column 8 is not a whole number" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,calves.roll,,1, 2,,\n",
      "line 3: “ 2” in column 9 is not a whole number" },
    { CSV_HEADER CSV_SESSION "s1,,,,hurt,calves.roll,2.5,,,,\n", "line 3: “2.5” in column 7 is not a whole number" },
    { CSV_HEADER CSV_SESSION "s1,,,,hurt,calves.roll,0,,,,\n", "line 3: steps are numbered from 1" },
    { CSV_HEADER CSV_SESSION "s1,,,,rating,calf,,,,11,\n",
      "line 3: soreness “11” is not a whole number from 0 to 10" },
    { CSV_HEADER CSV_SESSION "s1,,,,rating,calf,,,,3,-1\n",
      "line 3: soreness “-1” is not a whole number from 0 to 10" },
    { CSV_HEADER CSV_SESSION "s1,,,,rating,calf,,,,3,\ns1,,,,rating,calf,,,,,4\n",
      "line 4: the region “calf” is rated twice in one session" },
    { CSV_HEADER "s1,2026-11-21 08:30,2026-11-21T08:45:00Z,finished,session,,,,,,\n",
      "line 2: “2026-11-21 08:30” in column 2 is not a time like 2026-11-21T08:30:00Z" },
    { CSV_HEADER "s1,2026-11-21T08:30:00Z,2026-02-30T08:45:00Z,finished,session,,,,,,\n",
      "line 2: “2026-02-30T08:45:00Z” in column 3 is not a time like 2026-11-21T08:30:00Z" },
    { CSV_HEADER "s1,2026-11-21T08:30:00Z,2026-11-21T08:45:00+01:00,finished,session,,,,,,\n",
      "line 2: “2026-11-21T08:45:00+01:00” in column 3 is not a time*" },
    { CSV_HEADER "s1,2026-11-21T08:30:00Z,2026-11-21T08:45:00Z,done,session,,,,,,\n",
      "line 2: the outcome must be “finished” or “stopped”, not “done”" },
    { CSV_HEADER "s2,,,,routine,calves.roll,,1,2,,\n" CSV_SESSION,
      "line 2: this row comes before the row of its session “s2”" },
    { CSV_HEADER CSV_SESSION "s2,,,,rating,calf,,,,3,\n",
      "line 3: this row comes before the row of its session “s2”" },
    { CSV_HEADER CSV_SESSION CSV_SESSION, "line 3: the session “s1” appears twice" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,calves.roll,3,1,2,,\n",
      "line 3: column 7 must be empty in a “routine” row" },
    { CSV_HEADER CSV_SESSION "s1,,,,favourite,calves.roll,,,,,\n",
      "line 3: column 1 must be empty in a “favourite” row" },
    { CSV_HEADER CSV_SESSION ",,,,favourite,,,,,,\n", "line 3: column 6 must be an id of 1 to 200 bytes*" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,\"tab\there\",,1,2,,\n", "line 3: column 6 must be an id*" },
    { CSV_HEADER ",2026-11-21T08:30:00Z,2026-11-21T08:45:00Z,finished,session,,,,,,\n",
      "line 2: column 1 must be an id*" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,\"calves\n.roll,,1,2,,\n", "line 3: a quoted field is not closed" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,\"a\"b,,1,2,,\n",
      "line 3: a closing quote must be followed by a comma or the end of the line" },
    { CSV_HEADER CSV_SESSION "s1,,,,routine,a\"b,,1,2,,\n",
      "line 3: a quote inside a field that does not start with one" },
    /* Lines are counted inside quotes too. */
    { CSV_HEADER CSV_SESSION "s1,,,,routine,\"multi\nline\"x,,1,2,,\n",
      "line 4: a closing quote must be followed by a comma or the end of the line" },
    { CSV_HEADER CSV_SESSION "s1,,,,rating,ca\xff,,,,1,\n", "line 3: the text is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_import_fails (history, cases[i].text, strlen (cases[i].text), cases[i].message);

  /* A NUL byte is no text either. */
  assert_import_fails (history, CSV_HEADER "s1\0", strlen (CSV_HEADER) + 3, "line 2: the text is not UTF-8");

  /* Ten good lines, favourites among them, then a bad one: none is kept. */
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (long_file,
                            "s%u,2026-11-2%uT08:30:00Z,2026-11-2%uT08:45:00Z,finished,session,,,,,,\r\n"
                            "s%u,,,,rating,calf,,,,%u,\r\n", i, i, i, i, i);
  g_string_append (long_file, ",,,,favourite,calves.roll,,,,,\r\n"
                              "s4,,,,rating,neck,,,,,ten\r\n");
  assert_import_fails (history, long_file->str, long_file->len,
                       "line 13: soreness “ten” is not a whole number from 0 to 10");
}

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) points = NULL;
  g_auto(GStrv) favourites = NULL;
  g_auto(GStrv) regions = NULL;
  g_autofree char *exported = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  fill_for_csv (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 3);

  limber_history_delete_all (history);
  g_assert_false (limber_history_is_favourite (history, "neck.stretch"));
  limber_history_flush (history);

  g_assert_cmpuint (limber_history_count_sessions (history), ==, 0);
  sessions = limber_history_list_sessions (history, G_MAXINT64, 0);
  g_assert_cmpuint (sessions->len, ==, 0);
  points = limber_history_region_ratings (history, "back.calves.left", 0);
  g_assert_cmpuint (points->len, ==, 0);
  regions = limber_history_dup_rated_regions (history);
  g_assert_cmpuint (g_strv_length (regions), ==, 0);
  favourites = limber_history_dup_favourites (history);
  g_assert_cmpuint (g_strv_length (favourites), ==, 0);
  exported = limber_history_export_csv (history);
  g_assert_cmpstr (exported, ==, "session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after\r\n");

  /* No row is left behind in any table. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM ratings)"
                                           " + (SELECT count(*) FROM hurts) + (SELECT count(*) FROM session_routines)"
                                           " + (SELECT count(*) FROM favourites)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* And it goes on working. */
  add_plain (history, 1000);
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);
}

/* ---- damaged, newer, unavailable, disabled ---- */

static void
assert_fresh_history_works (LimberHistory *history)
{
  g_autoptr(LimberSessionRecord) record = make_full_record (5000);
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_history_get_writable (history));
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 0);
  g_assert_true (limber_history_record_session_sync (history, record, &error));
  g_assert_no_error (error);
  limber_history_set_favourite (history, "calves.roll", TRUE);
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);
}

/* Opens @path, which holds @damaged, and checks that it was moved aside
 * untouched. Returns: where it went. */
static char *
open_damaged (const char *path,
              GBytes     *damaged)
{
  g_autoptr(LimberHistory) history = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autofree char *expected_prefix = g_strconcat (path, ".corrupt-", NULL);
  g_autofree char *display_name = NULL;
  g_autofree char *aside = NULL;

  write_bytes (path, g_bytes_get_data (damaged, NULL), g_bytes_get_size (damaged));

  g_test_expect_message ("limber-history", G_LOG_LEVEL_WARNING, "The history * was damaged; it was moved to *");
  history = limber_history_open (path);
  g_test_assert_expected_messages ();

  g_assert_cmpint (limber_history_get_status (history), ==, LIMBER_HISTORY_STATUS_RECOVERED);
  aside = g_strdup (limber_history_get_moved_aside (history));
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, expected_prefix));
  g_assert_true (g_regex_match_simple ("\\.corrupt-[0-9]{8}-[0-9]{6}(-[0-9]+)?$", aside, 0, 0));
  moved = read_bytes (aside);
  g_assert_true (g_bytes_equal (moved, damaged));

  display_name = g_filename_display_name (aside);
  g_assert_nonnull (strstr (limber_history_get_message (history), display_name));
  g_assert_true (g_str_has_prefix (limber_history_get_message (history), "Your history file was damaged."));

  assert_fresh_history_works (history);

  /* The fresh file is a good history from now on. */
  g_clear_object (&history);
  history = open_ok (path);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);
  g_assert_true (limber_history_is_favourite (history, "calves.roll"));

  return g_steal_pointer (&aside);
}

static void
test_corrupt_random (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GByteArray) noise = g_byte_array_new ();
  g_autoptr(GBytes) damaged = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < 8192; i++)
    {
      guint8 byte = g_test_rand_int_range (0, 256);

      g_byte_array_append (noise, &byte, 1);
    }
  damaged = g_byte_array_free_to_bytes (g_steal_pointer (&noise));
  first = open_damaged (fixture->path, damaged);

  /* Damaged again within the second: the first copy is kept beside it. */
  second = open_damaged (fixture->path, damaged);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_text (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char text[] = "These are my notes, not a database.\nCalves: better.\n";
  g_autoptr(GBytes) damaged = g_bytes_new_static (text, sizeof text - 1);
  g_autofree char *aside = open_damaged (fixture->path, damaged);
}

static void
test_corrupt_truncated (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) half = NULL;
  g_autofree char *aside = NULL;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(LimberSessionRecord) record = make_full_record (1000000 + i * 86400);

      limber_history_add_session (history, record);
    }
  limber_history_flush (history);
  g_clear_object (&history);

  whole = read_bytes (fixture->path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 8 * 4096);
  half = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  aside = open_damaged (fixture->path, half);
}

static void
test_newer (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(LimberSessionRecord) record = make_full_record (1000000);
  g_autoptr(LimberSessionRecord) another = limber_session_record_new (2000000, 2000600, TRUE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  guint n = 99;

  limber_history_add_session (history, record);
  limber_history_set_favourite (history, "calves.roll", TRUE);
  g_clear_object (&history);
  run_sql (fixture->path, "PRAGMA user_version = 99");
  before = read_bytes (fixture->path);

  history = limber_history_open (fixture->path);
  g_assert_cmpint (limber_history_get_status (history), ==, LIMBER_HISTORY_STATUS_NEWER);
  g_assert_false (limber_history_get_writable (history));
  g_assert_cmpstr (limber_history_get_message (history), ==,
                   "Your history was written by a newer version of Limber. It is shown but not changed; "
                   "update Limber to add to it.");

  /* Reads work. */
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);
  sessions = limber_history_list_sessions (history, G_MAXINT64, 0);
  g_assert_cmpuint (sessions->len, ==, 1);
  assert_same_record (g_ptr_array_index (sessions, 0), record);
  g_assert_true (limber_history_is_favourite (history, "calves.roll"));
  exported = limber_history_export_csv (history);
  g_assert_nonnull (strstr (exported, limber_session_record_get_uuid (record)));

  /* Writes are refused or do nothing. */
  limber_history_add_session (history, another);
  limber_history_rate_after (history, limber_session_record_get_uuid (record), "neck", 3);
  limber_history_set_favourite (history, "neck.stretch", TRUE);
  limber_history_set_favourite (history, "calves.roll", FALSE);
  limber_history_delete_all (history);
  limber_history_flush (history);
  g_assert_false (limber_history_record_session_sync (history, another, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (limber_history_import_csv (history, exported, strlen (exported), &n, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);
  g_assert_true (limber_history_is_favourite (history, "calves.roll"));
  g_assert_false (limber_history_is_favourite (history, "neck.stretch"));
  g_clear_object (&history);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (user_version (fixture->path), ==, 99);
}

static void
assert_inert (LimberHistory *history)
{
  g_autoptr(LimberSessionRecord) record = make_full_record (1000000);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GHashTable) soreness = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) favourites = NULL;
  g_auto(GStrv) regions = NULL;
  g_autofree char *exported = NULL;
  guint n = 99;

  g_assert_false (limber_history_get_writable (history));
  limber_history_add_session (history, record);
  limber_history_rate_after (history, limber_session_record_get_uuid (record), "neck", 3);
  limber_history_set_favourite (history, "calves.roll", TRUE);
  limber_history_delete_all (history);
  limber_history_flush (history);
  g_assert_false (limber_history_record_session_sync (history, record, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (limber_history_is_favourite (history, "calves.roll"));
  favourites = limber_history_dup_favourites (history);
  g_assert_cmpuint (g_strv_length (favourites), ==, 0);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 0);
  sessions = limber_history_list_sessions (history, G_MAXINT64, 30);
  g_assert_cmpuint (sessions->len, ==, 0);
  counts = limber_history_sessions_per_week (history, now, 12);
  g_assert_cmpuint (counts->len, ==, 12);
  assert_counts (counts, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  g_assert_cmpuint (limber_history_streak_weeks (history, now, 1), ==, 0);
  points = limber_history_region_ratings (history, "neck", 0);
  g_assert_cmpuint (points->len, ==, 0);
  soreness = limber_history_recent_soreness (history, 0);
  g_assert_cmpuint (g_hash_table_size (soreness), ==, 0);
  regions = limber_history_dup_rated_regions (history);
  g_assert_cmpuint (g_strv_length (regions), ==, 0);

  exported = limber_history_export_csv (history);
  g_assert_cmpstr (exported, ==, "session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after\r\n");
  g_assert_false (limber_history_import_csv (history, exported, strlen (exported), &n, &error));
  g_assert_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY);
  g_assert_cmpuint (n, ==, 99);
}

static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LimberHistory) history = limber_history_new_disabled ();
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (limber_history_get_status (history), ==, LIMBER_HISTORY_STATUS_DISABLED);
  g_assert_null (limber_history_get_path (history));
  g_assert_null (limber_history_get_message (history));
  assert_inert (history);
  g_clear_object (&history);

  /* Nothing was made, neither where the default history would be (main()
   * points XDG_DATA_HOME at an empty folder) nor anywhere else. */
  dir = g_dir_open (g_getenv ("XDG_DATA_HOME"), 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  g_clear_pointer (&dir, g_dir_close);
  dir = g_dir_open (fixture->root, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_unavailable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LimberHistory) history = NULL;

  /* A folder where the file should be. */
  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0700), ==, 0);

  g_test_expect_message ("limber-history", G_LOG_LEVEL_WARNING, "The history * could not be opened: *");
  history = limber_history_open (fixture->path);
  g_test_assert_expected_messages ();

  g_assert_cmpint (limber_history_get_status (history), ==, LIMBER_HISTORY_STATUS_UNAVAILABLE);
  g_assert_cmpstr (limber_history_get_path (history), ==, fixture->path);
  g_assert_true (g_str_has_prefix (limber_history_get_message (history), "Your history at "));
  g_test_message ("%s", limber_history_get_message (history));
  assert_inert (history);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
}

static void
test_default_path (void)
{
  g_autofree char *path = limber_history_default_path ();
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "limber", "history.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* ---- signals ---- */

typedef struct
{
  GMainLoop *loop;
  GThread   *thread;
  guint      changed;
  char      *failure;
} Listener;

static void
history_changed_cb (LimberHistory *history,
                    Listener      *listener)
{
  listener->changed++;
  listener->thread = g_thread_self ();
  g_main_loop_quit (listener->loop);
}

static void
write_failed_cb (LimberHistory *history,
                 const char    *message,
                 Listener      *listener)
{
  g_free (listener->failure);
  listener->failure = g_strdup (message);
  listener->thread = g_thread_self ();
  g_main_loop_quit (listener->loop);
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("no signal within 10 s");
  return G_SOURCE_REMOVE;
}

static void
run_until_signal (Listener *listener)
{
  guint timeout = g_timeout_add_seconds (10, give_up_cb, NULL);

  g_main_loop_run (listener->loop);
  g_source_remove (timeout);
}

static void
test_signals (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LimberHistory) history = open_ok (fixture->path);
  g_autoptr(LimberSessionRecord) record = make_full_record (1000000);
  g_autoptr(LimberSessionRecord) refused = make_full_record (2000000);
  Listener listener = { g_main_loop_new (NULL, FALSE) };

  g_signal_connect (history, "changed", G_CALLBACK (history_changed_cb), &listener);
  g_signal_connect (history, "write-failed", G_CALLBACK (write_failed_cb), &listener);

  limber_history_add_session (history, record);
  run_until_signal (&listener);
  g_assert_cmpuint (listener.changed, ==, 1);
  g_assert_true (listener.thread == g_thread_self ());
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);

  /* Another program's trigger makes the next write fail: it is rolled back
   * and reported. */
  run_sql (fixture->path, "CREATE TRIGGER refuse BEFORE INSERT ON sessions "
                          "BEGIN SELECT RAISE (ABORT, 'refused by a test'); END");
  listener.thread = NULL;
  limber_history_add_session (history, refused);
  run_until_signal (&listener);
  g_assert_nonnull (listener.failure);
  g_assert_nonnull (strstr (listener.failure, "refused by a test"));
  g_assert_true (listener.thread == g_thread_self ());
  g_assert_cmpuint (listener.changed, ==, 1);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, 1);

  /* Emissions still queued when the history goes are dropped. */
  run_sql (fixture->path, "DROP TRIGGER refuse");
  limber_history_set_favourite (history, "calves.roll", TRUE);
  limber_history_flush (history);
  g_clear_object (&history);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (listener.changed, ==, 1);

  g_main_loop_unref (listener.loop);
  g_free (listener.failure);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("limber-data-home-XXXXXX", NULL);
  int status;

  /* Before anything asks GLib for the user's folders. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/history/record", test_record);
  g_test_add_func ("/history/default-path", test_default_path);
  ADD ("record-and-read", test_record_and_read);
  ADD ("rate-after", test_rate_after);
  ADD ("favourites", test_favourites);
  ADD ("weeks/summer-time", test_weeks_summer_time);
  ADD ("weeks/new-year", test_weeks_new_year);
  ADD ("ratings", test_ratings);
  ADD ("csv/round-trip", test_csv_round_trip);
  ADD ("csv/idempotent", test_csv_idempotent);
  ADD ("csv/errors", test_csv_errors);
  ADD ("delete-all", test_delete_all);
  ADD ("corrupt/random", test_corrupt_random);
  ADD ("corrupt/text", test_corrupt_text);
  ADD ("corrupt/truncated", test_corrupt_truncated);
  ADD ("newer", test_newer);
  ADD ("disabled", test_disabled);
  ADD ("unavailable", test_unavailable);
  ADD ("signals", test_signals);
#undef ADD

  status = g_test_run ();
  limber_test_remove_tree (data_home);
  return status;
}
