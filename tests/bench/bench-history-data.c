/* bench-history-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-history-data.h"

/**
 * bench_history_fill:
 * @routine_ids: the routines sessions pick from
 * @region_ids: the regions they rate
 *
 * One session a day for @n_days before @now, each written in its own
 * transaction as the application writes them: 1 to 3 routines, 2 to 8
 * regions rated before and most of them after, now and then a step that
 * hurt, one in ten stopped early.
 *
 * Returns: the number of ratings.
 */
guint
bench_history_fill (LimberHistory      *history,
                    GDateTime          *now,
                    guint               n_days,
                    GRand              *rand,
                    const char * const *routine_ids,
                    const char * const *region_ids)
{
  guint n_routine_ids = g_strv_length ((char **)routine_ids);
  guint n_region_ids = g_strv_length ((char **)region_ids);
  guint n_ratings = 0;

  for (guint day = n_days; day > 0; day--)
    {
      g_autoptr(GDateTime) morning = g_date_time_add_days (now, -(int)day);
      gint64 started = g_date_time_to_unix (morning) - 10 * 3600 + g_rand_int_range (rand, 0, 3600);
      g_autoptr(LimberSessionRecord) record = limber_session_record_new (started, started + 600 +
                                                                         g_rand_int_range (rand, 0, 1800),
                                                                         g_rand_int_range (rand, 0, 10) > 0);
      guint n_routines = g_rand_int_range (rand, 1, 4);
      guint n_rated = g_rand_int_range (rand, 2, 9);
      guint first_region = g_rand_int_range (rand, 0, n_region_ids);

      for (guint i = 0; i < n_routines; i++)
        {
          const char *id = routine_ids[g_rand_int_range (rand, 0, n_routine_ids)];
          guint total = g_rand_int_range (rand, 2, 7);

          limber_session_record_add_routine (record, id, total - g_rand_int_range (rand, 0, 2), total);
          if (g_rand_int_range (rand, 0, 20) == 0)
            limber_session_record_add_hurt (record, id, 1);
        }
      for (guint i = 0; i < n_rated; i++)
        {
          const char *region = region_ids[(first_region + i * 7) % n_region_ids];
          int before = g_rand_int_range (rand, 2, 9);

          limber_session_record_set_before (record, region, before);
          if (g_rand_int_range (rand, 0, 5) > 0)
            limber_session_record_set_after (record, region, MAX (0, before - g_rand_int_range (rand, 0, 3)));
        }
      n_ratings += n_rated;
      limber_history_add_session (history, record);
    }
  limber_history_flush (history);

  return n_ratings;
}
