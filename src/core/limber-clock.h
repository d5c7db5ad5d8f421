/* limber-clock.h: monotonic "now" and one-shot alarms, real or simulated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Called once, at or after the alarm's deadline, with the clock's now. */
typedef void (*LimberClockFunc) (gpointer user_data);

#define LIMBER_TYPE_CLOCK (limber_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (LimberClock, limber_clock, LIMBER, CLOCK, GObject)

struct _LimberClockClass
{
  GObjectClass parent_class;

  gint64 (*get_now)      (LimberClock     *self);
  guint  (*add_alarm)    (LimberClock     *self,
                          gint64           deadline,
                          LimberClockFunc  func,
                          gpointer         user_data);
  void   (*remove_alarm) (LimberClock     *self,
                          guint            id);
};

gint64 limber_clock_get_now      (LimberClock     *self);
guint  limber_clock_add_alarm    (LimberClock     *self,
                                  gint64           deadline,
                                  LimberClockFunc  func,
                                  gpointer         user_data);
void   limber_clock_remove_alarm (LimberClock     *self,
                                  guint            id);

G_END_DECLS
