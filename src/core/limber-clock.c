/* limber-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-clock"

#include "config.h"

#include "limber-clock.h"

G_DEFINE_ABSTRACT_TYPE (LimberClock, limber_clock, G_TYPE_OBJECT)

static void
limber_clock_class_init (LimberClockClass *klass)
{
}

static void
limber_clock_init (LimberClock *self)
{
}

/**
 * limber_clock_get_now:
 *
 * Returns: the clock's monotonic time in microseconds.
 */
gint64
limber_clock_get_now (LimberClock *self)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  return LIMBER_CLOCK_GET_CLASS (self)->get_now (self);
}

/**
 * limber_clock_add_alarm:
 * @deadline: when to call @func, in the clock's microseconds
 *
 * Calls @func once, when the clock reaches @deadline (at once, from the main
 * loop, if it already has).
 *
 * Returns: an id for limber_clock_remove_alarm(), never 0.
 */
guint
limber_clock_add_alarm (LimberClock     *self,
                        gint64           deadline,
                        LimberClockFunc  func,
                        gpointer         user_data)
{
  g_return_val_if_fail (LIMBER_IS_CLOCK (self), 0);
  g_return_val_if_fail (func != NULL, 0);
  return LIMBER_CLOCK_GET_CLASS (self)->add_alarm (self, deadline, func, user_data);
}

/**
 * limber_clock_remove_alarm:
 *
 * Cancels an alarm that has not gone off.
 */
void
limber_clock_remove_alarm (LimberClock *self,
                           guint        id)
{
  g_return_if_fail (LIMBER_IS_CLOCK (self));
  g_return_if_fail (id != 0);
  LIMBER_CLOCK_GET_CLASS (self)->remove_alarm (self, id);
}
