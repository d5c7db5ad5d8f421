/* bench-history.c: what the history costs after ten years of daily use
 *
 *   bench-history [RUNS]
 *
 * Builds a history of one session a day for ten years (3,650 sessions of
 * 1 to 3 routines, 2 to 8 regions rated before and most of them after:
 * about 18,000 ratings) in a temporary folder, then times, as medians of
 * RUNS:
 *   - opening it (PRAGMA quick_check included, and timed on its own);
 *   - the data the history page shows: the count, sessions per week for 12
 *     weeks, the streak, the newest 30 sessions, the soreness of the last
 *     28 days, one region's ratings over a year and the rated regions;
 *   - recording one session with limber_history_record_session_sync().
 * The references, measured in the same run: the same page data over a
 * one-week history, and a bare one-row INSERT transaction on a connection
 * with the history's settings. Goals: page data well under 50 ms, a
 * recording under 5 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-history-data.h"
#include "bench-stats.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "core/limber-history.h"

#define N_DAYS     3650
#define N_REGIONS  40
#define N_ROUTINES 30
#define DAY        (24 * 60 * 60)

typedef struct
{
  GDateTime *now;
  guint      count;
  guint      streak;
  guint      listed;
} Page;

/* Ids as a catalogue of N_ROUTINES routines and N_REGIONS regions has them. */
static GStrv
make_ids (const char *prefix,
          guint       n)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s.%02u", prefix, i);

      g_strv_builder_add (ids, id);
    }
  return g_strv_builder_end (ids);
}

static guint
fill (LimberHistory *history,
      GDateTime     *now,
      guint          n_days,
      GRand         *rand)
{
  g_auto(GStrv) routines = make_ids ("routine", N_ROUTINES);
  g_auto(GStrv) regions = make_ids ("region", N_REGIONS);

  return bench_history_fill (history, now, n_days, rand, (const char * const *)routines,
                             (const char * const *)regions);
}

/* Everything the history page asks for when it is shown, each part timed:
 * @samples holds one GArray of milliseconds a part, and the whole last. */
static const char * const parts[] = {
  "count", "12 weeks", "streak", "30 sessions", "28 days' soreness", "a region's year", "rated regions",
};

static void
read_page (LimberHistory *history,
           Page          *page,
           GArray       **samples)
{
  gint64 now = g_date_time_to_unix (page->now);
  gint64 times[G_N_ELEMENTS (parts) + 1];
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GHashTable) soreness = NULL;
  g_autoptr(GArray) points = NULL;
  g_auto(GStrv) regions = NULL;

  times[0] = g_get_monotonic_time ();
  page->count = limber_history_count_sessions (history);
  times[1] = g_get_monotonic_time ();
  weeks = limber_history_sessions_per_week (history, page->now, 12);
  times[2] = g_get_monotonic_time ();
  page->streak = limber_history_streak_weeks (history, page->now, 1);
  times[3] = g_get_monotonic_time ();
  sessions = limber_history_list_sessions (history, G_MAXINT64, 30);
  times[4] = g_get_monotonic_time ();
  soreness = limber_history_recent_soreness (history, now - 28 * DAY);
  times[5] = g_get_monotonic_time ();
  points = limber_history_region_ratings (history, "region.07", now - 365 * DAY);
  times[6] = g_get_monotonic_time ();
  regions = limber_history_dup_rated_regions (history);
  times[7] = g_get_monotonic_time ();
  page->listed = sessions->len;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      double ms = (times[i + 1] - times[i]) / 1000.0;

      g_array_append_val (samples[i], ms);
    }
  {
    double ms = (times[G_N_ELEMENTS (parts)] - times[0]) / 1000.0;

    g_array_append_val (samples[G_N_ELEMENTS (parts)], ms);
  }
}

/* Returns: the median of the whole; @detail gets the parts' medians. */
static double
time_page (LimberHistory *history,
           Page          *page,
           guint          runs,
           GString       *detail)
{
  GArray *samples[G_N_ELEMENTS (parts) + 1];
  double whole;

  for (guint i = 0; i <= G_N_ELEMENTS (parts); i++)
    samples[i] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    read_page (history, page, samples);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_string_append_printf (detail, "%s%s %.2f", i > 0 ? ", " : "", parts[i], bench_median (samples[i]));
  whole = bench_median (samples[G_N_ELEMENTS (parts)]);

  for (guint i = 0; i <= G_N_ELEMENTS (parts); i++)
    g_array_unref (samples[i]);

  return whole;
}

static double
time_open (const char *path,
           guint       runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LimberHistory) history = limber_history_open (path);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert (limber_history_get_status (history) == LIMBER_HISTORY_STATUS_OK);
      g_array_append_val (samples, ms);
    }

  return bench_median (samples);
}

static double
time_quick_check (const char *path,
                  guint       runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;

  g_assert (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      /* A fresh connection reads the file anew, as at start-up. */
      g_assert (sqlite3_exec (db, "PRAGMA quick_check(1)", NULL, NULL, NULL) == SQLITE_OK);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
      sqlite3_close (db);
      g_assert (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
    }
  sqlite3_close (db);

  return bench_median (samples);
}

static double
time_record (LimberHistory *history,
             GDateTime     *now,
             guint          runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 started = g_date_time_to_unix (now);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(LimberSessionRecord) record = limber_session_record_new (started + i, started + i + 900, TRUE);
      g_autoptr(GError) error = NULL;
      gint64 start;
      double ms;

      limber_session_record_add_routine (record, "routine.01", 4, 4);
      limber_session_record_add_routine (record, "routine.02", 3, 3);
      for (guint r = 0; r < 5; r++)
        {
          g_autofree char *region = g_strdup_printf ("region.%02u", r);

          limber_session_record_set_before (record, region, 5);
          limber_session_record_set_after (record, region, 3);
        }

      start = g_get_monotonic_time ();
      if (!limber_history_record_session_sync (history, record, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  return bench_median (samples);
}

/* The floor under a recording: one row in one transaction, with the
 * history's journal and sync settings (see limber-history.c). */
static double
time_bare_insert (const char *path,
                  guint       runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK);
  g_assert (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                              "CREATE TABLE t (x INTEGER)", NULL, NULL, NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?1)", -1, &stmt, NULL) == SQLITE_OK);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_assert (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK);
      sqlite3_bind_int (stmt, 1, i);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
      sqlite3_reset (stmt);
      g_assert (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return bench_median (samples);
}

static void
remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? MAX (1, (guint)g_ascii_strtoull (argv[1], NULL, 10)) : 51;
  g_autofree char *dir = g_dir_make_tmp ("limber-bench-history-XXXXXX", NULL);
  g_autofree char *big_path = g_build_filename (dir, "ten-years.db", NULL);
  g_autofree char *small_path = g_build_filename (dir, "one-week.db", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare.db", NULL);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new (local, 2026, 11, 21, 18, 0, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  g_autoptr(LimberHistory) big = NULL;
  g_autoptr(LimberHistory) small = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GString) big_detail = g_string_new (NULL);
  g_autoptr(GString) small_detail = g_string_new (NULL);
  Page big_page = { now }, small_page = { now };
  double open_big, open_small, quick_check, page_big, page_small, record, bare;
  guint n_ratings;
  gint64 start;

  setlocale (LC_ALL, "");

  start = g_get_monotonic_time ();
  big = limber_history_open (big_path);
  n_ratings = fill (big, now, N_DAYS, rand);
  g_clear_object (&big);
  small = limber_history_open (small_path);
  fill (small, now, 7, rand);

  file = g_file_new_for_path (big_path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  size = g_format_size (g_file_info_get_size (info));
  g_print ("ten years: %u sessions, %u ratings, %s, written one transaction each in %.1f s\n", N_DAYS,
           n_ratings, size, (g_get_monotonic_time () - start) / 1e6);

  open_big = time_open (big_path, runs);
  open_small = time_open (small_path, runs);
  quick_check = time_quick_check (big_path, runs);
  g_print ("open: %.2f ms for ten years (PRAGMA quick_check alone %.2f ms), %.2f ms for one week (reference), "
           "%.1fx\n", open_big, quick_check, open_small, open_big / open_small);

  big = limber_history_open (big_path);
  page_big = time_page (big, &big_page, runs, big_detail);
  page_small = time_page (small, &small_page, runs, small_detail);
  g_print ("history page data: %.2f ms for ten years (%u sessions, streak %u weeks, %u listed), "
           "%.2f ms for one week (reference), %.1fx; %.0f%% of the 50 ms goal\n",
           page_big, big_page.count, big_page.streak, big_page.listed, page_small, page_small > 0 ? page_big / page_small : 0,
           page_big / 50.0 * 100.0);
  g_print ("  ten years, in ms: %s\n  one week, in ms: %s\n", big_detail->str, small_detail->str);

  record = time_record (big, now, runs);
  bare = time_bare_insert (bare_path, runs);
  g_print ("recording a session (2 routines, 5 regions rated): %.3f ms; a bare one-row INSERT transaction "
           "(reference): %.3f ms, %.1fx; %.0f%% of the 5 ms goal (WAL, synchronous=NORMAL)\n",
           record, bare, record / bare, record / 5.0 * 100.0);
  g_print ("(medians of %u runs)\n", runs);

  g_clear_object (&big);
  g_clear_object (&small);
  remove_files (big_path);
  remove_files (small_path);
  remove_files (bare_path);
  g_rmdir (dir);
  return 0;
}
