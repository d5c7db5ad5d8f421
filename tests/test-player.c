/* test-player.c: the player's states, cues and timing on a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-fake-clock.h"
#include "core/limber-player.h"
#include "core/limber-real-clock.h"
#include "core/limber-routine-private.h"
#include "core/limber-step-private.h"

#define S(n) ((gint64)(n) * G_USEC_PER_SEC)

typedef struct
{
  gint64         at;
  LimberCueKind  kind;
  guint          value;
  LimberSide     side;
  char          *text;
} Heard;

typedef struct
{
  gint64             at;
  LimberPlayerState  state;
  guint              index;
  LimberSide         side;
} Seen;

typedef struct
{
  LimberClock   *clock;
  LimberPlayer  *player;
  GArray        *heard;     /* Heard */
  GArray        *seen;      /* Seen */
  gint64         start;
  guint          n_hurt;
  LimberStep    *hurt_step;
} Fixture;

static LimberStep *
make_step (guint       secs,
           LimberSide  side,
           gboolean    other_side,
           guint       rest,
           const char *instruction)
{
  LimberStep *step = limber_step_new ();

  step->seconds = secs;
  step->side = side;
  step->other_side = other_side;
  step->rest = rest;
  step->instruction = limber_text_new (instruction);

  return step;
}

static LimberRoutine *
make_routine (const char *id,
              ...)
{
  LimberRoutine *routine = limber_routine_new (id, NULL);
  va_list args;
  LimberStep *step;

  va_start (args, id);
  while ((step = va_arg (args, LimberStep *)) != NULL)
    {
      limber_routine_add_step (routine, step);
      g_object_unref (step);
    }
  va_end (args);

  return routine;
}

static void
clear_heard (gpointer data)
{
  g_free (((Heard *)data)->text);
}

static void
on_cue_cb (LimberPlayer    *player,
           const LimberCue *cue,
           Fixture         *fixture)
{
  Heard heard = { limber_clock_get_now (fixture->clock) - fixture->start, cue->kind, cue->seconds,
                  cue->side, g_strdup (cue->text) };

  g_array_append_val (fixture->heard, heard);
}

static void
on_changed_cb (LimberPlayer *player,
               Fixture      *fixture)
{
  Seen seen = { limber_clock_get_now (fixture->clock) - fixture->start, limber_player_get_state (player),
                limber_player_get_index (player), limber_player_get_side (player) };
  Seen *last = fixture->seen->len > 0 ? &g_array_index (fixture->seen, Seen, fixture->seen->len - 1) : NULL;

  /* Pauses and extra time also say "changed"; keep only new places. */
  if (last == NULL || last->state != seen.state || last->index != seen.index || last->side != seen.side)
    g_array_append_val (fixture->seen, seen);
}

static void
on_hurt_cb (LimberPlayer  *player,
            LimberRoutine *routine,
            LimberStep    *step,
            Fixture       *fixture)
{
  fixture->n_hurt++;
  fixture->hurt_step = step;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->clock = limber_fake_clock_new ();
  fixture->player = limber_player_new (fixture->clock);
  fixture->heard = g_array_new (FALSE, FALSE, sizeof (Heard));
  g_array_set_clear_func (fixture->heard, clear_heard);
  fixture->seen = g_array_new (FALSE, FALSE, sizeof (Seen));
  g_signal_connect (fixture->player, "cue", G_CALLBACK (on_cue_cb), fixture);
  g_signal_connect (fixture->player, "changed", G_CALLBACK (on_changed_cb), fixture);
  g_signal_connect (fixture->player, "hurt", G_CALLBACK (on_hurt_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->player);
  g_assert_finalize_object (fixture->clock);
  g_array_unref (fixture->heard);
  g_array_unref (fixture->seen);
}

static LimberFakeClock *
fake (Fixture *fixture)
{
  return LIMBER_FAKE_CLOCK (fixture->clock);
}

static void
start (Fixture *fixture)
{
  fixture->start = limber_clock_get_now (fixture->clock);
  limber_player_start (fixture->player);
}

static void
run_to_end (Fixture *fixture)
{
  while (limber_player_get_state (fixture->player) != LIMBER_PLAYER_STATE_FINISHED)
    g_assert_true (limber_fake_clock_run_next (fake (fixture)));
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (fake (fixture)), ==, 0);
}

/* Steps once, a rest; left then right with no rest, so a 5 s pause to switch;
 * both sides at once, whose rest is not taken because it is last. */
static void
add_three_steps (Fixture *fixture)
{
  g_autoptr(LimberRoutine) routine =
    make_routine ("test.three",
                  make_step (10, LIMBER_SIDE_NONE, FALSE, 5, "Once"),
                  make_step (20, LIMBER_SIDE_LEFT, TRUE, 0, "Each side"),
                  make_step (8, LIMBER_SIDE_BOTH, FALSE, 10, "Both at once"),
                  NULL);

  limber_player_add_routine (fixture->player, routine);
}

static void
assert_seen (Fixture    *fixture,
             const Seen *expected,
             guint       n_expected)
{
  for (guint i = 0; i < MIN (n_expected, fixture->seen->len); i++)
    {
      Seen *seen = &g_array_index (fixture->seen, Seen, i);

      g_test_message ("%u: %s at %" G_GINT64_FORMAT " us, step %u", i,
                      limber_player_state_to_string (seen->state), seen->at, seen->index);
      g_assert_cmpstr (limber_player_state_to_string (seen->state), ==,
                       limber_player_state_to_string (expected[i].state));
      g_assert_cmpint (seen->at, ==, expected[i].at);
      g_assert_cmpuint (seen->index, ==, expected[i].index);
      g_assert_cmpint (seen->side, ==, expected[i].side);
    }
  g_assert_cmpuint (fixture->seen->len, ==, n_expected);
}

static void
test_transitions (Fixture       *fixture,
                  gconstpointer  data)
{
  const Seen expected[] = {
    { S (0), LIMBER_PLAYER_STATE_GET_READY, 0, LIMBER_SIDE_NONE },
    { S (3), LIMBER_PLAYER_STATE_RUNNING, 0, LIMBER_SIDE_NONE },
    { S (13), LIMBER_PLAYER_STATE_REST, 0, LIMBER_SIDE_NONE },
    { S (18), LIMBER_PLAYER_STATE_RUNNING, 1, LIMBER_SIDE_LEFT },
    { S (38), LIMBER_PLAYER_STATE_SWITCH_SIDES, 1, LIMBER_SIDE_RIGHT },
    { S (43), LIMBER_PLAYER_STATE_RUNNING, 1, LIMBER_SIDE_RIGHT },
    { S (63), LIMBER_PLAYER_STATE_RUNNING, 2, LIMBER_SIDE_BOTH },
    { S (71), LIMBER_PLAYER_STATE_FINISHED, 2, LIMBER_SIDE_NONE },
  };

  add_three_steps (fixture);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_STOPPED);
  g_assert_cmpint (limber_player_get_planned_time (fixture->player), ==, S (10 + 5 + 20 + 5 + 20 + 8));

  start (fixture);
  run_to_end (fixture);

  assert_seen (fixture, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (limber_player_get_finished_at (fixture->player) - fixture->start, ==,
                   S (LIMBER_PLAYER_DEFAULT_GET_READY_SECONDS) + limber_player_get_planned_time (fixture->player));
  g_assert_cmpint (limber_player_get_active_time (fixture->player), ==, S (10 + 20 + 20 + 8));
  g_assert_cmpint (limber_player_get_position (fixture->player), ==, limber_player_get_planned_time (fixture->player));
  g_assert_false (limber_player_get_stopped_early (fixture->player));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (limber_player_get_step_status (fixture->player, i), ==, LIMBER_STEP_STATUS_DONE);

  /* The session ends with one "done", and the routine's total is what played. */
  g_assert_cmpuint (g_array_index (fixture->heard, Heard, fixture->heard->len - 1).kind, ==, LIMBER_CUE_DONE);
  g_assert_cmpint (S (limber_routine_get_total_seconds (limber_player_get_routine (fixture->player, 0))), ==,
                   limber_player_get_planned_time (fixture->player));
}

static guint
count_heard (Fixture       *fixture,
             LimberCueKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < fixture->heard->len; i++)
    n += g_array_index (fixture->heard, Heard, i).kind == kind;

  return n;
}

static void
test_pause_during_rest (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 remaining, duration;
  guint heard_before;

  add_three_steps (fixture);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (15));
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_REST);
  g_assert_cmpint (limber_player_get_remaining (fixture->player, &duration), ==, S (3));
  g_assert_cmpint (duration, ==, S (5));

  limber_player_pause (fixture->player);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_PAUSED);
  g_assert_cmpuint (limber_player_get_phase (fixture->player), ==, LIMBER_PLAYER_STATE_REST);
  /* Nothing ticks while paused: not one alarm is left. */
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (fake (fixture)), ==, 0);

  heard_before = fixture->heard->len;
  limber_fake_clock_advance (fake (fixture), S (3600));
  remaining = limber_player_get_remaining (fixture->player, NULL);
  g_assert_cmpint (remaining, ==, S (3));
  g_assert_cmpuint (fixture->heard->len, ==, heard_before);
  g_assert_cmpuint (limber_player_get_phase (fixture->player), ==, LIMBER_PLAYER_STATE_REST);

  limber_player_resume (fixture->player);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_REST);
  g_assert_cmpint (limber_player_get_remaining (fixture->player, NULL), ==, S (3));
  run_to_end (fixture);

  /* Exactly the pause later than without one. */
  g_assert_cmpint (limber_player_get_finished_at (fixture->player) - fixture->start, ==, S (71 + 3600));
  g_assert_cmpint (limber_player_get_active_time (fixture->player), ==, S (58));
}

static void
test_next_at_last (Fixture       *fixture,
                   gconstpointer  data)
{
  add_three_steps (fixture);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (5));
  limber_player_next (fixture->player);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 0), ==, LIMBER_STEP_STATUS_SKIPPED);

  limber_player_next (fixture->player);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 2);
  limber_fake_clock_advance (fake (fixture), S (4));
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_RUNNING);

  limber_player_next (fixture->player);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_false (limber_player_get_stopped_early (fixture->player));
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 1), ==, LIMBER_STEP_STATUS_SKIPPED);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 2), ==, LIMBER_STEP_STATUS_SKIPPED);
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_DONE), ==, 1);
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (fake (fixture)), ==, 0);
  /* 2 s of step 1 and 1 s of step 3 were done. */
  g_assert_cmpint (limber_player_get_active_time (fixture->player), ==, S (2 + 1));

  /* Nothing more happens once finished. */
  limber_player_next (fixture->player);
  limber_player_previous (fixture->player);
  limber_player_this_hurts (fixture->player);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_DONE), ==, 1);
}

static void
test_next_during_rest (Fixture       *fixture,
                       gconstpointer  data)
{
  add_three_steps (fixture);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (14));
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_REST);

  /* Ends the rest: the next step starts now, without getting ready again. */
  limber_player_next (fixture->player);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 0), ==, LIMBER_STEP_STATUS_DONE);
  g_assert_cmpint (limber_player_get_remaining (fixture->player, NULL), ==, S (20));
}

static void
test_previous_at_first (Fixture       *fixture,
                        gconstpointer  data)
{
  add_three_steps (fixture);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (7));
  g_assert_cmpint (limber_player_get_remaining (fixture->player, NULL), ==, S (6));

  limber_player_previous (fixture->player);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 0);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 0), ==, LIMBER_STEP_STATUS_PENDING);
  limber_fake_clock_advance (fake (fixture), S (3));
  g_assert_cmpint (limber_player_get_remaining (fixture->player, NULL), ==, S (10));

  /* From the second step, back to the first; paused stays paused. */
  limber_fake_clock_advance (fake (fixture), S (16));
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);
  limber_player_pause (fixture->player);
  limber_player_previous (fixture->player);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 0);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_PAUSED);
  g_assert_cmpuint (limber_player_get_phase (fixture->player), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 0), ==, LIMBER_STEP_STATUS_PENDING);
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (fake (fixture)), ==, 0);
  /* Time spent counts: 4 s, then 10 s of the first step, 1 s of the second. */
  g_assert_cmpint (limber_player_get_active_time (fixture->player), ==, S (4 + 10 + 1));
}

static void
test_restart_and_extra_time (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 duration;

  add_three_steps (fixture);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (3 + 4));
  limber_player_add_time (fixture->player, LIMBER_PLAYER_EXTRA_SECONDS);
  g_assert_cmpint (limber_player_get_remaining (fixture->player, &duration), ==, S (6 + 15));
  g_assert_cmpint (duration, ==, S (25));
  /* The countdown moved with the end. */
  limber_fake_clock_advance (fake (fixture), S (21));
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_REST);
  /* 2 and 1 while getting ready, then 5 to 1 before the new end. */
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_COUNTDOWN), ==, 2 + 5);
  for (guint i = 0, left = 5; i < fixture->heard->len; i++)
    {
      Heard *heard = &g_array_index (fixture->heard, Heard, i);

      if (heard->kind == LIMBER_CUE_COUNTDOWN && heard->at > S (3))
        {
          g_assert_cmpuint (heard->value, ==, left);
          g_assert_cmpint (heard->at, ==, S (3 + 25 - left));
          left--;
        }
    }

  limber_fake_clock_advance (fake (fixture), S (5 + 6));
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);
  g_assert_cmpint (limber_player_get_remaining (fixture->player, NULL), ==, S (14));
  limber_player_restart_step (fixture->player);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);
  limber_fake_clock_advance (fake (fixture), S (3));
  g_assert_cmpuint (limber_player_get_side (fixture->player), ==, LIMBER_SIDE_LEFT);
  g_assert_cmpint (limber_player_get_remaining (fixture->player, NULL), ==, S (20));
}

static void
test_this_hurts (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberRoutine) firm =
    make_routine ("test.firm",
                  make_step (30, LIMBER_SIDE_NONE, FALSE, 0, "Press hard"),
                  make_step (30, LIMBER_SIDE_NONE, FALSE, 0, "Press harder"),
                  make_step (30, LIMBER_SIDE_NONE, FALSE, 0, "Press hardest"),
                  NULL);
  g_autoptr(LimberRoutine) after =
    make_routine ("test.after", make_step (20, LIMBER_SIDE_NONE, FALSE, 0, "Something else"), NULL);
  g_autoptr(LimberRoutine) gentle =
    make_routine ("test.gentle",
                  make_step (40, LIMBER_SIDE_LEFT, TRUE, 0, "Stretch gently"),
                  NULL);
  LimberStep *first = g_list_model_get_item (limber_routine_get_steps (firm), 0);

  g_object_unref (first);
  limber_player_add_routine (fixture->player, firm);
  limber_player_add_routine (fixture->player, after);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (3 + 12));

  limber_player_this_hurts (fixture->player);
  g_assert_cmpuint (fixture->n_hurt, ==, 1);
  g_assert_true (fixture->hurt_step == first);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 0), ==, LIMBER_STEP_STATUS_HURT);
  /* It stops at once and waits for the person to choose. */
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_PAUSED);
  g_assert_cmpuint (limber_player_get_phase (fixture->player), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (fake (fixture)), ==, 0);
  limber_fake_clock_advance (fake (fixture), S (60));
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);

  /* A gentler routine takes the place of the rest of the one that hurt,
   * and the routine after it stays. */
  limber_player_replace_routine (fixture->player, gentle);
  g_assert_cmpuint (limber_player_get_n_steps (fixture->player), ==, 1 + 1 + 1);
  g_assert_true (limber_player_get_routine (fixture->player, 0) == firm);
  g_assert_true (limber_player_get_routine (fixture->player, 1) == gentle);
  g_assert_true (limber_player_get_routine (fixture->player, 2) == after);
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 1);
  g_assert_cmpuint (limber_player_get_phase (fixture->player), ==, LIMBER_PLAYER_STATE_GET_READY);

  limber_player_resume (fixture->player);
  run_to_end (fixture);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 0), ==, LIMBER_STEP_STATUS_HURT);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 1), ==, LIMBER_STEP_STATUS_DONE);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 2), ==, LIMBER_STEP_STATUS_DONE);
  g_assert_cmpint (limber_player_get_active_time (fixture->player), ==, S (12 + 80 + 20));

  /* On the last step, it ends the session. */
  limber_fake_clock_advance (fake (fixture), S (1));
}

static void
test_hurt_on_last_step (Fixture       *fixture,
                        gconstpointer  data)
{
  add_three_steps (fixture);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (65));
  g_assert_cmpuint (limber_player_get_index (fixture->player), ==, 2);

  limber_player_this_hurts (fixture->player);
  g_assert_cmpuint (fixture->n_hurt, ==, 1);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 2), ==, LIMBER_STEP_STATUS_HURT);
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (fake (fixture)), ==, 0);
}

static void
test_switch_sides (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LimberRoutine) routine =
    make_routine ("test.sides", make_step (30, LIMBER_SIDE_RIGHT, TRUE, 10, "One leg"), NULL);
  guint n_starts = 0;

  limber_player_set_get_ready_seconds (fixture->player, 0);
  limber_player_add_routine (fixture->player, routine);
  start (fixture);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_cmpuint (limber_player_get_side (fixture->player), ==, LIMBER_SIDE_RIGHT);
  g_assert_cmpuint (limber_player_get_next_side (fixture->player), ==, LIMBER_SIDE_LEFT);

  limber_fake_clock_advance (fake (fixture), S (30));
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_SWITCH_SIDES);
  g_assert_cmpuint (limber_player_get_side (fixture->player), ==, LIMBER_SIDE_LEFT);
  /* The switch takes the step's rest, being longer than the minimum. */
  g_assert_cmpint (limber_player_get_remaining (fixture->player, NULL), ==, S (10));

  run_to_end (fixture);
  g_assert_cmpint (limber_player_get_finished_at (fixture->player) - fixture->start, ==, S (30 + 10 + 30));

  for (guint i = 0; i < fixture->heard->len; i++)
    {
      Heard *heard = &g_array_index (fixture->heard, Heard, i);

      if (heard->kind == LIMBER_CUE_SWITCH_SIDES)
        {
          g_assert_cmpint (heard->at, ==, S (30));
          g_assert_cmpuint (heard->side, ==, LIMBER_SIDE_LEFT);
        }
      else if (heard->kind == LIMBER_CUE_STEP_START)
        {
          g_assert_cmpint (heard->at, ==, n_starts == 0 ? 0 : S (40));
          g_assert_cmpuint (heard->side, ==, n_starts == 0 ? LIMBER_SIDE_RIGHT : LIMBER_SIDE_LEFT);
          g_assert_cmpstr (heard->text, ==, "One leg");
          n_starts++;
        }
    }
  g_assert_cmpuint (n_starts, ==, 2);
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_SWITCH_SIDES), ==, 1);
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_REST), ==, 0);
}

/* A plan may keep a two-sided step to one side: it plays once, on that
 * side, with no switch, and the rest still follows. */
static void
test_one_side (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LimberRoutine) routine =
    make_routine ("test.one-side", make_step (30, LIMBER_SIDE_RIGHT, TRUE, 10, "One leg"),
                  make_step (20, LIMBER_SIDE_NONE, FALSE, 0, "Both"), NULL);
  g_autoptr(LimberStep) first = g_list_model_get_item (limber_routine_get_steps (routine), 0);
  g_autoptr(LimberStep) second = g_list_model_get_item (limber_routine_get_steps (routine), 1);

  limber_player_set_get_ready_seconds (fixture->player, 0);
  limber_player_add_step_on_side (fixture->player, routine, first, LIMBER_SIDE_LEFT);
  limber_player_add_step_on_side (fixture->player, routine, second, LIMBER_SIDE_LEFT);
  g_assert_cmpint (limber_player_get_planned_time (fixture->player), ==, S (30 + 10 + 20));

  start (fixture);
  g_assert_cmpuint (limber_player_get_side (fixture->player), ==, LIMBER_SIDE_LEFT);
  g_assert_cmpuint (limber_player_get_next_side (fixture->player), ==, LIMBER_SIDE_NONE);

  limber_fake_clock_advance (fake (fixture), S (30));
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_REST);
  g_assert_cmpint (limber_player_get_position (fixture->player), ==, S (30));

  run_to_end (fixture);
  g_assert_cmpint (limber_player_get_finished_at (fixture->player) - fixture->start, ==, S (30 + 10 + 20));
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_SWITCH_SIDES), ==, 0);
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_STEP_START), ==, 2);
  g_assert_cmpuint (g_array_index (fixture->heard, Heard, 0).side, ==, LIMBER_SIDE_LEFT);
  g_assert_cmpint (limber_player_get_active_time (fixture->player), ==, S (50));
}

static void
test_stop (Fixture       *fixture,
           gconstpointer  data)
{
  add_three_steps (fixture);
  start (fixture);
  limber_fake_clock_advance (fake (fixture), S (8));
  limber_player_stop (fixture->player);
  g_assert_cmpuint (limber_player_get_state (fixture->player), ==, LIMBER_PLAYER_STATE_FINISHED);
  g_assert_true (limber_player_get_stopped_early (fixture->player));
  g_assert_cmpuint (limber_player_get_step_status (fixture->player, 0), ==, LIMBER_STEP_STATUS_SKIPPED);
  g_assert_cmpuint (count_heard (fixture, LIMBER_CUE_DONE), ==, 0);
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (fake (fixture)), ==, 0);
}

/* The thirty-minute routine: every kind of step, catalogue cues, half-time,
 * rests, both sides with and without rest. */
static LimberRoutine *
make_long_routine (void)
{
  LimberRoutine *routine = limber_routine_new ("test.long", NULL);
  const struct { guint secs, rest; LimberSide side; gboolean other; int cue_at; } shapes[] = {
    { 60, 15, LIMBER_SIDE_NONE, FALSE, -1 },
    { 45, 0, LIMBER_SIDE_LEFT, TRUE, 30 },
    { 90, 20, LIMBER_SIDE_BOTH, FALSE, -2 },   /* -2: a cue at half time */
    { 30, 10, LIMBER_SIDE_RIGHT, TRUE, 10 },
    { 17, 0, LIMBER_SIDE_NONE, FALSE, -1 },
    { 120, 30, LIMBER_SIDE_LEFT, TRUE, 100 },
  };
  guint total = 0, last_rest = 0;

  for (guint i = 0; total < 1795 - 200; i++)
    {
      g_autofree char *text = g_strdup_printf ("Step %u", i + 1);
      LimberStep *step = make_step (shapes[i % 6].secs, shapes[i % 6].side, shapes[i % 6].other,
                                    shapes[i % 6].rest, text);

      if (shapes[i % 6].cue_at >= 0)
        limber_step_add_cue (step, shapes[i % 6].cue_at, FALSE, limber_text_new ("A catalogue cue"));
      else if (shapes[i % 6].cue_at == -2)
        limber_step_add_cue (step, 0, TRUE, limber_text_new ("Halfway there"));
      limber_routine_add_step (routine, step);
      total = limber_routine_get_total_seconds (routine);
      last_rest = shapes[i % 6].rest;
      g_object_unref (step);
    }

  /* A last step that makes it exactly 30 minutes with 5 s to get ready;
   * the rest of the step before it now counts. */
  if (total < 1795)
    {
      LimberStep *step = make_step (1795 - total - last_rest, LIMBER_SIDE_NONE, FALSE, 0, "Last");

      limber_routine_add_step (routine, step);
      g_object_unref (step);
    }
  g_assert_cmpuint (limber_routine_get_total_seconds (routine), ==, 1795);

  return routine;
}

static void
expect (GArray        *expected,
        gint64         at,
        LimberCueKind  kind,
        guint          value)
{
  Heard heard = { at, kind, value, LIMBER_SIDE_NONE, NULL };

  g_array_append_val (expected, heard);
}

static void
expect_countdown (GArray *expected,
                  gint64  start_,
                  guint   length,
                  guint   from)
{
  for (guint left = from; left >= 1; left--)
    if (length > left)
      expect (expected, start_ + S (length - left), LIMBER_CUE_COUNTDOWN, left);
}

/* The cues as the rules in the player's documentation put them, worked out
 * here step by step from the routine. */
static GArray *
expected_cues (LimberRoutine *routine,
               guint          get_ready)
{
  GArray *expected = g_array_new (FALSE, FALSE, sizeof (Heard));
  GListModel *steps = limber_routine_get_steps (routine);
  guint n = g_list_model_get_n_items (steps);
  gint64 t = 0;

  expect (expected, t, LIMBER_CUE_GET_READY, get_ready);
  expect_countdown (expected, t, get_ready, 3);
  t += S (get_ready);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);
      guint secs = limber_step_get_seconds (step);
      guint passes = limber_step_get_other_side (step) ? 2 : 1;

      for (guint pass = 0; pass < passes; pass++)
        {
          guint at = 0;
          gboolean half_cue = FALSE;

          expect (expected, t, LIMBER_CUE_STEP_START, secs);
          if (limber_step_get_n_cues (step) > 0)
            {
              limber_step_get_cue (step, 0, &at);
              half_cue = at == secs / 2;
              if (half_cue || at < secs - 5)
                expect (expected, t + S (at), LIMBER_CUE_STEP_CUE, at);
            }
          if (!half_cue && secs >= 20)
            expect (expected, t + S (secs) / 2, LIMBER_CUE_HALF_TIME, secs / 2);
          expect_countdown (expected, t, secs, 5);
          t += S (secs);

          if (pass == 0 && passes == 2)
            {
              guint pause = MAX (limber_step_get_rest (step), 5);

              expect (expected, t, LIMBER_CUE_SWITCH_SIDES, pause);
              expect_countdown (expected, t, pause, 3);
              t += S (pause);
            }
        }

      if (i + 1 < n && limber_step_get_rest (step) > 0)
        {
          expect (expected, t, LIMBER_CUE_REST, limber_step_get_rest (step));
          expect_countdown (expected, t, limber_step_get_rest (step), 3);
          t += S (limber_step_get_rest (step));
        }
    }

  expect (expected, t, LIMBER_CUE_DONE, 0);
  g_assert_cmpint (t, ==, S (30 * 60));

  return expected;
}

static int
compare_heard (gconstpointer a,
               gconstpointer b)
{
  const Heard *first = a, *second = b;

  if (first->at != second->at)
    return first->at < second->at ? -1 : 1;
  return (int)first->kind - (int)second->kind;
}

static void
test_thirty_minutes (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 lateness = GPOINTER_TO_INT (data) * 1000;
  g_autoptr(LimberRoutine) routine = make_long_routine ();
  g_autoptr(GArray) expected = expected_cues (routine, 5);
  gint64 drift;

  limber_fake_clock_set_lateness (fake (fixture), lateness);
  limber_player_set_get_ready_seconds (fixture->player, 5);
  limber_player_add_routine (fixture->player, routine);
  start (fixture);

  /* Time moves in uneven jumps, as a busy main loop would see it. */
  while (limber_player_get_state (fixture->player) != LIMBER_PLAYER_STATE_FINISHED)
    limber_fake_clock_advance (fake (fixture), g_test_rand_int_range (1, 2 * G_USEC_PER_SEC));

  drift = limber_player_get_finished_at (fixture->player) - fixture->start - S (30 * 60);
  g_test_message ("finished %" G_GINT64_FORMAT " us off 30 min with alarms %" G_GINT64_FORMAT " us late",
                  drift, lateness);
  /* Late wake-ups never add up: at most the last one's lateness. */
  g_assert_cmpint (drift, >=, 0);
  g_assert_cmpint (drift, <=, lateness);

  /* Cues of the same instant come in a fixed order; compare as sets. */
  g_array_sort (fixture->heard, compare_heard);
  g_array_sort (expected, compare_heard);
  g_assert_cmpuint (fixture->heard->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      Heard *heard = &g_array_index (fixture->heard, Heard, i);
      Heard *want = &g_array_index (expected, Heard, i);

      g_assert_cmpuint (heard->kind, ==, want->kind);
      g_assert_cmpuint (heard->value, ==, want->value);
      g_assert_cmpint (heard->at, >=, want->at);
      g_assert_cmpint (heard->at - want->at, <=, lateness);
    }
}

static void
quit_cb (gpointer user_data)
{
  gint64 *rang_at = user_data;

  *rang_at = g_get_monotonic_time ();
}

static void
test_real_clock (void)
{
  g_autoptr(LimberClock) clock = limber_real_clock_new (100.0);
  gint64 rang_at = 0, now = limber_clock_get_now (clock), begun = g_get_monotonic_time ();
  guint cancelled;

  limber_clock_add_alarm (clock, now + S (10), quit_cb, &rang_at);
  cancelled = limber_clock_add_alarm (clock, now + S (5), quit_cb, &rang_at);
  limber_clock_remove_alarm (clock, cancelled);

  while (rang_at == 0)
    g_main_context_iteration (NULL, TRUE);

  /* Ten clock seconds at a hundred times real time: 0.1 s, not earlier. */
  g_assert_cmpint (rang_at - begun, >=, S (10) / 100);
  g_assert_cmpint (limber_clock_get_now (clock), >=, now + S (10));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/player/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("transitions", test_transitions, NULL);
  ADD ("pause-during-rest", test_pause_during_rest, NULL);
  ADD ("next-at-last", test_next_at_last, NULL);
  ADD ("next-during-rest", test_next_during_rest, NULL);
  ADD ("previous-at-first", test_previous_at_first, NULL);
  ADD ("restart-and-extra-time", test_restart_and_extra_time, NULL);
  ADD ("this-hurts", test_this_hurts, NULL);
  ADD ("hurt-on-last-step", test_hurt_on_last_step, NULL);
  ADD ("switch-sides", test_switch_sides, NULL);
  ADD ("one-side", test_one_side, NULL);
  ADD ("stop", test_stop, NULL);
  ADD ("thirty-minutes", test_thirty_minutes, GINT_TO_POINTER (0));
  ADD ("thirty-minutes-late-alarms", test_thirty_minutes, GINT_TO_POINTER (250));
#undef ADD
  g_test_add_func ("/player/real-clock", test_real_clock);

  return g_test_run ();
}
