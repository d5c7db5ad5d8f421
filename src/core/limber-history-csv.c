/* limber-history-csv.c: the history as RFC 4180 CSV
 *
 * One row a line, eleven fields:
 *
 *   session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after
 *
 * A `session` row (times in ISO 8601 UTC, outcome `finished` or `stopped`)
 * comes before the `routine`, `hurt` and `rating` rows that repeat its uuid;
 * `favourite` rows, with no session, come last. An import is checked whole
 * before anything is written, so a bad file changes nothing and says where
 * it is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-history-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "limber-history-private.h"

#define HEADER "session,started,ended,outcome,kind,item,step,steps_done,steps_total,before,after"
#define UTF8_BOM "\xef\xbb\xbf"

enum {
  COL_SESSION,
  COL_STARTED,
  COL_ENDED,
  COL_OUTCOME,
  COL_KIND,
  COL_ITEM,
  COL_STEP,
  COL_STEPS_DONE,
  COL_STEPS_TOTAL,
  COL_BEFORE,
  COL_AFTER,
  N_COLUMNS
};

#define COLUMN(c) (1u << (c))

/* The columns each kind of row fills; the others must be empty. */
static const struct
{
  const char *kind;
  guint       columns;
} kinds[] = {
  { "session", COLUMN (COL_SESSION) | COLUMN (COL_STARTED) | COLUMN (COL_ENDED) | COLUMN (COL_OUTCOME)
               | COLUMN (COL_KIND) },
  { "routine", COLUMN (COL_SESSION) | COLUMN (COL_KIND) | COLUMN (COL_ITEM) | COLUMN (COL_STEPS_DONE)
               | COLUMN (COL_STEPS_TOTAL) },
  { "hurt", COLUMN (COL_SESSION) | COLUMN (COL_KIND) | COLUMN (COL_ITEM) | COLUMN (COL_STEP) },
  { "rating", COLUMN (COL_SESSION) | COLUMN (COL_KIND) | COLUMN (COL_ITEM) | COLUMN (COL_BEFORE)
              | COLUMN (COL_AFTER) },
  { "favourite", COLUMN (COL_KIND) | COLUMN (COL_ITEM) },
};

/* ---- export ---- */

static void
append_field (GString    *csv,
              const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_row (GString    *csv,
            const char *fields[N_COLUMNS])
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_field (csv, fields[i] != NULL ? fields[i] : "");
    }
  g_string_append (csv, "\r\n");
}

/* Four-digit years always, which g_date_time_format()'s %Y is not. */
static char *
format_time (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);

  if (utc == NULL)
    return g_strdup ("");

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", g_date_time_get_year (utc),
                          g_date_time_get_month (utc), g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

static void
format_soreness (char buffer[4],
                 int  soreness)
{
  if (soreness == LIMBER_SORENESS_NOT_RATED)
    buffer[0] = '\0';
  else
    g_snprintf (buffer, 4, "%d", soreness);
}

static void
append_session (GString             *csv,
                LimberSessionRecord *record)
{
  const char *uuid = limber_session_record_get_uuid (record);
  g_autofree char *started = format_time (limber_session_record_get_started (record));
  g_autofree char *ended = format_time (limber_session_record_get_ended (record));
  const char *outcome = limber_session_record_get_finished (record) ? "finished" : "stopped";

  append_row (csv, (const char *[N_COLUMNS]){ uuid, started, ended, outcome, "session" });

  for (guint i = 0; i < limber_session_record_get_n_routines (record); i++)
    {
      guint done, total;
      const char *routine_id = limber_session_record_get_routine (record, i, &done, &total);
      char done_text[16], total_text[16];

      g_snprintf (done_text, sizeof done_text, "%u", done);
      g_snprintf (total_text, sizeof total_text, "%u", total);
      append_row (csv, (const char *[N_COLUMNS]){ [COL_SESSION] = uuid, [COL_KIND] = "routine",
                                                  [COL_ITEM] = routine_id, [COL_STEPS_DONE] = done_text,
                                                  [COL_STEPS_TOTAL] = total_text });
    }

  for (guint i = 0; i < limber_session_record_get_n_hurts (record); i++)
    {
      guint step_index;
      const char *routine_id = limber_session_record_get_hurt (record, i, &step_index);
      char step_text[16];

      /* People count steps from 1. */
      g_snprintf (step_text, sizeof step_text, "%u", step_index + 1);
      append_row (csv, (const char *[N_COLUMNS]){ [COL_SESSION] = uuid, [COL_KIND] = "hurt",
                                                  [COL_ITEM] = routine_id, [COL_STEP] = step_text });
    }

  for (guint i = 0; i < limber_session_record_get_n_ratings (record); i++)
    {
      int before, after;
      const char *region_id = limber_session_record_get_rating (record, i, &before, &after);
      char before_text[4], after_text[4];

      format_soreness (before_text, before);
      format_soreness (after_text, after);
      append_row (csv, (const char *[N_COLUMNS]){ [COL_SESSION] = uuid, [COL_KIND] = "rating",
                                                  [COL_ITEM] = region_id, [COL_BEFORE] = before_text,
                                                  [COL_AFTER] = after_text });
    }
}

/**
 * limber_history_export_csv:
 *
 * Waits for the queued writes, then writes every session (oldest first)
 * and the favourites as CSV with CRLF line ends. A history that cannot be
 * read gives the header alone.
 *
 * Returns: (transfer full): the text.
 */
char *
limber_history_export_csv (LimberHistory *self)
{
  g_autoptr(GString) csv = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_auto(GStrv) favourites = NULL;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), NULL);

  limber_history_flush (self);

  csv = g_string_new (HEADER "\r\n");
  if (!limber_history_read_everything (self, &sessions, &favourites))
    return g_string_free (g_steal_pointer (&csv), FALSE);

  for (guint i = 0; i < sessions->len; i++)
    append_session (csv, g_ptr_array_index (sessions, i));
  for (guint i = 0; favourites[i] != NULL; i++)
    append_row (csv, (const char *[N_COLUMNS]){ [COL_KIND] = "favourite", [COL_ITEM] = favourites[i] });

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/* ---- import ---- */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;     /* where p is */
} Reader;

typedef enum
{
  READ_RECORD,
  READ_END,
  READ_ERROR,
} ReadResult;

typedef struct
{
  GPtrArray  *sessions;         /* LimberSessionRecord, in file order */
  GHashTable *by_uuid;          /* uuid → borrowed record */
  GPtrArray  *favourites;       /* routine ids, NULL-terminated at the end */
  GHashTable *favourite_set;    /* borrowed from favourites */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->sessions, g_ptr_array_unref);
  g_clear_pointer (&import->by_uuid, g_hash_table_unref);
  g_clear_pointer (&import->favourites, g_ptr_array_unref);
  g_clear_pointer (&import->favourite_set, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static gboolean
at_line_end (const Reader *reader)
{
  return *reader->p == '\n' || (*reader->p == '\r' && reader->p + 1 < reader->end && reader->p[1] == '\n');
}

/* One record, which may span lines inside quotes; @line is where it
 * starts. */
static ReadResult
read_record (Reader     *reader,
             GPtrArray  *fields,
             guint      *line,
             GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  *line = reader->line;
  if (reader->p == reader->end)
    return READ_END;

  for (;;)
    {
      g_string_truncate (field, 0);

      if (reader->p < reader->end && *reader->p == '"')
        {
          reader->p++;
          for (;;)
            {
              char c;

              if (reader->p == reader->end)
                {
                  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                               _("line %u: a quoted field is not closed"), *line);
                  return READ_ERROR;
                }

              c = *reader->p++;
              if (c == '"' && reader->p < reader->end && *reader->p == '"')
                reader->p++;
              else if (c == '"')
                break;
              else if (c == '\n')
                reader->line++;
              g_string_append_c (field, c);
            }

          if (reader->p < reader->end && *reader->p != ',' && !at_line_end (reader))
            {
              g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                           _("line %u: a closing quote must be followed by a comma or the end of the line"),
                           reader->line);
              return READ_ERROR;
            }
        }
      else
        {
          while (reader->p < reader->end && *reader->p != ',' && !at_line_end (reader))
            {
              if (*reader->p == '"')
                {
                  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                               _("line %u: a quote inside a field that does not start with one"),
                               reader->line);
                  return READ_ERROR;
                }
              g_string_append_c (field, *reader->p++);
            }
        }

      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (reader->p == reader->end)
        return READ_RECORD;
      if (*reader->p == ',')
        {
          reader->p++;
          continue;
        }

      reader->p += *reader->p == '\r' ? 2 : 1;
      reader->line++;
      return READ_RECORD;
    }
}

static const char *
field_at (GPtrArray *fields,
          guint      column)
{
  return g_ptr_array_index (fields, column);
}

static gboolean
check_id (GPtrArray  *fields,
          guint       column,
          guint       line,
          GError    **error)
{
  if (limber_history_id_is_valid (field_at (fields, column)))
    return TRUE;

  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
               _("line %u: column %u must be an id of 1 to %u bytes without control characters"),
               line, column + 1, LIMBER_HISTORY_MAX_ID_BYTES);
  return FALSE;
}

static gboolean
parse_number (GPtrArray  *fields,
              guint       column,
              guint       line,
              guint      *number,
              GError    **error)
{
  const char *text = field_at (fields, column);
  guint64 value;

  if (g_ascii_isdigit (*text) && g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    {
      *number = value;
      return TRUE;
    }

  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
               _("line %u: “%s” in column %u is not a whole number"), line, text, column + 1);
  return FALSE;
}

static gboolean
parse_soreness (GPtrArray  *fields,
                guint       column,
                guint       line,
                int        *soreness,
                GError    **error)
{
  const char *text = field_at (fields, column);
  guint64 value;

  if (*text == '\0')
    {
      *soreness = LIMBER_SORENESS_NOT_RATED;
      return TRUE;
    }

  if (g_ascii_isdigit (*text) && g_ascii_string_to_unsigned (text, 10, 0, LIMBER_SORENESS_MAX, &value, NULL))
    {
      *soreness = value;
      return TRUE;
    }

  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
               _("line %u: soreness “%s” is not a whole number from 0 to 10"), line, text);
  return FALSE;
}

static gboolean
parse_time (GPtrArray  *fields,
            guint       column,
            guint       line,
            gint64     *time,
            GError    **error)
{
  static const char pattern[] = "0000-00-00T00:00:00Z";
  const char *text = field_at (fields, column);
  g_autoptr(GDateTime) parsed = NULL;
  gboolean shaped = strlen (text) == strlen (pattern);

  for (guint i = 0; shaped && pattern[i] != '\0'; i++)
    shaped = pattern[i] == '0' ? g_ascii_isdigit (text[i]) : text[i] == pattern[i];

  if (shaped)
    parsed = g_date_time_new_utc (atoi (text), atoi (text + 5), atoi (text + 8), atoi (text + 11),
                                  atoi (text + 14), atoi (text + 17));
  if (parsed != NULL)
    {
      *time = g_date_time_to_unix (parsed);
      return TRUE;
    }

  g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
               _("line %u: “%s” in column %u is not a time like 2026-11-21T08:30:00Z"), line, text, column + 1);
  return FALSE;
}

static LimberSessionRecord *
find_session (Import     *import,
              GPtrArray  *fields,
              guint       line,
              GError    **error)
{
  LimberSessionRecord *record = g_hash_table_lookup (import->by_uuid, field_at (fields, COL_SESSION));

  if (record == NULL)
    g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                 _("line %u: this row comes before the row of its session “%s”"), line,
                 field_at (fields, COL_SESSION));

  return record;
}

static gboolean
is_rated (LimberSessionRecord *record,
          const char          *region_id)
{
  for (guint i = 0; i < limber_session_record_get_n_ratings (record); i++)
    if (g_str_equal (limber_session_record_get_rating (record, i, NULL, NULL), region_id))
      return TRUE;

  return FALSE;
}

static gboolean
import_row (Import     *import,
            GPtrArray  *fields,
            guint       line,
            GError    **error)
{
  const char *kind = field_at (fields, COL_KIND);
  LimberSessionRecord *record;
  guint columns = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].kind))
      columns = kinds[i].columns;

  if (columns == 0)
    {
      /* Translators: %s is the first column of a line of the CSV file, not
       * one of the words it may be (session, routine, hurt, rating,
       * favourite): those are never translated */
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV, _("line %u: unknown kind “%s”"),
                   line, kind);
      return FALSE;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    if ((columns & COLUMN (i)) == 0 && *field_at (fields, i) != '\0')
      {
        /* Translators: %s is a word of the CSV file (session, routine,
         * hurt, rating or favourite), never translated */
        g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                     _("line %u: column %u must be empty in a “%s” row"), line, i + 1, kind);
        return FALSE;
      }

  if (g_str_equal (kind, "favourite"))
    {
      char *routine_id;

      if (!check_id (fields, COL_ITEM, line, error))
        return FALSE;

      routine_id = g_strdup (field_at (fields, COL_ITEM));
      if (g_hash_table_add (import->favourite_set, routine_id))
        g_ptr_array_add (import->favourites, routine_id);
      else
        g_free (routine_id);
      return TRUE;
    }

  if (!check_id (fields, COL_SESSION, line, error))
    return FALSE;

  if (g_str_equal (kind, "session"))
    {
      const char *outcome = field_at (fields, COL_OUTCOME);
      gint64 started, ended;

      if (!parse_time (fields, COL_STARTED, line, &started, error)
          || !parse_time (fields, COL_ENDED, line, &ended, error))
        return FALSE;
      if (!g_str_equal (outcome, "finished") && !g_str_equal (outcome, "stopped"))
        {
          /* Translators: “finished” and “stopped” are words of the CSV
           * file: keep them in English */
          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                       _("line %u: the outcome must be “finished” or “stopped”, not “%s”"), line, outcome);
          return FALSE;
        }
      if (g_hash_table_contains (import->by_uuid, field_at (fields, COL_SESSION)))
        {
          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                       _("line %u: the session “%s” appears twice"), line, field_at (fields, COL_SESSION));
          return FALSE;
        }

      record = limber_session_record_new (started, ended, g_str_equal (outcome, "finished"));
      limber_session_record_set_uuid (record, field_at (fields, COL_SESSION));
      g_ptr_array_add (import->sessions, record);
      g_hash_table_insert (import->by_uuid, (gpointer)limber_session_record_get_uuid (record), record);
      return TRUE;
    }

  record = find_session (import, fields, line, error);
  if (record == NULL || !check_id (fields, COL_ITEM, line, error))
    return FALSE;

  if (g_str_equal (kind, "routine"))
    {
      guint done, total;

      if (!parse_number (fields, COL_STEPS_DONE, line, &done, error)
          || !parse_number (fields, COL_STEPS_TOTAL, line, &total, error))
        return FALSE;

      limber_session_record_add_routine (record, field_at (fields, COL_ITEM), done, total);
    }
  else if (g_str_equal (kind, "hurt"))
    {
      guint step;

      if (!parse_number (fields, COL_STEP, line, &step, error))
        return FALSE;
      if (step == 0)
        {
          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                       _("line %u: steps are numbered from 1"), line);
          return FALSE;
        }

      limber_session_record_add_hurt (record, field_at (fields, COL_ITEM), step - 1);
    }
  else
    {
      const char *region_id = field_at (fields, COL_ITEM);
      int before, after;

      if (!parse_soreness (fields, COL_BEFORE, line, &before, error)
          || !parse_soreness (fields, COL_AFTER, line, &after, error))
        return FALSE;
      if (is_rated (record, region_id))
        {
          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                       _("line %u: the region “%s” is rated twice in one session"), line, region_id);
          return FALSE;
        }

      limber_session_record_set_before (record, region_id, before);
      limber_session_record_set_after (record, region_id, after);
    }

  return TRUE;
}

static guint
count_lines (const char *text,
             const char *end)
{
  guint line = 1;

  for (const char *p = text; p < end; p++)
    line += *p == '\n';

  return line;
}

static gboolean
parse_csv (const char  *text,
           gsize        length,
           Import      *import,
           GError     **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *invalid;
  gboolean header_seen = FALSE;
  Reader reader;
  ReadResult result;
  guint line;

  if (!g_utf8_validate (text, length, &invalid))
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV, _("line %u: the text is not UTF-8"),
                   count_lines (text, invalid));
      return FALSE;
    }

  reader.p = text;
  reader.end = text + length;
  reader.line = 1;
  if (length >= strlen (UTF8_BOM) && memcmp (text, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    reader.p += strlen (UTF8_BOM);

  while ((result = read_record (&reader, fields, &line, error)) == READ_RECORD)
    {
      /* A blank line, such as one left at the end by an editor. */
      if (fields->len == 1 && *field_at (fields, 0) == '\0')
        continue;

      if (!header_seen)
        {
          g_autofree char *joined = NULL;

          g_ptr_array_add (fields, NULL);
          joined = g_strjoinv (",", (GStrv)fields->pdata);
          if (!g_str_equal (joined, HEADER))
            {
              /* Translators: %s is the CSV file's header line, in English */
              g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                           _("line %u: the first line must be the header “%s”"), line, HEADER);
              return FALSE;
            }
          header_seen = TRUE;
          continue;
        }

      if (fields->len != N_COLUMNS)
        {
          g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                       ngettext ("line %u: %u field where there should be %u",
                                 "line %u: %u fields where there should be %u", fields->len),
                       line, fields->len, N_COLUMNS);
          return FALSE;
        }

      if (!import_row (import, fields, line, error))
        return FALSE;
    }

  if (result == READ_ERROR)
    return FALSE;

  if (!header_seen)
    {
      g_set_error (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_CSV,
                   _("line %u: the first line must be the header “%s”"), line, HEADER);
      return FALSE;
    }

  return TRUE;
}

/**
 * limber_history_import_csv:
 * @text: CSV as limber_history_export_csv() writes it; LF line ends and a
 *   UTF-8 byte order mark are accepted too
 * @n_sessions: (out) (optional): how many sessions were new
 *
 * Checks the whole text first: on the first problem nothing is imported
 * and the error (%LIMBER_HISTORY_ERROR_CSV) says "line N: " and what is
 * wrong. Then adds its sessions and favourites in one transaction, through
 * the writer, and waits for it. Sessions whose uuid is kept already are
 * skipped, so importing a file twice changes nothing.
 *
 * Returns: whether the text was imported.
 */
gboolean
limber_history_import_csv (LimberHistory  *self,
                           const char     *text,
                           gsize           length,
                           guint          *n_sessions,
                           GError        **error)
{
  g_auto(Import) import = { NULL };
  guint added = 0;

  g_return_val_if_fail (LIMBER_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!limber_history_get_writable (self))
    {
      g_set_error_literal (error, LIMBER_HISTORY_ERROR, LIMBER_HISTORY_ERROR_READ_ONLY,
                           _("This history cannot be changed."));
      return FALSE;
    }

  import.sessions = g_ptr_array_new_with_free_func ((GDestroyNotify)limber_session_record_unref);
  import.by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  import.favourites = g_ptr_array_new_with_free_func (g_free);
  import.favourite_set = g_hash_table_new (g_str_hash, g_str_equal);

  if (!parse_csv (text != NULL ? text : "", length, &import, error))
    return FALSE;

  g_ptr_array_add (import.favourites, NULL);
  if (!limber_history_add_all (self, import.sessions, (const char * const *)import.favourites->pdata, &added,
                               error))
    return FALSE;

  if (n_sessions != NULL)
    *n_sessions = added;

  return TRUE;
}
