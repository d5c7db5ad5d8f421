/* limber-kiosk.c
 *
 * The kiosk's timing, apart from any widget so that tests drive it with a
 * fake clock. Input moves a "last input" time; one alarm at a time waits
 * for the idle deadline and, when it goes off early because input came in
 * between, is set again for the new deadline: a moving pointer costs no
 * timer churn. While a routine plays nothing counts; a paused routine with
 * nobody there is idle like any other page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-kiosk"

#include "config.h"

#include "limber-kiosk.h"
#include "limber-pin.h"

struct _LimberKiosk
{
  GObject           parent_instance;

  LimberClock      *clock;
  guint             alarm;
  guint             idle_seconds;
  LimberKioskState  state;
  gboolean          busy;
  gint64            last_input;
  gint64            warning_end;
  guint             seconds_left;

  guint             pin_failures;
  gint64            locked_until;      /* 0 when not locked out */
};

G_DEFINE_FINAL_TYPE (LimberKiosk, limber_kiosk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDLE_SECONDS,
  N_PROPS
};

enum {
  CHANGED,
  RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void on_alarm_cb (gpointer user_data);

static gint64
get_now (LimberKiosk *self)
{
  return limber_clock_get_now (self->clock);
}

static void
disarm (LimberKiosk *self)
{
  if (self->alarm != 0)
    limber_clock_remove_alarm (self->clock, self->alarm);
  self->alarm = 0;
}

static void
arm (LimberKiosk *self,
     gint64       deadline)
{
  disarm (self);
  self->alarm = limber_clock_add_alarm (self->clock, deadline, on_alarm_cb, self);
}

static gint64
idle_deadline (LimberKiosk *self)
{
  return self->last_input + (gint64)self->idle_seconds * G_USEC_PER_SEC;
}

static void
set_state (LimberKiosk      *self,
           LimberKioskState  state,
           guint             seconds_left)
{
  if (self->state == state && self->seconds_left == seconds_left)
    return;

  self->state = state;
  self->seconds_left = seconds_left;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
watch_from_now (LimberKiosk *self)
{
  self->last_input = get_now (self);
  arm (self, idle_deadline (self));
  set_state (self, LIMBER_KIOSK_STATE_WATCHING, 0);
}

/* Each whole second of the warning is its own alarm, so the countdown
 * shown is exact without a ticking timer in between. */
static void
count_down (LimberKiosk *self,
            gint64       now)
{
  gint64 remaining = self->warning_end - now;
  guint left = (guint)((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (remaining <= 0)
    {
      set_state (self, LIMBER_KIOSK_STATE_RESTING, 0);
      g_signal_emit (self, signals[RESET], 0);
      return;
    }

  arm (self, self->warning_end - (gint64)(left - 1) * G_USEC_PER_SEC);
  set_state (self, LIMBER_KIOSK_STATE_WARNING, left);
}

static void
on_alarm_cb (gpointer user_data)
{
  LimberKiosk *self = user_data;
  gint64 now = get_now (self);

  self->alarm = 0;

  switch (self->state)
    {
    case LIMBER_KIOSK_STATE_WATCHING:
      if (now < idle_deadline (self))
        {
          arm (self, idle_deadline (self));
          return;
        }
      self->warning_end = now + LIMBER_KIOSK_WARNING_SECONDS * G_USEC_PER_SEC;
      count_down (self, now);
      break;

    case LIMBER_KIOSK_STATE_WARNING:
      count_down (self, now);
      break;

    case LIMBER_KIOSK_STATE_RESTING:
    case LIMBER_KIOSK_STATE_BUSY:
    default:
      break;
    }
}

static void
limber_kiosk_dispose (GObject *object)
{
  LimberKiosk *self = (LimberKiosk *)object;

  if (self->clock != NULL)
    disarm (self);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (limber_kiosk_parent_class)->dispose (object);
}

static void
limber_kiosk_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LimberKiosk *self = LIMBER_KIOSK (object);

  switch (prop_id)
    {
    case PROP_IDLE_SECONDS:
      g_value_set_uint (value, self->idle_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_kiosk_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LimberKiosk *self = LIMBER_KIOSK (object);

  switch (prop_id)
    {
    case PROP_IDLE_SECONDS:
      limber_kiosk_set_idle_seconds (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_kiosk_class_init (LimberKioskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_kiosk_dispose;
  object_class->get_property = limber_kiosk_get_property;
  object_class->set_property = limber_kiosk_set_property;

  /**
   * LimberKiosk:idle-seconds:
   *
   * Seconds without input, while no routine plays, before the warning.
   */
  properties[PROP_IDLE_SECONDS] =
    g_param_spec_uint ("idle-seconds", NULL, NULL, 1, 24 * 60 * 60, LIMBER_KIOSK_DEFAULT_IDLE_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberKiosk::changed:
   *
   * The state or the seconds left of the warning changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LimberKiosk::reset:
   *
   * Nobody answered the warning: clear everything and start over.
   */
  signals[RESET] = g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_kiosk_init (LimberKiosk *self)
{
  self->idle_seconds = LIMBER_KIOSK_DEFAULT_IDLE_SECONDS;
  self->state = LIMBER_KIOSK_STATE_RESTING;
}

/**
 * limber_kiosk_new:
 * @clock: what idle time, the warning and lockouts are measured by
 *
 * Returns: (transfer full): a kiosk at rest, waiting for someone.
 */
LimberKiosk *
limber_kiosk_new (LimberClock *clock)
{
  LimberKiosk *self;

  g_return_val_if_fail (LIMBER_IS_CLOCK (clock), NULL);

  self = g_object_new (LIMBER_TYPE_KIOSK, NULL);
  self->clock = g_object_ref (clock);

  return self;
}

/**
 * limber_kiosk_get_clock:
 *
 * Returns: (transfer none): the clock the kiosk counts by.
 */
LimberClock *
limber_kiosk_get_clock (LimberKiosk *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK (self), NULL);
  return self->clock;
}

/**
 * limber_kiosk_set_clock:
 *
 * Counts by @clock from now on, for tests: idle time and any warning start
 * again on it, and a lockout ends.
 */
void
limber_kiosk_set_clock (LimberKiosk *self,
                        LimberClock *clock)
{
  g_return_if_fail (LIMBER_IS_KIOSK (self));
  g_return_if_fail (LIMBER_IS_CLOCK (clock));

  if (clock == self->clock)
    return;

  disarm (self);
  g_set_object (&self->clock, clock);
  self->locked_until = 0;
  self->pin_failures = 0;

  if (self->state == LIMBER_KIOSK_STATE_WATCHING)
    watch_from_now (self);
  else if (self->state == LIMBER_KIOSK_STATE_WARNING)
    {
      self->warning_end = get_now (self) + LIMBER_KIOSK_WARNING_SECONDS * G_USEC_PER_SEC;
      count_down (self, get_now (self));
    }
}

guint
limber_kiosk_get_idle_seconds (LimberKiosk *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK (self), 0);
  return self->idle_seconds;
}

/**
 * limber_kiosk_set_idle_seconds:
 *
 * Takes effect at once: from the last input, not from now.
 */
void
limber_kiosk_set_idle_seconds (LimberKiosk *self,
                               guint        seconds)
{
  g_return_if_fail (LIMBER_IS_KIOSK (self));
  g_return_if_fail (seconds > 0);

  if (seconds == self->idle_seconds)
    return;

  self->idle_seconds = seconds;
  if (self->state == LIMBER_KIOSK_STATE_WATCHING)
    arm (self, idle_deadline (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_SECONDS]);
}

LimberKioskState
limber_kiosk_get_state (LimberKiosk *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK (self), LIMBER_KIOSK_STATE_RESTING);
  return self->state;
}

/**
 * limber_kiosk_get_seconds_left:
 *
 * Returns: the whole seconds left before starting over while the warning
 *   shows, else 0.
 */
guint
limber_kiosk_get_seconds_left (LimberKiosk *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK (self), 0);
  return self->seconds_left;
}

/**
 * limber_kiosk_report_input:
 *
 * Someone pressed, tapped, typed or moved the pointer: idle time starts
 * again, and a warning is answered.
 */
void
limber_kiosk_report_input (LimberKiosk *self)
{
  g_return_if_fail (LIMBER_IS_KIOSK (self));

  self->last_input = get_now (self);

  switch (self->state)
    {
    case LIMBER_KIOSK_STATE_RESTING:
    case LIMBER_KIOSK_STATE_WARNING:
      watch_from_now (self);
      break;

    case LIMBER_KIOSK_STATE_WATCHING:
    case LIMBER_KIOSK_STATE_BUSY:
    default:
      /* The alarm pending sees the new last input when it goes off. */
      break;
    }
}

/**
 * limber_kiosk_set_busy:
 *
 * Whether a routine is playing (not paused, not finished). Idle time
 * counts again from when it stops.
 */
void
limber_kiosk_set_busy (LimberKiosk *self,
                       gboolean     busy)
{
  g_return_if_fail (LIMBER_IS_KIOSK (self));

  busy = !!busy;
  if (busy == self->busy)
    return;

  self->busy = busy;
  if (busy)
    {
      disarm (self);
      set_state (self, LIMBER_KIOSK_STATE_BUSY, 0);
    }
  else
    watch_from_now (self);
}

gboolean
limber_kiosk_get_busy (LimberKiosk *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK (self), FALSE);
  return self->busy;
}

/**
 * limber_kiosk_rest:
 *
 * Everything was cleared some other way: nothing to wait for until the
 * next input.
 */
void
limber_kiosk_rest (LimberKiosk *self)
{
  g_return_if_fail (LIMBER_IS_KIOSK (self));

  disarm (self);
  self->busy = FALSE;
  set_state (self, LIMBER_KIOSK_STATE_RESTING, 0);
}

static guint
seconds_until (LimberKiosk *self,
               gint64       deadline)
{
  gint64 remaining = deadline - get_now (self);

  return remaining > 0 ? (guint)((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
}

/**
 * limber_kiosk_get_lockout_seconds:
 *
 * Returns: the seconds left of a lockout after too many wrong PINs, or 0.
 */
guint
limber_kiosk_get_lockout_seconds (LimberKiosk *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK (self), 0);
  return self->locked_until != 0 ? seconds_until (self, self->locked_until) : 0;
}

/**
 * limber_kiosk_try_pin:
 * @stored: (nullable): the value of kiosk-pin
 * @retry_seconds: (out) (optional): when locked out, the seconds to wait
 *
 * Checks a PIN typed on the staff pad. After
 * %LIMBER_KIOSK_MAX_PIN_TRIES wrong ones in a row no PIN is even checked
 * for %LIMBER_KIOSK_LOCKOUT_SECONDS; then the count starts again.
 */
LimberKioskPinResult
limber_kiosk_try_pin (LimberKiosk *self,
                      const char  *stored,
                      const char  *pin,
                      guint       *retry_seconds)
{
  guint lockout;

  g_return_val_if_fail (LIMBER_IS_KIOSK (self), LIMBER_KIOSK_PIN_WRONG);

  if (retry_seconds != NULL)
    *retry_seconds = 0;

  if (!limber_pin_is_stored_valid (stored))
    return LIMBER_KIOSK_PIN_NOT_SET;

  lockout = limber_kiosk_get_lockout_seconds (self);
  if (lockout > 0)
    {
      if (retry_seconds != NULL)
        *retry_seconds = lockout;
      return LIMBER_KIOSK_PIN_LOCKED;
    }
  if (self->locked_until != 0)
    {
      self->locked_until = 0;
      self->pin_failures = 0;
    }

  if (limber_pin_verify (stored, pin))
    {
      self->pin_failures = 0;
      return LIMBER_KIOSK_PIN_ACCEPTED;
    }

  if (++self->pin_failures < LIMBER_KIOSK_MAX_PIN_TRIES)
    return LIMBER_KIOSK_PIN_WRONG;

  self->locked_until = get_now (self) + LIMBER_KIOSK_LOCKOUT_SECONDS * G_USEC_PER_SEC;
  if (retry_seconds != NULL)
    *retry_seconds = LIMBER_KIOSK_LOCKOUT_SECONDS;

  return LIMBER_KIOSK_PIN_LOCKED;
}
