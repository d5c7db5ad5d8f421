/* limber-player.h: plays a list of steps against a clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-clock.h"
#include "limber-cue.h"
#include "limber-routine.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_PLAYER_STATE_STOPPED,       /* not started yet */
  LIMBER_PLAYER_STATE_GET_READY,
  LIMBER_PLAYER_STATE_RUNNING,
  LIMBER_PLAYER_STATE_SWITCH_SIDES,
  LIMBER_PLAYER_STATE_REST,
  LIMBER_PLAYER_STATE_PAUSED,
  LIMBER_PLAYER_STATE_FINISHED,
} LimberPlayerState;

typedef enum
{
  LIMBER_STEP_STATUS_PENDING,
  LIMBER_STEP_STATUS_DONE,           /* played to its end on every side */
  LIMBER_STEP_STATUS_SKIPPED,
  LIMBER_STEP_STATUS_HURT,           /* ended with "this hurts" */
} LimberStepStatus;

#define LIMBER_PLAYER_DEFAULT_GET_READY_SECONDS 3
#define LIMBER_PLAYER_MAX_GET_READY_SECONDS     30
#define LIMBER_PLAYER_EXTRA_SECONDS             15

#define LIMBER_TYPE_PLAYER (limber_player_get_type ())
G_DECLARE_FINAL_TYPE (LimberPlayer, limber_player, LIMBER, PLAYER, GObject)

LimberPlayer     *limber_player_new                   (LimberClock   *clock);
void              limber_player_add_routine           (LimberPlayer  *self,
                                                       LimberRoutine *routine);
void              limber_player_add_step              (LimberPlayer  *self,
                                                       LimberRoutine *routine,
                                                       LimberStep    *step);
void              limber_player_add_step_on_side      (LimberPlayer  *self,
                                                       LimberRoutine *routine,
                                                       LimberStep    *step,
                                                       LimberSide     only_side);
void              limber_player_set_get_ready_seconds (LimberPlayer  *self,
                                                       guint          seconds);

void              limber_player_start                 (LimberPlayer  *self);
void              limber_player_pause                 (LimberPlayer  *self);
void              limber_player_resume                (LimberPlayer  *self);
void              limber_player_next                  (LimberPlayer  *self);
void              limber_player_previous              (LimberPlayer  *self);
void              limber_player_restart_step          (LimberPlayer  *self);
void              limber_player_add_time              (LimberPlayer  *self,
                                                       guint          seconds);
void              limber_player_this_hurts            (LimberPlayer  *self);
void              limber_player_replace_routine       (LimberPlayer  *self,
                                                       LimberRoutine *routine);
void              limber_player_stop                  (LimberPlayer  *self);

LimberClock      *limber_player_get_clock             (LimberPlayer  *self);
LimberPlayerState limber_player_get_state             (LimberPlayer  *self);
LimberPlayerState limber_player_get_phase             (LimberPlayer  *self);
gboolean          limber_player_get_paused            (LimberPlayer  *self);
gboolean          limber_player_get_stopped_early     (LimberPlayer  *self);
guint             limber_player_get_n_steps           (LimberPlayer  *self);
guint             limber_player_get_index             (LimberPlayer  *self);
LimberStep       *limber_player_get_step              (LimberPlayer  *self,
                                                       guint          index);
LimberRoutine    *limber_player_get_routine           (LimberPlayer  *self,
                                                       guint          index);
LimberStepStatus  limber_player_get_step_status       (LimberPlayer  *self,
                                                       guint          index);
LimberSide        limber_player_get_side              (LimberPlayer  *self);
LimberSide        limber_player_get_next_side         (LimberPlayer  *self);
gint64            limber_player_get_remaining         (LimberPlayer  *self,
                                                       gint64        *duration);
gint64            limber_player_get_planned_time      (LimberPlayer  *self);
gint64            limber_player_get_position          (LimberPlayer  *self);
gint64            limber_player_get_active_time       (LimberPlayer  *self);
gint64            limber_player_get_finished_at       (LimberPlayer  *self);

const char       *limber_player_state_to_string       (LimberPlayerState state);

G_END_DECLS
