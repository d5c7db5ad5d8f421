/* history-writer.c: records sessions until it is killed
 *
 *   history-writer PATH
 *
 * Prints "started" as soon as it runs, opens the history at PATH, then
 * records sessions in a loop and prints each session's uuid once its write
 * has been committed. test-history-kill kills it with SIGKILL at random
 * moments and checks that every uuid it printed was kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "core/limber-history.h"

static const char * const routines[] = { "calves.roll", "lower-back.ball", "neck.stretch", "quads.roll" };
static const char * const regions[] = {
  "back.calves.left", "back.calves.right", "back.lower-back.left", "back.lower-back.right",
  "front.neck", "front.quads.left", "front.quads.right", "back.shoulders.left",
};

/* One write, so that a line is never cut by the kill half-written except
 * at its end, which the reader drops. */
static void
print_line (const char *text)
{
  g_autofree char *line = g_strconcat (text, "\n", NULL);
  gsize length = strlen (line);
  const char *p = line;

  while (length > 0)
    {
      ssize_t written = write (STDOUT_FILENO, p, length);

      if (written <= 0)
        _exit (3);
      p += written;
      length -= written;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberHistory) history = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (argc != 2)
    {
      g_printerr ("usage: history-writer PATH\n");
      return 2;
    }

  print_line ("started");
  history = limber_history_open (argv[1]);
  if (limber_history_get_status (history) != LIMBER_HISTORY_STATUS_OK)
    {
      g_printerr ("history-writer: %s\n", limber_history_get_message (history));
      return 1;
    }

  for (guint i = 0;; i++)
    {
      g_autoptr(LimberSessionRecord) record = limber_session_record_new (now + i * 60, now + i * 60 + 45,
                                                                         i % 5 != 0);
      g_autofree char *uuid = g_strdup (limber_session_record_get_uuid (record));

      for (guint r = 0; r < 1 + i % 3; r++)
        limber_session_record_add_routine (record, routines[(i + r) % G_N_ELEMENTS (routines)], 3, 4);
      for (guint r = 0; r < 2 + i % 7; r++)
        {
          limber_session_record_set_before (record, regions[r], (i + r) % 11);
          if (r % 4 != 3)
            limber_session_record_set_after (record, regions[r], (i + 2 * r) % 11);
        }
      if (i % 9 == 0)
        limber_session_record_add_hurt (record, routines[i % G_N_ELEMENTS (routines)], 1);

      limber_history_add_session (history, record);
      if (i % 4 == 0)
        limber_history_rate_after (history, uuid, "front.neck", i % 11);
      if (i % 7 == 0)
        limber_history_set_favourite (history, routines[i % G_N_ELEMENTS (routines)], i % 14 == 0);
      limber_history_flush (history);

      print_line (uuid);
    }
}
