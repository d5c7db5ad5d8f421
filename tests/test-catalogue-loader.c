/* test-catalogue-loader.c: the shipped catalogue, drop-ins and hostile ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/limber-catalogue-loader.h"

/* The budget for refusing one hostile document. */
#define MAX_SECONDS   1.0
#define MAX_PEAK_MIB  100

typedef struct
{
  const char *file;
  int         code;
  int         line;
  const char *reason;   /* a part of the reason the message must contain */
  gboolean    drop_in;  /* loaded after the shipped catalogue */
} BadCase;

static const BadCase bad_cases[] = {
  { "not-well-formed.xml", LIMBER_CATALOGUE_ERROR_MALFORMED, 5, "tag mismatch" },
  { "truncated.xml", LIMBER_CATALOGUE_ERROR_MALFORMED, 10, "Premature end of data" },
  { "doctype-entity-bomb.xml", LIMBER_CATALOGUE_ERROR_DOCTYPE, 2, "DOCTYPE not allowed" },
  { "external-entity.xml", LIMBER_CATALOGUE_ERROR_DOCTYPE, 2, "DOCTYPE not allowed" },
  { "unknown-element.xml", LIMBER_CATALOGUE_ERROR_INVALID, 11, "frobnicate" },
  { "duplicate-id.xml", LIMBER_CATALOGUE_ERROR_INVALID, 12, "duplicate region id “back.calves.left” (first defined at line 9)" },
  { "missing-name.xml", LIMBER_CATALOGUE_ERROR_INVALID, 9, "element <region>: a required child element is missing" },
  { "unknown-group.xml", LIMBER_CATALOGUE_ERROR_INVALID, 9, "unknown group “calfs”" },
  { "bad-attribute.xml", LIMBER_CATALOGUE_ERROR_INVALID, 9, "element <region>" },
  { "invalid-utf8.xml", LIMBER_CATALOGUE_ERROR_MALFORMED, 5, "UTF-8" },
  { "junk-before-root.xml", LIMBER_CATALOGUE_ERROR_MALFORMED, 1, "Start tag expected" },
  { "empty.xml", LIMBER_CATALOGUE_ERROR_MALFORMED, 1, "empty" },
  { "binary-junk.xml", LIMBER_CATALOGUE_ERROR_MALFORMED, 1, "Start tag expected" },
  { "quadratic-blowup.xml", LIMBER_CATALOGUE_ERROR_DOCTYPE, 2, "DOCTYPE not allowed" },
  { "external-dtd.xml", LIMBER_CATALOGUE_ERROR_DOCTYPE, 2, "DOCTYPE not allowed" },
  { "xinclude.xml", LIMBER_CATALOGUE_ERROR_INVALID, 8, "element <include>" },
  { "wrong-version.xml", LIMBER_CATALOGUE_ERROR_INVALID, 2, "element <catalogue>" },
  { "negative-duration.xml", LIMBER_CATALOGUE_ERROR_INVALID, 28, "'-30'" },
  { "absurd-duration.xml", LIMBER_CATALOGUE_ERROR_INVALID, 28, "element <step>: seconds=“86400” is not a whole number from 5 to 600" },
  { "absurd-reps.xml", LIMBER_CATALOGUE_ERROR_INVALID, 28, "element <step>: reps=“100000000000000000000” is not a whole number from 1 to 30" },
  { "empty-steps.xml", LIMBER_CATALOGUE_ERROR_INVALID, 27, "element <steps>: a required child element is missing" },
  { "empty-step.xml", LIMBER_CATALOGUE_ERROR_INVALID, 28, "element <step>: a required child element is missing" },
  { "unknown-region-ref.xml", LIMBER_CATALOGUE_ERROR_INVALID, 24, "names the unknown muscle group “unicorn”" },
  { "unknown-caution.xml", LIMBER_CATALOGUE_ERROR_INVALID, 24, "names the unknown caution “beware-of-dragons”" },
  { "unknown-equipment.xml", LIMBER_CATALOGUE_ERROR_INVALID, 24, "names the unknown equipment “trampoline”" },
  { "unknown-source.xml", LIMBER_CATALOGUE_ERROR_INVALID, 24, "names the unknown source “hearsay”" },
  { "duplicate-routine-id.xml", LIMBER_CATALOGUE_ERROR_INVALID, 33, "duplicate routine id “calves.stretch” (first defined at line 24)" },
  { "other-side-without-side.xml", LIMBER_CATALOGUE_ERROR_INVALID, 28, "other-side=\"true\" needs side=\"left\"" },
  { "cue-after-step.xml", LIMBER_CATALOGUE_ERROR_INVALID, 30, "a cue at 45 s falls after the step ends (30 s)" },
  { "drop-in-adds-region.xml", LIMBER_CATALOGUE_ERROR_INVALID, 5, "cannot add the region “back.tail”", TRUE },
};

/* Peak resident memory since the last reset, in KiB (Linux). */
static void
reset_peak_memory (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
}

static gsize
get_peak_memory_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static gsize
get_current_memory_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10) : 0;
}

/* Loads @file into @catalogue within the time and memory budget; returns
 * the error it must fail with. */
static GError *
load_within_budget (LimberCatalogue *catalogue,
                    GFile           *file)
{
  GError *error = NULL;
  gint64 start;
  double seconds;
  gsize before, peak;

  before = get_current_memory_kib ();
  reset_peak_memory ();
  start = g_get_monotonic_time ();

  g_assert_false (limber_catalogue_load_file (catalogue, file, &error));

  seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  peak = get_peak_memory_kib ();
  g_test_message ("refused in %.3f s, peak %" G_GSIZE_FORMAT " KiB over %" G_GSIZE_FORMAT " KiB",
                  seconds, peak > before ? peak - before : 0, before);

  g_assert_cmpfloat (seconds, <, MAX_SECONDS);
  if (peak > before)
    g_assert_cmpuint (peak - before, <, MAX_PEAK_MIB * 1024);
  g_assert_nonnull (error);

  return error;
}

static void
test_shipped (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;
  GListModel *regions;
  guint n_left = 0, n_right = 0;

  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  g_assert_no_error (error);

  regions = limber_catalogue_get_regions (catalogue);
  g_assert_cmpuint (g_list_model_get_n_items (regions), >=, 40);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      const char *id = limber_region_get_id (region);

      g_assert_true (limber_catalogue_lookup_region (catalogue, id) == region);
      g_assert_true (limber_catalogue_has_group (catalogue, limber_region_get_group (region)));
      g_assert_nonnull (limber_catalogue_get_group_name (catalogue, limber_region_get_group (region)));
      g_assert_cmpstr (limber_region_get_name (region), !=, "");
      g_assert_true (g_str_has_prefix (id, limber_view_to_string (limber_region_get_view (region))));

      /* Paired regions: every left has its right, in the same view and group. */
      if (limber_region_get_side (region) == LIMBER_SIDE_LEFT)
        {
          g_autofree char *stem = g_strndup (id, strlen (id) - strlen (".left"));
          g_autofree char *other_id = g_strconcat (stem, ".right", NULL);
          LimberRegion *other = limber_catalogue_lookup_region (catalogue, other_id);

          g_assert_true (g_str_has_suffix (id, ".left"));
          g_assert_nonnull (other);
          g_assert_cmpint (limber_region_get_side (other), ==, LIMBER_SIDE_RIGHT);
          g_assert_cmpstr (limber_region_get_group (other), ==, limber_region_get_group (region));
          g_assert_cmpint (limber_region_get_view (other), ==, limber_region_get_view (region));
          n_left++;
        }
      else if (limber_region_get_side (region) == LIMBER_SIDE_RIGHT)
        n_right++;
    }

  g_assert_cmpuint (n_left, ==, n_right);
  g_assert_cmpuint (n_left, >, 0);
}

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *prefix = g_strdup_printf ("%s:%d: ", path, bad->line);
  guint n_regions = 0, n_routines = 0;

  if (bad->drop_in)
    {
      g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
      n_regions = g_list_model_get_n_items (limber_catalogue_get_regions (catalogue));
      n_routines = g_list_model_get_n_items (limber_catalogue_get_routines (catalogue));
    }

  error = load_within_budget (catalogue, file);
  g_assert_error (error, LIMBER_CATALOGUE_ERROR, bad->code);

  if (g_test_verbose ())
    g_printerr ("%s\n", error->message);

  /* The first problem is located where it is, and says what it is. */
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  if (strstr (error->message, bad->reason) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, bad->reason);

  /* Every line of the message is located. */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

    for (guint i = 0; lines[i]; i++)
      g_assert_true (g_str_has_prefix (lines[i], path));
  }

  /* Nothing from the pointed-at local file ever appears. */
  g_assert_null (strstr (error->message, "root:"));

  /* A rejected document adds nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_regions (catalogue)), ==, n_regions);
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_routines (catalogue)), ==, n_routines);
  g_assert_false (limber_catalogue_has_group (catalogue, "tail"));
}

/* Written at test time rather than kept in tests/data: each is large. */
static void
test_deep_nesting (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<catalogue version=\"1\">\n");
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deep.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<groups>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</groups>");
  g_string_append (xml, "\n</catalogue>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  error = load_within_budget (catalogue, file);
  g_assert_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":3: "));

  g_unlink (path);
  g_rmdir (dir);
}

/* A real 50 MB file of valid-looking XML, not a sparse one. */
static void
test_fifty_megabytes (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "fifty.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char chunk[] = "    <!-- padding padding padding padding padding padding padding -->\n";
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputs ("<?xml version=\"1.0\"?>\n<catalogue version=\"1\">\n", f);
  for (gsize written = 0; written < 50 * 1000 * 1000; written += sizeof chunk - 1)
    fputs (chunk, f);
  fputs ("</catalogue>\n", f);
  fclose (f);

  error = load_within_budget (catalogue, file);
  g_assert_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));

  g_unlink (path);
  g_rmdir (dir);
}

/* A local file an attacker points at: its content must never show, neither
 * in the error nor in the catalogue. */
static void
test_local_file_stays_secret (void)
{
  static const char * const templates[] = {
    "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY s SYSTEM \"file://@SECRET@\">]>\n"
    "<catalogue version=\"1\"><groups><group id=\"a\"><name>&s;</name></group></groups></catalogue>\n",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE catalogue SYSTEM \"file://@SECRET@\">\n<catalogue version=\"1\"/>\n",
    "<?xml version=\"1.0\"?>\n<catalogue version=\"1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
    "<groups><group id=\"a\"><name><xi:include href=\"file://@SECRET@\" parse=\"text\"/></name></group></groups>"
    "</catalogue>\n",
  };
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *catalogue_path = g_build_filename (dir, "attack.xml", NULL);

  g_assert_true (g_file_set_contents (secret, "LIMBER-SECRET-7f3a9", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
      g_autoptr(GFile) file = g_file_new_for_path (catalogue_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) xml = g_string_new (templates[i]);

      g_string_replace (xml, "@SECRET@", secret, 0);
      g_assert_true (g_file_set_contents (catalogue_path, xml->str, xml->len, NULL));
      error = load_within_budget (catalogue, file);
      g_assert_true (g_str_has_prefix (error->message, catalogue_path));
      g_assert_null (strstr (error->message, "LIMBER-SECRET"));
      g_assert_false (limber_catalogue_has_group (catalogue, "a"));
    }

  g_unlink (catalogue_path);
  g_unlink (secret);
  g_rmdir (dir);
}

static void
test_too_large (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("limber-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FILE *f = fopen (path, "w");

  /* A sparse file: large on paper, cheap to make. */
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, LIMBER_CATALOGUE_MAX_BYTES + 1024, SEEK_SET), ==, 0);
  fputc ('>', f);
  fclose (f);

  g_assert_false (limber_catalogue_load_file (catalogue, file, &error));
  g_assert_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/limber/catalogue.xml");

  g_assert_false (limber_catalogue_load_file (catalogue, file, &error));
  g_assert_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/limber/catalogue.xml:1: "));
}

/* A bad document must not stop a good one loaded after it. */
static void
test_good_after_bad (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bad = g_bytes_new_static ("<catalogue version=\"1\"><oops/></catalogue>", 43);

  g_assert_false (limber_catalogue_load_bytes (catalogue, bad, "bad.xml", &error));
  g_assert_true (g_str_has_prefix (error->message, "bad.xml:1: "));
  g_clear_error (&error);

  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_regions (catalogue)), >=, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalogue/shipped", test_shipped);
  g_test_add_func ("/catalogue/too-large", test_too_large);
  g_test_add_func ("/catalogue/missing-file", test_missing_file);
  g_test_add_func ("/catalogue/good-after-bad", test_good_after_bad);
  g_test_add_func ("/catalogue/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/catalogue/hostile/fifty-megabytes", test_fifty_megabytes);
  g_test_add_func ("/catalogue/hostile/local-file-stays-secret", test_local_file_stays_secret);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/catalogue/hostile/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
