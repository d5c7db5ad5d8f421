/* limber-history.c
 *
 * The history is one SQLite file in WAL mode with two connections: the
 * writer thread's, which runs every write in its own transaction in the
 * order it was asked for, and a read-only one that the caller's thread
 * reads from while the writer writes. Nothing the person did is ever
 * deleted by Limber unless they ask: a damaged file is moved aside, a file
 * from a newer Limber is only read, and a file that cannot be opened leaves
 * the app working without a history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-history"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "limber-history-private.h"

/* How long one connection waits for the other's lock before giving up; the
 * writer holds it for a millisecond or two, a checkpoint a little longer. */
#define BUSY_TIMEOUT_MS 5000

/* NORMAL, as SQLite advises for WAL: a commit is atomic and survives the
 * app being killed (test-history-kill), and the file is never damaged; a
 * power cut may lose the last moments' writes. FULL would add an fsync to
 * every write, a few milliseconds here (bench-history) and far more on a
 * spinning disk, to keep a session the person could note again. */
#define SYNCHRONOUS "NORMAL"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Migration i takes the schema from version i to version i + 1, in one
 * transaction with the new user_version. */
static const char * const migrations[] = {
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  started INTEGER NOT NULL,"
  "  ended INTEGER NOT NULL,"
  "  finished INTEGER NOT NULL CHECK (finished IN (0, 1))"
  ");"
  "CREATE INDEX sessions_started ON sessions (started);"
  "CREATE TABLE session_routines ("
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  routine_id TEXT NOT NULL,"
  "  steps_done INTEGER NOT NULL,"
  "  steps_total INTEGER NOT NULL,"
  "  PRIMARY KEY (session, position)"
  ");"
  "CREATE TABLE hurts ("
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  routine_id TEXT NOT NULL,"
  "  step_index INTEGER NOT NULL"
  ");"
  "CREATE INDEX hurts_session ON hurts (session);"
  "CREATE TABLE ratings ("
  "  session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  region_id TEXT NOT NULL,"
  "  before INTEGER CHECK (before BETWEEN 0 AND 10),"
  "  after INTEGER CHECK (after BETWEEN 0 AND 10),"
  "  UNIQUE (session, region_id)"
  ");"
  /* Only rated rows: the rated regions and a region's ratings are read
   * from it alone. */
  "CREATE INDEX ratings_rated_region ON ratings (region_id) WHERE before IS NOT NULL OR after IS NOT NULL;"
  "CREATE TABLE favourites ("
  "  routine_id TEXT PRIMARY KEY,"
  "  added INTEGER NOT NULL"
  ");",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIMBER_HISTORY_SCHEMA_VERSION);

typedef enum
{
  JOB_ADD_SESSION,
  JOB_RATE_AFTER,
  JOB_SET_FAVOURITE,
  JOB_DELETE_ALL,
  JOB_ADD_ALL,
  JOB_STOP,
} JobKind;

typedef struct
{
  JobKind               kind;
  LimberSessionRecord  *record;
  char                 *uuid;
  char                 *id;
  int                   soreness;
  gboolean              favourite;
  gint64                time;

  /* JOB_ADD_ALL: its caller waits for it and reads the outcome. */
  GPtrArray            *records;
  GStrv                 favourites;
  guint                *n_added;
  GError              **error;
} Job;

/* The signals are emitted from idle sources on the main context; they hold
 * this, not the history, so that a pending emission never keeps the history
 * (and so its writer thread) alive. */
typedef struct
{
  GWeakRef      history;
  GMainContext *context;
  int           changed_queued;
} Notifier;

typedef struct
{
  Notifier *notifier;
  char     *message;    /* write-failed's, or NULL for changed */
} Notice;

typedef enum
{
  OPENED,
  DAMAGED,
  NEWER_SCHEMA,
  FAILED,
} OpenOutcome;

struct _LimberHistory
{
  GObject              parent_instance;

  char                *path;
  LimberHistoryStatus  status;
  char                *message;
  char                *moved_aside;

  /* Reads run on the caller's thread, one at a time. */
  GMutex               read_lock;
  sqlite3             *read_db;

  /* The writer thread's connection; record_session_sync() borrows it. */
  GMutex               write_lock;
  sqlite3             *write_db;
  GThread             *writer;
  GAsyncQueue         *jobs;

  /* Jobs are numbered as queued; a flush waits for its number to be done. */
  GMutex               done_lock;
  GCond                done_cond;
  guint64              n_queued;
  guint64              n_done;

  /* Answers is_favourite() at once, ahead of the queued write. */
  GMutex               favourites_lock;
  GHashTable          *favourites;

  Notifier            *notifier;
};

G_DEFINE_FINAL_TYPE (LimberHistory, limber_history, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-history-error-quark, limber_history_error)

enum {
  CHANGED,
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- jobs and notices ---- */

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  return job;
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->record, limber_session_record_unref);
  g_free (job->uuid);
  g_free (job->id);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_strfreev (job->favourites);
  g_free (job);
}

static void
clear_notifier (gpointer data)
{
  Notifier *notifier = data;

  g_weak_ref_clear (&notifier->history);
  g_main_context_unref (notifier->context);
}

static void
free_notice (gpointer data)
{
  Notice *notice = data;

  g_atomic_rc_box_release_full (notice->notifier, clear_notifier);
  g_free (notice->message);
  g_free (notice);
}

static gboolean
emit_notice_cb (gpointer user_data)
{
  Notice *notice = user_data;
  g_autoptr(LimberHistory) self = g_weak_ref_get (&notice->notifier->history);

  if (notice->message == NULL)
    g_atomic_int_set (&notice->notifier->changed_queued, FALSE);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (notice->message == NULL)
    g_signal_emit (self, signals[CHANGED], 0);
  else
    g_signal_emit (self, signals[WRITE_FAILED], 0, notice->message);

  return G_SOURCE_REMOVE;
}

/* Called from any thread. Writes that land in a burst share one "changed":
 * a listener rereads everything anyway. */
static void
post_notice (Notifier   *notifier,
             const char *message)
{
  g_autoptr(GSource) source = NULL;
  Notice *notice;

  if (message == NULL && !g_atomic_int_compare_and_exchange (&notifier->changed_queued, FALSE, TRUE))
    return;

  notice = g_new0 (Notice, 1);
  notice->notifier = g_atomic_rc_box_acquire (notifier);
  notice->message = g_strdup (message);

  source = g_idle_source_new ();
  g_source_set_name (source, "[limber] history notice");
  g_source_set_callback (source, emit_notice_cb, notice, free_notice);
  g_source_attach (source, notifier->context);
}

/* ---- SQLite helpers ---- */

static void
set_sqlite_error (GError  **error,
                  sqlite3  *db)
{
  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED, "%s",
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (SQLITE_NOMEM));
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;

  set_sqlite_error (error, db);
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    return stmt;

  set_sqlite_error (error, db);
  return NULL;
}

/* Runs a statement that returns no rows, and makes it ready to run again. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  set_sqlite_error (error, db);
  return FALSE;
}

static void
bind_soreness (sqlite3_stmt *stmt,
               int           index,
               int           soreness)
{
  if (soreness == LIMBER_SORENESS_NOT_RATED)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, soreness);
}

/* A newer Limber may have stored what this one does not know: it reads as
 * not rated rather than tripping the record's checks. */
static int
column_soreness (sqlite3_stmt *stmt,
                 int           column)
{
  int value;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return LIMBER_SORENESS_NOT_RATED;

  value = sqlite3_column_int (stmt, column);
  return value >= 0 && value <= LIMBER_SORENESS_MAX ? value : LIMBER_SORENESS_NOT_RATED;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT;
}

/* ---- opening ---- */

static OpenOutcome
fail_open (sqlite3  **db,
           int        rc,
           GError   **error)
{
  set_sqlite_error (error, *db);
  g_clear_pointer (db, sqlite3_close);
  return is_damage (rc) ? DAMAGED : FAILED;
}

static int
read_user_version (sqlite3 *db,
                   int     *version)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc;

  *version = sqlite3_column_int (stmt, 0);
  return SQLITE_OK;
}

/* quick_check reads every page of the file once: 6 to 9 ms for ten years
 * of daily sessions (2 MB, see bench-history), once at start-up. It is the
 * one way to find a truncated or scribbled-on file before a page shows
 * half a history; the first reads alone miss damage in pages they do not
 * touch. */
static int
quick_check (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rc;

  return g_str_equal (column_text (stmt, 0), "ok") ? SQLITE_OK : SQLITE_CORRUPT;
}

static int
migrate (sqlite3 *db)
{
  for (guint step = 0; step < G_N_ELEMENTS (migrations); step++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %u", step + 1);
      int version = 0;
      int rc;

      /* The version is read again inside the transaction: another
       * process may have migrated since it was first read. */
      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = read_user_version (db, &version);
      if (rc == SQLITE_OK && version <= (int)step)
        rc = sqlite3_exec (db, migrations[step], NULL, NULL, NULL);
      if (rc == SQLITE_OK && version <= (int)step)
        rc = sqlite3_exec (db, set_version, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          if (!sqlite3_get_autocommit (db))
            sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return rc;
        }
    }

  return SQLITE_OK;
}

static int
open_connection (const char  *path,
                 int          flags,
                 sqlite3    **db)
{
  int rc = sqlite3_open_v2 (path, db, flags | SQLITE_OPEN_NOMUTEX, NULL);

  if (*db != NULL)
    {
      sqlite3_extended_result_codes (*db, TRUE);
      sqlite3_busy_timeout (*db, BUSY_TIMEOUT_MS);
    }

  return rc;
}

/* Opens (or creates) the file for writing, checks it and brings its schema
 * up to date; then opens the read connection. A file of a newer schema is
 * only read here, and closed without a checkpoint, so it is left exactly as
 * it was. */
static OpenOutcome
open_writable (LimberHistory  *self,
               GError        **error)
{
  sqlite3 *db = NULL;
  sqlite3 *read_db = NULL;
  int version = 0;
  int rc;

  rc = open_connection (self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db);
  if (rc != SQLITE_OK)
    return fail_open (&db, rc, error);

  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error_literal (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY,
                           _("the file cannot be written"));
      g_clear_pointer (&db, sqlite3_close);
      return FAILED;
    }

  rc = read_user_version (db, &version);
  if (rc == SQLITE_OK)
    rc = quick_check (db);
  if (rc != SQLITE_OK)
    return fail_open (&db, rc, error);

  if (version > LIMBER_HISTORY_SCHEMA_VERSION)
    {
      g_clear_pointer (&db, sqlite3_close);
      return NEWER_SCHEMA;
    }

  rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = " SYNCHRONOUS ";"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON;", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = migrate (db);
  if (rc != SQLITE_OK)
    return fail_open (&db, rc, error);

  /* From here on the file is ours: the last close may checkpoint it. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  rc = open_connection (self->path, SQLITE_OPEN_READONLY, &read_db);
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&db, sqlite3_close);
      return fail_open (&read_db, rc, error);
    }

  self->write_db = db;
  self->read_db = read_db;
  return OPENED;
}

static gboolean
open_read_only (LimberHistory  *self,
                GError        **error)
{
  sqlite3 *db = NULL;
  int version;
  int rc;

  rc = open_connection (self->path, SQLITE_OPEN_READONLY, &db);
  if (rc == SQLITE_OK)
    rc = read_user_version (db, &version);
  if (rc != SQLITE_OK)
    {
      fail_open (&db, rc, error);
      return FALSE;
    }

  self->read_db = db;
  return TRUE;
}

static gboolean
move_file (const char  *from,
           const char  *to,
           GError     **error)
{
  int saved_errno;

  if (g_rename (from, to) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
  return FALSE;
}

/* Moves the file and its -wal and -shm to <path>.corrupt-<local time>,
 * adding -2, -3… when that is taken. Nothing is deleted. */
static gboolean
move_aside (LimberHistory  *self,
            GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);
  static const char * const companions[] = { "-wal", "-shm" };

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.corrupt-%s-%u", self->path, stamp, n);
    }

  if (!move_file (self->path, aside, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (self->path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);
      g_autoptr(GError) local_error = NULL;

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !move_file (from, to, &local_error))
        g_warning ("Could not move %s aside: %s", from, local_error->message);
    }

  g_warning ("The history %s was damaged; it was moved to %s", self->path, aside);
  self->moved_aside = g_steal_pointer (&aside);
  return TRUE;
}

static gboolean
open_store (LimberHistory  *self,
            GError        **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autoptr(GError) damage = NULL;
  g_autofree char *display_name = NULL;
  OpenOutcome outcome;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s", g_strerror (saved_errno));
      return FALSE;
    }

  outcome = open_writable (self, &damage);
  if (outcome == DAMAGED)
    {
      g_debug ("%s is damaged: %s", self->path, damage->message);
      if (!move_aside (self, error))
        return FALSE;

      outcome = open_writable (self, error);
      if (outcome != OPENED)
        {
          /* A fresh file cannot be damaged or newer; if it is, something
           * else is writing there. */
          if (outcome != FAILED)
            g_set_error_literal (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_FAILED,
                                 _("a new history could not be started"));
          return FALSE;
        }

      display_name = g_filename_display_name (self->moved_aside);
      self->status = LIMBER_HISTORY_STATUS_RECOVERED;
      self->message = g_strdup_printf (_("Your history file was damaged. It was kept as %s and a new "
                                         "history was started."), display_name);
      return TRUE;
    }

  if (outcome == NEWER_SCHEMA)
    {
      if (!open_read_only (self, error))
        return FALSE;

      self->status = LIMBER_HISTORY_STATUS_NEWER;
      self->message = g_strdup (_("Your history was written by a newer version of Limber. It is shown "
                                  "but not changed; update Limber to add to it."));
      return TRUE;
    }

  if (outcome == FAILED)
    {
      g_propagate_error (error, g_steal_pointer (&damage));
      return FALSE;
    }

  self->status = LIMBER_HISTORY_STATUS_OK;
  return TRUE;
}

static void
load_favourites (LimberHistory *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = prepare (self->read_db, "SELECT routine_id FROM favourites", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the favourites: %s", error->message);
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (self->favourites, g_strdup (column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    g_warning ("Could not read the favourites: %s", sqlite3_errmsg (self->read_db));
}

/* ---- the writer ---- */

static gboolean
insert_session (sqlite3              *db,
                LimberSessionRecord  *record,
                gboolean             *added,
                GError              **error)
{
  g_autoptr(sqlite3_stmt) session = NULL;
  g_autoptr(sqlite3_stmt) routine = NULL;
  g_autoptr(sqlite3_stmt) hurt = NULL;
  g_autoptr(sqlite3_stmt) rating = NULL;
  sqlite3_int64 id;

  session = prepare (db, "INSERT INTO sessions (uuid, started, ended, finished) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (uuid) DO NOTHING", error);
  if (session == NULL)
    return FALSE;

  sqlite3_bind_text (session, 1, limber_session_record_get_uuid (record), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (session, 2, limber_session_record_get_started (record));
  sqlite3_bind_int64 (session, 3, limber_session_record_get_ended (record));
  sqlite3_bind_int (session, 4, limber_session_record_get_finished (record));
  if (!step_done (db, session, error))
    return FALSE;

  *added = sqlite3_changes (db) > 0;
  if (!*added)
    return TRUE;

  id = sqlite3_last_insert_rowid (db);

  if (limber_session_record_get_n_routines (record) > 0)
    {
      routine = prepare (db, "INSERT INTO session_routines (session, position, routine_id, steps_done, "
                             "steps_total) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (routine == NULL)
        return FALSE;
    }
  for (guint i = 0; i < limber_session_record_get_n_routines (record); i++)
    {
      guint done, total;
      const char *routine_id = limber_session_record_get_routine (record, i, &done, &total);

      sqlite3_bind_int64 (routine, 1, id);
      sqlite3_bind_int (routine, 2, i);
      sqlite3_bind_text (routine, 3, routine_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (routine, 4, done);
      sqlite3_bind_int64 (routine, 5, total);
      if (!step_done (db, routine, error))
        return FALSE;
    }

  if (limber_session_record_get_n_hurts (record) > 0)
    {
      hurt = prepare (db, "INSERT INTO hurts (session, routine_id, step_index) VALUES (?1, ?2, ?3)", error);
      if (hurt == NULL)
        return FALSE;
    }
  for (guint i = 0; i < limber_session_record_get_n_hurts (record); i++)
    {
      guint step_index;
      const char *routine_id = limber_session_record_get_hurt (record, i, &step_index);

      sqlite3_bind_int64 (hurt, 1, id);
      sqlite3_bind_text (hurt, 2, routine_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (hurt, 3, step_index);
      if (!step_done (db, hurt, error))
        return FALSE;
    }

  if (limber_session_record_get_n_ratings (record) > 0)
    {
      rating = prepare (db, "INSERT INTO ratings (session, region_id, before, after) VALUES (?1, ?2, ?3, ?4)",
                        error);
      if (rating == NULL)
        return FALSE;
    }
  for (guint i = 0; i < limber_session_record_get_n_ratings (record); i++)
    {
      int before, after;
      const char *region_id = limber_session_record_get_rating (record, i, &before, &after);

      sqlite3_bind_int64 (rating, 1, id);
      sqlite3_bind_text (rating, 2, region_id, -1, SQLITE_STATIC);
      bind_soreness (rating, 3, before);
      bind_soreness (rating, 4, after);
      if (!step_done (db, rating, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
rate_after (sqlite3     *db,
            const char  *uuid,
            const char  *region_id,
            int          soreness,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (db, "INSERT INTO ratings (session, region_id, before, after) "
                      "SELECT id, ?2, NULL, ?3 FROM sessions WHERE uuid = ?1 "
                      "ON CONFLICT (session, region_id) DO UPDATE SET after = excluded.after", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, region_id, -1, SQLITE_STATIC);
  bind_soreness (stmt, 3, soreness);
  return step_done (db, stmt, error);
}

static gboolean
add_favourites (sqlite3             *db,
                const char * const  *routine_ids,
                gint64               added,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (db, "INSERT INTO favourites (routine_id, added) VALUES (?1, ?2) "
                      "ON CONFLICT (routine_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; routine_ids[i] != NULL; i++)
    {
      sqlite3_bind_text (stmt, 1, routine_ids[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, added);
      if (!step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
remove_favourite (sqlite3     *db,
                  const char  *routine_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (db, "DELETE FROM favourites WHERE routine_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, routine_id, -1, SQLITE_STATIC);
  return step_done (db, stmt, error);
}

static gboolean
apply_job (sqlite3  *db,
           Job      *job,
           GError  **error)
{
  gboolean added;

  switch (job->kind)
    {
    case JOB_ADD_SESSION:
      return insert_session (db, job->record, &added, error);

    case JOB_RATE_AFTER:
      return rate_after (db, job->uuid, job->id, job->soreness, error);

    case JOB_SET_FAVOURITE:
      if (job->favourite)
        {
          const char * const ids[] = { job->id, NULL };

          return add_favourites (db, ids, job->time, error);
        }
      return remove_favourite (db, job->id, error);

    case JOB_DELETE_ALL:
      return exec_sql (db, "DELETE FROM ratings; DELETE FROM hurts; DELETE FROM session_routines;"
                           "DELETE FROM sessions; DELETE FROM favourites;", error);

    case JOB_ADD_ALL:
      *job->n_added = 0;
      for (guint i = 0; i < job->records->len; i++)
        {
          if (!insert_session (db, g_ptr_array_index (job->records, i), &added, error))
            return FALSE;
          *job->n_added += added;
        }
      return add_favourites (db, (const char * const *)job->favourites, job->time, error);

    case JOB_STOP:
    default:
      g_assert_not_reached ();
      return FALSE;
    }
}

static gboolean
run_in_transaction (sqlite3  *db,
                    Job      *job,
                    GError  **error)
{
  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!apply_job (db, job, error) || !exec_sql (db, "COMMIT", error))
    {
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  /* What was deleted should not linger in the write-ahead log either. */
  if (job->kind == JOB_DELETE_ALL)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  return TRUE;
}

static void
mark_done (LimberHistory *self)
{
  g_mutex_lock (&self->done_lock);
  self->n_done++;
  g_cond_broadcast (&self->done_cond);
  g_mutex_unlock (&self->done_lock);
}

/* The thread holds no reference to the history: dispose stops and joins it
 * before anything it uses is freed. */
static gpointer
writer_main (gpointer data)
{
  LimberHistory *self = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);
      g_autoptr(GError) error = NULL;
      gboolean stop = job->kind == JOB_STOP;
      gboolean ok = TRUE;

      if (!stop)
        {
          g_mutex_lock (&self->write_lock);
          ok = run_in_transaction (self->write_db, job, &error);
          g_mutex_unlock (&self->write_lock);
        }

      if (ok && !stop)
        post_notice (self->notifier, NULL);
      else if (!ok && job->kind == JOB_ADD_ALL)
        g_propagate_error (job->error, g_steal_pointer (&error));
      else if (!ok)
        {
          g_autofree char *message = g_strdup_printf (_("A change to your history could not be saved: %s"),
                                                      error->message);

          /* Not a warning: the app shows it, and it is no programming error. */
          g_message ("%s", message);
          post_notice (self->notifier, message);
        }

      job_free (job);
      mark_done (self);
      if (stop)
        return NULL;
    }
}

static guint64
queue_job (LimberHistory *self,
           Job           *job)
{
  guint64 number;

  /* Numbered and pushed under one lock, so numbers follow queue order. */
  g_mutex_lock (&self->done_lock);
  number = ++self->n_queued;
  g_async_queue_push (self->jobs, job);
  g_mutex_unlock (&self->done_lock);

  return number;
}

static void
wait_for (LimberHistory *self,
          guint64        number)
{
  g_mutex_lock (&self->done_lock);
  while (self->n_done < number)
    g_cond_wait (&self->done_cond, &self->done_lock);
  g_mutex_unlock (&self->done_lock);
}

static void
stop_writer (LimberHistory *self)
{
  if (self->writer == NULL)
    return;

  wait_for (self, queue_job (self, job_new (JOB_STOP)));
  g_thread_join (g_steal_pointer (&self->writer));
}

/* ---- the object ---- */

static void
close_connections (LimberHistory *self)
{
  /* The reader first, so that the writer's close is the last one and may
   * checkpoint the log into the file. */
  g_mutex_lock (&self->read_lock);
  g_clear_pointer (&self->read_db, sqlite3_close);
  g_mutex_unlock (&self->read_lock);

  g_mutex_lock (&self->write_lock);
  g_clear_pointer (&self->write_db, sqlite3_close);
  g_mutex_unlock (&self->write_lock);
}

static void
limber_history_dispose (GObject *object)
{
  LimberHistory *self = (LimberHistory *)object;

  stop_writer (self);
  close_connections (self);

  G_OBJECT_CLASS (limber_history_parent_class)->dispose (object);
}

static void
limber_history_finalize (GObject *object)
{
  LimberHistory *self = (LimberHistory *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->moved_aside, g_free);
  g_clear_pointer (&self->jobs, g_async_queue_unref);
  g_clear_pointer (&self->favourites, g_hash_table_unref);
  g_atomic_rc_box_release_full (self->notifier, clear_notifier);
  g_mutex_clear (&self->read_lock);
  g_mutex_clear (&self->write_lock);
  g_mutex_clear (&self->done_lock);
  g_cond_clear (&self->done_cond);
  g_mutex_clear (&self->favourites_lock);

  G_OBJECT_CLASS (limber_history_parent_class)->finalize (object);
}

static void
limber_history_class_init (LimberHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_history_dispose;
  object_class->finalize = limber_history_finalize;

  /**
   * LimberHistory::changed:
   *
   * One or more writes have landed; emitted on the main context that was
   * the thread's default when the history was opened.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LimberHistory::write-failed:
   * @message: a translated sentence for the person
   *
   * A write could not be saved and was rolled back.
   */
  signals[WRITE_FAILED] = g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
limber_history_init (LimberHistory *self)
{
  g_mutex_init (&self->read_lock);
  g_mutex_init (&self->write_lock);
  g_mutex_init (&self->done_lock);
  g_cond_init (&self->done_cond);
  g_mutex_init (&self->favourites_lock);
  self->jobs = g_async_queue_new_full (job_free);
  self->favourites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->notifier = g_atomic_rc_box_new0 (Notifier);
  g_weak_ref_init (&self->notifier->history, self);
  self->notifier->context = g_main_context_ref_thread_default ();
}

/**
 * limber_history_open:
 * @path: the history file, created with its folders (0700) when missing
 *
 * Opens the history, never failing: check limber_history_get_status().
 *
 * - %LIMBER_HISTORY_STATUS_OK: read and written as usual.
 * - %LIMBER_HISTORY_STATUS_RECOVERED: the file was not SQLite or was
 *   damaged (SQLite said so on the first reads, or `PRAGMA quick_check`
 *   failed); it was moved with its -wal and -shm to
 *   `<path>.corrupt-<YYYYMMDD-HHMMSS>` (local time; -2, -3… when taken),
 *   limber_history_get_moved_aside() names it, and a fresh history started.
 * - %LIMBER_HISTORY_STATUS_NEWER: written by a newer Limber
 *   (`user_version` above %LIMBER_HISTORY_SCHEMA_VERSION): opened read-only,
 *   never downgraded or written; reads work, writes do nothing.
 * - %LIMBER_HISTORY_STATUS_UNAVAILABLE: the file could not be opened or
 *   created (a folder in its place, no permission): reads are empty, writes
 *   do nothing, and the app keeps working.
 *
 * The file is kept in WAL mode with foreign keys on; its schema version is
 * `PRAGMA user_version`, brought up to date step by step, each step in one
 * transaction. Times in it are Unix seconds (UTC). "changed" and
 * "write-failed" are emitted on the thread-default main context of the
 * caller.
 *
 * Returns: (transfer full): the history.
 */
LimberHistory *
limber_history_open (const char *path)
{
  g_autoptr(LimberHistory) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_HISTORY, NULL);
  self->path = g_strdup (path);

  if (open_store (self, &error))
    {
      load_favourites (self);
      if (self->write_db == NULL)
        return g_steal_pointer (&self);

      self->writer = g_thread_try_new ("limber-history", writer_main, self, &error);
      if (self->writer != NULL)
        return g_steal_pointer (&self);
    }

  close_connections (self);
  g_hash_table_remove_all (self->favourites);
  display_name = g_filename_display_name (path);
  g_warning ("The history %s could not be opened: %s", path, error->message);
  self->status = LIMBER_HISTORY_STATUS_UNAVAILABLE;
  g_clear_pointer (&self->message, g_free);
  self->message = g_strdup_printf (_("Your history at %s could not be opened (%s). Limber works as usual, "
                                     "but keeps no history."), display_name, error->message);

  return g_steal_pointer (&self);
}

/**
 * limber_history_new_disabled:
 *
 * A history for kiosk mode: it touches no file, its reads are empty, its
 * writes do nothing, and no routine is a favourite.
 *
 * Returns: (transfer full): the history.
 */
LimberHistory *
limber_history_new_disabled (void)
{
  LimberHistory *self = g_object_new (LIMBER_TYPE_HISTORY, NULL);

  self->status = LIMBER_HISTORY_STATUS_DISABLED;
  return self;
}

/**
 * limber_history_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/limber/history.db`.
 */
char *
limber_history_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "limber", "history.db", NULL);
}

LimberHistoryStatus
limber_history_get_status (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), LIMBER_HISTORY_STATUS_UNAVAILABLE);
  return self->status;
}

/**
 * limber_history_get_message:
 *
 * Returns: (nullable): a translated sentence about the status for the
 * person, or %NULL when there is nothing to say (OK, DISABLED).
 */
const char *
limber_history_get_message (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  return self->message;
}

/**
 * limber_history_get_moved_aside:
 *
 * Returns: (nullable): where a damaged file was moved, when the status is
 * %LIMBER_HISTORY_STATUS_RECOVERED.
 */
const char *
limber_history_get_moved_aside (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  return self->moved_aside;
}

/**
 * limber_history_get_path:
 *
 * Returns: (nullable): the file, or %NULL for a disabled history.
 */
const char *
limber_history_get_path (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  return self->path;
}

/**
 * limber_history_get_writable:
 *
 * Returns: whether writes are kept (OK or RECOVERED).
 */
gboolean
limber_history_get_writable (LimberHistory *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  return self->writer != NULL;
}

/* ---- writes ---- */

static gboolean
time_is_valid (gint64 time)
{
  /* What ISO 8601 can say: years 1 to 9999. */
  return time >= G_GINT64_CONSTANT (-62135596800) && time < G_GINT64_CONSTANT (253402300800);
}

/**
 * limber_history_id_is_valid:
 *
 * Returns: whether @id can be kept and exported: not empty, at most
 * %LIMBER_HISTORY_MAX_ID_BYTES bytes of UTF-8, no control characters.
 */
gboolean
limber_history_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > LIMBER_HISTORY_MAX_ID_BYTES || !g_utf8_validate (id, -1, NULL))
    return FALSE;

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
record_is_valid (LimberSessionRecord *record)
{
  if (!limber_history_id_is_valid (limber_session_record_get_uuid (record))
      || !time_is_valid (limber_session_record_get_started (record))
      || !time_is_valid (limber_session_record_get_ended (record)))
    return FALSE;

  for (guint i = 0; i < limber_session_record_get_n_routines (record); i++)
    if (!limber_history_id_is_valid (limber_session_record_get_routine (record, i, NULL, NULL)))
      return FALSE;
  for (guint i = 0; i < limber_session_record_get_n_hurts (record); i++)
    if (!limber_history_id_is_valid (limber_session_record_get_hurt (record, i, NULL)))
      return FALSE;
  for (guint i = 0; i < limber_session_record_get_n_ratings (record); i++)
    if (!limber_history_id_is_valid (limber_session_record_get_rating (record, i, NULL, NULL)))
      return FALSE;

  return TRUE;
}

/**
 * limber_history_add_session:
 *
 * Queues @record to be written; what it holds now is copied, so the caller
 * may go on changing it. A session whose uuid is already kept is left as
 * it is. Does nothing when the history is not writable.
 */
void
limber_history_add_session (LimberHistory       *self,
                            LimberSessionRecord *record)
{
  Job *job;

  g_return_if_fail (LIMBER_IS_HISTORY (self));
  g_return_if_fail (record != NULL);
  g_return_if_fail (record_is_valid (record));

  if (self->writer == NULL)
    return;

  job = job_new (JOB_ADD_SESSION);
  job->record = limber_session_record_copy (record);
  queue_job (self, job);
}

/**
 * limber_history_rate_after:
 * @soreness: 0 to %LIMBER_SORENESS_MAX, or %LIMBER_SORENESS_NOT_RATED
 *
 * Queues the after rating of @region_id in the session @session_uuid,
 * adding the region to the session when it had no rating. A session that
 * is not kept is left alone.
 */
void
limber_history_rate_after (LimberHistory *self,
                           const char    *session_uuid,
                           const char    *region_id,
                           int            soreness)
{
  Job *job;

  g_return_if_fail (LIMBER_IS_HISTORY (self));
  g_return_if_fail (session_uuid != NULL);
  g_return_if_fail (limber_history_id_is_valid (region_id));
  g_return_if_fail (soreness == LIMBER_SORENESS_NOT_RATED || (soreness >= 0 && soreness <= LIMBER_SORENESS_MAX));

  if (self->writer == NULL)
    return;

  job = job_new (JOB_RATE_AFTER);
  job->uuid = g_strdup (session_uuid);
  job->id = g_strdup (region_id);
  job->soreness = soreness;
  queue_job (self, job);
}

/**
 * limber_history_set_favourite:
 *
 * Marks @routine_id as a favourite or not: limber_history_is_favourite()
 * answers so at once, and the write is queued.
 */
void
limber_history_set_favourite (LimberHistory *self,
                              const char    *routine_id,
                              gboolean       favourite)
{
  Job *job;

  g_return_if_fail (LIMBER_IS_HISTORY (self));
  g_return_if_fail (limber_history_id_is_valid (routine_id));

  if (self->writer == NULL)
    return;

  g_mutex_lock (&self->favourites_lock);
  if (favourite)
    g_hash_table_add (self->favourites, g_strdup (routine_id));
  else
    g_hash_table_remove (self->favourites, routine_id);
  g_mutex_unlock (&self->favourites_lock);

  job = job_new (JOB_SET_FAVOURITE);
  job->id = g_strdup (routine_id);
  job->favourite = !!favourite;
  job->time = g_get_real_time () / G_USEC_PER_SEC;
  queue_job (self, job);
}

/**
 * limber_history_delete_all:
 *
 * Queues the deletion of every session, rating, hurt and favourite, in one
 * transaction; the favourites are forgotten at once.
 */
void
limber_history_delete_all (LimberHistory *self)
{
  g_return_if_fail (LIMBER_IS_HISTORY (self));

  if (self->writer == NULL)
    return;

  g_mutex_lock (&self->favourites_lock);
  g_hash_table_remove_all (self->favourites);
  g_mutex_unlock (&self->favourites_lock);

  queue_job (self, job_new (JOB_DELETE_ALL));
}

/**
 * limber_history_flush:
 *
 * Blocks until every write queued so far has landed or failed.
 */
void
limber_history_flush (LimberHistory *self)
{
  guint64 number;

  g_return_if_fail (LIMBER_IS_HISTORY (self));

  if (self->writer == NULL)
    return;

  g_mutex_lock (&self->done_lock);
  number = self->n_queued;
  g_mutex_unlock (&self->done_lock);

  wait_for (self, number);
}

/**
 * limber_history_record_session_sync:
 *
 * Writes @record on the calling thread, in one transaction, as the writer
 * thread does for limber_history_add_session(); a uuid already kept is
 * not an error. Emits "changed" as a queued write would.
 *
 * Returns: %TRUE when written; %FALSE with %LIMBER_HISTORY_ERROR_READ_ONLY
 * when the history is not writable, or %LIMBER_HISTORY_ERROR_FAILED.
 */
gboolean
limber_history_record_session_sync (LimberHistory        *self,
                                    LimberSessionRecord  *record,
                                    GError              **error)
{
  Job job = { .kind = JOB_ADD_SESSION, .record = record };
  gboolean ok;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (record_is_valid (record), FALSE);

  if (self->writer == NULL)
    {
      g_set_error_literal (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY,
                           _("This history cannot be changed."));
      return FALSE;
    }

  g_mutex_lock (&self->write_lock);
  ok = run_in_transaction (self->write_db, &job, error);
  g_mutex_unlock (&self->write_lock);

  if (ok)
    post_notice (self->notifier, NULL);

  return ok;
}

gboolean
limber_history_add_all (LimberHistory       *self,
                        GPtrArray           *sessions,
                        const char * const  *favourites,
                        guint               *n_added,
                        GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  guint added = 0;
  Job *job;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (sessions != NULL, FALSE);
  g_return_val_if_fail (favourites != NULL, FALSE);

  if (self->writer == NULL)
    {
      g_set_error_literal (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY,
                           _("This history cannot be changed."));
      return FALSE;
    }

  job = job_new (JOB_ADD_ALL);
  job->records = g_ptr_array_ref (sessions);
  job->favourites = g_strdupv ((GStrv)favourites);
  job->time = g_get_real_time () / G_USEC_PER_SEC;
  job->n_added = &added;
  job->error = &local_error;
  wait_for (self, queue_job (self, job));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_mutex_lock (&self->favourites_lock);
  for (guint i = 0; favourites[i] != NULL; i++)
    g_hash_table_add (self->favourites, g_strdup (favourites[i]));
  g_mutex_unlock (&self->favourites_lock);

  *n_added = added;
  return TRUE;
}

/* ---- reads ---- */

static void
warn_read_failed (sqlite3 *db)
{
  g_warning ("Could not read the history: %s", sqlite3_errmsg (db));
}

static sqlite3_stmt *
prepare_read (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    warn_read_failed (db);

  return stmt;
}

/* Several queries that must see one state of the file share a read
 * transaction: the writer may commit between them. */
static void
begin_snapshot (sqlite3 *db)
{
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    warn_read_failed (db);
}

static void
end_snapshot (sqlite3 *db)
{
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

/**
 * limber_history_is_favourite:
 *
 * Returns: whether @routine_id is a favourite, including changes still
 * queued.
 */
gboolean
limber_history_is_favourite (LimberHistory *self,
                             const char    *routine_id)
{
  gboolean favourite;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (routine_id != NULL, FALSE);

  g_mutex_lock (&self->favourites_lock);
  favourite = g_hash_table_contains (self->favourites, routine_id);
  g_mutex_unlock (&self->favourites_lock);

  return favourite;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * limber_history_dup_favourites:
 *
 * Returns: (transfer full): the favourite routine ids, sorted by byte
 * value; empty when there are none.
 */
GStrv
limber_history_dup_favourites (LimberHistory *self)
{
  GStrv ids;
  guint n;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  g_mutex_lock (&self->favourites_lock);
  ids = (GStrv)g_hash_table_get_keys_as_array (self->favourites, &n);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (ids[i]);
  g_mutex_unlock (&self->favourites_lock);

  qsort (ids, n, sizeof (char *), compare_strings);
  return ids;
}

/**
 * limber_history_count_sessions:
 *
 * Returns: how many sessions are kept.
 */
guint
limber_history_count_sessions (LimberHistory *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), 0);

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return 0;

  stmt = prepare_read (self->read_db, "SELECT count(*) FROM sessions");
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      warn_read_failed (self->read_db);
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}

/* Reads sessions from @stmt (id, uuid, started, ended, finished) with their
 * routines, hurts and ratings, in the order of the statement. */
static GPtrArray *
read_sessions (sqlite3      *db,
               sqlite3_stmt *stmt)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (sqlite3_int64));
  g_autoptr(sqlite3_stmt) routines = NULL;
  g_autoptr(sqlite3_stmt) hurts = NULL;
  g_autoptr(sqlite3_stmt) ratings = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 id = sqlite3_column_int64 (stmt, 0);
      LimberSessionRecord *record = limber_session_record_new (sqlite3_column_int64 (stmt, 2),
                                                               sqlite3_column_int64 (stmt, 3),
                                                               sqlite3_column_int (stmt, 4) != 0);

      limber_session_record_set_uuid (record, column_text (stmt, 1));
      g_ptr_array_add (records, record);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    warn_read_failed (db);

  routines = prepare_read (db, "SELECT routine_id, steps_done, steps_total FROM session_routines "
                               "WHERE session = ?1 ORDER BY position");
  hurts = prepare_read (db, "SELECT routine_id, step_index FROM hurts WHERE session = ?1 ORDER BY rowid");
  ratings = prepare_read (db, "SELECT region_id, before, after FROM ratings WHERE session = ?1 ORDER BY rowid");
  if (routines == NULL || hurts == NULL || ratings == NULL)
    return g_steal_pointer (&records);

  for (guint i = 0; i < records->len; i++)
    {
      LimberSessionRecord *record = g_ptr_array_index (records, i);
      sqlite3_int64 id = g_array_index (ids, sqlite3_int64, i);

      sqlite3_bind_int64 (routines, 1, id);
      while (sqlite3_step (routines) == SQLITE_ROW)
        limber_session_record_add_routine (record, column_text (routines, 0),
                                           (guint)CLAMP (sqlite3_column_int64 (routines, 1), 0, G_MAXUINT),
                                           (guint)CLAMP (sqlite3_column_int64 (routines, 2), 0, G_MAXUINT));
      sqlite3_reset (routines);

      sqlite3_bind_int64 (hurts, 1, id);
      while (sqlite3_step (hurts) == SQLITE_ROW)
        limber_session_record_add_hurt (record, column_text (hurts, 0),
                                        (guint)CLAMP (sqlite3_column_int64 (hurts, 1), 0, G_MAXUINT));
      sqlite3_reset (hurts);

      sqlite3_bind_int64 (ratings, 1, id);
      while (sqlite3_step (ratings) == SQLITE_ROW)
        {
          const char *region_id = column_text (ratings, 0);

          limber_session_record_set_before (record, region_id, column_soreness (ratings, 1));
          limber_session_record_set_after (record, region_id, column_soreness (ratings, 2));
        }
      sqlite3_reset (ratings);
    }

  return g_steal_pointer (&records);
}

/**
 * limber_history_list_sessions:
 * @started_before: only sessions that started before this, Unix seconds;
 *   %G_MAXINT64 for the newest
 * @limit: at most this many; 0 for all
 *
 * Returns: (transfer full) (element-type LimberSessionRecord): sessions,
 * newest first, each with its routines in order, hurts and ratings.
 */
GPtrArray *
limber_history_list_sessions (LimberHistory *self,
                              gint64         started_before,
                              guint          limit)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *records;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);

  begin_snapshot (self->read_db);
  stmt = prepare_read (self->read_db, "SELECT id, uuid, started, ended, finished FROM sessions "
                                      "WHERE started < ?1 ORDER BY started DESC, id DESC LIMIT ?2");
  if (stmt == NULL)
    {
      end_snapshot (self->read_db);
      return g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);
    }

  sqlite3_bind_int64 (stmt, 1, started_before);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (sqlite3_int64)limit : -1);
  records = read_sessions (self->read_db, stmt);
  end_snapshot (self->read_db);

  return records;
}

gboolean
limber_history_read_everything (LimberHistory  *self,
                                GPtrArray     **sessions,
                                GStrv          *favourites)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;
  int rc;

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return FALSE;

  begin_snapshot (self->read_db);
  stmt = prepare_read (self->read_db, "SELECT id, uuid, started, ended, finished FROM sessions "
                                      "ORDER BY started, id");
  if (stmt == NULL)
    {
      end_snapshot (self->read_db);
      return FALSE;
    }
  *sessions = read_sessions (self->read_db, stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  ids = g_strv_builder_new ();
  stmt = prepare_read (self->read_db, "SELECT routine_id FROM favourites ORDER BY routine_id");
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (ids, column_text (stmt, 0));
  *favourites = g_strv_builder_end (ids);
  end_snapshot (self->read_db);

  return TRUE;
}

/* Monday 00:00 of the week @weeks after the one containing @now (before,
 * when negative), in @now's time zone, as Unix seconds. Days are counted
 * on the calendar, so a week across a change to or from summer time is
 * 7 days of which one has 23 or 25 hours. */
static gint64
week_start (GDateTime *now,
            int        weeks)
{
  g_autoptr(GDateTime) start = NULL;
  GDate date;
  int year, month, day;

  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  if (weeks >= 0)
    g_date_add_days (&date, 7 * weeks);
  else
    g_date_subtract_days (&date, 7 * -weeks);

  start = g_date_time_new (g_date_time_get_timezone (now), g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date), 0, 0, 0);
  return g_date_time_to_unix (start);
}

/**
 * limber_history_sessions_per_week:
 * @now: the time whose week is the last one; weeks start on Monday at
 *   00:00 in its time zone
 * @n_weeks: how many weeks
 *
 * Returns: (transfer full) (element-type guint): the number of sessions
 * started in each of the @n_weeks weeks up to the one containing @now,
 * oldest first.
 */
GArray *
limber_history_sessions_per_week (LimberHistory *self,
                                  GDateTime     *now,
                                  guint          n_weeks)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) starts = NULL;
  guint week = 0;
  int rc;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  /* About two thousand years: the calendar starts at year 1. */
  g_return_val_if_fail (n_weeks <= 100000, NULL);

  counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_weeks);
  g_array_set_size (counts, n_weeks);
  if (n_weeks == 0)
    return g_steal_pointer (&counts);

  /* starts[i] is the start of week i, oldest first; starts[n_weeks] the end
   * of the current week. */
  starts = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_weeks + 1);
  for (int i = -(int)n_weeks + 1; i <= 1; i++)
    {
      gint64 start = week_start (now, i);

      g_array_append_val (starts, start);
    }

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return g_steal_pointer (&counts);

  stmt = prepare_read (self->read_db, "SELECT started FROM sessions WHERE started >= ?1 AND started < ?2 "
                                      "ORDER BY started");
  if (stmt == NULL)
    return g_steal_pointer (&counts);

  sqlite3_bind_int64 (stmt, 1, g_array_index (starts, gint64, 0));
  sqlite3_bind_int64 (stmt, 2, g_array_index (starts, gint64, n_weeks));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 started = sqlite3_column_int64 (stmt, 0);

      while (started >= g_array_index (starts, gint64, week + 1))
        week++;
      g_array_index (counts, guint, week)++;
    }
  if (rc != SQLITE_DONE)
    warn_read_failed (self->read_db);

  return g_steal_pointer (&counts);
}

/**
 * limber_history_streak_weeks:
 * @now: as for limber_history_sessions_per_week()
 * @min_per_week: sessions a week needs to count, at least 1
 *
 * Returns: the number of consecutive weeks with at least @min_per_week
 * sessions, ending with the current week when it has that many already,
 * else with last week (the current one is still in progress).
 */
guint
limber_history_streak_weeks (LimberHistory *self,
                             GDateTime     *now,
                             guint          min_per_week)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint streak = 0;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), 0);
  g_return_val_if_fail (now != NULL, 0);
  g_return_val_if_fail (min_per_week > 0, 0);

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return 0;

  begin_snapshot (self->read_db);
  stmt = prepare_read (self->read_db, "SELECT count(*) FROM sessions WHERE started >= ?1 AND started < ?2");
  for (int week = 0; stmt != NULL; week--)
    {
      guint count;

      sqlite3_bind_int64 (stmt, 1, week_start (now, week));
      sqlite3_bind_int64 (stmt, 2, week_start (now, week + 1));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          warn_read_failed (self->read_db);
          break;
        }
      count = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);

      if (count >= min_per_week)
        streak++;
      else if (week < 0)
        break;
    }
  end_snapshot (self->read_db);

  return streak;
}

/**
 * limber_history_region_ratings:
 * @since: only sessions that started at or after this, Unix seconds
 *
 * Returns: (transfer full) (element-type LimberRatingPoint): the ratings
 * of @region_id, oldest first.
 */
GArray *
limber_history_region_ratings (LimberHistory *self,
                               const char    *region_id,
                               gint64         since)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) points = NULL;
  int rc;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);
  g_return_val_if_fail (region_id != NULL, NULL);

  points = g_array_new (FALSE, FALSE, sizeof (LimberRatingPoint));

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return g_steal_pointer (&points);

  stmt = prepare_read (self->read_db, "SELECT s.started, r.before, r.after FROM ratings r "
                                      "JOIN sessions s ON s.id = r.session "
                                      "WHERE r.region_id = ?1 AND s.started >= ?2 "
                                      "AND (before IS NOT NULL OR after IS NOT NULL) "
                                      "ORDER BY s.started, s.id");
  if (stmt == NULL)
    return g_steal_pointer (&points);

  sqlite3_bind_text (stmt, 1, region_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LimberRatingPoint point;

      point.started = sqlite3_column_int64 (stmt, 0);
      point.before = column_soreness (stmt, 1);
      point.after = column_soreness (stmt, 2);
      g_array_append_val (points, point);
    }
  if (rc != SQLITE_DONE)
    warn_read_failed (self->read_db);

  return g_steal_pointer (&points);
}

/**
 * limber_history_recent_soreness:
 * @since: only sessions that started at or after this, Unix seconds
 *
 * Returns: (transfer full) (element-type utf8 gpointer): for each region
 * rated before a session since then, the mean of those ratings as a
 * `double *`.
 */
GHashTable *
limber_history_recent_soreness (LimberHistory *self,
                                gint64         since)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) means = NULL;
  int rc;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  means = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return g_steal_pointer (&means);

  /* CROSS JOIN keeps sessions outside: the recent few through their
   * index, rather than every rating of every region. */
  stmt = prepare_read (self->read_db, "SELECT r.region_id, avg(r.before) FROM sessions s "
                                      "CROSS JOIN ratings r ON r.session = s.id "
                                      "WHERE s.started >= ?1 AND r.before IS NOT NULL "
                                      "GROUP BY r.region_id");
  if (stmt == NULL)
    return g_steal_pointer (&means);

  sqlite3_bind_int64 (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double *mean = g_new (double, 1);

      *mean = sqlite3_column_double (stmt, 1);
      g_hash_table_insert (means, g_strdup (column_text (stmt, 0)), mean);
    }
  if (rc != SQLITE_DONE)
    warn_read_failed (self->read_db);

  return g_steal_pointer (&means);
}

/**
 * limber_history_dup_rated_regions:
 *
 * Returns: (transfer full): the ids of the regions ever rated, before or
 * after, sorted by byte value; empty when there are none.
 */
GStrv
limber_history_dup_rated_regions (LimberHistory *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;
  int rc;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  ids = g_strv_builder_new ();

  locker = g_mutex_locker_new (&self->read_lock);
  if (self->read_db == NULL)
    return g_strv_builder_end (ids);

  /* One seek a region in the index of rated rows, rather than a walk
   * through every rating: there are tens of regions and thousands of
   * ratings. */
  stmt = prepare_read (self->read_db, "SELECT region_id FROM ratings WHERE region_id > ?1 "
                                      "AND (before IS NOT NULL OR after IS NOT NULL) "
                                      "ORDER BY region_id LIMIT 1");
  if (stmt == NULL)
    return g_strv_builder_end (ids);

  sqlite3_bind_text (stmt, 1, "", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup (column_text (stmt, 0));

      g_strv_builder_add (ids, id);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
    }
  if (rc != SQLITE_DONE)
    warn_read_failed (self->read_db);

  return g_strv_builder_end (ids);
}
