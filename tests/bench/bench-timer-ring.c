/* bench-timer-ring.c: what a running countdown ring costs, as a share of one
 * core, for this process and (given its pid) for the X server.
 *
 *   bench-timer-ring [SECONDS [XSERVER_PID]]
 *
 * Each case shows the ring in a window for SECONDS (default 20) with a real
 * clock behind it. "every frame" adds a tick callback that redraws the ring
 * on every frame, which is what the ring would cost without deciding when
 * a redraw is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>
#include <unistd.h>

#include "limber-test-utils.h"
#include "widgets/limber-timer-ring.h"

typedef struct
{
  gint64 start;
  gint64 duration_us;
} Phase;

static gint64
phase_time_func (gpointer  user_data,
                 gint64   *duration_us)
{
  Phase *phase = user_data;
  gint64 elapsed = g_get_monotonic_time () - phase->start;

  *duration_us = phase->duration_us;
  /* The phase starts over when it ends, as the next step would. */
  return phase->duration_us - elapsed % phase->duration_us;
}

static gboolean
redraw_every_frame_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* utime + stime of another process, in seconds, or -1. */
static double
process_cpu_seconds (int pid)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (pid <= 0)
    return -1;

  path = g_strdup_printf ("/proc/%d/stat", pid);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;

  /* Fields after the parenthesised name; utime and stime are 14 and 15. */
  after_name = strrchr (contents, ')');
  if (after_name == NULL)
    return -1;
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

static void
on_timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
}

/* Sleeps in the main loop as an application does, woken only by what it
 * has to do. */
static void
iterate_for (double seconds)
{
  gboolean done = FALSE;

  g_timeout_add_once ((guint)(seconds * 1000), on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
run_case (LimberTimerRing *ring,
          const char      *name,
          int              size,
          gint64           phase_seconds,
          gboolean         running,
          gboolean         every_frame,
          double           seconds,
          int              xserver_pid)
{
  Phase *phase = g_new0 (Phase, 1);
  guint renders = 0;
  guint tick_id = 0;
  gulong hook;
  double cpu0, x0, cpu, x;
  gint64 wall0, wall;

  phase->start = g_get_monotonic_time ();
  phase->duration_us = phase_seconds * G_USEC_PER_SEC;
  limber_timer_ring_set_time_func (ring, phase_time_func, phase, g_free);
  limber_timer_ring_set_running (ring, running);
  if (every_frame)
    tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (ring), redraw_every_frame_cb, NULL, NULL);

  iterate_for (1);

  hook = limber_test_count_renders_begin (&renders);
  cpu0 = cpu_seconds ();
  x0 = process_cpu_seconds (xserver_pid);
  wall0 = g_get_monotonic_time ();

  iterate_for (seconds);

  wall = g_get_monotonic_time () - wall0;
  cpu = cpu_seconds () - cpu0;
  x = process_cpu_seconds (xserver_pid) - x0;
  limber_test_count_renders_end (hook);

  g_print ("%4d px  %-22s %8.2f %%", size, name, 100. * cpu * G_USEC_PER_SEC / wall);
  if (xserver_pid > 0)
    g_print (" %8.2f %%", 100. * x * G_USEC_PER_SEC / wall);
  g_print (" %10.1f\n", renders * (double)G_USEC_PER_SEC / wall);

  if (tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (ring), tick_id);
  limber_timer_ring_set_running (ring, FALSE);
}

static gboolean
is_mapped (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

int
main (int   argc,
      char *argv[])
{
  static const int sizes[] = { 500, 200 };
  double seconds = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 20;
  int xserver_pid = argc > 2 ? atoi (argv[2]) : 0;

  gtk_init ();

  g_print ("Timer ring, %.0f s a case (GSK_RENDERER=%s), share of one core\n",
           seconds, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("%-30s %10s", "case", "ring");
  if (xserver_pid > 0)
    g_print (" %10s", "X server");
  g_print (" %10s\n", "frames/s");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      GtkWindow *window = GTK_WINDOW (gtk_window_new ());
      LimberTimerRing *ring = LIMBER_TIMER_RING (limber_timer_ring_new ());

      gtk_window_set_decorated (window, FALSE);
      gtk_window_set_default_size (window, sizes[s], sizes[s]);
      gtk_window_set_child (window, GTK_WIDGET (ring));
      limber_timer_ring_set_caption (ring, "Hold");
      gtk_window_present (window);
      while (!is_mapped (GTK_WIDGET (ring)))
        iterate_for (0.05);

      run_case (ring, "stopped", sizes[s], 30, FALSE, FALSE, seconds, xserver_pid);
      run_case (ring, "30 s phase", sizes[s], 30, TRUE, FALSE, seconds, xserver_pid);
      run_case (ring, "30 s phase, every frame", sizes[s], 30, TRUE, TRUE, seconds, xserver_pid);
      run_case (ring, "10 min phase", sizes[s], 600, TRUE, FALSE, seconds, xserver_pid);

      gtk_window_destroy (window);
    }

  return 0;
}
