/* limber-pin.h: the kiosk's staff PIN, kept as a salted, iterated hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIMBER_PIN_MIN_DIGITS     4
#define LIMBER_PIN_MAX_DIGITS     12
#define LIMBER_PIN_ITERATIONS     100000
#define LIMBER_PIN_MAX_ITERATIONS 10000000
#define LIMBER_PIN_SALT_LENGTH    16
#define LIMBER_PIN_HASH_LENGTH    32

gboolean  limber_pin_is_valid       (const char   *pin);
char     *limber_pin_hash           (const char   *pin);
char     *limber_pin_hash_with_salt (const char   *pin,
                                     guint         iterations,
                                     const guint8 *salt,
                                     gsize         salt_length);
gboolean  limber_pin_is_stored_valid (const char  *stored);
gboolean  limber_pin_verify         (const char   *stored,
                                     const char   *pin);
void      limber_pin_derive         (const guint8 *secret,
                                     gsize         secret_length,
                                     const guint8 *salt,
                                     gsize         salt_length,
                                     guint         iterations,
                                     guint8        out[LIMBER_PIN_HASH_LENGTH]);

G_END_DECLS
