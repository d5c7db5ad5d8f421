/* bench-planner.c: how long planning a session takes, against the shipped
 * catalogue and against one of 10,000 routines, for the largest request
 * (40 regions, 60 minutes, every piece of equipment).
 *
 * The reference measured in the same run is the same request planned over
 * the shipped catalogue; the goal is under 5 ms over 10,000 routines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-stats.h"

#include "core/limber-catalogue-loader.h"
#include "core/limber-planner.h"
#include "core/limber-routine-private.h"

#define BIG_CATALOGUE 10000
#define N_REGIONS     40

static LimberCatalogue *
load_shipped (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;

  if (!limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&catalogue);
}

/* The shipped catalogue, its routines copied under new ids until there are
 * @n: many routines per muscle group, as a big drop-in collection would
 * have. The copies share their steps. */
static LimberCatalogue *
make_big (guint n)
{
  LimberCatalogue *catalogue = load_shipped ();
  g_autoptr(LimberCatalogue) shipped = load_shipped ();
  GListModel *routines = limber_catalogue_get_routines (shipped);
  guint n_shipped = g_list_model_get_n_items (routines);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = n_shipped; i < n; i++)
    {
      g_autoptr(LimberRoutine) original = g_list_model_get_item (routines, i % n_shipped);
      g_autofree char *id = g_strdup_printf ("%s.copy-%u", limber_routine_get_id (original), i);
      LimberRoutine *copy = limber_routine_new (id, "bench");
      GListModel *steps = limber_routine_get_steps (original);

      copy->title = limber_text_new (limber_routine_get_title (original));
      copy->technique = limber_routine_get_technique (original);
      copy->level = limber_routine_get_level (original);
      copy->primary = g_strdupv ((GStrv)limber_routine_get_primary (original));
      copy->secondary = g_strdupv ((GStrv)limber_routine_get_secondary (original));
      copy->equipment = g_strdupv ((GStrv)limber_routine_get_equipment (original));
      for (guint s = 0; s < g_list_model_get_n_items (steps); s++)
        {
          g_autoptr(LimberStep) step = g_list_model_get_item (steps, s);

          limber_routine_add_step (copy, step);
        }
      g_ptr_array_add (copies, copy);
    }
  limber_catalogue_add_routines (catalogue, copies);

  return catalogue;
}

static LimberPlanRequest *
make_request (LimberCatalogue *catalogue,
              guint            n_regions,
              guint            minutes)
{
  LimberPlanRequest *request = limber_plan_request_new ();
  GListModel *regions = limber_catalogue_get_regions (catalogue);
  const char * const *equipment = limber_catalogue_get_equipment_ids (catalogue);

  for (guint i = 0; i < n_regions && i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      limber_plan_request_add_region (request, limber_region_get_id (region), 1 + i % 10);
    }
  for (guint i = 0; equipment[i] != NULL; i++)
    limber_plan_request_add_equipment (request, equipment[i]);
  limber_plan_request_set_minutes (request, minutes);

  return request;
}

static double
time_plan (LimberCatalogue   *catalogue,
           LimberPlanRequest *request,
           guint              runs,
           guint             *n_items,
           guint             *total)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LimberPlan) plan = limber_planner_plan (catalogue, request);
      double ms = (g_get_monotonic_time () - start) / 1000.;

      g_array_append_val (samples, ms);
      *n_items = limber_plan_get_n_items (plan);
      *total = limber_plan_get_total_seconds (plan);
    }

  return bench_median (samples);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberCatalogue) shipped = load_shipped ();
  g_autoptr(LimberCatalogue) big = make_big (BIG_CATALOGUE);
  g_autoptr(LimberPlanRequest) request = make_request (shipped, N_REGIONS, LIMBER_PLANNER_MAX_MINUTES);
  g_autoptr(LimberPlanRequest) typical = limber_plan_request_new ();
  guint runs = argc > 1 ? MAX (1, (guint)g_ascii_strtoull (argv[1], NULL, 10)) : 101;
  guint n_items, total;
  double reference, ours, everyday;

  limber_plan_request_add_region (typical, "back.calves.left", 5);
  limber_plan_request_add_region (typical, "back.calves.right", 5);
  limber_plan_request_add_region (typical, "back.lower-back.left", 5);
  limber_plan_request_add_region (typical, "back.lower-back.right", 5);
  limber_plan_request_add_equipment (typical, "foam-roller");
  limber_plan_request_set_minutes (typical, 10);

  everyday = time_plan (shipped, typical, runs, &n_items, &total);
  g_print ("calves and lower back, 10 min, %u routines: %.3f ms (%u items, %u s)\n",
           g_list_model_get_n_items (limber_catalogue_get_routines (shipped)), everyday, n_items, total);

  reference = time_plan (shipped, request, runs, &n_items, &total);
  g_print ("%u regions, %u min, %u routines (reference): %.3f ms (%u items, %u s)\n", N_REGIONS,
           LIMBER_PLANNER_MAX_MINUTES, g_list_model_get_n_items (limber_catalogue_get_routines (shipped)),
           reference, n_items, total);

  ours = time_plan (big, request, runs, &n_items, &total);
  g_print ("%u regions, %u min, %u routines: %.3f ms (%u items, %u s), %.1fx the reference, %.0f%% of the 5 ms goal\n",
           N_REGIONS, LIMBER_PLANNER_MAX_MINUTES, g_list_model_get_n_items (limber_catalogue_get_routines (big)),
           ours, n_items, total, ours / reference, ours / 5.0 * 100.0);

  return 0;
}
