/* limber-kiosk.h: when an unattended kiosk starts over, and who may leave it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/limber-clock.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_KIOSK_STATE_RESTING,   /* nothing to clear: waiting for someone */
  LIMBER_KIOSK_STATE_WATCHING,  /* someone was here: idle time counts */
  LIMBER_KIOSK_STATE_BUSY,      /* a routine plays: idle time does not count */
  LIMBER_KIOSK_STATE_WARNING,   /* counting down to starting over */
} LimberKioskState;

typedef enum
{
  LIMBER_KIOSK_PIN_ACCEPTED,
  LIMBER_KIOSK_PIN_WRONG,
  LIMBER_KIOSK_PIN_LOCKED,      /* too many wrong tries: wait */
  LIMBER_KIOSK_PIN_NOT_SET,     /* no valid PIN stored: no way out */
} LimberKioskPinResult;

#define LIMBER_KIOSK_DEFAULT_IDLE_SECONDS 90
#define LIMBER_KIOSK_WARNING_SECONDS      10
#define LIMBER_KIOSK_MAX_PIN_TRIES        5
#define LIMBER_KIOSK_LOCKOUT_SECONDS      60
#define LIMBER_KIOSK_HOLD_SECONDS         5

#define LIMBER_TYPE_KIOSK (limber_kiosk_get_type ())
G_DECLARE_FINAL_TYPE (LimberKiosk, limber_kiosk, LIMBER, KIOSK, GObject)

LimberKiosk          *limber_kiosk_new              (LimberClock *clock);
LimberClock          *limber_kiosk_get_clock        (LimberKiosk *self);
void                  limber_kiosk_set_clock        (LimberKiosk *self,
                                                     LimberClock *clock);
guint                 limber_kiosk_get_idle_seconds (LimberKiosk *self);
void                  limber_kiosk_set_idle_seconds (LimberKiosk *self,
                                                     guint        seconds);
LimberKioskState      limber_kiosk_get_state        (LimberKiosk *self);
guint                 limber_kiosk_get_seconds_left (LimberKiosk *self);
void                  limber_kiosk_report_input     (LimberKiosk *self);
void                  limber_kiosk_set_busy         (LimberKiosk *self,
                                                     gboolean     busy);
gboolean              limber_kiosk_get_busy         (LimberKiosk *self);
void                  limber_kiosk_rest             (LimberKiosk *self);
LimberKioskPinResult  limber_kiosk_try_pin          (LimberKiosk *self,
                                                     const char  *stored,
                                                     const char  *pin,
                                                     guint       *retry_seconds);
guint                 limber_kiosk_get_lockout_seconds (LimberKiosk *self);

G_END_DECLS
