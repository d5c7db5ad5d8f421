/* limber-pin.c
 *
 * The staff PIN is stored in GSettings (kiosk-pin) as
 *
 *   sha256:<iterations>:<salt, hex>:<hash, hex>
 *
 * where the hash is PBKDF2-HMAC-SHA256 (RFC 8018) of the PIN's digits with
 * the salt, one 32-byte block. It keeps the PIN out of plain sight in a
 * settings dump and makes each guess cost a moment; it is not meant to
 * resist an offline attack on a four-digit PIN (10,000 guesses), which is
 * why the dconf database that holds it belongs to root. The comparison
 * takes the same time however many bytes match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-pin"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "limber-pin.h"

#define PREFIX         "sha256:"
#define MAX_SALT_BYTES 64

/**
 * limber_pin_is_valid:
 *
 * Returns: whether @pin is a PIN Limber accepts: 4 to 12 digits, nothing
 *   else.
 */
gboolean
limber_pin_is_valid (const char *pin)
{
  gsize length = 0;

  if (pin == NULL)
    return FALSE;

  for (const char *p = pin; *p != '\0'; p++, length++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return length >= LIMBER_PIN_MIN_DIGITS && length <= LIMBER_PIN_MAX_DIGITS;
}

/**
 * limber_pin_derive:
 * @out: (out caller-allocates): the derived key
 *
 * PBKDF2-HMAC-SHA256 with a derived key of one block (RFC 8018, section
 * 5.2): U1 = HMAC(secret, salt || 00000001), Ui = HMAC(secret, Ui-1), and
 * the key is U1 xor U2 xor ... Uiterations.
 */
void
limber_pin_derive (const guint8 *secret,
                   gsize         secret_length,
                   const guint8 *salt,
                   gsize         salt_length,
                   guint         iterations,
                   guint8        out[LIMBER_PIN_HASH_LENGTH])
{
  static const guint8 first_block[4] = { 0, 0, 0, 1 };
  g_autoptr(GHmac) keyed = NULL;
  guint8 u[LIMBER_PIN_HASH_LENGTH];
  gsize length = sizeof u;
  GHmac *hmac;

  g_return_if_fail (secret != NULL && secret_length > 0);
  g_return_if_fail (salt != NULL || salt_length == 0);
  g_return_if_fail (iterations > 0);

  /* Keyed once; each round starts from a copy of the keyed state. */
  keyed = g_hmac_new (G_CHECKSUM_SHA256, secret, secret_length);

  hmac = g_hmac_copy (keyed);
  if (salt_length > 0)
    g_hmac_update (hmac, salt, salt_length);
  g_hmac_update (hmac, first_block, sizeof first_block);
  g_hmac_get_digest (hmac, u, &length);
  g_hmac_unref (hmac);
  memcpy (out, u, sizeof u);

  for (guint i = 1; i < iterations; i++)
    {
      length = sizeof u;
      hmac = g_hmac_copy (keyed);
      g_hmac_update (hmac, u, sizeof u);
      g_hmac_get_digest (hmac, u, &length);
      g_hmac_unref (hmac);

      for (guint j = 0; j < sizeof u; j++)
        out[j] ^= u[j];
    }

  explicit_bzero (u, sizeof u);
}

static char *
to_hex (const guint8 *bytes,
        gsize         length)
{
  GString *hex = g_string_sized_new (length * 2);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02x", bytes[i]);

  return g_string_free (hex, FALSE);
}

/* Exactly @length bytes of hex digits, either case, or FALSE. */
static gboolean
from_hex (const char *hex,
          guint8     *bytes,
          gsize       length)
{
  if (strlen (hex) != length * 2)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      int high = g_ascii_xdigit_value (hex[2 * i]);
      int low = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (high < 0 || low < 0)
        return FALSE;
      bytes[i] = (guint8)(high << 4 | low);
    }

  return TRUE;
}

/**
 * limber_pin_hash_with_salt:
 *
 * Returns: (transfer full): the value to store for @pin, with this salt.
 */
char *
limber_pin_hash_with_salt (const char   *pin,
                           guint         iterations,
                           const guint8 *salt,
                           gsize         salt_length)
{
  guint8 hash[LIMBER_PIN_HASH_LENGTH];
  g_autofree char *salt_hex = NULL;
  g_autofree char *hash_hex = NULL;

  g_return_val_if_fail (limber_pin_is_valid (pin), NULL);
  g_return_val_if_fail (iterations > 0 && iterations <= LIMBER_PIN_MAX_ITERATIONS, NULL);
  g_return_val_if_fail (salt != NULL && salt_length > 0 && salt_length <= MAX_SALT_BYTES, NULL);

  limber_pin_derive ((const guint8 *)pin, strlen (pin), salt, salt_length, iterations, hash);
  salt_hex = to_hex (salt, salt_length);
  hash_hex = to_hex (hash, sizeof hash);
  explicit_bzero (hash, sizeof hash);

  return g_strdup_printf (PREFIX "%u:%s:%s", iterations, salt_hex, hash_hex);
}

/**
 * limber_pin_hash:
 *
 * Returns: (transfer full): the value to store in kiosk-pin for @pin, with
 *   a fresh random salt.
 */
char *
limber_pin_hash (const char *pin)
{
  guint8 salt[LIMBER_PIN_SALT_LENGTH];

  g_return_val_if_fail (limber_pin_is_valid (pin), NULL);

  if (getrandom (salt, sizeof salt, 0) != sizeof salt)
    g_error ("No random numbers for a salt: %s", g_strerror (errno));

  return limber_pin_hash_with_salt (pin, LIMBER_PIN_ITERATIONS, salt, sizeof salt);
}

typedef struct
{
  guint  iterations;
  guint8 salt[MAX_SALT_BYTES];
  gsize  salt_length;
  guint8 hash[LIMBER_PIN_HASH_LENGTH];
} StoredPin;

static gboolean
parse_stored (const char *stored,
              StoredPin  *parsed)
{
  g_auto(GStrv) fields = NULL;
  guint64 iterations;
  char *end;

  if (stored == NULL || !g_str_has_prefix (stored, PREFIX))
    return FALSE;

  fields = g_strsplit (stored + strlen (PREFIX), ":", -1);
  if (g_strv_length (fields) != 3)
    return FALSE;

  if (!g_ascii_isdigit (fields[0][0]))
    return FALSE;
  iterations = g_ascii_strtoull (fields[0], &end, 10);
  if (*end != '\0' || iterations == 0 || iterations > LIMBER_PIN_MAX_ITERATIONS)
    return FALSE;
  parsed->iterations = (guint)iterations;

  parsed->salt_length = strlen (fields[1]) / 2;
  if (parsed->salt_length == 0 || parsed->salt_length > MAX_SALT_BYTES
      || !from_hex (fields[1], parsed->salt, parsed->salt_length))
    return FALSE;

  return from_hex (fields[2], parsed->hash, sizeof parsed->hash);
}

/**
 * limber_pin_is_stored_valid:
 *
 * Returns: whether @stored has the form limber_pin_hash() gives.
 */
gboolean
limber_pin_is_stored_valid (const char *stored)
{
  StoredPin parsed;

  return parse_stored (stored, &parsed);
}

/**
 * limber_pin_verify:
 * @stored: (nullable): the value of kiosk-pin
 *
 * Returns: whether @pin is the PIN @stored was made from; %FALSE when
 *   @stored is empty or malformed, or @pin is not a valid PIN.
 */
gboolean
limber_pin_verify (const char *stored,
                   const char *pin)
{
  StoredPin parsed;
  guint8 hash[LIMBER_PIN_HASH_LENGTH];
  guint8 difference = 0;

  if (!limber_pin_is_valid (pin) || !parse_stored (stored, &parsed))
    return FALSE;

  limber_pin_derive ((const guint8 *)pin, strlen (pin), parsed.salt, parsed.salt_length, parsed.iterations, hash);

  /* Every byte is compared, whatever the first difference. */
  for (guint i = 0; i < sizeof hash; i++)
    difference |= hash[i] ^ parsed.hash[i];
  explicit_bzero (hash, sizeof hash);

  return difference == 0;
}
