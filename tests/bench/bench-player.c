/* bench-player.c: what playing a routine costs, against an idle window
 *
 * Runs Limber in this process on the X display it is given: first the map
 * page untouched (the reference), then a routine playing with the ring
 * visible, then the same routine paused. For each it prints the CPU time
 * of the process as a share of one core, context switches per second (its
 * wake-ups, all threads) and frames drawn per second.
 *
 *   bench-player [SECONDS [WIDTH HEIGHT]]     defaults: 60 s, 1920x1080
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "limber-application.h"
#include "limber-window.h"

typedef struct
{
  double cpu;          /* share of one core */
  double wakeups;      /* per second */
  double frames;       /* per second */
} Figures;

static guint frames;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  frames++;
}

static double
seconds_of (struct timeval tv)
{
  return tv.tv_sec + tv.tv_usec / 1e6;
}

static void
run_for (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

/* Blocks in the main loop as the application would, until @seconds pass. */
static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static Figures
measure (double seconds)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  struct rusage before, after;
  gint64 start, wall;
  guint frames_before = frames;
  Figures figures;

  getrusage (RUSAGE_SELF, &before);
  start = g_get_monotonic_time ();
  g_timeout_add ((guint)(seconds * 1000), quit_cb, loop);
  g_main_loop_run (loop);
  wall = g_get_monotonic_time () - start;
  getrusage (RUSAGE_SELF, &after);

  figures.cpu = (seconds_of (after.ru_utime) - seconds_of (before.ru_utime)
                 + seconds_of (after.ru_stime) - seconds_of (before.ru_stime)) / (wall / 1e6);
  figures.wakeups = (after.ru_nvcsw - before.ru_nvcsw + after.ru_nivcsw - before.ru_nivcsw) / (wall / 1e6);
  figures.frames = (frames - frames_before) / (wall / 1e6);

  return figures;
}

static void
print_figures (const char    *name,
               const Figures *figures,
               const Figures *reference)
{
  g_print ("%-34s %6.2f %% of a core  %7.1f wake-ups/s  %5.1f frames/s",
           name, figures->cpu * 100, figures->wakeups, figures->frames);
  if (reference != NULL && reference->cpu > 0)
    g_print ("   %5.2fx idle CPU", figures->cpu / reference->cpu);
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 60;
  int width = argc > 3 ? atoi (argv[2]) : 1920, height = argc > 3 ? atoi (argv[3]) : 1080;
  g_autoptr(LimberApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  LimberWindow *window;
  LimberRoutine *routine;
  LimberPlayerPage *page;
  Figures idle, playing, paused;

  gtk_init ();
  app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_settings_set_boolean (limber_application_get_settings (app), "safety-notice-seen", TRUE);
  g_application_activate (G_APPLICATION (app));
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  run_for (2);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);

  g_print ("Renderer: GSK_RENDERER=%s, window %dx%d, %.0f s each\n",
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "(default)", width, height, seconds);

  idle = measure (seconds);
  print_figures ("Idle window (map page, reference)", &idle, NULL);

  /* The calf roll lasts four minutes: it plays through every measure. */
  routine = limber_catalogue_lookup_routine (limber_application_get_catalogue (app), "calves.roll");
  g_signal_emit_by_name (limber_window_get_routine_list_page (window), "routine-activated", routine);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", NULL);
  run_for (1);
  page = limber_window_get_player_page (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  playing = measure (seconds);
  print_figures ("Playing, ring visible", &playing, &idle);

  gtk_widget_activate_action (GTK_WIDGET (page), "player.toggle-pause", NULL);
  g_assert_true (limber_player_get_paused (limber_player_page_get_player (page)));
  run_for (1.5);   /* the flash of the last step change dies away */
  paused = measure (seconds);
  print_figures ("Paused", &paused, &idle);

  gtk_window_destroy (GTK_WINDOW (window));
  run_for (0.2);

  return 0;
}
