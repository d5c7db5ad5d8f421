/* bench-launch.c: launch to first visible window and peak RSS, for Limber and
 * a reference application, alternating runs under the same X server.
 *
 * usage: bench-launch RUNS NAME COMMAND [ARGS...] -- NAME COMMAND [ARGS...]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>

typedef struct
{
  const char  *name;
  char       **argv;
  double       launch_ms[64];
  long         peak_kb[64];
} App;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long
read_peak_rss_kb (pid_t pid)
{
  char path[64], line[256];
  long kb = -1;
  FILE *f;

  snprintf (path, sizeof path, "/proc/%d/status", (int)pid);
  f = fopen (path, "r");
  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f))
    if (strncmp (line, "VmHWM:", 6) == 0)
      kb = strtol (line + 6, NULL, 10);
  fclose (f);

  return kb;
}

/* Starts the app and waits for a top-level window to be mapped. */
static int
run_once (Display *display,
          App     *app,
          int      run)
{
  Window root = DefaultRootWindow (display);
  double start, deadline;
  pid_t pid;
  int mapped = 0;

  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, True);

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (app->argv[0], app->argv);
      _exit (127);
    }

  deadline = start + 20000;
  while (!mapped && now_ms () < deadline)
    {
      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && event.xmap.event == root && !event.xmap.override_redirect)
            {
              app->launch_ms[run] = now_ms () - start;
              mapped = 1;
            }
        }
      if (!mapped)
        usleep (200);
    }

  /* Let it settle (first frames, idle work) before reading the peak. */
  usleep (1500 * 1000);
  app->peak_kb[run] = read_peak_rss_kb (pid);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  XSelectInput (display, root, NoEventMask);

  return mapped;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static int
compare_longs (const void *a,
               const void *b)
{
  long x = *(const long *)a, y = *(const long *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  App apps[2] = { 0 };
  Display *display;
  int runs, i, split = -1;
  double launch[2];
  long peak[2];

  for (i = 1; i < argc; i++)
    if (strcmp (argv[i], "--") == 0)
      split = i;

  if (argc < 6 || split < 4 || split + 2 >= argc)
    {
      fprintf (stderr, "usage: %s RUNS NAME COMMAND [ARGS...] -- NAME COMMAND [ARGS...]\n", argv[0]);
      return 2;
    }

  runs = atoi (argv[1]);
  if (runs < 1 || runs > 64)
    runs = 5;

  apps[0].name = argv[2];
  apps[0].argv = &argv[3];
  argv[split] = NULL;
  apps[1].name = argv[split + 1];
  apps[1].argv = &argv[split + 2];

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "bench-launch: cannot open the X display\n");
      return 1;
    }

  /* Warm the disk cache for both, then measure, alternating. */
  run_once (display, &apps[0], 0);
  run_once (display, &apps[1], 0);
  for (i = 0; i < runs; i++)
    for (int a = 0; a < 2; a++)
      if (!run_once (display, &apps[a], i))
        {
          fprintf (stderr, "bench-launch: %s never mapped a window\n", apps[a].name);
          return 1;
        }

  for (int a = 0; a < 2; a++)
    {
      qsort (apps[a].launch_ms, runs, sizeof (double), compare_doubles);
      qsort (apps[a].peak_kb, runs, sizeof (long), compare_longs);
      launch[a] = apps[a].launch_ms[runs / 2];
      peak[a] = apps[a].peak_kb[runs / 2];
      printf ("%-14s launch to first window %8.1f ms   peak RSS %8.1f MB   (median of %d)\n",
              apps[a].name, launch[a], peak[a] / 1024., runs);
    }

  printf ("ratio %s/%s: launch %.2fx, peak RSS %.2fx\n",
          apps[0].name, apps[1].name, launch[0] / launch[1], (double)peak[0] / peak[1]);

  XCloseDisplay (display);
  return 0;
}
