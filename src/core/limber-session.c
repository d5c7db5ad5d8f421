/* limber-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-session"

#include "config.h"

#include "limber-session.h"

static guint
find_step_index (LimberRoutine *routine,
                 LimberStep    *step)
{
  GListModel *steps = limber_routine_get_steps (routine);
  guint n = g_list_model_get_n_items (steps);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberStep) candidate = g_list_model_get_item (steps, i);

      if (candidate == step)
        return i;
    }
  return n;
}

/**
 * limber_session_from_player:
 * @started: when the session began, Unix seconds
 * @ended: when it finished or was stopped, Unix seconds
 *
 * Describes what @player played: each routine in the order played (a
 * routine played twice in a row counts once), how many of its steps were
 * done to the end, and the steps that hurt. Finished means played to the end.
 *
 * Returns: (transfer full): a record with no ratings yet.
 */
LimberSessionRecord *
limber_session_from_player (LimberPlayer *player,
                            gint64        started,
                            gint64        ended)
{
  LimberSessionRecord *record;
  guint n = limber_player_get_n_steps (player);
  LimberRoutine *current = NULL;
  guint done = 0, total = 0;
  gboolean finished;

  g_return_val_if_fail (LIMBER_IS_PLAYER (player), NULL);

  finished = limber_player_get_state (player) == LIMBER_PLAYER_STATE_FINISHED
             && !limber_player_get_stopped_early (player);
  record = limber_session_record_new (started, MAX (started, ended), finished);

  for (guint i = 0; i <= n; i++)
    {
      LimberRoutine *routine = i < n ? limber_player_get_routine (player, i) : NULL;
      LimberStepStatus status;

      if (routine != current)
        {
          if (current != NULL)
            limber_session_record_add_routine (record, limber_routine_get_id (current), done, total);
          current = routine;
          done = total = 0;
        }
      if (routine == NULL)
        break;

      status = limber_player_get_step_status (player, i);
      total++;
      if (status == LIMBER_STEP_STATUS_DONE)
        done++;
      else if (status == LIMBER_STEP_STATUS_HURT)
        limber_session_record_add_hurt (record, limber_routine_get_id (routine),
                                        find_step_index (routine, limber_player_get_step (player, i)));
    }

  return record;
}

/**
 * limber_session_worth_keeping:
 *
 * Returns: whether anything was played to its end or hurt: a routine
 *   opened and left at once is not a session.
 */
gboolean
limber_session_worth_keeping (LimberPlayer *player)
{
  guint n;

  g_return_val_if_fail (LIMBER_IS_PLAYER (player), FALSE);

  n = limber_player_get_n_steps (player);
  for (guint i = 0; i < n; i++)
    {
      LimberStepStatus status = limber_player_get_step_status (player, i);

      if (status == LIMBER_STEP_STATUS_DONE || status == LIMBER_STEP_STATUS_HURT)
        return TRUE;
    }
  return FALSE;
}
