/* limber-session-record.c
 *
 * A record is filled on the main thread and copied when it is handed to the
 * history, so the writer thread never shares one with the caller; the
 * reference count is atomic all the same, because records read back may be
 * passed between threads by the pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-session-record"

#include "config.h"

#include "limber-history-private.h"

typedef struct
{
  char  *routine_id;
  guint  steps_done;
  guint  steps_total;
} RoutineEntry;

typedef struct
{
  char  *routine_id;
  guint  step_index;
} HurtEntry;

typedef struct
{
  char *region_id;
  int   before;
  int   after;
} RatingEntry;

struct _LimberSessionRecord
{
  gatomicrefcount  ref_count;

  char            *uuid;
  gint64           started;
  gint64           ended;
  gboolean         finished;
  GArray          *routines;    /* RoutineEntry, in the order done */
  GArray          *hurts;       /* HurtEntry, in the order they hurt */
  GArray          *ratings;     /* RatingEntry, in the order of first mention */
};

G_DEFINE_BOXED_TYPE (LimberSessionRecord, limber_session_record, limber_session_record_ref,
                     limber_session_record_unref)

static void
clear_routine_entry (gpointer data)
{
  g_free (((RoutineEntry *)data)->routine_id);
}

static void
clear_hurt_entry (gpointer data)
{
  g_free (((HurtEntry *)data)->routine_id);
}

static void
clear_rating_entry (gpointer data)
{
  g_free (((RatingEntry *)data)->region_id);
}

static gboolean
soreness_is_valid (int soreness)
{
  return soreness == LIMBER_SORENESS_NOT_RATED || (soreness >= 0 && soreness <= LIMBER_SORENESS_MAX);
}

/**
 * limber_session_record_new:
 * @started: when the session started, Unix seconds (UTC)
 * @ended: when it ended, Unix seconds (UTC)
 * @finished: whether it was played to the end rather than stopped
 *
 * Returns: (transfer full): a record with a new random uuid, no routines
 * and no ratings.
 */
LimberSessionRecord *
limber_session_record_new (gint64   started,
                           gint64   ended,
                           gboolean finished)
{
  LimberSessionRecord *self = g_new0 (LimberSessionRecord, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->uuid = g_uuid_string_random ();
  self->started = started;
  self->ended = ended;
  self->finished = !!finished;
  self->routines = g_array_new (FALSE, FALSE, sizeof (RoutineEntry));
  g_array_set_clear_func (self->routines, clear_routine_entry);
  self->hurts = g_array_new (FALSE, FALSE, sizeof (HurtEntry));
  g_array_set_clear_func (self->hurts, clear_hurt_entry);
  self->ratings = g_array_new (FALSE, FALSE, sizeof (RatingEntry));
  g_array_set_clear_func (self->ratings, clear_rating_entry);

  return self;
}

LimberSessionRecord *
limber_session_record_ref (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
limber_session_record_unref (LimberSessionRecord *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->uuid);
  g_array_unref (self->routines);
  g_array_unref (self->hurts);
  g_array_unref (self->ratings);
  g_free (self);
}

/* A deep copy, so the caller may go on changing its record. */
LimberSessionRecord *
limber_session_record_copy (LimberSessionRecord *self)
{
  LimberSessionRecord *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = limber_session_record_new (self->started, self->ended, self->finished);
  limber_session_record_set_uuid (copy, self->uuid);
  for (guint i = 0; i < self->routines->len; i++)
    {
      RoutineEntry *entry = &g_array_index (self->routines, RoutineEntry, i);

      limber_session_record_add_routine (copy, entry->routine_id, entry->steps_done, entry->steps_total);
    }
  for (guint i = 0; i < self->hurts->len; i++)
    {
      HurtEntry *entry = &g_array_index (self->hurts, HurtEntry, i);

      limber_session_record_add_hurt (copy, entry->routine_id, entry->step_index);
    }
  for (guint i = 0; i < self->ratings->len; i++)
    {
      RatingEntry *entry = &g_array_index (self->ratings, RatingEntry, i);
      RatingEntry copied = { g_strdup (entry->region_id), entry->before, entry->after };

      g_array_append_val (copy->ratings, copied);
    }

  return copy;
}

/**
 * limber_session_record_set_uuid:
 *
 * Replaces the random uuid, for a record read back or imported.
 */
void
limber_session_record_set_uuid (LimberSessionRecord *self,
                                const char          *uuid)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (uuid != NULL && *uuid != '\0');

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

/**
 * limber_session_record_add_routine:
 * @steps_done: how many of its steps were played
 * @steps_total: how many steps it has
 *
 * Appends a routine of the session, in the order they were played.
 */
void
limber_session_record_add_routine (LimberSessionRecord *self,
                                   const char          *routine_id,
                                   guint                steps_done,
                                   guint                steps_total)
{
  RoutineEntry entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (routine_id != NULL);

  entry.routine_id = g_strdup (routine_id);
  entry.steps_done = steps_done;
  entry.steps_total = steps_total;
  g_array_append_val (self->routines, entry);
}

/**
 * limber_session_record_add_hurt:
 * @step_index: the step that hurt, counted from 0 within the routine
 *
 * Notes that the person said a step hurt.
 */
void
limber_session_record_add_hurt (LimberSessionRecord *self,
                                const char          *routine_id,
                                guint                step_index)
{
  HurtEntry entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (routine_id != NULL);

  entry.routine_id = g_strdup (routine_id);
  entry.step_index = step_index;
  g_array_append_val (self->hurts, entry);
}

static RatingEntry *
find_rating (LimberSessionRecord *self,
             const char          *region_id)
{
  for (guint i = 0; i < self->ratings->len; i++)
    {
      RatingEntry *entry = &g_array_index (self->ratings, RatingEntry, i);

      if (g_str_equal (entry->region_id, region_id))
        return entry;
    }

  return NULL;
}

static RatingEntry *
find_or_add_rating (LimberSessionRecord *self,
                    const char          *region_id)
{
  RatingEntry *entry = find_rating (self, region_id);
  RatingEntry added;

  if (entry != NULL)
    return entry;

  added.region_id = g_strdup (region_id);
  added.before = LIMBER_SORENESS_NOT_RATED;
  added.after = LIMBER_SORENESS_NOT_RATED;
  g_array_append_val (self->ratings, added);

  return &g_array_index (self->ratings, RatingEntry, self->ratings->len - 1);
}

/**
 * limber_session_record_set_before:
 * @soreness: 0 to %LIMBER_SORENESS_MAX, or %LIMBER_SORENESS_NOT_RATED
 *
 * How sore @region_id was before the session. A region keeps one entry
 * however often it is rated, in the order it was first mentioned.
 */
void
limber_session_record_set_before (LimberSessionRecord *self,
                                  const char          *region_id,
                                  int                  soreness)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (region_id != NULL);
  g_return_if_fail (soreness_is_valid (soreness));

  find_or_add_rating (self, region_id)->before = soreness;
}

/**
 * limber_session_record_set_after:
 * @soreness: 0 to %LIMBER_SORENESS_MAX, or %LIMBER_SORENESS_NOT_RATED
 *
 * How sore @region_id was after the session; see
 * limber_session_record_set_before().
 */
void
limber_session_record_set_after (LimberSessionRecord *self,
                                 const char          *region_id,
                                 int                  soreness)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (region_id != NULL);
  g_return_if_fail (soreness_is_valid (soreness));

  find_or_add_rating (self, region_id)->after = soreness;
}

const char *
limber_session_record_get_uuid (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uuid;
}

gint64
limber_session_record_get_started (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->started;
}

gint64
limber_session_record_get_ended (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ended;
}

gboolean
limber_session_record_get_finished (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->finished;
}

guint
limber_session_record_get_n_routines (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->routines->len;
}

/**
 * limber_session_record_get_routine:
 * @steps_done: (out) (optional)
 * @steps_total: (out) (optional)
 *
 * Returns: the id of the routine played at @index.
 */
const char *
limber_session_record_get_routine (LimberSessionRecord *self,
                                   guint                index,
                                   guint               *steps_done,
                                   guint               *steps_total)
{
  RoutineEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->routines->len, NULL);

  entry = &g_array_index (self->routines, RoutineEntry, index);
  if (steps_done != NULL)
    *steps_done = entry->steps_done;
  if (steps_total != NULL)
    *steps_total = entry->steps_total;

  return entry->routine_id;
}

guint
limber_session_record_get_n_hurts (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->hurts->len;
}

/**
 * limber_session_record_get_hurt:
 * @step_index: (out) (optional): the step that hurt, counted from 0
 *
 * Returns: the id of the routine whose step hurt.
 */
const char *
limber_session_record_get_hurt (LimberSessionRecord *self,
                                guint                index,
                                guint               *step_index)
{
  HurtEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->hurts->len, NULL);

  entry = &g_array_index (self->hurts, HurtEntry, index);
  if (step_index != NULL)
    *step_index = entry->step_index;

  return entry->routine_id;
}

guint
limber_session_record_get_n_ratings (LimberSessionRecord *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ratings->len;
}

/**
 * limber_session_record_get_rating:
 * @before: (out) (optional): soreness before, or %LIMBER_SORENESS_NOT_RATED
 * @after: (out) (optional): soreness after, or %LIMBER_SORENESS_NOT_RATED
 *
 * Returns: the id of the region rated at @index.
 */
const char *
limber_session_record_get_rating (LimberSessionRecord *self,
                                  guint                index,
                                  int                 *before,
                                  int                 *after)
{
  RatingEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->ratings->len, NULL);

  entry = &g_array_index (self->ratings, RatingEntry, index);
  if (before != NULL)
    *before = entry->before;
  if (after != NULL)
    *after = entry->after;

  return entry->region_id;
}

/**
 * limber_session_record_get_before:
 *
 * Returns: how sore @region_id was before, or %LIMBER_SORENESS_NOT_RATED.
 */
int
limber_session_record_get_before (LimberSessionRecord *self,
                                  const char          *region_id)
{
  RatingEntry *entry;

  g_return_val_if_fail (self != NULL, LIMBER_SORENESS_NOT_RATED);
  g_return_val_if_fail (region_id != NULL, LIMBER_SORENESS_NOT_RATED);

  entry = find_rating (self, region_id);
  return entry != NULL ? entry->before : LIMBER_SORENESS_NOT_RATED;
}

/**
 * limber_session_record_get_after:
 *
 * Returns: how sore @region_id was after, or %LIMBER_SORENESS_NOT_RATED.
 */
int
limber_session_record_get_after (LimberSessionRecord *self,
                                 const char          *region_id)
{
  RatingEntry *entry;

  g_return_val_if_fail (self != NULL, LIMBER_SORENESS_NOT_RATED);
  g_return_val_if_fail (region_id != NULL, LIMBER_SORENESS_NOT_RATED);

  entry = find_rating (self, region_id);
  return entry != NULL ? entry->after : LIMBER_SORENESS_NOT_RATED;
}
