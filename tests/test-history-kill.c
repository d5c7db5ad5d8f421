/* test-history-kill.c: the history survives SIGKILL at any moment
 *
 * A thousand times, history-writer (its path in LIMBER_HISTORY_WRITER)
 * records sessions into one file and is killed after a random delay: often
 * within the first two milliseconds, so that kills land while the file is
 * created and its schema migrated, otherwise within thirty, mid-write. After
 * each kill the file must open as a good history, pass `PRAGMA
 * integrity_check`, and hold every session whose uuid the writer printed
 * (it prints one only after the commit). The file is kept from one round to
 * the next so that it grows, and now and then started afresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/limber-history.h"
#include "limber-test-files.h"

#define N_KILLS 1000

typedef struct
{
  guint  kills;
  guint  kills_before_first_commit;
  guint  kills_before_schema;   /* the file had no schema yet, or was not there */
  guint  fresh_starts;
  guint  committed;     /* uuids printed */
  guint  found;         /* of those, found afterwards */
  guint  largest;       /* sessions in the file at its largest */
} Figures;

/* Reads what is there, waiting for at least one byte unless at the end.
 * Returns: FALSE at the end of the output. */
static gboolean
read_some (int      fd,
           GString *output)
{
  char buffer[4096];
  ssize_t n;

  do
    n = read (fd, buffer, sizeof buffer);
  while (n < 0 && errno == EINTR);

  g_assert_cmpint (n, >=, 0);
  g_string_append_len (output, buffer, n);
  return n > 0;
}

static void
remove_history (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Starts the writer, kills it after @delay_us from its start, and returns
 * the uuids it printed in whole lines. */
static GPtrArray *
run_writer (const char *writer,
            const char *path,
            gulong      delay_us)
{
  const char *argv[] = { writer, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) output = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  GPid pid;
  int out_fd;
  int status;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL,
                            &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* The delay counts from when the writer runs, not from the fork: start-up
   * takes longer than the delay in the sanitizer build. */
  while (strchr (output->str, '\n') == NULL)
    if (!read_some (out_fd, output))
      g_error ("history-writer ended before it started");
  g_assert_true (g_str_has_prefix (output->str, "started\n"));

  g_usleep (delay_us);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  /* Anything else means it failed by itself, and said why on stderr. */
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  while (read_some (out_fd, output))
    ;
  close (out_fd);

  /* The last line may have been cut short by the kill. */
  lines = g_strsplit (output->str + strlen ("started\n"), "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    g_ptr_array_add (uuids, g_strdup (lines[i]));

  return uuids;
}

static char *
integrity_check (sqlite3 *db)
{
  g_autoptr(GString) result = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (result, "%s%s", result->len > 0 ? "; " : "", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* Whether the writer was killed before it made the file or while it made
 * its schema: seen before the check opens it (which would finish the job). */
static gboolean
has_schema (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version > 0;
}

static void
check_history (const char *path,
               GPtrArray  *uuids,
               Figures    *figures)
{
  g_autoptr(LimberHistory) history = limber_history_open (path);
  g_autofree char *integrity = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  if (limber_history_get_status (history) != LIMBER_HISTORY_STATUS_OK)
    g_error ("after kill %u the history did not open: %s", figures->kills,
             limber_history_get_message (history));
  count = limber_history_count_sessions (history);
  figures->largest = MAX (figures->largest, count);
  g_clear_object (&history);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  integrity = integrity_check (db);
  if (!g_str_equal (integrity, "ok"))
    g_error ("after kill %u: integrity_check says %s", figures->kills, integrity);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sessions WHERE uuid = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int (stmt, 0) != 1)
        g_error ("after kill %u: session %s was committed but is not there", figures->kills, uuid);
      figures->found++;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_kill (void)
{
  const char *writer = g_getenv ("LIMBER_HISTORY_WRITER");
  g_autofree char *root = g_dir_make_tmp ("limber-history-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (root, "history.db", NULL);
  Figures figures = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (writer == NULL)
    {
      g_test_skip ("LIMBER_HISTORY_WRITER is not set");
      return;
    }

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autoptr(GPtrArray) uuids = NULL;
      gulong delay_us;

      if (i == 0 || g_test_rand_int_range (0, 16) == 0)
        {
          remove_history (path);
          figures.fresh_starts++;
        }

      if (g_test_rand_bit ())
        delay_us = g_test_rand_int_range (0, 2000);
      else
        delay_us = g_test_rand_int_range (0, 30000);

      uuids = run_writer (writer, path, delay_us);
      figures.kills++;
      figures.committed += uuids->len;
      if (uuids->len == 0)
        figures.kills_before_first_commit++;
      if (!has_schema (path))
        figures.kills_before_schema++;

      check_history (path, uuids, &figures);
    }

  g_test_message ("%u kills (%u before the first commit, %u before the schema was made; the file started "
                  "afresh %u times), %u sessions committed, %u of them found, at most %u sessions in the file, "
                  "%.1f s", figures.kills, figures.kills_before_first_commit, figures.kills_before_schema,
                  figures.fresh_starts, figures.committed, figures.found, figures.largest,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (figures.found, ==, figures.committed);
  g_assert_cmpuint (figures.committed, >, 0);

  limber_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/kill", test_kill);

  return g_test_run ();
}
