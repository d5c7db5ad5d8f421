/* bench-kiosk-soak.c: a kiosk's day after day, in one process
 *
 * Runs Limber in kiosk mode on the X display it is given and repeats a
 * visitor's round CYCLES times: Start on the welcome page, two places on
 * the map, a planned session played to its end, then nobody there until
 * the kiosk starts over. Time is a fake clock, so a ten-minute session
 * takes milliseconds; the window still draws between the steps.
 *
 * Every 250 cycles it prints the resident memory, the open file
 * descriptors and the live objects, and at the end the growth per 1000
 * cycles after a warm-up of 200. Memory is read after every cycle; as the
 * window's backing store comes and goes, two readings are 8 MiB apart or
 * not by chance, so the growth is the least-squares slope of the lowest
 * reading of each 50 cycles, with the lowest of the first and the last
 * quarter beside it. Figures, not a verdict: nothing here fails on time
 * or size.
 *
 * Live objects: GLib counts every type's instances only where it was
 * built with debugging and GOBJECT_DEBUG=instance-count is set (Debian's
 * is not); then the sum over every GObject type is printed too. Always
 * counted, through weak references: every widget that was ever shown
 * (an emission hook on "map" registers it) and every player and plan a
 * visitor made, still alive.
 *
 *   [GOBJECT_DEBUG=instance-count] bench-kiosk-soak [CYCLES]
 *
 * 2000 cycles by default, full screen as a kiosk is: a 1080x1920 screen
 * is a portrait kiosk's, and a third of the pixels of the test session's
 * 2560x2560 to draw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "core/limber-fake-clock.h"
#include "limber-application.h"
#include "limber-window.h"
#include "pages/limber-region-choice.h"

#define REPORT_EVERY 250
#define WARM_UP      200
#define RSS_BLOCK    50

/* Two places a visitor might choose, round after round. */
static const char * const visits[][3] = {
  { "back.calves.left", "back.calves.right", NULL },
  { "front.quadriceps.left", "front.quadriceps.right", NULL },
  { "back.lower-back.left", "back.lower-back.right", NULL },
  { "back.hamstrings.left", "back.calves.left", NULL },
  { "front.chest.right", "back.upper-back.right", NULL },
};

typedef struct
{
  guint  cycle;
  double rss_mib;
  guint  fds;
  guint  widgets;       /* ever shown, still alive */
  guint  models;        /* players and plans, still alive */
  guint  objects;       /* every GObject, where GLib counts them */
} Sample;

static guint live_widgets;
static guint live_models;
static guint made_models;
static GQuark tracked_quark;

static void
on_widget_finalized_cb (gpointer  data,
                        GObject  *where_it_was)
{
  live_widgets--;
}

static void
on_model_finalized_cb (gpointer  data,
                       GObject  *where_it_was)
{
  live_models--;
}

static gboolean
on_widget_mapped_hook (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GObject *widget = g_value_get_object (&params[0]);

  if (g_object_get_qdata (widget, tracked_quark) == NULL)
    {
      g_object_set_qdata (widget, tracked_quark, GUINT_TO_POINTER (TRUE));
      g_object_weak_ref (widget, on_widget_finalized_cb, NULL);
      live_widgets++;
    }
  return TRUE;
}

static void
track_model (gpointer object)
{
  if (object == NULL || g_object_get_qdata (object, tracked_quark) != NULL)
    return;
  g_object_set_qdata (object, tracked_quark, GUINT_TO_POINTER (TRUE));
  g_object_weak_ref (object, on_model_finalized_cb, NULL);
  live_models++;
  made_models++;
}

static void
run_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);

  do
    while (g_main_context_iteration (NULL, FALSE))
      ;
  while (g_get_monotonic_time () < end && (g_usleep (1000), TRUE));
}

static double
resident_mib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return -1;

  return resident * (double)sysconf (_SC_PAGESIZE) / (1024 * 1024);
}

static guint
count_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  /* Less the one g_dir_open() holds. */
  return n > 0 ? n - 1 : 0;
}

static guint
count_instances (GType type)
{
  g_autofree GType *children = NULL;
  guint n_children;
  guint n = g_type_get_instance_count (type);

  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    n += count_instances (children[i]);

  return n;
}

static Sample
sample (guint cycle)
{
  Sample s = { cycle, resident_mib (), count_fds (), live_widgets, live_models, count_instances (G_TYPE_OBJECT) };

  return s;
}

static void
print_sample (const Sample *s,
              double        seconds)
{
  g_autofree char *objects = s->objects > 0 ? g_strdup_printf ("%u", s->objects) : g_strdup ("n/a");
  g_autofree char *models = g_strdup_printf ("%u of %u", s->models, made_models);

  g_print ("%7u  %9.1f  %5u  %8u  %13s  %9s  %8.1f\n",
           s->cycle, s->rss_mib, s->fds, s->widgets, models, objects, seconds);
}

static void
choose (LimberWindow       *window,
        const char * const *ids)
{
  GListModel *choices = limber_map_page_get_choices (limber_window_get_map_page (window));

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (choices, i);
      const char *id = limber_region_get_id (limber_region_choice_get_region (choice));

      limber_region_choice_set_selected (choice, g_strv_contains (ids, id));
    }
}

/* One visitor: Start, two places, a planned session to its end, then
 * nobody until the kiosk starts over. */
static void
visit (LimberApplication  *app,
       LimberWindow       *window,
       LimberFakeClock    *clock,
       const char * const *places)
{
  LimberKiosk *kiosk = limber_application_get_kiosk (app);
  LimberPlayer *player;

  g_assert_cmpstr (limber_window_get_page_name (window), ==, "welcome");
  limber_kiosk_report_input (kiosk);
  g_signal_emit_by_name (limber_welcome_page_get_start_button (limber_window_get_welcome_page (window)), "clicked");
  run_for (0.01);

  choose (window, places);
  run_for (0.01);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.plan-session", NULL);
  run_for (0.01);
  track_model (limber_planner_page_get_plan (limber_window_get_planner_page (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-plan", NULL);
  run_for (0.01);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "player");

  player = limber_player_page_get_player (limber_window_get_player_page (window));
  track_model (player);
  while (limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED)
    g_assert_true (limber_fake_clock_run_next (clock));
  run_for (0.01);

  limber_fake_clock_advance (clock, (gint64)(limber_kiosk_get_idle_seconds (kiosk) + LIMBER_KIOSK_WARNING_SECONDS + 1)
                                    * G_USEC_PER_SEC);
  run_for (0.01);
  g_assert_cmpstr (limber_window_get_page_name (window), ==, "welcome");
}

int
main (int   argc,
      char *argv[])
{
  guint cycles = argc > 1 ? (guint)atoi (argv[1]) : 2000;
  g_autoptr(LimberApplication) app = NULL;
  g_autoptr(LimberClock) clock = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rss_after_warm_up = g_array_new (FALSE, FALSE, sizeof (double));
  Sample warm = { 0 }, last;
  LimberWindow *window;
  gint64 start;

  gtk_init ();
  /* The stack's crossfades would draw a dozen frames a page: a soak is
   * about what is left behind, not how smooth the way there is. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  tracked_quark = g_quark_from_static_string ("bench-kiosk-soak-tracked");
  /* Signals exist once their class does. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, on_widget_mapped_hook, NULL, NULL);

  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
  g_settings_set_string (settings, "kiosk-gym-name", "Riverside Fitness");

  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  clock = limber_fake_clock_new ();
  limber_application_set_clock (app, clock);
  g_application_activate (G_APPLICATION (app));
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  run_for (2);

  g_print ("%u cycles: Start, two places on the map, a planned session played to its end, then idle until "
           "the kiosk starts over\n", cycles);
  g_print ("GSK_RENDERER=%s, window %dx%d\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)",
           gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  g_print ("%7s  %9s  %5s  %8s  %13s  %9s  %8s\n",
           "cycle", "RSS (MiB)", "fds", "widgets", "players+plans", "GObjects", "time (s)");
  g_print ("%7s  %9s  %5s  %8s  %13s  %9s\n", "", "", "", "shown,", "alive of", "");
  g_print ("%7s  %9s  %5s  %8s  %13s  %9s\n", "", "", "", "alive", "made", "");

  start = g_get_monotonic_time ();
  last = sample (0);
  print_sample (&last, 0);
  for (guint cycle = 1; cycle <= cycles; cycle++)
    {
      visit (app, window, LIMBER_FAKE_CLOCK (clock), visits[cycle % G_N_ELEMENTS (visits)]);

      if (cycle >= WARM_UP)
        {
          double rss = resident_mib ();

          g_array_append_val (rss_after_warm_up, rss);
        }
      if (cycle == WARM_UP || cycle % REPORT_EVERY == 0 || cycle == cycles)
        {
          last = sample (cycle);
          if (cycle == WARM_UP)
            warm = last;
          print_sample (&last, (g_get_monotonic_time () - start) / 1e6);
        }
    }

  if (cycles >= 2 * WARM_UP)
    {
      double per_thousand = 1000.0 / (last.cycle - warm.cycle);
      guint n = rss_after_warm_up->len, quarter = n / 4, n_blocks = n / RSS_BLOCK;
      double *rss = (double *)rss_after_warm_up->data;
      double mean_x = (n_blocks - 1) / 2.0, mean_y = 0, sxy = 0, sxx = 0;
      double first_low = G_MAXDOUBLE, last_low = G_MAXDOUBLE;
      g_autofree double *lows = g_new (double, MAX (n_blocks, 1));

      for (guint b = 0; b < n_blocks; b++)
        {
          lows[b] = G_MAXDOUBLE;
          for (guint i = b * RSS_BLOCK; i < (b + 1) * RSS_BLOCK; i++)
            lows[b] = MIN (lows[b], rss[i]);
          mean_y += lows[b] / n_blocks;
        }
      for (guint b = 0; b < n_blocks; b++)
        {
          sxy += (b - mean_x) * (lows[b] - mean_y);
          sxx += (b - mean_x) * (b - mean_x);
        }
      for (guint i = 0; i < n; i++)
        {
          if (i < quarter)
            first_low = MIN (first_low, rss[i]);
          if (i >= n - quarter)
            last_low = MIN (last_low, rss[i]);
        }

      g_print ("After a warm-up of %u cycles, per 1000 cycles: RSS %+.3f MiB (slope), lowest RSS %.1f MiB in the "
               "first quarter, %.1f MiB in the last; fds %+.1f, widgets %+.1f, players and plans alive %+.1f",
               WARM_UP, sxx > 0 ? sxy / sxx / RSS_BLOCK * 1000 : 0, first_low, last_low,
               (last.fds - (double)warm.fds) * per_thousand, (last.widgets - (double)warm.widgets) * per_thousand,
               (last.models - (double)warm.models) * per_thousand);
      if (last.objects > 0)
        g_print (", GObjects %+.1f", (last.objects - (double)warm.objects) * per_thousand);
      g_print (" (%.0f ms a cycle)\n", (g_get_monotonic_time () - start) / 1e3 / cycles);
    }

  limber_application_quit_kiosk (app);
  run_for (0.2);

  return 0;
}
