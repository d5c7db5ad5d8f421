/* limber-fake-clock.h: a clock that moves only when told, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-clock.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_FAKE_CLOCK (limber_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (LimberFakeClock, limber_fake_clock, LIMBER, FAKE_CLOCK, LimberClock)

LimberClock *limber_fake_clock_new             (void);
void         limber_fake_clock_advance         (LimberFakeClock *self,
                                                gint64           microseconds);
gboolean     limber_fake_clock_run_next        (LimberFakeClock *self);
void         limber_fake_clock_set_lateness    (LimberFakeClock *self,
                                                gint64           microseconds);
guint        limber_fake_clock_get_n_alarms    (LimberFakeClock *self);

G_END_DECLS
