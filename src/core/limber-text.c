/* limber-text.c
 *
 * The merged catalogue holds every language at once (msgfmt --xml writes a
 * copy of each translatable element per language, marked xml:lang), so a
 * text keeps them all and shows the one selected; a change of language is
 * a new selection, not a new catalogue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-text"

#include "config.h"

#include <string.h>

#include "limber-text.h"

typedef struct
{
  char *language;   /* normalised: lower case, "_" between the parts */
  char *text;
} Variant;

struct _LimberText
{
  char       *source;     /* English, without xml:lang: the msgid */
  GArray     *variants;   /* Variant, in document order; NULL while none */
  const char *current;    /* @source or a variant's text */
};

static void
clear_variant (gpointer data)
{
  Variant *variant = data;

  g_free (variant->language);
  g_free (variant->text);
}

/* "pt-BR", "pt_BR" and "PT_br" name one language: catalogues written by
 * hand use BCP 47 tags, msgfmt writes the .po file's name, and
 * g_get_language_names() gives locale names. The codeset is dropped. */
static char *
normalise_language (const char *language)
{
  const char *dot = strchr (language, '.');
  const char *at = strchr (language, '@');
  GString *out = g_string_new (NULL);

  for (const char *p = language; *p != '\0'; p++)
    {
      if (dot != NULL && p >= dot && (at == NULL || p < at))
        continue;
      g_string_append_c (out, *p == '-' ? '_' : g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

/**
 * limber_text_new:
 * @source: the English text
 *
 * Returns: (transfer full): a text that shows @source until a language
 * with a variant is selected.
 */
LimberText *
limber_text_new (const char *source)
{
  LimberText *self;

  g_return_val_if_fail (source != NULL, NULL);

  self = g_new0 (LimberText, 1);
  self->source = g_strdup (source);
  self->current = self->source;

  return self;
}

void
limber_text_free (LimberText *self)
{
  if (self == NULL)
    return;

  g_free (self->source);
  g_clear_pointer (&self->variants, g_array_unref);
  g_free (self);
}

/**
 * limber_text_add_variant:
 * @language: an xml:lang value, such as "de" or "pt-BR"
 *
 * Adds the translation into @language. The first one given for a language
 * is kept. Select again for it to show.
 */
void
limber_text_add_variant (LimberText *self,
                         const char *language,
                         const char *text)
{
  Variant variant;

  g_return_if_fail (self != NULL);
  g_return_if_fail (language != NULL && text != NULL);

  variant.language = normalise_language (language);
  if (limber_text_lookup (self, variant.language) != NULL)
    {
      g_free (variant.language);
      return;
    }

  if (self->variants == NULL)
    {
      self->variants = g_array_sized_new (FALSE, FALSE, sizeof (Variant), 2);
      g_array_set_clear_func (self->variants, clear_variant);
    }

  variant.text = g_strdup (text);
  g_array_append_val (self->variants, variant);
}

/**
 * limber_text_get:
 *
 * Returns: the text in the selected language, or in English.
 */
const char *
limber_text_get (const LimberText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->current;
}

/**
 * limber_text_get_source:
 *
 * Returns: the English text, as written in the catalogue.
 */
const char *
limber_text_get_source (const LimberText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source;
}

/**
 * limber_text_lookup:
 * @language: a language, such as "de" or "pt_BR"
 *
 * Returns: (nullable): the variant written for exactly @language.
 */
const char *
limber_text_lookup (const LimberText *self,
                    const char       *language)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (self->variants == NULL)
    return NULL;

  wanted = normalise_language (language);
  for (guint i = 0; i < self->variants->len; i++)
    {
      const Variant *variant = &g_array_index (self->variants, Variant, i);

      if (g_str_equal (variant->language, wanted))
        return variant->text;
    }

  return NULL;
}

guint
limber_text_get_n_variants (const LimberText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->variants != NULL ? self->variants->len : 0;
}

static gboolean
is_english (const char *language)
{
  return g_str_equal (language, "C") || g_str_equal (language, "POSIX") ||
         g_ascii_strcasecmp (language, "en") == 0;
}

/**
 * limber_text_select:
 * @languages: (array zero-terminated=1): the languages wanted, best first,
 *   as g_get_language_names() gives them
 *
 * Shows the variant of the first language in @languages that has one.
 * English ("en", "C") ends the search, as it does for gettext: the source
 * text is English. Without a match, the English text shows.
 *
 * Returns: whether the text shown changed.
 */
gboolean
limber_text_select (LimberText         *self,
                    const char * const *languages)
{
  const char *chosen;

  g_return_val_if_fail (self != NULL, FALSE);

  chosen = self->source;

  for (guint i = 0; self->variants != NULL && languages != NULL && languages[i] != NULL; i++)
    {
      const char *variant = limber_text_lookup (self, languages[i]);

      if (variant != NULL)
        {
          chosen = variant;
          break;
        }
      if (is_english (languages[i]))
        break;
    }

  if (chosen == self->current)
    return FALSE;

  self->current = chosen;
  return TRUE;
}
