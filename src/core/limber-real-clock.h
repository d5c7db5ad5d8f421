/* limber-real-clock.h: the system's monotonic clock, on the GLib main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_REAL_CLOCK (limber_real_clock_get_type ())
G_DECLARE_FINAL_TYPE (LimberRealClock, limber_real_clock, LIMBER, REAL_CLOCK, LimberClock)

LimberClock *limber_real_clock_new       (double           speed);
double       limber_real_clock_get_speed (LimberRealClock *self);

G_END_DECLS
