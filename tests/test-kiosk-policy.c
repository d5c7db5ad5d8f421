/* test-kiosk-policy.c: the kiosk's staff PIN hash, and when it starts over,
 * on a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/limber-fake-clock.h"
#include "limber-kiosk.h"
#include "limber-pin.h"

#define S(seconds) ((gint64)(seconds) * G_USEC_PER_SEC)

/* ---- the PIN ---- */

static char *
hex (const guint8 *bytes,
     gsize         length)
{
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (text, "%02x", bytes[i]);
  return g_string_free (text, FALSE);
}

/* The PBKDF2-HMAC-SHA256 vectors of RFC 7914, section 11 (the first 32
 * bytes of each): someone else's arithmetic, not ours. */
static void
test_pin_derive_vectors (void)
{
  guint8 out[LIMBER_PIN_HASH_LENGTH];
  g_autofree char *one = NULL;
  g_autofree char *many = NULL;

  limber_pin_derive ((const guint8 *)"passwd", 6, (const guint8 *)"salt", 4, 1, out);
  one = hex (out, sizeof out);
  g_assert_cmpstr (one, ==, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");

  limber_pin_derive ((const guint8 *)"Password", 8, (const guint8 *)"NaCl", 4, 80000, out);
  many = hex (out, sizeof out);
  g_assert_cmpstr (many, ==, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
}

/* A stored value made elsewhere (Python's hashlib.pbkdf2_hmac) verifies,
 * and nothing else does. */
static void
test_pin_verify_known (void)
{
  const char *stored = "sha256:1000:000102030405060708090a0b0c0d0e0f:"
                       "da0af9c4241f45ec5701b0f2e490f9c794db8f2aacca766c6081a721d04be295";
  g_autofree char *upper = g_ascii_strup (stored, -1);
  g_autofree char *ours = NULL;
  const guint8 salt[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

  g_assert_true (limber_pin_is_stored_valid (stored));
  g_assert_true (limber_pin_verify (stored, "2468"));
  g_assert_false (limber_pin_verify (stored, "2469"));
  g_assert_false (limber_pin_verify (stored, "24680"));
  g_assert_false (limber_pin_verify (stored, "0246"));
  g_assert_false (limber_pin_verify (stored, ""));
  g_assert_false (limber_pin_verify (stored, NULL));

  /* Hex in capitals is the same value; the prefix is not. */
  g_assert_false (limber_pin_verify (upper, "2468"));
  memcpy (upper, "sha256", 6);
  g_assert_true (limber_pin_verify (upper, "2468"));

  ours = limber_pin_hash_with_salt ("2468", 1000, salt, sizeof salt);
  g_assert_cmpstr (ours, ==, stored);
}

static void
test_pin_hash_round_trip (void)
{
  g_autofree char *first = limber_pin_hash ("024680135791");
  g_autofree char *second = limber_pin_hash ("024680135791");
  g_auto(GStrv) fields = g_strsplit (first, ":", -1);

  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "sha256");
  g_assert_cmpstr (fields[1], ==, "100000");
  g_assert_cmpuint (strlen (fields[2]), ==, 2 * LIMBER_PIN_SALT_LENGTH);
  g_assert_cmpuint (strlen (fields[3]), ==, 2 * LIMBER_PIN_HASH_LENGTH);

  /* A new salt each time. */
  g_assert_cmpstr (first, !=, second);
  g_assert_true (limber_pin_verify (first, "024680135791"));
  g_assert_true (limber_pin_verify (second, "024680135791"));
  g_assert_false (limber_pin_verify (first, "024680135792"));
}

static void
test_pin_valid_input (void)
{
  g_assert_true (limber_pin_is_valid ("0000"));
  g_assert_true (limber_pin_is_valid ("123456789012"));
  g_assert_false (limber_pin_is_valid ("123"));
  g_assert_false (limber_pin_is_valid ("1234567890123"));
  g_assert_false (limber_pin_is_valid ("12a4"));
  g_assert_false (limber_pin_is_valid ("1234 "));
  g_assert_false (limber_pin_is_valid (" 1234"));
  g_assert_false (limber_pin_is_valid ("١٢٣٤"));   /* Arabic-Indic digits */
  g_assert_false (limber_pin_is_valid (""));
  g_assert_false (limber_pin_is_valid (NULL));
}

static void
test_pin_malformed_stored (void)
{
  const char *hash = "da0af9c4241f45ec5701b0f2e490f9c794db8f2aacca766c6081a721d04be295";
  const char *malformed[] = {
    "",
    "2468",
    "sha256:",
    "sha256:1000",
    "sha256:1000:000102030405060708090a0b0c0d0e0f",
    "sha1:1000:000102030405060708090a0b0c0d0e0f:HASH",
    "sha256:0:000102030405060708090a0b0c0d0e0f:HASH",
    "sha256:-1:000102030405060708090a0b0c0d0e0f:HASH",
    "sha256:+1000:000102030405060708090a0b0c0d0e0f:HASH",
    "sha256:1000x:000102030405060708090a0b0c0d0e0f:HASH",
    "sha256:99999999999:000102030405060708090a0b0c0d0e0f:HASH",
    "sha256:1000::HASH",
    "sha256:1000:0g0102030405060708090a0b0c0d0e0f:HASH",
    "sha256:1000:000:HASH",
    "sha256:1000:000102030405060708090a0b0c0d0e0f:HASH00",
    "sha256:1000:000102030405060708090a0b0c0d0e0f:HASH:",
    " sha256:1000:000102030405060708090a0b0c0d0e0f:HASH",
  };

  g_assert_false (limber_pin_is_stored_valid (NULL));
  g_assert_false (limber_pin_verify (NULL, "2468"));

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GString) text = g_string_new (malformed[i]);
      const char *stored;

      g_string_replace (text, "HASH", hash, 0);
      stored = text->str;
      g_test_message ("%s", stored);
      g_assert_false (limber_pin_is_stored_valid (stored));
      g_assert_false (limber_pin_verify (stored, "2468"));
    }

  /* A truncated hash is not a shorter match. */
  {
    g_autofree char *stored = g_strdup_printf ("sha256:1000:000102030405060708090a0b0c0d0e0f:%.62s", hash);

    g_assert_false (limber_pin_verify (stored, "2468"));
  }
}

/* ---- idle time ---- */

typedef struct
{
  LimberClock *clock;
  LimberKiosk *kiosk;
  guint        resets;
  guint        changes;
  GArray      *seconds_seen;
} Fixture;

static void
on_reset_cb (LimberKiosk *kiosk,
             Fixture     *fixture)
{
  fixture->resets++;
}

static void
on_changed_cb (LimberKiosk *kiosk,
               Fixture     *fixture)
{
  guint left = limber_kiosk_get_seconds_left (kiosk);

  fixture->changes++;
  if (limber_kiosk_get_state (kiosk) == LIMBER_KIOSK_STATE_WARNING)
    g_array_append_val (fixture->seconds_seen, left);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->clock = limber_fake_clock_new ();
  fixture->kiosk = limber_kiosk_new (fixture->clock);
  fixture->resets = 0;
  fixture->changes = 0;
  fixture->seconds_seen = g_array_new (FALSE, FALSE, sizeof (guint));
  limber_kiosk_set_idle_seconds (fixture->kiosk, 90);
  g_signal_connect (fixture->kiosk, "reset", G_CALLBACK (on_reset_cb), fixture);
  g_signal_connect (fixture->kiosk, "changed", G_CALLBACK (on_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->kiosk);
  g_assert_finalize_object (fixture->clock);
  g_array_unref (fixture->seconds_seen);
}

static void
advance (Fixture *fixture,
         double   seconds)
{
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (fixture->clock), (gint64)(seconds * G_USEC_PER_SEC));
}

static guint
n_alarms (Fixture *fixture)
{
  return limber_fake_clock_get_n_alarms (LIMBER_FAKE_CLOCK (fixture->clock));
}

/* At rest nothing is pending; the first input starts the idle time, the
 * warning counts down 10, 9 ... 1 and then the kiosk starts over, once. */
static void
test_idle_warns_then_resets (Fixture       *fixture,
                             gconstpointer  data)
{
  const guint expected[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_RESTING);
  g_assert_cmpuint (n_alarms (fixture), ==, 0);
  advance (fixture, 3600);
  g_assert_cmpuint (fixture->resets, ==, 0);

  limber_kiosk_report_input (fixture->kiosk);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);
  advance (fixture, 89.9);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);

  advance (fixture, 0.1);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WARNING);
  g_assert_cmpuint (limber_kiosk_get_seconds_left (fixture->kiosk), ==, LIMBER_KIOSK_WARNING_SECONDS);

  advance (fixture, 9.5);
  g_assert_cmpuint (limber_kiosk_get_seconds_left (fixture->kiosk), ==, 1);
  g_assert_cmpuint (fixture->resets, ==, 0);
  advance (fixture, 0.5);
  g_assert_cmpuint (fixture->resets, ==, 1);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_RESTING);
  g_assert_cmpuint (n_alarms (fixture), ==, 0);

  g_assert_cmpuint (fixture->seconds_seen->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (g_array_index (fixture->seconds_seen, guint, i), ==, expected[i]);

  /* Nothing more until someone comes. */
  advance (fixture, 3600);
  g_assert_cmpuint (fixture->resets, ==, 1);
}

/* Input moves the deadline; a stream of it sets no more than one alarm. */
static void
test_input_moves_deadline (Fixture       *fixture,
                           gconstpointer  data)
{
  limber_kiosk_report_input (fixture->kiosk);
  for (guint i = 0; i < 1000; i++)
    {
      advance (fixture, 0.05);
      limber_kiosk_report_input (fixture->kiosk);
      g_assert_cmpuint (n_alarms (fixture), ==, 1);
    }

  /* 50 s of input, then 89 s of nothing: still watching. */
  advance (fixture, 89);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);
  advance (fixture, 1);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WARNING);
}

/* Any input during the warning answers it: no reset, and the idle time
 * starts again from that input. */
static void
test_input_cancels_warning (Fixture       *fixture,
                            gconstpointer  data)
{
  limber_kiosk_report_input (fixture->kiosk);
  advance (fixture, 95);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WARNING);

  limber_kiosk_report_input (fixture->kiosk);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);
  g_assert_cmpuint (n_alarms (fixture), ==, 1);
  advance (fixture, 89);
  g_assert_cmpuint (fixture->resets, ==, 0);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);
  advance (fixture, 11);
  g_assert_cmpuint (fixture->resets, ==, 1);
}

/* A playing routine is never interrupted; idle time counts from its end
 * (or pause), so a routine finished with nobody there is cleared too. */
static void
test_busy_never_resets (Fixture       *fixture,
                        gconstpointer  data)
{
  limber_kiosk_report_input (fixture->kiosk);
  advance (fixture, 60);
  limber_kiosk_set_busy (fixture->kiosk, TRUE);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_BUSY);
  g_assert_cmpuint (n_alarms (fixture), ==, 0);
  advance (fixture, 2 * 3600);
  g_assert_cmpuint (fixture->resets, ==, 0);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_BUSY);

  limber_kiosk_set_busy (fixture->kiosk, FALSE);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);
  advance (fixture, 89);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);
  advance (fixture, 11);
  g_assert_cmpuint (fixture->resets, ==, 1);

  /* Playing during the warning answers it too. */
  limber_kiosk_report_input (fixture->kiosk);
  advance (fixture, 92);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WARNING);
  limber_kiosk_set_busy (fixture->kiosk, TRUE);
  advance (fixture, 60);
  g_assert_cmpuint (fixture->resets, ==, 1);
}

/* A shorter idle time counts from the last input, not from the change. */
static void
test_idle_seconds_change (Fixture       *fixture,
                          gconstpointer  data)
{
  limber_kiosk_report_input (fixture->kiosk);
  advance (fixture, 40);
  limber_kiosk_set_idle_seconds (fixture->kiosk, 30);
  advance (fixture, 0);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WARNING);

  limber_kiosk_report_input (fixture->kiosk);
  limber_kiosk_set_idle_seconds (fixture->kiosk, 300);
  advance (fixture, 299);
  g_assert_cmpint (limber_kiosk_get_state (fixture->kiosk), ==, LIMBER_KIOSK_STATE_WATCHING);
  advance (fixture, 11);
  g_assert_cmpuint (fixture->resets, ==, 1);
}

/* A machine that slept through the warning starts over when it wakes. */
static void
test_late_alarm (Fixture       *fixture,
                 gconstpointer  data)
{
  limber_kiosk_report_input (fixture->kiosk);
  limber_fake_clock_set_lateness (LIMBER_FAKE_CLOCK (fixture->clock), S (600));
  advance (fixture, 700);
  limber_fake_clock_set_lateness (LIMBER_FAKE_CLOCK (fixture->clock), 0);
  advance (fixture, 10);
  g_assert_cmpuint (fixture->resets, ==, 1);
}

/* ---- PIN tries ---- */

#define QUICK_PIN "sha256:1000:000102030405060708090a0b0c0d0e0f:" \
                  "da0af9c4241f45ec5701b0f2e490f9c794db8f2aacca766c6081a721d04be295"

static void
test_pin_lockout (Fixture       *fixture,
                  gconstpointer  data)
{
  guint retry = 99;

  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "2468", &retry), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_assert_cmpuint (retry, ==, 0);

  for (guint i = 1; i < LIMBER_KIOSK_MAX_PIN_TRIES; i++)
    g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "1111", &retry), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "1111", &retry), ==, LIMBER_KIOSK_PIN_LOCKED);
  g_assert_cmpuint (retry, ==, LIMBER_KIOSK_LOCKOUT_SECONDS);

  /* Locked: even the right PIN is not checked. */
  advance (fixture, 59.5);
  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "2468", &retry), ==, LIMBER_KIOSK_PIN_LOCKED);
  g_assert_cmpuint (retry, ==, 1);
  g_assert_cmpuint (limber_kiosk_get_lockout_seconds (fixture->kiosk), ==, 1);

  /* Then five more tries. */
  advance (fixture, 0.5);
  g_assert_cmpuint (limber_kiosk_get_lockout_seconds (fixture->kiosk), ==, 0);
  for (guint i = 1; i < LIMBER_KIOSK_MAX_PIN_TRIES; i++)
    g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "1111", NULL), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "2468", NULL), ==, LIMBER_KIOSK_PIN_ACCEPTED);

  /* A right PIN starts the count again. */
  for (guint i = 1; i < LIMBER_KIOSK_MAX_PIN_TRIES; i++)
    g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "1111", NULL), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, QUICK_PIN, "1111", NULL), ==, LIMBER_KIOSK_PIN_LOCKED);
}

/* No PIN, or one that cannot be read, is no way out at all. */
static void
test_pin_not_set (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, "", "2468", NULL), ==, LIMBER_KIOSK_PIN_NOT_SET);
  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, NULL, "2468", NULL), ==, LIMBER_KIOSK_PIN_NOT_SET);
  g_assert_cmpint (limber_kiosk_try_pin (fixture->kiosk, "2468", "2468", NULL), ==, LIMBER_KIOSK_PIN_NOT_SET);
  g_assert_cmpuint (limber_kiosk_get_lockout_seconds (fixture->kiosk), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/pin/derive-vectors", test_pin_derive_vectors);
  g_test_add_func ("/kiosk/pin/verify-known", test_pin_verify_known);
  g_test_add_func ("/kiosk/pin/hash-round-trip", test_pin_hash_round_trip);
  g_test_add_func ("/kiosk/pin/valid-input", test_pin_valid_input);
  g_test_add_func ("/kiosk/pin/malformed-stored", test_pin_malformed_stored);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kiosk/idle/warns-then-resets", test_idle_warns_then_resets);
  ADD ("/kiosk/idle/input-moves-deadline", test_input_moves_deadline);
  ADD ("/kiosk/idle/input-cancels-warning", test_input_cancels_warning);
  ADD ("/kiosk/idle/busy-never-resets", test_busy_never_resets);
  ADD ("/kiosk/idle/idle-seconds-change", test_idle_seconds_change);
  ADD ("/kiosk/idle/late-alarm", test_late_alarm);
  ADD ("/kiosk/pin/lockout", test_pin_lockout);
  ADD ("/kiosk/pin/not-set", test_pin_not_set);
#undef ADD

  return g_test_run ();
}
