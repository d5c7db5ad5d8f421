/* test-catalogue-loader.c: the shipped catalogue and hostile ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core/limber-catalogue-loader.h"

typedef struct
{
  const char *file;
  int         code;
  int         line;
  const char *reason;   /* a part of the reason the message must contain */
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
};

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

  g_assert_false (limber_catalogue_load_file (catalogue, file, &error));
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
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_regions (catalogue)), ==, 0);
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
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/catalogue/bad/%s", bad_cases[i].file);

      g_test_add_data_func (name, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
