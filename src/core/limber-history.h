/* limber-history.h: what the person did, kept in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_HISTORY_ERROR (limber_history_error_quark ())

typedef enum
{
  LIMBER_HISTORY_ERROR_FAILED,       /* SQLite said no; the message says why */
  LIMBER_HISTORY_ERROR_READ_ONLY,    /* a newer schema, or no history kept */
  LIMBER_HISTORY_ERROR_CSV,          /* an import line is wrong: "line 12: …" */
} LimberHistoryError;

typedef enum
{
  LIMBER_HISTORY_STATUS_OK,
  LIMBER_HISTORY_STATUS_DISABLED,    /* kiosk: nothing is read or written */
  LIMBER_HISTORY_STATUS_RECOVERED,   /* a damaged file was moved aside; a fresh history started */
  LIMBER_HISTORY_STATUS_NEWER,       /* written by a newer Limber: read-only, never downgraded */
  LIMBER_HISTORY_STATUS_UNAVAILABLE, /* could not be opened or created; nothing is kept */
} LimberHistoryStatus;

#define LIMBER_HISTORY_SCHEMA_VERSION 1

/* Soreness is rated 0 (none) to 10 (worst); NOT_RATED where it was not. */
#define LIMBER_SORENESS_NOT_RATED (-1)
#define LIMBER_SORENESS_MAX       10

/* One session: built by the caller, then recorded. Its uuid is made at
 * creation so that later edits (ratings after) and imports can find it. */
typedef struct _LimberSessionRecord LimberSessionRecord;

#define LIMBER_TYPE_SESSION_RECORD (limber_session_record_get_type ())
GType                limber_session_record_get_type      (void) G_GNUC_CONST;

LimberSessionRecord *limber_session_record_new           (gint64               started,
                                                          gint64               ended,
                                                          gboolean             finished);
LimberSessionRecord *limber_session_record_ref           (LimberSessionRecord *self);
void                 limber_session_record_unref         (LimberSessionRecord *self);
void                 limber_session_record_set_uuid      (LimberSessionRecord *self,
                                                          const char          *uuid);
void                 limber_session_record_add_routine   (LimberSessionRecord *self,
                                                          const char          *routine_id,
                                                          guint                steps_done,
                                                          guint                steps_total);
void                 limber_session_record_add_hurt      (LimberSessionRecord *self,
                                                          const char          *routine_id,
                                                          guint                step_index);
void                 limber_session_record_set_before    (LimberSessionRecord *self,
                                                          const char          *region_id,
                                                          int                  soreness);
void                 limber_session_record_set_after     (LimberSessionRecord *self,
                                                          const char          *region_id,
                                                          int                  soreness);

const char          *limber_session_record_get_uuid      (LimberSessionRecord *self);
gint64               limber_session_record_get_started   (LimberSessionRecord *self);
gint64               limber_session_record_get_ended     (LimberSessionRecord *self);
gboolean             limber_session_record_get_finished  (LimberSessionRecord *self);
guint                limber_session_record_get_n_routines (LimberSessionRecord *self);
const char          *limber_session_record_get_routine   (LimberSessionRecord *self,
                                                          guint                index,
                                                          guint               *steps_done,
                                                          guint               *steps_total);
guint                limber_session_record_get_n_hurts   (LimberSessionRecord *self);
const char          *limber_session_record_get_hurt      (LimberSessionRecord *self,
                                                          guint                index,
                                                          guint               *step_index);
guint                limber_session_record_get_n_ratings (LimberSessionRecord *self);
const char          *limber_session_record_get_rating    (LimberSessionRecord *self,
                                                          guint                index,
                                                          int                 *before,
                                                          int                 *after);
int                  limber_session_record_get_before    (LimberSessionRecord *self,
                                                          const char          *region_id);
int                  limber_session_record_get_after     (LimberSessionRecord *self,
                                                          const char          *region_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberSessionRecord, limber_session_record_unref)

/* One rating of one region in one session, for charts. */
typedef struct
{
  gint64 started;                    /* the session's start, Unix seconds */
  gint8  before;                     /* LIMBER_SORENESS_NOT_RATED or 0..10 */
  gint8  after;
} LimberRatingPoint;

#define LIMBER_TYPE_HISTORY (limber_history_get_type ())
G_DECLARE_FINAL_TYPE (LimberHistory, limber_history, LIMBER, HISTORY, GObject)

GQuark               limber_history_error_quark          (void);

LimberHistory       *limber_history_open                 (const char          *path);
LimberHistory       *limber_history_new_disabled         (void);
char                *limber_history_default_path         (void);

LimberHistoryStatus  limber_history_get_status           (LimberHistory       *self);
const char          *limber_history_get_message          (LimberHistory       *self);
const char          *limber_history_get_moved_aside      (LimberHistory       *self);
const char          *limber_history_get_path             (LimberHistory       *self);
gboolean             limber_history_get_writable         (LimberHistory       *self);

/* Writes: queued in order to one writer thread, each in its own transaction.
 * They return at once; "changed" is emitted on the main context when a
 * write has landed, "write-failed" (with a message) when it could not. */
void                 limber_history_add_session          (LimberHistory       *self,
                                                          LimberSessionRecord *record);
void                 limber_history_rate_after           (LimberHistory       *self,
                                                          const char          *session_uuid,
                                                          const char          *region_id,
                                                          int                  soreness);
void                 limber_history_set_favourite        (LimberHistory       *self,
                                                          const char          *routine_id,
                                                          gboolean             favourite);
void                 limber_history_delete_all           (LimberHistory       *self);
void                 limber_history_flush                (LimberHistory       *self);

/* The synchronous write the writer thread runs; for tests and benchmarks. */
gboolean             limber_history_record_session_sync  (LimberHistory       *self,
                                                          LimberSessionRecord *record,
                                                          GError             **error);

/* Reads: on the calling thread, from their own connection. */
gboolean             limber_history_is_favourite         (LimberHistory       *self,
                                                          const char          *routine_id);
GStrv                limber_history_dup_favourites       (LimberHistory       *self);
guint                limber_history_count_sessions       (LimberHistory       *self);
GPtrArray           *limber_history_list_sessions        (LimberHistory       *self,
                                                          gint64               started_before,
                                                          guint                limit);
GArray              *limber_history_sessions_per_week    (LimberHistory       *self,
                                                          GDateTime           *now,
                                                          guint                n_weeks);
guint                limber_history_streak_weeks         (LimberHistory       *self,
                                                          GDateTime           *now,
                                                          guint                min_per_week);
GArray              *limber_history_region_ratings       (LimberHistory       *self,
                                                          const char          *region_id,
                                                          gint64               since);
GHashTable          *limber_history_recent_soreness      (LimberHistory       *self,
                                                          gint64               since);
GStrv                limber_history_dup_rated_regions    (LimberHistory       *self);

/* The person's data in and out, as RFC 4180 CSV text. */
char                *limber_history_export_csv           (LimberHistory       *self);
gboolean             limber_history_import_csv           (LimberHistory       *self,
                                                          const char          *text,
                                                          gsize                length,
                                                          guint               *n_sessions,
                                                          GError             **error);

G_END_DECLS
