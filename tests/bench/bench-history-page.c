/* bench-history-page.c: opening the history page after ten years
 *
 *   bench-history-page [RUNS]
 *
 * Builds ten years of daily sessions over the shipped catalogue's routines
 * and regions, then times, as medians of RUNS, what opening the history
 * page costs a person: reading the history, building the page (the stats,
 * both charts, the heat map, 20 past sessions) and the first frame that
 * shows it, under X with the renderer the environment names. The reference,
 * in the same run, is the same over a one-week history. The goal is under
 * 50 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-history-data.h"
#include "bench-stats.h"

#include <glib/gstdio.h>

#include "core/limber-catalogue-loader.h"
#include "pages/limber-history-page.h"

#define N_DAYS 3650

static gboolean painted;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  painted = TRUE;
}

static void
wait_for_frame (GtkWidget *window)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static GStrv
dup_ids (GListModel *model,
         const char *(*get_id) (gpointer))
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_strv_builder_add (ids, get_id (item));
    }
  return g_strv_builder_end (ids);
}

/* Milliseconds from the tap that opens the page to its first frame. */
static double
time_open (GtkStack          *stack,
           LimberHistoryPage *page,
           guint              runs)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (stack)));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start;
      double ms;

      gtk_stack_set_visible_child_name (stack, "map");
      wait_for_frame (window);

      start = g_get_monotonic_time ();
      limber_history_page_refresh (page);
      gtk_stack_set_visible_child (stack, GTK_WIDGET (page));
      wait_for_frame (window);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (samples, ms);
    }
  return bench_median (samples);
}

static LimberHistoryPage *
add_page (GtkStack        *stack,
          LimberCatalogue *catalogue,
          LimberHistory   *history,
          GSettings       *settings)
{
  LimberHistoryPage *page = LIMBER_HISTORY_PAGE (limber_history_page_new ());

  limber_history_page_set_models (page, catalogue, history, settings);
  gtk_stack_add_child (stack, GTK_WIDGET (page));
  return page;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? MAX (1, (guint)g_ascii_strtoull (argv[1], NULL, 10)) : 21;
  g_autofree char *dir = g_dir_make_tmp ("limber-bench-history-page-XXXXXX", NULL);
  g_autofree char *big_path = g_build_filename (dir, "ten-years.db", NULL);
  g_autofree char *small_path = g_build_filename (dir, "one-week.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(LimberHistory) big = NULL;
  g_autoptr(LimberHistory) small = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) routines = NULL;
  g_auto(GStrv) regions = NULL;
  LimberHistoryPage *big_page, *small_page;
  GtkWindow *window;
  GtkStack *stack;
  double open_big, open_small;
  guint n_ratings;

  gtk_init ();
  adw_init ();

  if (!limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    g_error ("%s", error->message);
  routines = dup_ids (limber_catalogue_get_routines (catalogue), (const char *(*) (gpointer))limber_routine_get_id);
  regions = dup_ids (limber_catalogue_get_regions (catalogue), (const char *(*) (gpointer))limber_region_get_id);

  big = limber_history_open (big_path);
  n_ratings = bench_history_fill (big, now, N_DAYS, rand, (const char * const *)routines,
                                  (const char * const *)regions);
  small = limber_history_open (small_path);
  bench_history_fill (small, now, 7, rand, (const char * const *)routines, (const char * const *)regions);
  g_print ("ten years: %u sessions, %u ratings over the shipped catalogue's %u routines and %u regions\n",
           N_DAYS, n_ratings, g_strv_length (routines), g_strv_length (regions));

  settings = g_settings_new (APP_ID);
  window = GTK_WINDOW (gtk_window_new ());
  stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (stack, gtk_label_new ("Limber"), "map");
  big_page = add_page (stack, catalogue, big, settings);
  small_page = add_page (stack, catalogue, small, settings);
  gtk_window_set_child (window, GTK_WIDGET (stack));
  gtk_window_set_default_size (window, 1920, 1080);
  gtk_window_present (window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
  wait_for_frame (GTK_WIDGET (window));

  /* The first opening of each loads fonts and icons; not counted. */
  time_open (stack, big_page, 1);
  time_open (stack, small_page, 1);
  open_big = time_open (stack, big_page, runs);
  open_small = time_open (stack, small_page, runs);

  g_print ("opening the history page, to its first frame at 1920x1080 (GSK_RENDERER=%s): %.1f ms for ten "
           "years, %.1f ms for one week (reference), %.2fx; %.0f%% of the 50 ms goal (medians of %u runs)\n",
           g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default", open_big, open_small,
           open_big / open_small, open_big / 50.0 * 100.0, runs);

  gtk_window_destroy (window);
  g_clear_object (&big);
  g_clear_object (&small);
  for (const char * const *path = (const char *[]) { big_path, small_path, NULL }; *path != NULL; path++)
    for (const char * const *suffix = (const char *[]) { "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
      {
        g_autofree char *file = g_strconcat (*path, *suffix, NULL);

        g_unlink (file);
      }
  g_rmdir (dir);
  return 0;
}
