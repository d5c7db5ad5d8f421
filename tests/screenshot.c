/* screenshot.c: puts Limber in a state worth a screenshot, then takes it
 *
 *   limber-screenshot PAGE LANGUAGE OUTPUT [ROUTINE [STEP]]
 *
 * PAGE is "map", "routine" or "player"; LANGUAGE a value for LANGUAGE
 * ("de", "es", "he"); ROUTINE the routine shown (calves.roll unless
 * given), STEP the step the player shows (the first unless given). The window fills the X screen; once the page is
 * drawn, `import -window root OUTPUT` takes the picture.
 * build-aux/screenshots.sh runs it under a private Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-fake-clock.h"
#include "limber-application.h"
#include "limber-language.h"
#include "limber-test-utils.h"
#include "limber-window.h"
#include "pages/limber-region-choice.h"

/* Sore calves and a sore lower back: the example of the README. */
static const char * const chosen[] = { "back.calves.left", "back.calves.right", "back.lower-back.left", NULL };

static void
choose_regions (LimberMapPage *page)
{
  GListModel *choices = limber_map_page_get_choices (page);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (choices, i);

      if (g_strv_contains (chosen, limber_region_get_id (limber_region_choice_get_region (choice))))
        limber_region_choice_set_selected (choice, TRUE);
    }
  g_object_set (page, "view", "back", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;
  g_autoptr(LimberClock) fake_clock = NULL;
  g_autoptr(GError) error = NULL;
  const char *page, *output, *routine_id;
  gboolean kiosk;
  guint step;
  LimberCatalogue *catalogue;
  LimberWindow *window;
  GdkMonitor *monitor;
  GdkRectangle screen;
  int status;

  if (argc < 4 || argc > 6)
    {
      g_printerr ("usage: limber-screenshot [kiosk-]map|routine|player, or kiosk-welcome, LANGUAGE OUTPUT [ROUTINE [STEP]]\n");
      return 2;
    }
  page = argv[1];
  kiosk = g_str_has_prefix (page, "kiosk-");
  if (kiosk)
    page += strlen ("kiosk-");
  output = argv[3];
  routine_id = argc > 4 ? argv[4] : "calves.roll";
  step = argc > 5 ? (guint)g_ascii_strtoull (argv[5], NULL, 10) : 1;

  g_setenv ("LANGUAGE", argv[2], TRUE);
  limber_language_init ();
  gtk_init ();

  /* A gym's kiosk, as its dconf profile would set it up. */
  if (kiosk)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_settings_set_boolean (settings, "kiosk-mode", TRUE);
      g_settings_set_string (settings, "kiosk-gym-name", "Riverside Fitness");
      g_settings_set_string (settings, "kiosk-accent", "#26a269");
    }

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_settings_set_boolean (limber_application_get_settings (app), "safety-notice-seen", TRUE);
  g_settings_set_strv (limber_application_get_settings (app), "equipment-at-hand",
                       (const char *[]) { "foam-roller", "massage-ball", "wall", "chair", NULL });
  fake_clock = limber_fake_clock_new ();
  limber_application_set_clock (app, fake_clock);
  g_application_activate (G_APPLICATION (app));

  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  gdk_monitor_get_geometry (monitor, &screen);
  g_object_unref (monitor);
  gtk_window_set_default_size (GTK_WINDOW (window), screen.width, screen.height);
  limber_test_iterate (500);

  catalogue = limber_application_get_catalogue (app);
  if (kiosk && !g_str_equal (page, "welcome"))
    {
      gtk_widget_activate (limber_welcome_page_get_start_button (limber_window_get_welcome_page (window)));
      limber_test_iterate (200);
    }
  if (!g_str_equal (page, "welcome"))
    choose_regions (limber_window_get_map_page (window));
  if (g_str_equal (page, "routine") || g_str_equal (page, "player"))
    {
      LimberRoutineListPage *list = limber_window_get_routine_list_page (window);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-routines", NULL);
      limber_test_iterate (200);
      g_signal_emit_by_name (list, "routine-activated", limber_catalogue_lookup_routine (catalogue, routine_id));
    }
  if (g_str_equal (page, "player"))
    {
      LimberPlayer *player;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", NULL);
      /* Past "How sore are they now?", which a chosen place brings. */
      if (g_str_equal (limber_window_get_page_name (window), "rate"))
        gtk_widget_activate_action (GTK_WIDGET (window), "win.rate-skip", NULL);
      player = limber_player_page_get_player (limber_window_get_player_page (window));
      for (guint i = 1; i < step; i++)
        limber_player_next (player);
      /* Past "get ready", twelve seconds into the step. */
      limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (fake_clock));
      limber_fake_clock_advance (LIMBER_FAKE_CLOCK (fake_clock), 12 * G_USEC_PER_SEC);
    }
  /* Time to lay out and draw. */
  limber_test_iterate (1500);

  {
    const char *command[] = { "import", "-window", "root", output, NULL };

    if (!g_spawn_sync (NULL, (char **)command, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      g_error ("import failed: %s", error->message);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
