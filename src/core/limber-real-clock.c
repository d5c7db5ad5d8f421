/* limber-real-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-real-clock"

#include "config.h"

#include <math.h>

#include "limber-real-clock.h"

struct _LimberRealClock
{
  LimberClock  parent_instance;

  /* Faster than life only for demonstrations and endurance runs: the
   * clock's time is origin + (monotonic - origin) * speed. */
  double       speed;
  gint64       origin;
};

G_DEFINE_FINAL_TYPE (LimberRealClock, limber_real_clock, LIMBER_TYPE_CLOCK)

/* One alarm is one GSource with a ready time on the monotonic clock: no
 * rounding to milliseconds, no periodic wake-ups, as gnome-calendar's
 * GcalTimer does. */
typedef struct
{
  GSource          source;
  LimberClockFunc  func;
  gpointer         user_data;
} AlarmSource;

static gboolean
dispatch_alarm (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  AlarmSource *alarm = (AlarmSource *)source;

  alarm->func (alarm->user_data);

  return G_SOURCE_REMOVE;
}

static GSourceFuncs alarm_source_funcs = {
  .dispatch = dispatch_alarm,
};

static gint64
limber_real_clock_get_now (LimberClock *clock)
{
  LimberRealClock *self = LIMBER_REAL_CLOCK (clock);
  gint64 monotonic = g_get_monotonic_time ();

  if (self->speed == 1.0)
    return monotonic;

  return self->origin + (gint64)((monotonic - self->origin) * self->speed);
}

static guint
limber_real_clock_add_alarm (LimberClock     *clock,
                             gint64           deadline,
                             LimberClockFunc  func,
                             gpointer         user_data)
{
  LimberRealClock *self = LIMBER_REAL_CLOCK (clock);
  g_autoptr(GSource) source = g_source_new (&alarm_source_funcs, sizeof (AlarmSource));
  AlarmSource *alarm = (AlarmSource *)source;
  gint64 ready_time = deadline;

  if (self->speed != 1.0)
    ready_time = self->origin + (gint64)ceil ((deadline - self->origin) / self->speed);

  alarm->func = func;
  alarm->user_data = user_data;
  g_source_set_name (source, "[limber] clock alarm");
  g_source_set_ready_time (source, MAX (ready_time, 0));

  return g_source_attach (source, NULL);
}

static void
limber_real_clock_remove_alarm (LimberClock *clock,
                                guint        id)
{
  g_source_remove (id);
}

static void
limber_real_clock_class_init (LimberRealClockClass *klass)
{
  LimberClockClass *clock_class = LIMBER_CLOCK_CLASS (klass);

  clock_class->get_now = limber_real_clock_get_now;
  clock_class->add_alarm = limber_real_clock_add_alarm;
  clock_class->remove_alarm = limber_real_clock_remove_alarm;
}

static void
limber_real_clock_init (LimberRealClock *self)
{
  self->speed = 1.0;
  self->origin = g_get_monotonic_time ();
}

/**
 * limber_real_clock_new:
 * @speed: 1.0 for real time; more runs time faster (demonstrations, soak
 *   tests), never slower than real time
 *
 * Returns: (transfer full): a clock on the default main context.
 */
LimberClock *
limber_real_clock_new (double speed)
{
  LimberRealClock *self = g_object_new (LIMBER_TYPE_REAL_CLOCK, NULL);

  self->speed = speed >= 1.0 && isfinite (speed) ? speed : 1.0;

  return LIMBER_CLOCK (self);
}

double
limber_real_clock_get_speed (LimberRealClock *self)
{
  g_return_val_if_fail (LIMBER_IS_REAL_CLOCK (self), 1.0);
  return self->speed;
}
