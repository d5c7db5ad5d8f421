/* limber-timer-ring.h: a big countdown, digits inside a shrinking ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-types.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_TIMER_RING (limber_timer_ring_get_type ())
G_DECLARE_FINAL_TYPE (LimberTimerRing, limber_timer_ring, LIMBER, TIMER_RING, GtkWidget)

/* Returns the remaining time in microseconds and sets *duration_us to the phase's full length. */
typedef gint64 (*LimberTimerRingFunc) (gpointer  user_data,
                                       gint64   *duration_us);

GtkWidget  *limber_timer_ring_new           (void);
void        limber_timer_ring_set_time_func (LimberTimerRing     *self,
                                             LimberTimerRingFunc  func,
                                             gpointer             user_data,
                                             GDestroyNotify       destroy);
void        limber_timer_ring_set_running   (LimberTimerRing     *self,
                                             gboolean             running);
gboolean    limber_timer_ring_get_running   (LimberTimerRing     *self);
void        limber_timer_ring_update        (LimberTimerRing     *self);
void        limber_timer_ring_set_caption   (LimberTimerRing     *self,
                                             const char          *caption);
const char *limber_timer_ring_get_caption   (LimberTimerRing     *self);
gboolean    limber_timer_ring_get_caption_shortened (LimberTimerRing *self);
const char *limber_timer_ring_get_text      (LimberTimerRing     *self);
void        limber_timer_ring_flash         (LimberTimerRing     *self);
gboolean    limber_timer_ring_get_flashing  (LimberTimerRing     *self);
gboolean    limber_timer_ring_get_ticking   (LimberTimerRing     *self);

G_END_DECLS
