/* limber-player.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-player"

#include "config.h"

#include "limber-player.h"

/* Steps shorter than this get no half-time cue: it would crowd the countdown. */
#define HALF_TIME_MIN_SECONDS 20
#define RUNNING_COUNTDOWN     5
#define PAUSE_COUNTDOWN       3

typedef struct
{
  LimberRoutine    *routine;
  LimberStep       *step;
  LimberStepStatus  status;
  LimberSide        only_side;          /* a plan may keep a two-sided step to one side */
} Item;

typedef struct
{
  gint64    offset;       /* from the start of the phase */
  LimberCue cue;
} Announcement;

struct _LimberPlayer
{
  GObject            parent_instance;

  LimberClock       *clock;
  GArray            *items;             /* Item */
  guint              get_ready_seconds;

  /* Where the player is: a phase of one pass (side) of one item. Time comes
   * from the clock's now against phase_start, never from counting ticks;
   * each phase starts where the last one was due to end, so late wake-ups
   * do not add up. A pause moves phase_start on by the time paused. */
  LimberPlayerState  phase;
  gboolean           paused;
  gboolean           stopped_early;
  guint              index;
  guint              pass;
  gint64             phase_start;
  gint64             phase_duration;
  gint64             paused_at;
  GArray            *announcements;     /* Announcement, by offset */
  guint              next_announcement;
  guint              alarm_id;
  gint64             alarm_deadline;

  gint64             started_at;
  gint64             finished_at;
  gint64             active_time;
};

G_DEFINE_FINAL_TYPE (LimberPlayer, limber_player, G_TYPE_OBJECT)

enum {
  CHANGED,
  CUE,
  HURT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void advance (LimberPlayer *self,
                     gint64        now);

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->routine);
  g_clear_object (&item->step);
}

static Item *
get_item (LimberPlayer *self,
          guint         index)
{
  return &g_array_index (self->items, Item, index);
}

static gboolean
is_timed (LimberPlayerState phase)
{
  return phase == LIMBER_PLAYER_STATE_GET_READY || phase == LIMBER_PLAYER_STATE_RUNNING
         || phase == LIMBER_PLAYER_STATE_SWITCH_SIDES || phase == LIMBER_PLAYER_STATE_REST;
}

static LimberSide
opposite_side (LimberSide side)
{
  if (side == LIMBER_SIDE_LEFT)
    return LIMBER_SIDE_RIGHT;
  if (side == LIMBER_SIDE_RIGHT)
    return LIMBER_SIDE_LEFT;
  return side;
}

/* Whether the item's step is played a second time, on the other side. */
static gboolean
item_repeats (const Item *item)
{
  return limber_step_get_other_side (item->step) && item->only_side == LIMBER_SIDE_NONE;
}

static LimberSide
side_of_pass (const Item *item,
              guint       pass)
{
  LimberSide side = limber_step_get_side (item->step);

  if (limber_step_get_other_side (item->step) && item->only_side != LIMBER_SIDE_NONE)
    return item->only_side;

  return pass == 0 ? side : opposite_side (side);
}

static gint64
seconds (guint s)
{
  return (gint64)s * G_USEC_PER_SEC;
}

/* The time an item takes when played through, as the routine page counts it. */
static gint64
item_time (LimberPlayer *self,
           guint         index)
{
  Item *item = get_item (self, index);
  LimberStep *step = item->step;
  guint total = limber_step_get_total_seconds_on (step, item->only_side);

  if (index + 1 == self->items->len)
    total -= limber_step_get_rest (step);

  return seconds (total);
}

static gint64
get_now (LimberPlayer *self)
{
  return self->paused ? self->paused_at : limber_clock_get_now (self->clock);
}

static gint64
get_elapsed (LimberPlayer *self)
{
  return CLAMP (get_now (self) - self->phase_start, 0, self->phase_duration);
}

static void
remove_alarm (LimberPlayer *self)
{
  if (self->alarm_id != 0)
    limber_clock_remove_alarm (self->clock, self->alarm_id);
  self->alarm_id = 0;
}

static void
alarm_rang_cb (gpointer user_data)
{
  LimberPlayer *self = user_data;

  self->alarm_id = 0;
  /* A real clock may wake us a hair early or late; what was due is due. */
  advance (self, MAX (limber_clock_get_now (self->clock), self->alarm_deadline));
}

/* One alarm at a time: the next announcement or the end of the phase,
 * whichever comes first. Nothing is scheduled while paused or stopped. */
static void
schedule (LimberPlayer *self)
{
  gint64 deadline;

  remove_alarm (self);
  if (self->paused || !is_timed (self->phase))
    return;

  deadline = self->phase_start + self->phase_duration;
  if (self->next_announcement < self->announcements->len)
    deadline = MIN (deadline, self->phase_start
                              + g_array_index (self->announcements, Announcement, self->next_announcement).offset);

  self->alarm_deadline = deadline;
  self->alarm_id = limber_clock_add_alarm (self->clock, deadline, alarm_rang_cb, self);
}

static void
announce_at (LimberPlayer  *self,
             gint64         offset,
             LimberCueKind  kind,
             guint          value,
             LimberSide     side,
             const char    *text)
{
  Announcement announcement = { offset, { kind, value, side, text } };

  g_array_append_val (self->announcements, announcement);
}

static int
compare_announcements (gconstpointer a,
                       gconstpointer b)
{
  const Announcement *first = a, *second = b;

  return first->offset < second->offset ? -1 : first->offset > second->offset;
}

static void
announce_countdown (LimberPlayer *self,
                    guint         from)
{
  for (guint left = from; left >= 1; left--)
    if (self->phase_duration > seconds (left))
      announce_at (self, self->phase_duration - seconds (left), LIMBER_CUE_COUNTDOWN, left, LIMBER_SIDE_NONE, NULL);
}

/* What the phase announces and when. Rebuilt when the phase gets longer;
 * announcements already made are not repeated. */
static void
plan_announcements (LimberPlayer *self,
                    gint64        already_made)
{
  Item *item = get_item (self, self->index);
  LimberStep *step = item->step;
  guint active = limber_step_get_active_seconds (step);
  gboolean half_time_written = FALSE;

  g_array_set_size (self->announcements, 0);
  self->next_announcement = 0;

  switch (self->phase)
    {
    case LIMBER_PLAYER_STATE_GET_READY:
      announce_at (self, 0, LIMBER_CUE_GET_READY, self->get_ready_seconds, side_of_pass (item, self->pass), NULL);
      announce_countdown (self, PAUSE_COUNTDOWN);
      break;

    case LIMBER_PLAYER_STATE_RUNNING:
      announce_at (self, 0, LIMBER_CUE_STEP_START, active, side_of_pass (item, self->pass),
                   limber_step_get_instruction (step));
      for (guint i = 0; i < limber_step_get_n_cues (step); i++)
        {
          guint at;
          const char *text = limber_step_get_cue (step, i, &at);

          half_time_written |= at == active / 2;
          announce_at (self, seconds (at), LIMBER_CUE_STEP_CUE, at, LIMBER_SIDE_NONE, text);
        }
      if (!half_time_written && active >= HALF_TIME_MIN_SECONDS)
        announce_at (self, seconds (active) / 2, LIMBER_CUE_HALF_TIME, active / 2, LIMBER_SIDE_NONE, NULL);
      announce_countdown (self, RUNNING_COUNTDOWN);
      break;

    case LIMBER_PLAYER_STATE_SWITCH_SIDES:
      announce_at (self, 0, LIMBER_CUE_SWITCH_SIDES, limber_step_get_switch_seconds (step),
                   side_of_pass (item, 1), NULL);
      announce_countdown (self, PAUSE_COUNTDOWN);
      break;

    case LIMBER_PLAYER_STATE_REST:
      announce_at (self, 0, LIMBER_CUE_REST, limber_step_get_rest (step), LIMBER_SIDE_NONE, NULL);
      announce_countdown (self, PAUSE_COUNTDOWN);
      break;

    case LIMBER_PLAYER_STATE_STOPPED:
    case LIMBER_PLAYER_STATE_PAUSED:
    case LIMBER_PLAYER_STATE_FINISHED:
    default:
      g_assert_not_reached ();
    }

  g_array_sort (self->announcements, compare_announcements);
  while (self->next_announcement < self->announcements->len
         && g_array_index (self->announcements, Announcement, self->next_announcement).offset < already_made)
    self->next_announcement++;
}

static gint64
phase_length (LimberPlayer      *self,
              LimberPlayerState  phase)
{
  LimberStep *step = get_item (self, self->index)->step;

  switch (phase)
    {
    case LIMBER_PLAYER_STATE_GET_READY:
      return seconds (self->get_ready_seconds);
    case LIMBER_PLAYER_STATE_RUNNING:
      return seconds (limber_step_get_active_seconds (step));
    case LIMBER_PLAYER_STATE_SWITCH_SIDES:
      return seconds (limber_step_get_switch_seconds (step));
    case LIMBER_PLAYER_STATE_REST:
      return seconds (limber_step_get_rest (step));
    case LIMBER_PLAYER_STATE_STOPPED:
    case LIMBER_PLAYER_STATE_PAUSED:
    case LIMBER_PLAYER_STATE_FINISHED:
    default:
      g_assert_not_reached ();
    }
}

static void
enter_phase (LimberPlayer      *self,
             LimberPlayerState  phase,
             gint64             start)
{
  self->phase = phase;
  self->phase_start = start;
  self->phase_duration = phase_length (self, phase);
  if (self->paused)
    self->paused_at = start;
  plan_announcements (self, -1);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
finish (LimberPlayer *self,
        gint64        end,
        gboolean      early)
{
  self->phase = LIMBER_PLAYER_STATE_FINISHED;
  self->paused = FALSE;
  self->stopped_early = early;
  self->finished_at = end;
  g_array_set_size (self->announcements, 0);
  self->next_announcement = 0;
  remove_alarm (self);

  g_signal_emit (self, signals[CHANGED], 0);
  if (!early)
    {
      LimberCue done = { LIMBER_CUE_DONE, 0, LIMBER_SIDE_NONE, NULL };

      g_signal_emit (self, signals[CUE], 0, &done);
    }
}

/* Starts item @index on its first side, after a moment to get into position
 * when @get_ready (at the start, and after any jump). */
static void
begin_item (LimberPlayer *self,
            guint         index,
            gboolean      get_ready,
            gint64        start)
{
  self->index = index;
  self->pass = 0;
  get_item (self, index)->status = LIMBER_STEP_STATUS_PENDING;

  if (get_ready && self->get_ready_seconds > 0)
    enter_phase (self, LIMBER_PLAYER_STATE_GET_READY, start);
  else
    enter_phase (self, LIMBER_PLAYER_STATE_RUNNING, start);
}

/* Counts the time spent on the current pass so far when leaving it early. */
static void
leave_early (LimberPlayer     *self,
             LimberStepStatus  status)
{
  Item *item = get_item (self, self->index);

  if (self->phase == LIMBER_PLAYER_STATE_RUNNING)
    self->active_time += get_elapsed (self);
  if (self->phase != LIMBER_PLAYER_STATE_REST && item->status == LIMBER_STEP_STATUS_PENDING)
    item->status = status;
}

/* The phase that was due to end at @end has ended: the next one starts
 * exactly then. */
static void
end_phase (LimberPlayer *self,
           gint64        end)
{
  Item *item = get_item (self, self->index);
  gboolean last = self->index + 1 == self->items->len;

  switch (self->phase)
    {
    case LIMBER_PLAYER_STATE_GET_READY:
      enter_phase (self, LIMBER_PLAYER_STATE_RUNNING, end);
      break;

    case LIMBER_PLAYER_STATE_RUNNING:
      self->active_time += self->phase_duration;
      if (item_repeats (item) && self->pass == 0)
        {
          enter_phase (self, LIMBER_PLAYER_STATE_SWITCH_SIDES, end);
          break;
        }
      item->status = LIMBER_STEP_STATUS_DONE;
      if (last)
        finish (self, end, FALSE);
      else if (limber_step_get_rest (item->step) > 0)
        enter_phase (self, LIMBER_PLAYER_STATE_REST, end);
      else
        begin_item (self, self->index + 1, FALSE, end);
      break;

    case LIMBER_PLAYER_STATE_SWITCH_SIDES:
      self->pass = 1;
      enter_phase (self, LIMBER_PLAYER_STATE_RUNNING, end);
      break;

    case LIMBER_PLAYER_STATE_REST:
      begin_item (self, self->index + 1, FALSE, end);
      break;

    case LIMBER_PLAYER_STATE_STOPPED:
    case LIMBER_PLAYER_STATE_PAUSED:
    case LIMBER_PLAYER_STATE_FINISHED:
    default:
      g_assert_not_reached ();
    }
}

/* Makes every announcement and phase change due by @now, in order. A signal
 * handler may pause or jump; the loop reads the state afresh each time. */
static void
advance (LimberPlayer *self,
         gint64        now)
{
  g_object_ref (self);

  while (!self->paused && is_timed (self->phase))
    {
      if (self->next_announcement < self->announcements->len)
        {
          Announcement *announcement = &g_array_index (self->announcements, Announcement, self->next_announcement);

          if (self->phase_start + announcement->offset <= now)
            {
              LimberCue cue = announcement->cue;

              self->next_announcement++;
              g_signal_emit (self, signals[CUE], 0, &cue);
              continue;
            }
        }

      if (self->phase_start + self->phase_duration <= now)
        {
          end_phase (self, self->phase_start + self->phase_duration);
          continue;
        }

      break;
    }

  schedule (self);
  g_object_unref (self);
}

static void
limber_player_dispose (GObject *object)
{
  LimberPlayer *self = (LimberPlayer *)object;

  if (self->clock != NULL)
    remove_alarm (self);
  g_clear_object (&self->clock);
  g_array_set_size (self->items, 0);

  G_OBJECT_CLASS (limber_player_parent_class)->dispose (object);
}

static void
limber_player_finalize (GObject *object)
{
  LimberPlayer *self = (LimberPlayer *)object;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->announcements, g_array_unref);

  G_OBJECT_CLASS (limber_player_parent_class)->finalize (object);
}

static void
limber_player_class_init (LimberPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_player_dispose;
  object_class->finalize = limber_player_finalize;

  /**
   * LimberPlayer::changed:
   *
   * The state, the step, the side or the time left changed other than by
   * the passing of time.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LimberPlayer::cue:
   * @cue: (type gpointer): the #LimberCue, valid during the emission
   *
   * Something to announce, emitted at its exact time on the player's clock.
   */
  signals[CUE] = g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * LimberPlayer::hurt:
   *
   * The person said a step hurt; the player has moved on to the next step,
   * paused.
   */
  signals[HURT] = g_signal_new ("hurt", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, LIMBER_TYPE_ROUTINE, LIMBER_TYPE_STEP);
}

static void
limber_player_init (LimberPlayer *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, clear_item);
  self->announcements = g_array_new (FALSE, FALSE, sizeof (Announcement));
  self->get_ready_seconds = LIMBER_PLAYER_DEFAULT_GET_READY_SECONDS;
  self->phase = LIMBER_PLAYER_STATE_STOPPED;
}

/**
 * limber_player_new:
 *
 * Returns: (transfer full): a player with nothing to play yet.
 */
LimberPlayer *
limber_player_new (LimberClock *clock)
{
  LimberPlayer *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_PLAYER, NULL);
  self->clock = g_object_ref (clock);

  return self;
}

/**
 * limber_player_add_step:
 *
 * Appends @step of @routine. Only before the player starts.
 */
void
limber_player_add_step (LimberPlayer  *self,
                        LimberRoutine *routine,
                        LimberStep    *step)
{
  limber_player_add_step_on_side (self, routine, step, LIMBER_SIDE_NONE);
}

/**
 * limber_player_add_step_on_side:
 * @only_side: %LIMBER_SIDE_LEFT or %LIMBER_SIDE_RIGHT to play a step that
 *   repeats on the other side on that side alone (a planned session does
 *   this to keep off an injured side, or to work only the sore one);
 *   %LIMBER_SIDE_NONE to play it as written. Steps done once ignore it.
 *
 * Appends @step of @routine. Only before the player starts.
 */
void
limber_player_add_step_on_side (LimberPlayer  *self,
                                LimberRoutine *routine,
                                LimberStep    *step,
                                LimberSide     only_side)
{
  Item item = { NULL, NULL, LIMBER_STEP_STATUS_PENDING, LIMBER_SIDE_NONE };

  g_return_if_fail (LIMBER_IS_PLAYER (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));
  g_return_if_fail (LIMBER_IS_STEP (step));
  g_return_if_fail (only_side == LIMBER_SIDE_NONE || only_side == LIMBER_SIDE_LEFT || only_side == LIMBER_SIDE_RIGHT);
  g_return_if_fail (self->phase == LIMBER_PLAYER_STATE_STOPPED);

  item.routine = g_object_ref (routine);
  item.step = g_object_ref (step);
  item.only_side = limber_step_get_other_side (step) ? only_side : LIMBER_SIDE_NONE;
  g_array_append_val (self->items, item);
}

/**
 * limber_player_add_routine:
 *
 * Appends every step of @routine.
 */
void
limber_player_add_routine (LimberPlayer  *self,
                           LimberRoutine *routine)
{
  GListModel *steps;

  g_return_if_fail (LIMBER_IS_PLAYER (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  steps = limber_routine_get_steps (routine);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);

      limber_player_add_step (self, routine, step);
    }
}

/**
 * limber_player_set_get_ready_seconds:
 *
 * How long to get into position before the first step and after a jump;
 * 0 starts at once.
 */
void
limber_player_set_get_ready_seconds (LimberPlayer *self,
                                     guint         seconds_)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));
  self->get_ready_seconds = MIN (seconds_, LIMBER_PLAYER_MAX_GET_READY_SECONDS);
}

/**
 * limber_player_start:
 *
 * Starts the first step after the get-ready time.
 */
void
limber_player_start (LimberPlayer *self)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));
  g_return_if_fail (self->phase == LIMBER_PLAYER_STATE_STOPPED);
  g_return_if_fail (self->items->len > 0);

  now = limber_clock_get_now (self->clock);
  self->started_at = now;
  begin_item (self, 0, TRUE, now);
  advance (self, now);
}

void
limber_player_pause (LimberPlayer *self)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (self->paused || !is_timed (self->phase))
    return;

  /* Whatever fell due before the press happened before it. */
  now = limber_clock_get_now (self->clock);
  advance (self, now);
  if (self->paused || !is_timed (self->phase))
    return;

  self->paused = TRUE;
  self->paused_at = now;
  remove_alarm (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
limber_player_resume (LimberPlayer *self)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!self->paused)
    return;

  now = limber_clock_get_now (self->clock);
  self->phase_start += now - self->paused_at;
  self->paused = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  advance (self, now);
}

/* Leaves the current item for @index after a get-ready, keeping a pause. */
static void
jump (LimberPlayer     *self,
      guint             index,
      LimberStepStatus  status)
{
  gint64 now = limber_clock_get_now (self->clock);

  leave_early (self, status);
  begin_item (self, index, TRUE, now);
  advance (self, now);
}

/**
 * limber_player_next:
 *
 * Skips to the next step, or ends a rest at once. After the last step the
 * session is finished.
 */
void
limber_player_next (LimberPlayer *self)
{
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_timed (self->phase))
    return;

  now = limber_clock_get_now (self->clock);
  if (self->phase == LIMBER_PLAYER_STATE_REST)
    {
      /* The step before the rest is done; the person is ready for the next. */
      begin_item (self, self->index + 1, FALSE, now);
      advance (self, now);
    }
  else if (self->index + 1 < self->items->len)
    jump (self, self->index + 1, LIMBER_STEP_STATUS_SKIPPED);
  else
    {
      leave_early (self, LIMBER_STEP_STATUS_SKIPPED);
      finish (self, now, FALSE);
    }
}

/**
 * limber_player_previous:
 *
 * Goes back to the step before (during a rest, to the step just done), or
 * to the start of the first step.
 */
void
limber_player_previous (LimberPlayer *self)
{
  guint target;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_timed (self->phase))
    return;

  if (self->phase == LIMBER_PLAYER_STATE_REST)
    target = self->index;
  else
    target = self->index > 0 ? self->index - 1 : 0;

  jump (self, target, LIMBER_STEP_STATUS_PENDING);
}

/**
 * limber_player_restart_step:
 *
 * Starts the current step again from its first side.
 */
void
limber_player_restart_step (LimberPlayer *self)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_timed (self->phase) || self->phase == LIMBER_PLAYER_STATE_REST)
    return;

  jump (self, self->index, LIMBER_STEP_STATUS_PENDING);
}

/**
 * limber_player_add_time:
 *
 * Makes the current phase (a step, a rest, a pause to switch sides)
 * @seconds longer.
 */
void
limber_player_add_time (LimberPlayer *self,
                        guint         seconds_)
{
  gint64 elapsed;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_timed (self->phase))
    return;

  elapsed = get_now (self) - self->phase_start;
  self->phase_duration += seconds (seconds_);
  plan_announcements (self, elapsed + 1);
  g_signal_emit (self, signals[CHANGED], 0);
  schedule (self);
}

/**
 * limber_player_this_hurts:
 *
 * Ends the current step at once and records that it hurt. The player moves
 * to the next step, paused, and emits #LimberPlayer::hurt so the person can
 * choose what to do next; after the last step it finishes.
 */
void
limber_player_this_hurts (LimberPlayer *self)
{
  g_autoptr(LimberRoutine) routine = NULL;
  g_autoptr(LimberStep) step = NULL;
  Item *item;
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_timed (self->phase))
    return;

  now = limber_clock_get_now (self->clock);
  item = get_item (self, self->index);
  routine = g_object_ref (item->routine);
  step = g_object_ref (item->step);

  leave_early (self, LIMBER_STEP_STATUS_HURT);
  item->status = LIMBER_STEP_STATUS_HURT;

  if (self->index + 1 < self->items->len)
    {
      self->paused = TRUE;
      begin_item (self, self->index + 1, TRUE, now);
      remove_alarm (self);
    }
  else
    finish (self, now, FALSE);

  g_signal_emit (self, signals[HURT], 0, routine, step);
}

/**
 * limber_player_replace_routine:
 *
 * Plays @routine in place of what is left of the current step's routine:
 * for "this hurts", when a gentler routine for the same muscles is chosen.
 */
void
limber_player_replace_routine (LimberPlayer  *self,
                               LimberRoutine *routine)
{
  LimberRoutine *current;
  LimberSide only_side;
  GListModel *steps;
  guint end, n_steps;
  gint64 now;

  g_return_if_fail (LIMBER_IS_PLAYER (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  steps = limber_routine_get_steps (routine);
  n_steps = g_list_model_get_n_items (steps);
  if (!is_timed (self->phase) || n_steps == 0)
    return;

  leave_early (self, LIMBER_STEP_STATUS_SKIPPED);

  current = get_item (self, self->index)->routine;
  only_side = get_item (self, self->index)->only_side;
  for (end = self->index; end < self->items->len && get_item (self, end)->routine == current; end++)
    ;
  g_array_remove_range (self->items, self->index, end - self->index);

  for (guint i = 0; i < n_steps; i++)
    {
      Item item = { g_object_ref (routine), g_list_model_get_item (steps, i), LIMBER_STEP_STATUS_PENDING, only_side };

      g_array_insert_val (self->items, self->index + i, item);
    }

  now = limber_clock_get_now (self->clock);
  begin_item (self, self->index, TRUE, now);
  advance (self, now);
}

/**
 * limber_player_stop:
 *
 * Ends the session early, as when the person leaves the player.
 */
void
limber_player_stop (LimberPlayer *self)
{
  g_return_if_fail (LIMBER_IS_PLAYER (self));

  if (!is_timed (self->phase))
    return;

  leave_early (self, LIMBER_STEP_STATUS_SKIPPED);
  finish (self, get_now (self), TRUE);
}

LimberClock *
limber_player_get_clock (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  return self->clock;
}

/**
 * limber_player_get_state:
 *
 * Returns: the phase, or %LIMBER_PLAYER_STATE_PAUSED while paused.
 */
LimberPlayerState
limber_player_get_state (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), LIMBER_PLAYER_STATE_STOPPED);
  return self->paused ? LIMBER_PLAYER_STATE_PAUSED : self->phase;
}

/**
 * limber_player_get_phase:
 *
 * Returns: the phase, paused or not.
 */
LimberPlayerState
limber_player_get_phase (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), LIMBER_PLAYER_STATE_STOPPED);
  return self->phase;
}

gboolean
limber_player_get_paused (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), FALSE);
  return self->paused;
}

gboolean
limber_player_get_stopped_early (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), FALSE);
  return self->stopped_early;
}

guint
limber_player_get_n_steps (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);
  return self->items->len;
}

/**
 * limber_player_get_index:
 *
 * Returns: the step being played; during a rest, the step just done.
 */
guint
limber_player_get_index (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);
  return self->index;
}

LimberStep *
limber_player_get_step (LimberPlayer *self,
                        guint         index)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return get_item (self, index)->step;
}

LimberRoutine *
limber_player_get_routine (LimberPlayer *self,
                           guint         index)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return get_item (self, index)->routine;
}

LimberStepStatus
limber_player_get_step_status (LimberPlayer *self,
                               guint         index)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), LIMBER_STEP_STATUS_PENDING);
  g_return_val_if_fail (index < self->items->len, LIMBER_STEP_STATUS_PENDING);
  return get_item (self, index)->status;
}

/**
 * limber_player_get_side:
 *
 * Returns: the side being worked, or about to be (getting ready, switching
 * sides); %LIMBER_SIDE_NONE during a rest.
 */
LimberSide
limber_player_get_side (LimberPlayer *self)
{
  Item *item;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), LIMBER_SIDE_NONE);

  if (!is_timed (self->phase) || self->phase == LIMBER_PLAYER_STATE_REST)
    return LIMBER_SIDE_NONE;

  item = get_item (self, self->index);
  if (self->phase == LIMBER_PLAYER_STATE_SWITCH_SIDES)
    return side_of_pass (item, 1);

  return side_of_pass (item, self->pass);
}

/**
 * limber_player_get_next_side:
 *
 * Returns: while the first side of a two-sided step plays, the side that
 * follows; otherwise %LIMBER_SIDE_NONE.
 */
LimberSide
limber_player_get_next_side (LimberPlayer *self)
{
  Item *item;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), LIMBER_SIDE_NONE);

  if (self->phase != LIMBER_PLAYER_STATE_GET_READY && self->phase != LIMBER_PLAYER_STATE_RUNNING)
    return LIMBER_SIDE_NONE;

  item = get_item (self, self->index);
  if (!item_repeats (item) || self->pass == 1)
    return LIMBER_SIDE_NONE;

  return side_of_pass (item, 1);
}

/**
 * limber_player_get_remaining:
 * @duration: (out) (optional): the length of the current phase
 *
 * Returns: microseconds left in the current phase, from the clock's now.
 */
gint64
limber_player_get_remaining (LimberPlayer *self,
                             gint64       *duration)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  if (!is_timed (self->phase))
    {
      if (duration != NULL)
        *duration = 0;
      return 0;
    }

  if (duration != NULL)
    *duration = self->phase_duration;

  return self->phase_duration - get_elapsed (self);
}

/**
 * limber_player_get_planned_time:
 *
 * Returns: how long the steps take when played through, in microseconds,
 *   without the get-ready time, extra time or pauses.
 */
gint64
limber_player_get_planned_time (LimberPlayer *self)
{
  gint64 total = 0;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    total += item_time (self, i);

  return total;
}

/**
 * limber_player_get_position:
 *
 * Returns: how far through the planned time the player is, for a progress
 *   bar: the planned time of the steps before plus the time into this one.
 */
gint64
limber_player_get_position (LimberPlayer *self)
{
  LimberStep *step;
  gint64 position = 0, active, into;

  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  if (self->phase == LIMBER_PLAYER_STATE_FINISHED)
    return limber_player_get_planned_time (self);
  if (!is_timed (self->phase))
    return 0;

  for (guint i = 0; i < self->index; i++)
    position += item_time (self, i);

  step = get_item (self, self->index)->step;
  active = seconds (limber_step_get_active_seconds (step));
  into = MIN (get_elapsed (self), phase_length (self, self->phase));

  switch (self->phase)
    {
    case LIMBER_PLAYER_STATE_RUNNING:
      into += self->pass == 0 ? 0 : active + seconds (limber_step_get_switch_seconds (step));
      break;
    case LIMBER_PLAYER_STATE_SWITCH_SIDES:
      into += active;
      break;
    case LIMBER_PLAYER_STATE_REST:
      into += item_time (self, self->index) - seconds (limber_step_get_rest (step));
      break;
    case LIMBER_PLAYER_STATE_GET_READY:
      into = 0;
      break;
    case LIMBER_PLAYER_STATE_STOPPED:
    case LIMBER_PLAYER_STATE_PAUSED:
    case LIMBER_PLAYER_STATE_FINISHED:
    default:
      g_assert_not_reached ();
    }

  return position + into;
}

/**
 * limber_player_get_active_time:
 *
 * Returns: microseconds spent in steps (not getting ready, switching sides,
 *   resting or paused) so far.
 */
gint64
limber_player_get_active_time (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);

  if (self->phase == LIMBER_PLAYER_STATE_RUNNING)
    return self->active_time + get_elapsed (self);

  return self->active_time;
}

/**
 * limber_player_get_finished_at:
 *
 * Returns: the clock's time at which the session ended, or 0 before.
 */
gint64
limber_player_get_finished_at (LimberPlayer *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER (self), 0);
  return self->phase == LIMBER_PLAYER_STATE_FINISHED ? self->finished_at : 0;
}

const char *
limber_player_state_to_string (LimberPlayerState state)
{
  static const char * const names[] = {
    "stopped", "get-ready", "running", "switch-sides", "rest", "paused", "finished",
  };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), NULL);
  return names[state];
}
