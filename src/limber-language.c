/* limber-language.c
 *
 * gettext reads the LANGUAGE variable at every lookup, so setting it is how
 * the language changes while Limber runs; widgets already built keep their
 * words, which is why the application builds its windows again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-language"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "limber-language.h"

/* Where the translations are: LOCALEDIR, or the build tree's. */
static char *locale_dir;

#ifdef HAVE_NL_MSG_CAT_CNTR
extern int _nl_msg_cat_cntr;
#endif

/* gettext ignores LANGUAGE in the C locale, which is what a shell without
 * any locale settings has (LANGUAGE=de build-aux/run.sh in a container);
 * C.UTF-8 is the same locale without that rule. */
static void
heed_language_in_c_locale (const char *language)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (language != NULL && *language != '\0' && messages != NULL &&
      (g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")))
    setlocale (LC_MESSAGES, "C.UTF-8");
}

/**
 * limber_language_init:
 *
 * Sets up gettext for the domain `limber`, from the environment. Call it
 * once, first thing in main(). `LIMBER_LOCALEDIR` points it at the build
 * tree's translations (build-aux/run.sh and the tests do).
 */
void
limber_language_init (void)
{
  const char *build_dir = g_getenv ("LIMBER_LOCALEDIR");

  g_free (locale_dir);
  locale_dir = g_strdup (build_dir != NULL && *build_dir != '\0' ? build_dir : LOCALEDIR);
  setlocale (LC_ALL, "");
  heed_language_in_c_locale (g_getenv ("LANGUAGE"));
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* GLib decides once, at the first g_dgettext(), whether to translate at
   * all, and says no for good when the domain has no translation for the
   * language Limber starts in (C.UTF-8, or a language Limber lacks). That
   * would keep GtkBuilder's and C_()'s strings English after a switch to
   * German, so the decision is taken here, while the default domain is
   * still "messages", for which GLib always says yes. */
  g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * limber_language_set:
 * @language: (nullable): a value for `LANGUAGE`, such as "de" or "es:de",
 *   or %NULL or "" for the environment's locale alone
 *
 * Makes gettext (and g_get_language_names()) answer in @language from now
 * on. A language Limber has no translation for falls back to the next in
 * the list, then to English. Call it from the main thread.
 */
void
limber_language_set (const char *language)
{
  /* An empty LANGUAGE counts as unset, for gettext and GLib alike; setting
   * it rather than removing it leaves the environment's array in place for
   * threads that may be reading it. */
  g_setenv ("LANGUAGE", language != NULL ? language : "", TRUE);

  heed_language_in_c_locale (language);

  /* gettext keeps the translations it has looked up until the locale
   * changes, and setting the locale to what it already is changes nothing:
   * the gettext manual's way is to raise this count; elsewhere, a change of
   * locale and back. */
#ifdef HAVE_NL_MSG_CAT_CNTR
  ++_nl_msg_cat_cntr;
#else
  {
    g_autofree char *now = g_strdup (setlocale (LC_MESSAGES, NULL));

    if (now != NULL)
      {
        setlocale (LC_MESSAGES, g_str_equal (now, "C") ? "C.UTF-8" : "C");
        setlocale (LC_MESSAGES, now);
      }
  }
#endif
}

/**
 * limber_language_get_direction:
 *
 * Returns: the direction of the current language, as its translation says.
 */
GtkTextDirection
limber_language_get_direction (void)
{
  /* TRANSLATORS: write "default:RTL" here if your language is written from
   * right to left, and Limber's layout will mirror; otherwise copy
   * "default:LTR". Nothing else is understood. */
  const char *direction = _("default:LTR");

  return g_str_equal (direction, "default:RTL") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * limber_language_dup_available:
 *
 * Returns: (transfer full): the languages Limber speaks, by code, in the
 *   order of their codes: English, and every language with a translation
 *   installed, so that a new `po/LL.po` adds one.
 */
GStrv
limber_language_dup_available (void)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_ptr_array_add (codes, g_strdup ("en"));
  if (locale_dir != NULL)
    dir = g_dir_open (locale_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
      g_autofree char *path = g_build_filename (locale_dir, name, "LC_MESSAGES", file, NULL);

      if (!g_str_equal (name, "en") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (codes, g_strdup (name));
    }
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);

  return (GStrv)g_ptr_array_free (g_steal_pointer (&codes), FALSE);
}

/**
 * limber_language_dup_name:
 * @language: a language code, such as "de"
 *
 * Returns: (transfer full): the name of @language in @language itself,
 *   such as "Deutsch", as its own translation gives it; the code when it
 *   has none. The language Limber speaks does not change.
 */
char *
limber_language_dup_name (const char *language)
{
  g_autofree char *current = g_strdup (g_getenv ("LANGUAGE"));
  char *name;

  g_return_val_if_fail (language != NULL, NULL);

  /* The translation is asked in its own language, then Limber's is put
   * back. English has no translation: the message is its name. */
  limber_language_set (language);
  /* TRANSLATORS: the name of your language, written in your language,
   * such as "Deutsch" or "Español": the kiosk's language picker lists it
   * so that a person who reads no English finds their language */
  name = g_strdup (C_("language name", "English"));
  limber_language_set (current);

  if (!g_str_equal (language, "en") && !g_str_has_prefix (language, "en_") && g_str_equal (name, "English"))
    {
      g_free (name);
      name = g_strdup (language);
    }

  return name;
}
