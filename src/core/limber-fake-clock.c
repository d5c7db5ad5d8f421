/* limber-fake-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-fake-clock"

#include "config.h"

#include "limber-fake-clock.h"

typedef struct
{
  guint            id;
  gint64           deadline;
  LimberClockFunc  func;
  gpointer         user_data;
} Alarm;

struct _LimberFakeClock
{
  LimberClock  parent_instance;

  gint64       now;
  gint64       lateness;
  GArray      *alarms;      /* Alarm, in the order they were added */
  guint        last_id;
};

G_DEFINE_FINAL_TYPE (LimberFakeClock, limber_fake_clock, LIMBER_TYPE_CLOCK)

static gint64
limber_fake_clock_get_now (LimberClock *clock)
{
  return LIMBER_FAKE_CLOCK (clock)->now;
}

static guint
limber_fake_clock_add_alarm (LimberClock     *clock,
                             gint64           deadline,
                             LimberClockFunc  func,
                             gpointer         user_data)
{
  LimberFakeClock *self = LIMBER_FAKE_CLOCK (clock);
  Alarm alarm = { ++self->last_id, deadline, func, user_data };

  g_array_append_val (self->alarms, alarm);

  return alarm.id;
}

static void
limber_fake_clock_remove_alarm (LimberClock *clock,
                                guint        id)
{
  LimberFakeClock *self = LIMBER_FAKE_CLOCK (clock);

  for (guint i = 0; i < self->alarms->len; i++)
    if (g_array_index (self->alarms, Alarm, i).id == id)
      {
        g_array_remove_index (self->alarms, i);
        return;
      }

  g_critical ("No alarm %u to remove", id);
}

/* The earliest alarm; of two at the same time, the one added first. */
static gboolean
find_next_alarm (LimberFakeClock *self,
                 guint           *index)
{
  if (self->alarms->len == 0)
    return FALSE;

  *index = 0;
  for (guint i = 1; i < self->alarms->len; i++)
    if (g_array_index (self->alarms, Alarm, i).deadline < g_array_index (self->alarms, Alarm, *index).deadline)
      *index = i;

  return TRUE;
}

static void
fire_alarm (LimberFakeClock *self,
            guint            index)
{
  Alarm alarm = g_array_index (self->alarms, Alarm, index);

  g_array_remove_index (self->alarms, index);
  self->now = MAX (self->now, alarm.deadline + self->lateness);
  alarm.func (alarm.user_data);
}

static void
limber_fake_clock_finalize (GObject *object)
{
  LimberFakeClock *self = (LimberFakeClock *)object;

  g_clear_pointer (&self->alarms, g_array_unref);

  G_OBJECT_CLASS (limber_fake_clock_parent_class)->finalize (object);
}

static void
limber_fake_clock_class_init (LimberFakeClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LimberClockClass *clock_class = LIMBER_CLOCK_CLASS (klass);

  object_class->finalize = limber_fake_clock_finalize;
  clock_class->get_now = limber_fake_clock_get_now;
  clock_class->add_alarm = limber_fake_clock_add_alarm;
  clock_class->remove_alarm = limber_fake_clock_remove_alarm;
}

static void
limber_fake_clock_init (LimberFakeClock *self)
{
  self->alarms = g_array_new (FALSE, FALSE, sizeof (Alarm));
  /* Not zero, so that code which treats 0 as "never" is caught. */
  self->now = 1000 * G_USEC_PER_SEC;
}

/**
 * limber_fake_clock_new:
 *
 * Returns: (transfer full): a clock standing still until advanced.
 */
LimberClock *
limber_fake_clock_new (void)
{
  return g_object_new (LIMBER_TYPE_FAKE_CLOCK, NULL);
}

/**
 * limber_fake_clock_advance:
 *
 * Moves time on by @microseconds, calling each alarm that falls due on the
 * way with the clock set to its deadline (plus any lateness), in order,
 * including alarms those calls add.
 */
void
limber_fake_clock_advance (LimberFakeClock *self,
                           gint64           microseconds)
{
  gint64 target;
  guint index;

  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (microseconds >= 0);

  target = self->now + microseconds;
  while (find_next_alarm (self, &index)
         && g_array_index (self->alarms, Alarm, index).deadline + self->lateness <= target)
    fire_alarm (self, index);

  self->now = MAX (self->now, target);
}

/**
 * limber_fake_clock_run_next:
 *
 * Jumps to the next alarm and calls it.
 *
 * Returns: %FALSE if no alarm was pending.
 */
gboolean
limber_fake_clock_run_next (LimberFakeClock *self)
{
  guint index;

  g_return_val_if_fail (LIMBER_IS_FAKE_CLOCK (self), FALSE);

  if (!find_next_alarm (self, &index))
    return FALSE;

  fire_alarm (self, index);

  return TRUE;
}

/**
 * limber_fake_clock_set_lateness:
 *
 * Makes every alarm go off @microseconds after its deadline, as a busy or
 * suspended machine would.
 */
void
limber_fake_clock_set_lateness (LimberFakeClock *self,
                                gint64           microseconds)
{
  g_return_if_fail (LIMBER_IS_FAKE_CLOCK (self));
  g_return_if_fail (microseconds >= 0);
  self->lateness = microseconds;
}

/**
 * limber_fake_clock_get_n_alarms:
 *
 * Returns: how many alarms are pending: a paused player has none.
 */
guint
limber_fake_clock_get_n_alarms (LimberFakeClock *self)
{
  g_return_val_if_fail (LIMBER_IS_FAKE_CLOCK (self), 0);
  return self->alarms->len;
}
