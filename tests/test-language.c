/* test-language.c: Limber started in German, and switched to Spanish and
 * back while it runs
 *
 * The translations come from the build tree (LIMBER_LOCALEDIR) and the
 * merged catalogue embedded in the resources. The expected words are read
 * from them, not written here, so the test holds however the translators
 * phrase them; it checks they are not English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "core/limber-catalogue-loader.h"
#include "limber-application.h"
#include "limber-language.h"
#include "limber-test-utils.h"
#include "limber-window.h"
#include "pages/limber-language-picker.h"
#include "pages/limber-soreness-rating.h"

#define REGION_ID "back.calves.left"

/* The shipped catalogue in English, to tell a translation from the
 * original. */
static LimberCatalogue *
load_english (void)
{
  LimberCatalogue *catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;

  limber_catalogue_set_languages (catalogue, (const char *[]) { "en", NULL });
  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  g_assert_no_error (error);

  return catalogue;
}

/* One Limber for the whole run: GApplication registers once a process. */
static LimberApplication *limber;

static LimberApplication *
start_limber (void)
{
  g_autoptr(GError) error = NULL;
  LimberWindow *window;

  if (limber != NULL)
    return limber;

  limber = limber_application_new ();
  g_application_set_flags (G_APPLICATION (limber), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (limber), NULL, &error));
  g_assert_no_error (error);
  g_settings_set_boolean (limber_application_get_settings (limber), "safety-notice-seen", TRUE);
  g_application_activate (G_APPLICATION (limber));
  limber_test_iterate (100);

  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (limber)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  limber_test_iterate (200);

  return limber;
}

static LimberWindow *
get_window (LimberApplication *app)
{
  return LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

/* Whether a mapped label under @root reads @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return limber_test_find_widget (root, GTK_TYPE_LABEL, text) != NULL;
}

/* A translation of @english in the current language, which must exist. */
static const char *
translated (const char *english)
{
  const char *text = g_dgettext (GETTEXT_PACKAGE, english);

  g_assert_cmpstr (text, !=, english);
  return text;
}

static const char *
translated_in_context (const char *context,
                       const char *english)
{
  const char *text = g_dpgettext2 (GETTEXT_PACKAGE, context, english);

  g_assert_cmpstr (text, !=, english);
  return text;
}

/* Shows the first routine for the selection on the routine page. */
static LimberRoutine *
open_first_routine (LimberWindow *window)
{
  LimberRoutineListPage *list_page = limber_window_get_routine_list_page (window);
  g_autoptr(LimberRoutine) routine = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-routines", NULL);
  limber_test_iterate (100);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "routines");

  routine = g_list_model_get_item (limber_routine_list_page_get_model (list_page), 0);
  g_assert_nonnull (routine);
  g_signal_emit_by_name (list_page, "routine-activated", routine);
  limber_test_iterate (200);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "routine");

  return limber_routine_page_get_routine (limber_window_get_routine_page (window));
}

/* The routine page shows @routine's title and first instruction in the
 * current language, and they are not the English ones. */
static void
assert_routine_translated (LimberWindow    *window,
                           LimberRoutine   *routine,
                           LimberCatalogue *english)
{
  GtkWidget *page = GTK_WIDGET (limber_window_get_routine_page (window));
  LimberRoutine *original = limber_catalogue_lookup_routine (english, limber_routine_get_id (routine));
  g_autoptr(LimberStep) step = g_list_model_get_item (limber_routine_get_steps (routine), 0);
  g_autoptr(LimberStep) original_step = g_list_model_get_item (limber_routine_get_steps (original), 0);

  g_assert_cmpstr (limber_routine_get_title (routine), !=, limber_routine_get_title (original));
  g_assert_true (shows_text (page, limber_routine_get_title (routine)));
  g_assert_cmpstr (limber_step_get_instruction (step), !=, limber_step_get_instruction (original_step));
  g_assert_true (shows_text (page, limber_step_get_instruction (step)));
  /* The page's own words too: its heading for the steps. */
  g_assert_true (shows_text (page, translated ("Steps")));
}

static void
test_german (void)
{
  LimberApplication *app = start_limber ();
  g_autoptr(LimberCatalogue) english = load_english ();
  LimberWindow *window = get_window (app);
  LimberMapPage *map = limber_window_get_map_page (window);
  LimberCatalogue *catalogue = limber_application_get_catalogue (app);
  LimberRegion *region = limber_catalogue_lookup_region (catalogue, REGION_ID);
  LimberRegion *original = limber_catalogue_lookup_region (english, REGION_ID);
  LimberRoutine *routine;
  guint n_regions, n_german = 0;

  g_assert_null (limber_application_get_language (app));
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);

  /* The map page's own words, GtkBuilder's and C's alike. */
  g_assert_true (shows_text (GTK_WIDGET (map), translated ("Where is it sore?")));
  g_assert_true (shows_text (GTK_WIDGET (map), translated ("Tap the places that are sore on the map, "
                                                           "or pick them from the list.")));
  g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (map), GTK_TYPE_TOGGLE_BUTTON,
                                             translated_in_context ("body view", "Front")));

  /* The regions, from the catalogue: nearly every name differs from the
   * English one ("Trizeps" and "Triceps" do; a name may not). */
  n_regions = g_list_model_get_n_items (limber_catalogue_get_regions (catalogue));
  for (guint i = 0; i < n_regions; i++)
    {
      g_autoptr(LimberRegion) shown = g_list_model_get_item (limber_catalogue_get_regions (catalogue), i);
      LimberRegion *english_region = limber_catalogue_lookup_region (english, limber_region_get_id (shown));

      n_german += g_strcmp0 (limber_region_get_name (shown), limber_region_get_name (english_region)) != 0;
    }
  g_assert_cmpuint (n_german, >=, n_regions * 9 / 10);
  g_assert_cmpstr (limber_region_get_name (region), !=, limber_region_get_name (original));

  /* A chosen region's chip names it in German. */
  limber_test_select_region (GTK_WIDGET (map), REGION_ID);
  limber_test_iterate (100);
  g_assert_true (shows_text (limber_map_page_get_chips (map), limber_region_get_name (region)));

  /* A routine, from the catalogue and the page. */
  routine = open_first_routine (window);
  assert_routine_translated (window, routine, english);
}

static gboolean
window_is_mapped (gpointer data)
{
  LimberApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
switch_language (LimberApplication *app,
                 const char        *language)
{
  GtkWindow *before = GTK_WINDOW (get_window (app));

  g_object_add_weak_pointer (G_OBJECT (before), (gpointer *)&before);
  limber_application_set_language (app, language);
  g_assert_true (limber_test_wait_for (window_is_mapped, app, 5000));
  limber_test_iterate (200);

  /* One window, built anew in the new language; the old one is gone. */
  g_assert_null (before);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

static GtkWindow *
find_notice (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_live_switch (void)
{
  LimberApplication *app = start_limber ();
  g_autoptr(LimberCatalogue) english = load_english ();
  LimberCatalogue *catalogue = limber_application_get_catalogue (app);
  LimberRegion *region = limber_catalogue_lookup_region (catalogue, REGION_ID);
  g_autofree char *german_question = g_strdup (translated ("Where is it sore?"));
  g_autofree char *german_region = g_strdup (limber_region_get_name (region));
  g_autofree char *german_front = g_strdup (translated_in_context ("body view", "Front"));
  g_auto(GStrv) selected = NULL;
  g_autoptr(GVariant) state = NULL;
  g_autofree char *german_title = NULL;
  GtkWindow *notice;
  LimberWindow *window;
  LimberRoutine *routine;
  const char *routine_id;

  window = get_window (app);
  limber_map_page_clear_selection (limber_window_get_map_page (window));
  limber_test_select_region (GTK_WIDGET (limber_window_get_map_page (window)), REGION_ID);
  limber_map_page_set_injured (limber_window_get_map_page (window), "back.calves.right", TRUE);
  g_object_set (limber_window_get_map_page (window), "view", "front", NULL);
  routine = open_first_routine (window);
  routine_id = limber_routine_get_id (routine);
  german_title = g_strdup (limber_routine_get_title (routine));

  /* To Spanish: the same page, the same routine, the same selection, in
   * Spanish, the catalogue's words and the interface's. */
  switch_language (app, "es");
  window = get_window (app);
  g_assert_cmpstr (limber_application_get_language (app), ==, "es");
  state = g_action_group_get_action_state (G_ACTION_GROUP (app), "language");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "es");
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "routine");
  routine = limber_routine_page_get_routine (limber_window_get_routine_page (window));
  g_assert_cmpstr (limber_routine_get_id (routine), ==, routine_id);
  assert_routine_translated (window, routine, english);
  g_assert_cmpstr (limber_routine_get_title (routine), !=, german_title);
  g_assert_cmpstr (limber_region_get_name (region), !=, german_region);
  selected = limber_map_page_dup_selected_ids (limber_window_get_map_page (window));
  g_assert_cmpuint (g_strv_length (selected), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *)selected, "back.calves.left"));
  g_assert_true (g_strv_contains ((const char * const *)selected, "back.calves.right"));
  g_assert_true (limber_map_page_get_injured (limber_window_get_map_page (window), "back.calves.right"));
  {
    g_autofree char *view = NULL;

    g_object_get (limber_window_get_map_page (window), "view", &view, NULL);
    g_assert_cmpstr (view, ==, "front");
  }

  /* On the map, C_() and GtkBuilder's strings with a context follow too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  limber_test_iterate (100);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "map");
  g_assert_cmpstr (translated ("Where is it sore?"), !=, german_question);
  g_assert_true (shows_text (GTK_WIDGET (limber_window_get_map_page (window)), translated ("Where is it sore?")));
  g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (limber_window_get_map_page (window)),
                                             GTK_TYPE_TOGGLE_BUTTON,
                                             translated_in_context ("body view", "Front")));
  g_assert_cmpstr (translated_in_context ("body view", "Front"), !=, german_front);

  /* English, by the action a kiosk would use: no translation at all. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "language", g_variant_new_string ("en"));
  g_assert_true (limber_test_wait_for (window_is_mapped, app, 5000));
  limber_test_iterate (200);
  window = get_window (app);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Where is it sore?"), ==, "Where is it sore?");
  g_assert_true (shows_text (GTK_WIDGET (limber_window_get_map_page (window)), "Where is it sore?"));
  g_assert_cmpstr (limber_region_get_name (region), ==,
                   limber_region_get_name (limber_catalogue_lookup_region (english, REGION_ID)));

  /* A language Limber does not have falls back to English, not to the
   * environment's German. The safety notice, if it was not read yet, is
   * shown again: it went with the old window. */
  g_settings_set_boolean (limber_application_get_settings (app), "safety-notice-seen", FALSE);
  switch_language (app, "xx");
  notice = find_notice ();
  g_assert_nonnull (notice);
  g_assert_true (gtk_window_get_transient_for (notice) == GTK_WINDOW (get_window (app)));
  gtk_window_destroy (notice);
  g_settings_set_boolean (limber_application_get_settings (app), "safety-notice-seen", TRUE);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Where is it sore?"), ==, "Where is it sore?");
  g_assert_cmpstr (limber_region_get_name (region), ==,
                   limber_region_get_name (limber_catalogue_lookup_region (english, REGION_ID)));

  /* Back to the environment's language. */
  switch_language (app, NULL);
  window = get_window (app);
  g_assert_null (limber_application_get_language (app));
  g_assert_cmpstr (translated ("Where is it sore?"), ==, german_question);
  g_assert_cmpstr (limber_region_get_name (region), ==, german_region);
  g_assert_true (shows_text (GTK_WIDGET (limber_window_get_map_page (window)), german_question));
}

/* A session under way goes on in the new language: the before rating
 * being given, then the routine playing. It is kept once, by the window
 * that sees it end, with the rating given in the other language. */
static void
test_switch_mid_session (void)
{
  LimberApplication *app = start_limber ();
  LimberHistory *history = limber_application_get_history (app);
  guint n_before = limber_history_count_sessions (history);
  g_autoptr(GPtrArray) sessions = NULL;
  LimberSorenessRating *rating;
  LimberPlayer *player;
  LimberWindow *window;

  window = get_window (app);
  limber_map_page_clear_selection (limber_window_get_map_page (window));
  limber_test_select_region (GTK_WIDGET (limber_window_get_map_page (window)), REGION_ID);
  open_first_routine (window);

  /* How sore is it now? Six, in German; the question comes back in
   * Spanish with the six still chosen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", NULL);
  limber_test_iterate (100);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "rate");
  limber_soreness_rating_set (limber_window_get_before_rating (window), REGION_ID, 6);

  switch_language (app, "es");
  window = get_window (app);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "rate");
  rating = limber_window_get_before_rating (window);
  g_assert_cmpuint (limber_soreness_rating_get_n_regions (rating), ==, 1);
  g_assert_cmpint (limber_soreness_rating_get (rating, REGION_ID), ==, 6);

  /* Started, and switched again while it plays: the same player, still
   * playing, on the new window's player page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rate-start", NULL);
  limber_test_iterate (100);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "player");
  player = limber_player_page_get_player (limber_window_get_player_page (window));
  g_assert_nonnull (player);
  g_object_add_weak_pointer (G_OBJECT (player), (gpointer *)&player);

  switch_language (app, "de");
  window = get_window (app);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "player");
  g_assert_true (limber_player_page_get_player (limber_window_get_player_page (window)) == player);
  g_assert_cmpint (limber_player_get_state (player), !=, LIMBER_PLAYER_STATE_FINISHED);

  /* It hurt, so it is worth keeping; left, it is kept once. */
  limber_player_this_hurts (player);
  g_signal_emit_by_name (limber_window_get_player_page (window), "leave");
  limber_test_iterate (100);
  g_object_remove_weak_pointer (G_OBJECT (player), (gpointer *)&player);
  limber_history_flush (history);
  g_assert_cmpuint (limber_history_count_sessions (history), ==, n_before + 1);
  sessions = limber_history_list_sessions (history, G_MAXINT64, 1);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (limber_session_record_get_before (g_ptr_array_index (sessions, 0), REGION_ID), ==, 6);

  switch_language (app, NULL);
}

/* The languages on offer, each named in itself, and asking leaves Limber
 * in its own. */
static void
test_names (void)
{
  g_auto(GStrv) available = limber_language_dup_available ();
  g_autofree char *german_question = g_strdup (translated ("Where is it sore?"));
  g_autofree char *german = g_strdup (translated_in_context ("language name", "English"));
  g_autofree char *english_name = NULL;
  g_autofree char *spanish_name = NULL;
  g_autofree char *german_name = NULL;
  g_autofree char *unknown_name = NULL;

  g_assert_true (g_strv_contains ((const char * const *)available, "en"));
  g_assert_true (g_strv_contains ((const char * const *)available, "de"));
  g_assert_true (g_strv_contains ((const char * const *)available, "es"));
  for (guint i = 1; available[i] != NULL; i++)
    g_assert_cmpstr (available[i - 1], <, available[i]);

  english_name = limber_language_dup_name ("en");
  german_name = limber_language_dup_name ("de");
  spanish_name = limber_language_dup_name ("es");
  unknown_name = limber_language_dup_name ("xx");
  g_assert_cmpstr (english_name, ==, "English");
  g_assert_cmpstr (german_name, ==, german);
  g_assert_cmpstr (spanish_name, !=, "English");
  g_assert_cmpstr (spanish_name, !=, german_name);
  g_assert_cmpstr (unknown_name, ==, "xx");

  /* Still German. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Where is it sore?"), ==, german_question);
}

static void
on_language_chosen_cb (LimberLanguagePicker *picker,
                       const char           *language,
                       char                **chosen)
{
  g_free (*chosen);
  *chosen = g_strdup (language);
}

/* The picker names each language in itself; a tap chooses one. */
static void
test_picker (void)
{
  GtkWidget *picker = g_object_ref_sink (limber_language_picker_new ());
  g_autofree char *chosen = NULL;
  g_autofree char *spanish = limber_language_dup_name ("es");
  GtkWidget *english, *german;

  g_signal_connect (picker, "language-chosen", G_CALLBACK (on_language_chosen_cb), &chosen);
  english = limber_language_picker_get_button (LIMBER_LANGUAGE_PICKER (picker), "en");
  german = limber_language_picker_get_button (LIMBER_LANGUAGE_PICKER (picker), "de");
  g_assert_nonnull (english);
  g_assert_nonnull (german);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (english)), ==, "English");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (limber_language_picker_get_button (LIMBER_LANGUAGE_PICKER (picker), "es"))),
                   ==, spanish);

  /* The current one is shown chosen, a regional variant as its language;
   * showing it emits nothing. */
  limber_language_picker_set_current (LIMBER_LANGUAGE_PICKER (picker), "de_AT");
  g_assert_cmpstr (limber_language_picker_get_current (LIMBER_LANGUAGE_PICKER (picker)), ==, "de");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (german)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (english)));
  g_assert_null (chosen);

  /* A tap on English chooses it; a tap on the current one does nothing. */
  g_signal_emit_by_name (english, "clicked");
  g_assert_cmpstr (chosen, ==, "en");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (english)));
  g_clear_pointer (&chosen, g_free);
  g_signal_emit_by_name (english, "clicked");
  g_assert_null (chosen);

  g_object_unref (picker);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Limber starts in German, as it would on a German desktop. */
  g_setenv ("LANGUAGE", "de", TRUE);
  limber_language_init ();
  limber_test_init_gui (&argc, &argv);

  g_test_add_func ("/language/german", test_german);
  g_test_add_func ("/language/names", test_names);
  g_test_add_func ("/language/picker", test_picker);
  g_test_add_func ("/language/live-switch", test_live_switch);
  g_test_add_func ("/language/switch-mid-session", test_switch_mid_session);

  status = g_test_run ();
  g_clear_object (&limber);

  return status;
}
