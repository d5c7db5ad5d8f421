/* bench-catalogue.c: loading catalogues
 *
 *   bench-catalogue [RUNS]
 *     1. a generated catalogue of 10,000 routines: Limber's load and
 *        validation against `xmllint --noout --nonet --relaxng` on the same
 *        file, median of RUNS, printed as a ratio. Both read the file, parse
 *        the schema, parse and validate it, and free the document; Limber
 *        also builds its routines (their teardown at exit is not counted).
 *        Each runs in a fresh process. xmllint is timed from outside (its start-up counts
 *        against it, about a millisecond); Limber times itself from inside,
 *        because the bench links GTK through the resources and loading those
 *        libraries is start-up cost, not catalogue cost;
 *     2. the start-up cost of the shipped catalogue: its first load in a
 *        fresh process (schema parse included), and a later load.
 *   bench-catalogue --shipped
 *     loads the shipped catalogue once and prints the milliseconds.
 *   bench-catalogue --load FILE
 *     loads FILE once, prints the milliseconds it took and exits: the
 *     process measured in 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-stats.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "core/limber-catalogue-loader.h"

#define N_ROUTINES 10000

static const char * const techniques[] = { "foam-rolling", "trigger-point", "pin-and-stretch", "stretching" };

/* The shipped catalogue's body, equipment, cautions and sources, then
 * generated routines over its muscle groups. */
static char *
write_big_catalogue (const char *dir)
{
  g_autoptr(GBytes) shipped = g_resources_lookup_data (LIMBER_CATALOGUE_RESOURCE, 0, NULL);
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GString) xml = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_build_filename (dir, "big.xml", NULL);
  GListModel *regions;
  const char *text;
  const char *routines_start;

  g_assert (limber_catalogue_load_bytes (catalogue, shipped, "limber.xml", NULL));
  regions = limber_catalogue_get_regions (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      if (g_hash_table_add (seen, (gpointer)limber_region_get_group (region)))
        g_ptr_array_add (groups, g_strdup (limber_region_get_group (region)));
    }

  text = g_bytes_get_data (shipped, NULL);
  routines_start = strstr (text, "<routines>");
  g_assert (routines_start != NULL);
  xml = g_string_new_len (text, routines_start - text);
  g_string_append (xml, "<routines>\n");

  for (guint i = 0; i < N_ROUTINES; i++)
    {
      const char *group = g_ptr_array_index (groups, i % groups->len);
      const char *technique = techniques[i % G_N_ELEMENTS (techniques)];
      gboolean reps = g_str_equal (technique, "pin-and-stretch");

      g_string_append_printf (xml,
        "    <routine id=\"bench.%u\" technique=\"%s\" level=\"gentle\" primary=\"%s\"\n"
        "             equipment=\"none\" cautions=\"fresh-injury ease-off\" sources=\"behm-2020\">\n"
        "      <title>Generated routine %u</title>\n"
        "      <summary>A generated routine to measure loading.</summary>\n"
        "      <steps>\n", i, technique, group, i);
      for (guint s = 0; s < 3; s++)
        g_string_append_printf (xml,
          "        <step %s=\"%u\" side=\"left\" other-side=\"true\" rest=\"10\">\n"
          "          <instruction>Do step %u of routine %u slowly. Ease off if it hurts.</instruction>\n"
          "          <detail>A longer explanation of how to do this step well and safely.</detail>\n"
          "          <cue at=\"half\"><text>Halfway there.</text></cue>\n"
          "        </step>\n", reps ? "reps" : "seconds", reps ? 6 : 45, s + 1, i);
      g_string_append (xml, "      </steps>\n    </routine>\n");
    }
  g_string_append (xml, "  </routines>\n</catalogue>\n");

  g_assert (g_file_set_contents (path, xml->str, xml->len, NULL));
  return g_steal_pointer (&path);
}

/* Returns: the milliseconds the command took, or the number it printed
 * when @reports is set. */
static double
time_command (const char * const *argv,
              gboolean            reports)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);

  if (reports)
    return g_ascii_strtod (output, NULL);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
load_once (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LimberCatalogue *catalogue;
  gint64 start = g_get_monotonic_time ();
  guint n;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  catalogue = limber_catalogue_new ();
  if (!limber_catalogue_load_file (catalogue, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", g_ascii_dtostr (number, sizeof number, (g_get_monotonic_time () - start) / 1000.0));
  n = g_list_model_get_n_items (limber_catalogue_get_routines (catalogue));
  g_object_unref (catalogue);
  return n == N_ROUTINES ? 0 : 1;
}

/* One load of the shipped catalogue in a fresh process: what start-up pays,
 * the schema parse included. Prints the milliseconds. */
static int
load_shipped_once (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  gint64 start = g_get_monotonic_time ();
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (!limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, NULL))
    return 1;

  g_print ("%s\n", g_ascii_dtostr (number, sizeof number, (g_get_monotonic_time () - start) / 1000.0));
  return 0;
}

static void
bench_shipped (const char *self,
               guint       runs)
{
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm = g_array_new (FALSE, FALSE, sizeof (double));
  const char *argv[] = { self, "--shipped", NULL };

  for (guint i = 0; i < runs; i++)
    {
      double ms = time_command (argv, TRUE);

      g_array_append_val (first, ms);
    }

  /* Later loads in this process: the schema is parsed already. */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_assert (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, NULL));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (warm, ms);
    }

  g_print ("shipped catalogue: %.2f ms at start-up (first load in a fresh process, schema included), "
           "%.2f ms for a later load (medians of %u)\n", bench_median (first), bench_median (warm), runs);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) rng = NULL;
  guint runs = 7;
  goffset size;

  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--load"))
    return load_once (argv[2]);
  if (argc == 2 && g_str_equal (argv[1], "--shipped"))
    return load_shipped_once ();
  if (argc == 2)
    runs = MAX (1, (guint)g_ascii_strtoull (argv[1], NULL, 10));

  self = g_file_read_link ("/proc/self/exe", NULL);
  bench_shipped (self, runs);

  dir = g_dir_make_tmp ("limber-bench-XXXXXX", NULL);
  path = write_big_catalogue (dir);
  schema = g_build_filename (dir, "catalogue.rng", NULL);
  rng = g_resources_lookup_data (LIMBER_CATALOGUE_SCHEMA_RESOURCE, 0, NULL);
  g_assert (g_file_set_contents (schema, g_bytes_get_data (rng, NULL), g_bytes_get_size (rng), NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);

    size = g_file_info_get_size (info);
  }

  for (guint i = 0; i < runs; i++)
    {
      const char *limber_argv[] = { self, "--load", path, NULL };
      const char *xmllint_argv[] = { "xmllint", "--noout", "--nonet", "--relaxng", schema, path, NULL };
      double a, b;

      /* Alternate, so neither side gets the warmer cache. */
      a = time_command (limber_argv, TRUE);
      b = time_command (xmllint_argv, FALSE);
      g_array_append_val (ours, a);
      g_array_append_val (theirs, b);
    }

  {
    double limber_ms = bench_median (ours);
    double xmllint_ms = bench_median (theirs);
    g_autofree char *size_text = g_format_size (size);

    g_print ("%d routines (%s): Limber %.1f ms, xmllint --relaxng %.1f ms, ratio %.2fx (median of %u, "
             "each a fresh process)\n", N_ROUTINES, size_text, limber_ms, xmllint_ms, limber_ms / xmllint_ms, runs);
  }

  g_unlink (path);
  g_unlink (schema);
  g_rmdir (dir);
  return 0;
}
