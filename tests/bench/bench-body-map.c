/* bench-body-map.c: the body map's costs, printed as figures and as ratios
 * against a full render of the map measured in the same run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-stats.h"

#include "core/limber-catalogue-loader.h"
#include "widgets/limber-body-map.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.;
}

static double
time_pick_rebuild (LimberBodyMap *map,
                   int            width,
                   int            height,
                   guint          runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      double start;

      /* Alternate sizes so that every run is a real rebuild after a resize. */
      limber_body_map_rebuild_pick_buffer (map, width / 2, height / 2);
      start = now_ms ();
      limber_body_map_rebuild_pick_buffer (map, width, height);
      g_array_append_val (samples, (double){ now_ms () - start });
    }

  return bench_median (samples);
}

static double
time_full_render (LimberBodyMap *map,
                  int            width,
                  int            height,
                  guint          runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (guint i = 0; i < runs; i++)
    {
      cairo_t *cr = cairo_create (surface);
      double start = now_ms ();

      limber_body_map_render_figure (map, cr, width, height);
      cairo_surface_flush (surface);
      g_array_append_val (samples, (double){ now_ms () - start });
      cairo_destroy (cr);
    }

  cairo_surface_destroy (surface);
  return bench_median (samples);
}

static double
time_lookup_ns (LimberBodyMap *map,
                int            width,
                int            height,
                guint          lookups,
                guint         *hits)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree double *points = g_new (double, 2 * 4096);
  double start;

  limber_body_map_rebuild_pick_buffer (map, width, height);
  for (guint i = 0; i < 4096; i++)
    {
      points[2 * i] = g_rand_double_range (rand, 0, width);
      points[2 * i + 1] = g_rand_double_range (rand, 0, height);
    }

  *hits = 0;
  start = now_ms ();
  for (guint i = 0; i < lookups; i++)
    {
      guint k = i & 4095;

      *hits += limber_body_map_pick (map, points[2 * k], points[2 * k + 1]) != NULL;
    }

  return (now_ms () - start) * 1e6 / lookups;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  static const int sizes[][2] = { { 1920, 1080 }, { 3840, 2160 } };
  LimberBodyMap *map;
  GListModel *regions;
  guint hits;
  double lookup_ns;

  gtk_init ();

  if (!limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    g_error ("%s", error->message);
  svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, &error);

  map = LIMBER_BODY_MAP (g_object_ref_sink (limber_body_map_new ()));
  if (!limber_body_map_set_svg (map, svg, &error))
    g_error ("%s", error->message);
  limber_body_map_add_view (map, "front", "R", "L");
  limber_body_map_add_view (map, "back", "L", "R");
  regions = limber_catalogue_get_regions (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      limber_body_map_add_region (map, limber_region_get_svg_id (region),
                                  limber_view_to_string (limber_region_get_view (region)),
                                  limber_region_get_name (region));
    }

  g_print ("Body map benchmark (%u regions, medians of 15 runs, librsvg %d.%d.%d)\n",
           g_list_model_get_n_items (regions), LIBRSVG_MAJOR_VERSION, LIBRSVG_MINOR_VERSION,
           LIBRSVG_MICRO_VERSION);
  g_print ("%-12s %18s %18s %10s\n", "size", "pick rebuild (ms)", "full render (ms)", "ratio");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double pick = time_pick_rebuild (map, sizes[s][0], sizes[s][1], 15);
      double render = time_full_render (map, sizes[s][0], sizes[s][1], 15);

      g_print ("%4dx%-7d %18.2f %18.2f %9.2fx\n", sizes[s][0], sizes[s][1], pick, render, pick / render);
    }

  lookup_ns = time_lookup_ns (map, 1920, 1080, 20000000, &hits);
  g_print ("tap lookup at 1920x1080: %.1f ns per lookup (%u of 20000000 random points hit a region)\n",
           lookup_ns, hits);

  g_object_unref (map);
  return 0;
}
