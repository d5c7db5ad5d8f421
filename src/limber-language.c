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
  const char *locale_dir = g_getenv ("LIMBER_LOCALEDIR");

  setlocale (LC_ALL, "");
  heed_language_in_c_locale (g_getenv ("LANGUAGE"));
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL && *locale_dir != '\0' ? locale_dir : LOCALEDIR);
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
