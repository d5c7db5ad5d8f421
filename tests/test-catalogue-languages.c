/* test-catalogue-languages.c: a catalogue's translated copies (xml:lang),
 * chosen by a list of languages, with English to fall back on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/limber-catalogue-loader.h"
#include "core/limber-text.h"

/* A drop-in as a gym might write it by hand: copies before and after the
 * English, BCP 47 and locale names, text over several lines. */
static const char drop_in[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<catalogue version=\"1\">\n"
  "  <routines>\n"
  "    <routine id=\"gym.calf\" technique=\"stretching\" level=\"gentle\" primary=\"calves\"\n"
  "             equipment=\"wall\" cautions=\"fresh-injury\">\n"
  "      <title xml:lang=\"de\">Wadendehnung im Studio</title>\n"
  "      <title>Gym calf\n"
  "             stretch</title>\n"
  "      <title xml:lang=\"pt-BR\">Alongamento da panturrilha</title>\n"
  "      <title xml:lang=\"sr@latin\">Istezanje lista</title>\n"
  "      <summary>At the wall by the treadmills.</summary>\n"
  "      <caution>Keep your heel down.</caution>\n"
  "      <caution xml:lang=\"de\">Die Ferse bleibt unten.</caution>\n"
  "      <caution>Stop if the knee hurts.</caution>\n"
  "      <caution xml:lang=\"de\">Hören Sie auf, wenn das Knie schmerzt.</caution>\n"
  "      <steps>\n"
  "        <step seconds=\"30\" side=\"left\" other-side=\"true\">\n"
  "          <instruction>Lean into the wall with one leg back.</instruction>\n"
  "          <instruction xml:lang=\"de\">Lehnen Sie sich\n"
  "              an die Wand, ein Bein hinten.</instruction>\n"
  "          <cue at=\"half\"><text>Breathe out.</text><text xml:lang=\"DE\">Ausatmen.</text></cue>\n"
  "        </step>\n"
  "      </steps>\n"
  "    </routine>\n"
  "  </routines>\n"
  "</catalogue>\n";

static LimberCatalogue *
load_with_drop_in (const char  *xml,
                   GError     **error)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));

  limber_catalogue_set_languages (catalogue, (const char *[]) { "en", NULL });
  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, NULL));
  if (!limber_catalogue_load_bytes (catalogue, bytes, "gym.xml", error))
    return NULL;

  return g_steal_pointer (&catalogue);
}

static void
test_text (void)
{
  g_autoptr(LimberText) text = limber_text_new ("Calf");

  g_assert_cmpstr (limber_text_get (text), ==, "Calf");
  g_assert_false (limber_text_select (text, (const char *[]) { "de", NULL }));

  limber_text_add_variant (text, "de", "Wade");
  limber_text_add_variant (text, "pt-BR", "Panturrilha");
  limber_text_add_variant (text, "de", "Unterschenkel");
  g_assert_cmpuint (limber_text_get_n_variants (text), ==, 2);

  /* As g_get_language_names() gives them for de_DE.UTF-8. */
  g_assert_true (limber_text_select (text, (const char *[]) { "de_DE.UTF-8", "de_DE", "de.UTF-8", "de", "C", NULL }));
  g_assert_cmpstr (limber_text_get (text), ==, "Wade");
  g_assert_false (limber_text_select (text, (const char *[]) { "de", NULL }));

  /* A locale name finds a BCP 47 tag, and the first copy of a language is
   * the one kept. */
  g_assert_true (limber_text_select (text, (const char *[]) { "pt_BR.UTF-8", "pt_BR", "pt", NULL }));
  g_assert_cmpstr (limber_text_get (text), ==, "Panturrilha");
  g_assert_cmpstr (limber_text_lookup (text, "DE"), ==, "Wade");

  /* English ends the search, as it does for gettext; nothing found is
   * English too. */
  g_assert_true (limber_text_select (text, (const char *[]) { "en_GB", "en", "de", NULL }));
  g_assert_cmpstr (limber_text_get (text), ==, "Calf");
  limber_text_select (text, (const char *[]) { "fr", "de", NULL });
  g_assert_cmpstr (limber_text_get (text), ==, "Wade");
  g_assert_true (limber_text_select (text, (const char *[]) { "fr", "C", "de", NULL }));
  g_assert_cmpstr (limber_text_get (text), ==, "Calf");
  limber_text_select (text, NULL);
  g_assert_cmpstr (limber_text_get (text), ==, "Calf");
  g_assert_cmpstr (limber_text_get_source (text), ==, "Calf");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_drop_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalogue) catalogue = load_with_drop_in (drop_in, &error);
  g_autoptr(LimberStep) step = NULL;
  LimberRoutine *routine;
  guint notified = 0;

  g_assert_no_error (error);
  routine = limber_catalogue_lookup_routine (catalogue, "gym.calf");
  g_assert_nonnull (routine);
  step = g_list_model_get_item (limber_routine_get_steps (routine), 0);

  /* English first, its white space collapsed as xgettext collapses it. */
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Gym calf stretch");
  g_assert_cmpuint (limber_routine_get_n_own_cautions (routine), ==, 2);

  g_signal_connect (routine, "notify::title", G_CALLBACK (count_notify_cb), &notified);
  limber_catalogue_set_languages (catalogue, (const char *[]) { "fr", "de_AT", "de", NULL });
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstrv (limber_catalogue_get_languages (catalogue), ((const char *[]) { "fr", "de_AT", "de", NULL }));

  /* A copy before the English belongs to it; each caution keeps its own. */
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Wadendehnung im Studio");
  g_assert_cmpstr (limber_routine_get_own_caution (routine, 0), ==, "Die Ferse bleibt unten.");
  g_assert_cmpstr (limber_routine_get_own_caution (routine, 1), ==, "Hören Sie auf, wenn das Knie schmerzt.");
  g_assert_cmpstr (limber_step_get_instruction (step), ==, "Lehnen Sie sich an die Wand, ein Bein hinten.");
  g_assert_cmpstr (limber_step_get_cue (step, 0, NULL), ==, "Ausatmen.");
  /* What has no copy stays English. */
  g_assert_cmpstr (limber_routine_get_summary (routine), ==, "At the wall by the treadmills.");

  /* The same again changes nothing. */
  limber_catalogue_set_languages (catalogue, (const char *[]) { "de", NULL });
  g_assert_cmpuint (notified, ==, 1);

  limber_catalogue_set_languages (catalogue, (const char *[]) { "pt_BR.UTF-8", "pt_BR", "pt", "C", NULL });
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Alongamento da panturrilha");
  g_assert_cmpstr (limber_step_get_instruction (step), ==, "Lean into the wall with one leg back.");
  limber_catalogue_set_languages (catalogue, (const char *[]) { "sr@latin", NULL });
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Istezanje lista");

  /* English before German: English. */
  limber_catalogue_set_languages (catalogue, (const char *[]) { "en", "de", NULL });
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Gym calf stretch");
  g_assert_cmpstr (limber_step_get_cue (step, 0, NULL), ==, "Breathe out.");
  g_assert_cmpuint (notified, ==, 4);

  /* NULL is the environment's: the tests run with LANGUAGE=en. */
  limber_catalogue_set_languages (catalogue, NULL);
  g_assert_cmpstrv (limber_catalogue_get_languages (catalogue), g_get_language_names ());
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Gym calf stretch");
}

/* Texts loaded after a choice of language follow it, and the shipped
 * regions, groups and equipment answer to it. */
static void
test_loaded_later (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (drop_in, strlen (drop_in));
  g_autoptr(GError) error = NULL;
  LimberRegion *region;
  g_autofree char *german_region = NULL;
  guint notified = 0;

  limber_catalogue_set_languages (catalogue, (const char *[]) { "de", NULL });
  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  g_assert_true (limber_catalogue_load_bytes (catalogue, bytes, "gym.xml", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (limber_routine_get_title (limber_catalogue_lookup_routine (catalogue, "gym.calf")), ==,
                   "Wadendehnung im Studio");

  /* A region notifies its name when it changes (the shipped catalogue
   * may or may not have a German copy: that is the translators' part). */
  region = limber_catalogue_lookup_region (catalogue, "back.calves.left");
  german_region = g_strdup (limber_region_get_name (region));
  g_signal_connect (region, "notify::name", G_CALLBACK (count_notify_cb), &notified);
  limber_catalogue_set_languages (catalogue, (const char *[]) { "en", NULL });
  g_assert_cmpstr (limber_region_get_name (region), ==, "Left calf");
  g_assert_cmpuint (notified, ==, g_str_equal (german_region, "Left calf") ? 0 : 1);
  g_assert_cmpstr (limber_catalogue_get_group_name (catalogue, "calves"), ==, "Calf");
  g_assert_cmpstr (limber_catalogue_get_equipment_name (catalogue, "wall"), ==, "Wall");
  g_assert_cmpstr (limber_catalogue_get_caution_text (catalogue, "balance"), ==,
                   "Hold on to a wall or a chair if your balance is unsteady.");
}

static void
assert_load_fails (const char *xml,
                   const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalogue) catalogue = load_with_drop_in (xml, &error);

  g_assert_null (catalogue);
  g_assert_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_INVALID);
  if (strstr (error->message, reason) == NULL)
    g_error ("“%s” does not say “%s”", error->message, reason);
}

static char *
routine_with_title (const char *titles)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<catalogue version=\"1\">\n"
                          "  <routines>\n"
                          "    <routine id=\"gym.calf\" technique=\"stretching\" level=\"gentle\"\n"
                          "             primary=\"calves\" equipment=\"wall\" cautions=\"fresh-injury\">\n"
                          "      %s\n"
                          "      <summary>At the wall.</summary>\n"
                          "      <steps>\n"
                          "        <step seconds=\"30\" side=\"none\"><instruction>Lean.</instruction></step>\n"
                          "      </steps>\n"
                          "    </routine>\n"
                          "  </routines>\n"
                          "</catalogue>\n", titles);
}

static void
test_bad_copies (void)
{
  g_autofree char *only_german = routine_with_title ("<title xml:lang=\"de\">Wadendehnung</title>");
  g_autofree char *empty_copy = routine_with_title ("<title>Calf</title><title xml:lang=\"de\">  </title>");
  g_autofree char *words = g_strnfill (300, 'a');
  g_autofree char *more_words = g_strnfill (401, 'a');
  g_autofree char *english_title = g_strdup_printf ("<title>%s</title>", words);
  g_autofree char *german_title = g_strdup_printf ("<title>Calf</title><title xml:lang=\"de\">%s</title>", words);
  g_autofree char *longer_title = g_strdup_printf ("<title>Calf</title><title xml:lang=\"de\">%s</title>",
                                                   more_words);
  g_autofree char *long_english = routine_with_title (english_title);
  g_autofree char *long_copy = routine_with_title (german_title);
  g_autofree char *too_long_copy = routine_with_title (longer_title);
  g_autoptr(LimberCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  assert_load_fails (only_german, "gym.xml:6: element <title>: there are translations (xml:lang) but no English text");
  assert_load_fails (empty_copy, "element <title>: the text is only white space");

  /* A translation may run longer than the English may. */
  assert_load_fails (long_english, "element <title>");
  catalogue = load_with_drop_in (long_copy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalogue);
  assert_load_fails (too_long_copy, "element <title>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue-languages/text", test_text);
  g_test_add_func ("/catalogue-languages/drop-in", test_drop_in);
  g_test_add_func ("/catalogue-languages/loaded-later", test_loaded_later);
  g_test_add_func ("/catalogue-languages/bad-copies", test_bad_copies);

  return g_test_run ();
}
