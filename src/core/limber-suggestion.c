/* limber-suggestion.c
 *
 * The advice follows content.md's frequency guidance: deep work weekly for
 * many people, and rolling, stretching and mobility between sessions. It
 * counts muscle groups rather than regions, so a left calf in one session
 * and a right calf in the next are one sore calf. Soreness that stays high
 * is sent to a professional rather than to more massage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-suggestion"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-suggestion.h"

typedef struct
{
  const char *group;
  guint       n_sore;                /* sessions in which it was rated sore */
  guint       n_high;                /* sessions in which it was rated high */
  guint       n_rated;               /* sessions in which it was rated at all */
  int         worst_sum;
} GroupCount;

/* The group's worst before-rating in one session, or NOT_RATED. */
static int
worst_before (LimberCatalogue     *catalogue,
              LimberSessionRecord *session,
              const char          *group)
{
  int worst = LIMBER_SORENESS_NOT_RATED;

  for (guint i = 0; i < limber_session_record_get_n_ratings (session); i++)
    {
      int before, after;
      const char *region_id = limber_session_record_get_rating (session, i, &before, &after);
      LimberRegion *region = limber_catalogue_lookup_region (catalogue, region_id);

      if (region != NULL && g_strcmp0 (limber_region_get_group (region), group) == 0)
        worst = MAX (worst, before);
    }
  return worst;
}

static GArray *
count_groups (LimberCatalogue *catalogue,
              GPtrArray       *sessions,
              guint            n_sessions)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (GroupCount));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Groups in the order they were first rated, newest session first, so
   * that ties go to what the person worked on most recently. */
  for (guint s = 0; s < n_sessions; s++)
    {
      LimberSessionRecord *session = g_ptr_array_index (sessions, s);

      for (guint i = 0; i < limber_session_record_get_n_ratings (session); i++)
        {
          LimberRegion *region = limber_catalogue_lookup_region (catalogue,
                                                                 limber_session_record_get_rating (session, i, NULL, NULL));
          const char *group = region != NULL ? limber_region_get_group (region) : NULL;
          GroupCount count = { group, 0, 0, 0, 0 };

          if (group != NULL && g_hash_table_add (seen, (gpointer)group))
            g_array_append_val (counts, count);
        }
    }

  for (guint g = 0; g < counts->len; g++)
    {
      GroupCount *count = &g_array_index (counts, GroupCount, g);

      for (guint s = 0; s < n_sessions; s++)
        {
          int worst = worst_before (catalogue, g_ptr_array_index (sessions, s), count->group);

          if (worst == LIMBER_SORENESS_NOT_RATED)
            continue;
          count->n_rated++;
          count->worst_sum += worst;
          if (worst >= LIMBER_SUGGESTION_SORE)
            count->n_sore++;
          if (worst >= LIMBER_SUGGESTION_PERSISTENT)
            count->n_high++;
        }
    }
  return counts;
}

static double
mean_relief (GPtrArray *sessions,
             guint      n_sessions,
             guint     *n_pairs)
{
  int sum = 0;

  *n_pairs = 0;
  for (guint s = 0; s < n_sessions; s++)
    {
      LimberSessionRecord *session = g_ptr_array_index (sessions, s);

      for (guint i = 0; i < limber_session_record_get_n_ratings (session); i++)
        {
          int before, after;

          limber_session_record_get_rating (session, i, &before, &after);
          if (before != LIMBER_SORENESS_NOT_RATED && after != LIMBER_SORENESS_NOT_RATED)
            {
              sum += before - after;
              (*n_pairs)++;
            }
        }
    }
  return *n_pairs > 0 ? (double)sum / *n_pairs : 0;
}

/**
 * limber_suggestion_for_sessions:
 * @sessions: (element-type LimberSessionRecord): the newest sessions first,
 *   as limber_history_list_sessions() gives them
 * @now: Unix seconds
 *
 * In order of importance: a muscle group rated high in every one of at
 * least three recent sessions (see a professional); a group sore in at
 * least three of the last five (a weekly routine between sessions); a long
 * gap since the last session; how much lower soreness was after recent
 * sessions than before.
 *
 * Returns: (transfer full) (nullable): one translated sentence, or %NULL
 *   when there is nothing useful to say.
 */
char *
limber_suggestion_for_sessions (LimberCatalogue *catalogue,
                                GPtrArray       *sessions,
                                gint64           now)
{
  guint n = MIN (sessions->len, LIMBER_SUGGESTION_SESSIONS);
  g_autoptr(GArray) counts = NULL;
  const GroupCount *sorest = NULL, *highest = NULL;
  gint64 days;
  guint n_pairs;
  double relief;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (catalogue), NULL);

  if (n == 0)
    return NULL;

  counts = count_groups (catalogue, sessions, n);
  for (guint g = 0; g < counts->len; g++)
    {
      const GroupCount *count = &g_array_index (counts, GroupCount, g);

      if (count->n_rated >= 3 && count->n_high == count->n_rated
          && (highest == NULL || count->worst_sum > highest->worst_sum))
        highest = count;
      if (count->n_sore >= 3
          && (sorest == NULL || count->n_sore > sorest->n_sore
              || (count->n_sore == sorest->n_sore && count->worst_sum > sorest->worst_sum)))
        sorest = count;
    }

  if (highest != NULL)
    /* Translators: %1$s is a muscle group such as "Calf"; %2$u a number of
     * sessions, at least 3; %3$d the soreness, out of 10, it was rated at
     * or above each time (7) */
    return g_strdup_printf (ngettext ("%1$s: rated %3$d or more in each of the last %2$u session. "
                                      "Soreness that stays high needs a professional’s look, not more massage.",
                                      "%1$s: rated %3$d or more in each of the last %2$u sessions. "
                                      "Soreness that stays high needs a professional’s look, not more massage.",
                                      highest->n_rated),
                            limber_catalogue_get_group_name (catalogue, highest->group),
                            highest->n_rated, LIMBER_SUGGESTION_PERSISTENT);

  if (sorest != NULL)
    /* Translators: %1$s is a muscle group such as "Calf"; "4 of your last
     * 5 sessions" */
    return g_strdup_printf (ngettext ("%1$s: sore in %2$u of your last %3$u session. A short routine for this "
                                      "area once a week, with rolling or stretching in between, may help it ease.",
                                      "%1$s: sore in %2$u of your last %3$u sessions. A short routine for this "
                                      "area once a week, with rolling or stretching in between, may help it ease.",
                                      n),
                            limber_catalogue_get_group_name (catalogue, sorest->group), sorest->n_sore, n);

  days = (now - limber_session_record_get_started (g_ptr_array_index (sessions, 0))) / (24 * 60 * 60);
  if (days >= LIMBER_SUGGESTION_GAP_DAYS)
    return g_strdup_printf (ngettext ("Your last session was %u day ago. For many people a short routine about "
                                      "once a week keeps sore places easier.",
                                      "Your last session was %u days ago. For many people a short routine about "
                                      "once a week keeps sore places easier.",
                                      (gulong)days),
                            (guint)days);

  relief = mean_relief (sessions, n, &n_pairs);
  if (n_pairs >= 3 && relief >= 0.5)
    /* Translators: %.1f is a number of points on the 0 to 10 soreness scale */
    return g_strdup_printf (_("After your recent sessions, soreness was %.1f points lower on average than before."),
                            relief);

  return NULL;
}
