/* test-drop-ins.c: catalogues a gym or a person adds beside the shipped one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/limber-catalogue-loader.h"
#include "limber-test-files.h"

typedef struct
{
  char *root;     /* a temporary folder holding everything */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->root = g_dir_make_tmp ("limber-drop-ins-XXXXXX", NULL);
  g_assert_nonnull (fixture->root);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  limber_test_remove_tree (fixture->root);
  g_free (fixture->root);
}

/* A drop-in with one routine; @title tells which file it came from. */
static char *
write_catalogue (const char *folder,
                 const char *name,
                 const char *routine_id,
                 const char *title)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<catalogue version=\"1\">\n"
    "  <cautions>\n"
    "    <caution id=\"gym-floor\">\n"
    "      <text>Use a mat from the rack.</text>\n"
    "    </caution>\n"
    "  </cautions>\n"
    "  <sources>\n"
    "    <source id=\"gym-coach\">\n"
    "      <citation>Our coaches.</citation>\n"
    "    </source>\n"
    "  </sources>\n"
    "  <routines>\n"
    "    <routine id=\"%s\" technique=\"stretching\" level=\"gentle\" primary=\"calves\"\n"
    "             equipment=\"wall\" cautions=\"fresh-injury gym-floor\" sources=\"gym-coach garber-2011\">\n"
    "      <title>%s</title>\n"
    "      <summary>A calf stretch at the wall.</summary>\n"
    "      <steps>\n"
    "        <step seconds=\"30\" side=\"left\" other-side=\"true\" rest=\"5\">\n"
    "          <instruction>Lean into the wall with one leg back.</instruction>\n"
    "        </step>\n"
    "      </steps>\n"
    "    </routine>\n"
    "  </routines>\n"
    "</catalogue>\n", routine_id, title);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  return g_steal_pointer (&path);
}

static LimberCatalogue *
load_shipped (void)
{
  LimberCatalogue *catalogue = limber_catalogue_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  g_assert_no_error (error);
  return catalogue;
}

static void
load_path (LimberCatalogue *catalogue,
           const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  limber_catalogue_load_file (catalogue, file, &error);
  g_assert_no_error (error);
}

static void
test_adds (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LimberCatalogue) catalogue = load_shipped ();
  guint before = g_list_model_get_n_items (limber_catalogue_get_routines (catalogue));
  g_autofree char *path = write_catalogue (fixture->root, "gym.xml", "gym.calf-wall", "Gym calf stretch");
  g_autofree char *origin = NULL;
  LimberRoutine *routine;

  load_path (catalogue, path);

  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_routines (catalogue)), ==, before + 1);
  routine = limber_catalogue_lookup_routine (catalogue, "gym.calf-wall");
  g_assert_nonnull (routine);
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Gym calf stretch");
  g_assert_cmpstr (limber_catalogue_get_caution_text (catalogue, "gym-floor"), ==, "Use a mat from the rack.");
  g_assert_cmpstr (limber_catalogue_get_source_citation (catalogue, "gym-coach"), ==, "Our coaches.");
  g_assert_true (g_str_has_suffix (limber_routine_get_origin (routine), "gym.xml"));

  /* The shipped content is all still there. */
  g_assert_nonnull (limber_catalogue_lookup_routine (catalogue, "calves.roll"));
  g_assert_nonnull (limber_catalogue_get_caution_text (catalogue, "ease-off"));
}

static guint
position_of (LimberCatalogue *catalogue,
             const char      *id)
{
  GListModel *routines = limber_catalogue_get_routines (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

      if (g_str_equal (limber_routine_get_id (routine), id))
        return i;
    }

  return G_MAXUINT;
}

static void
test_replaces (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LimberCatalogue) catalogue = load_shipped ();
  guint before = g_list_model_get_n_items (limber_catalogue_get_routines (catalogue));
  guint position = position_of (catalogue, "calves.roll");
  g_autofree char *path = write_catalogue (fixture->root, "gym.xml", "calves.roll", "Our calf routine");
  LimberRoutine *routine;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  load_path (catalogue, path);

  /* Replaced in place: same count, same position, the gym's words. */
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_routines (catalogue)), ==, before);
  g_assert_cmpuint (position_of (catalogue, "calves.roll"), ==, position);
  routine = limber_catalogue_lookup_routine (catalogue, "calves.roll");
  g_assert_cmpstr (limber_routine_get_title (routine), ==, "Our calf routine");
  /* Both sides, the pause between them, no rest after the last step. */
  g_assert_cmpuint (limber_routine_get_total_seconds (routine), ==, 30 + 5 + 30);
}

/* command line > user > system (first of XDG_DATA_DIRS first) > shipped */
static void
test_precedence (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LimberCatalogue) catalogue = load_shipped ();
  g_autofree char *important = g_build_filename (fixture->root, "important", NULL);
  g_autofree char *less = g_build_filename (fixture->root, "less", NULL);
  g_autofree char *user = g_build_filename (fixture->root, "user", NULL);
  g_autofree char *important_cat = g_build_filename (important, "limber", "catalogues", NULL);
  g_autofree char *less_cat = g_build_filename (less, "limber", "catalogues", NULL);
  g_autofree char *user_cat = g_build_filename (user, "limber", "catalogues", NULL);
  g_autofree char *cmdline = NULL;
  const char *system_dirs[] = { important, less, important, NULL };
  g_autoptr(GPtrArray) files = NULL;

  g_free (write_catalogue (less_cat, "a.xml", "calves.roll", "from the less important system folder"));
  g_free (write_catalogue (less_cat, "b.xml", "only.less", "only in the less important folder"));
  g_free (write_catalogue (important_cat, "a.xml", "calves.roll", "from the important system folder"));
  g_free (write_catalogue (important_cat, "b.xml", "only.less", "important beats less"));
  g_free (write_catalogue (user_cat, "mine.xml", "calves.roll", "from the user"));
  g_free (write_catalogue (user_cat, "notes.txt", "ignored", "not a catalogue"));
  cmdline = write_catalogue (fixture->root, "cmdline.xml", "calves.roll", "from the command line");

  files = limber_catalogue_list_drop_ins (system_dirs, user);
  /* less/a, less/b, important/a, important/b, user/mine; important once, no .txt */
  g_assert_cmpuint (files->len, ==, 5);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (limber_catalogue_load_file (catalogue, g_ptr_array_index (files, i), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpstr (limber_routine_get_title (limber_catalogue_lookup_routine (catalogue, "calves.roll")), ==,
                   "from the user");
  g_assert_cmpstr (limber_routine_get_title (limber_catalogue_lookup_routine (catalogue, "only.less")), ==,
                   "important beats less");

  load_path (catalogue, cmdline);
  g_assert_cmpstr (limber_routine_get_title (limber_catalogue_lookup_routine (catalogue, "calves.roll")), ==,
                   "from the command line");
}

static void
test_folder_listing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->root, "gym", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *first = NULL, *second = NULL;

  g_free (write_catalogue (folder, "20-more.xml", "gym.two", "Two"));
  g_free (write_catalogue (folder, "10-first.xml", "gym.one", "One"));
  g_free (write_catalogue (folder, "README", "gym.none", "None"));

  files = limber_catalogue_list_files (dir);
  g_assert_cmpuint (files->len, ==, 2);
  first = g_file_get_basename (g_ptr_array_index (files, 0));
  second = g_file_get_basename (g_ptr_array_index (files, 1));
  g_assert_cmpstr (first, ==, "10-first.xml");
  g_assert_cmpstr (second, ==, "20-more.xml");
}

/* A bad drop-in is skipped; the ones after it still load. */
static void
test_bad_is_skipped (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LimberCatalogue) catalogue = load_shipped ();
  g_autofree char *bad = g_build_filename (fixture->root, "10-bad.xml", NULL);
  g_autofree char *good = write_catalogue (fixture->root, "20-good.xml", "gym.good", "Good");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:3: ", bad);

  g_assert_true (g_file_set_contents (bad,
                                      "<?xml version=\"1.0\"?>\n<catalogue version=\"1\">\n"
                                      "  <routines><routine/></routines>\n</catalogue>\n", -1, NULL));

  g_assert_false (limber_catalogue_load_file (catalogue, bad_file, &error));
  g_assert_true (g_str_has_prefix (error->message, prefix));
  load_path (catalogue, good);
  g_assert_nonnull (limber_catalogue_lookup_routine (catalogue, "gym.good"));
}

/* The gym example in data/examples loads over the shipped catalogue. */
static void
test_example (void)
{
  g_autoptr(LimberCatalogue) catalogue = load_shipped ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "gym-catalogue.xml", NULL);
  guint before = g_list_model_get_n_items (limber_catalogue_get_routines (catalogue));

  load_path (catalogue, path);
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_routines (catalogue)), >, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/drop-ins/adds", Fixture, NULL, fixture_set_up, test_adds, fixture_tear_down);
  g_test_add ("/drop-ins/replaces", Fixture, NULL, fixture_set_up, test_replaces, fixture_tear_down);
  g_test_add ("/drop-ins/precedence", Fixture, NULL, fixture_set_up, test_precedence, fixture_tear_down);
  g_test_add ("/drop-ins/folder-listing", Fixture, NULL, fixture_set_up, test_folder_listing, fixture_tear_down);
  g_test_add ("/drop-ins/bad-is-skipped", Fixture, NULL, fixture_set_up, test_bad_is_skipped, fixture_tear_down);
  g_test_add_func ("/drop-ins/example", test_example);

  return g_test_run ();
}
