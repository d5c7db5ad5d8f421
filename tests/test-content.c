/* test-content.c: the shipped routines are safe, dosed as content.md says,
 * short enough to read mid-exercise, and cover every region of the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/limber-catalogue-loader.h"

#define MAX_INSTRUCTION_CHARS 120

static LimberCatalogue *catalogue;

/* Regions content.md allows stretching only on. */
static const char * const stretching_only[] = { "abdomen", "achilles", NULL };
/* No tool of any kind here. */
static const char * const no_tools[] = { "neck-front", NULL };

static gboolean
has (const char * const *list,
     const char         *item)
{
  return g_strv_contains (list, item);
}

static gboolean
is_pressure (LimberRoutine *routine)
{
  return limber_routine_get_technique (routine) != LIMBER_TECHNIQUE_STRETCHING;
}

static gboolean
contains_word (const char *text,
               const char *word)
{
  g_autofree char *lower = text ? g_utf8_strdown (text, -1) : NULL;
  g_auto(GStrv) words = NULL;

  if (lower == NULL)
    return FALSE;

  words = g_regex_split_simple ("[^a-z]+", lower, 0, 0);
  return g_strv_contains ((const char * const *)words, word);
}

static gboolean
step_mentions (LimberStep *step,
               const char *word)
{
  if (contains_word (limber_step_get_instruction (step), word) ||
      contains_word (limber_step_get_detail (step), word))
    return TRUE;

  for (guint i = 0; i < limber_step_get_n_cues (step); i++)
    if (contains_word (limber_step_get_cue (step, i, NULL), word))
      return TRUE;

  return FALSE;
}

static gboolean
step_says (LimberStep *step,
           const char *phrase)
{
  g_autofree char *instruction = g_utf8_strdown (limber_step_get_instruction (step), -1);
  g_autofree char *detail = limber_step_get_detail (step) ? g_utf8_strdown (limber_step_get_detail (step), -1) : NULL;

  return strstr (instruction, phrase) != NULL || (detail != NULL && strstr (detail, phrase) != NULL);
}

static void
test_enough_routines (void)
{
  g_assert_cmpuint (g_list_model_get_n_items (limber_catalogue_get_routines (catalogue)), >=, 80);
}

/* Every selectable region has at least 3 routines made for it, from at
 * least 2 techniques where more than one is safe. */
static void
test_coverage (void)
{
  GListModel *regions = limber_catalogue_get_regions (catalogue);
  GListModel *routines = limber_catalogue_get_routines (catalogue);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      const char *group = limber_region_get_group (region);
      gboolean techniques[LIMBER_N_TECHNIQUES] = { FALSE };
      guint n_routines = 0, n_techniques = 0;

      for (guint j = 0; j < g_list_model_get_n_items (routines); j++)
        {
          g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, j);

          if (!limber_routine_works_on (routine, group, TRUE))
            continue;

          n_routines++;
          techniques[limber_routine_get_technique (routine)] = TRUE;
        }

      for (guint t = 0; t < LIMBER_N_TECHNIQUES; t++)
        n_techniques += techniques[t];

      if (n_routines < 3)
        g_error ("region %s (group %s) has %u routines, fewer than 3", limber_region_get_id (region), group, n_routines);
      if (!has (stretching_only, group) && n_techniques < 2)
        g_error ("region %s (group %s) has only one technique", limber_region_get_id (region), group);
    }
}

static void
check_references (LimberRoutine *routine)
{
  const char *id = limber_routine_get_id (routine);
  const char * const *list;


  list = limber_routine_get_primary (routine);
  g_assert_nonnull (list[0]);
  for (guint i = 0; list[i] != NULL; i++)
    if (!limber_catalogue_has_group (catalogue, list[i]))
      g_error ("%s: unknown group %s", id, list[i]);
  list = limber_routine_get_secondary (routine);
  for (guint i = 0; list[i] != NULL; i++)
    if (!limber_catalogue_has_group (catalogue, list[i]))
      g_error ("%s: unknown group %s", id, list[i]);

  list = limber_routine_get_equipment (routine);
  g_assert_nonnull (list[0]);
  for (guint i = 0; list[i] != NULL; i++)
    if (!limber_catalogue_has_equipment (catalogue, list[i]))
      g_error ("%s: unknown equipment %s", id, list[i]);
  if (has (list, "none") && g_strv_length ((GStrv)list) > 1)
    g_error ("%s: needs nothing and something", id);

  list = limber_routine_get_caution_ids (routine);
  for (guint i = 0; list[i] != NULL; i++)
    if (limber_catalogue_get_caution_text (catalogue, list[i]) == NULL)
      g_error ("%s: unknown caution %s", id, list[i]);

  list = limber_routine_get_source_ids (routine);
  if (list[0] == NULL)
    g_error ("%s: names no source", id);
  for (guint i = 0; list[i] != NULL; i++)
    if (limber_catalogue_get_source_citation (catalogue, list[i]) == NULL)
      g_error ("%s: unknown source %s", id, list[i]);
}

static void
check_safety (LimberRoutine *routine)
{
  const char *id = limber_routine_get_id (routine);
  const char * const *cautions = limber_routine_get_caution_ids (routine);
  const char * const *equipment = limber_routine_get_equipment (routine);
  LimberTechnique technique = limber_routine_get_technique (routine);
  GListModel *steps = limber_routine_get_steps (routine);
  gboolean says_ease_off = FALSE;

  if (!has (cautions, "fresh-injury"))
    g_error ("%s: no fresh-injury caution", id);

  for (guint i = 0; stretching_only[i] != NULL; i++)
    if (limber_routine_works_on (routine, stretching_only[i], FALSE) && technique != LIMBER_TECHNIQUE_STRETCHING)
      g_error ("%s: %s takes stretching only", id, stretching_only[i]);

  for (guint i = 0; no_tools[i] != NULL; i++)
    if (limber_routine_works_on (routine, no_tools[i], FALSE) && !(has (equipment, "none") && equipment[1] == NULL))
      g_error ("%s: no tools on %s", id, no_tools[i]);

  if (limber_routine_works_on (routine, "neck-front", TRUE) && is_pressure (routine) && !has (cautions, "neck-front"))
    g_error ("%s: pressure on the front of the neck without its caution", id);

  if (!is_pressure (routine))
    {
      if (!has (cautions, "stretch-gently"))
        g_error ("%s: a stretch without the stretch-gently caution", id);
      return;
    }

  /* Uncomfortable is fine, painful is not: the caution and the steps say so. */
  if (!has (cautions, "ease-off"))
    g_error ("%s: pressure without the ease-off caution", id);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);

      says_ease_off |= step_says (step, "ease off");
    }
  if (!says_ease_off)
    g_error ("%s: no step tells the person to ease off if it hurts", id);

  if ((technique == LIMBER_TECHNIQUE_TRIGGER_POINT || technique == LIMBER_TECHNIQUE_PIN_AND_STRETCH) &&
      !has (cautions, "warm-up"))
    g_error ("%s: deep work without the warm-up caution", id);
  if (limber_routine_works_on (routine, "calves", TRUE) && !has (cautions, "clot"))
    g_error ("%s: pressure on the calf without the clot caution", id);
  if (limber_routine_works_on (routine, "lower-back", TRUE) && !has (cautions, "lower-spine"))
    g_error ("%s: pressure on the lower back without the lower-spine caution", id);
}

/* The ranges of content.md, per technique. */
static void
check_doses (LimberRoutine *routine)
{
  const char *id = limber_routine_get_id (routine);
  LimberTechnique technique = limber_routine_get_technique (routine);
  GListModel *steps = limber_routine_get_steps (routine);
  guint sets[3] = { 0 };       /* per LimberSide left and right */
  guint holds[3] = { 0 };
  guint total = limber_routine_get_total_seconds (routine);

  if (total < 120 || total > 360)
    g_error ("%s: lasts %u s; routines last 2 to 6 minutes", id, total);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);
      guint seconds = limber_step_get_seconds (step);
      guint reps = limber_step_get_reps (step);
      LimberSide side = limber_step_get_side (step);
      gboolean both = limber_step_get_other_side (step) || side == LIMBER_SIDE_BOTH || side == LIMBER_SIDE_NONE;
      const char *instruction = limber_step_get_instruction (step);

      if (g_utf8_strlen (instruction, -1) > MAX_INSTRUCTION_CHARS)
        g_error ("%s step %u: the instruction has %ld characters, more than %d", id, i + 1,
                 g_utf8_strlen (instruction, -1), MAX_INSTRUCTION_CHARS);

      if (limber_step_get_rest (step) > 30)
        g_error ("%s step %u: rests more than 30 s", id, i + 1);

      /* Shown for both sides, so it cannot name one. */
      if (limber_step_get_other_side (step) && (step_mentions (step, "left") || step_mentions (step, "right")))
        g_error ("%s step %u: repeats on the other side but names a side", id, i + 1);

      if (limber_step_get_warm_up (step))
        {
          if (i != 0 || technique == LIMBER_TECHNIQUE_FOAM_ROLLING || technique == LIMBER_TECHNIQUE_STRETCHING)
            g_error ("%s step %u: a warm-up opens a trigger point or pin and stretch routine only", id, i + 1);
          if (seconds < 30 || seconds > 60)
            g_error ("%s step %u: a warm-up lasts 30 to 60 s", id, i + 1);
          continue;
        }

      switch (technique)
        {
        case LIMBER_TECHNIQUE_FOAM_ROLLING:
          if (seconds < 30 || seconds > 120)
            g_error ("%s step %u: a set of rolling lasts 30 to 120 s", id, i + 1);
          sets[LIMBER_SIDE_LEFT] += both || side == LIMBER_SIDE_LEFT;
          sets[LIMBER_SIDE_RIGHT] += both || side == LIMBER_SIDE_RIGHT;
          break;

        case LIMBER_TECHNIQUE_TRIGGER_POINT:
          if (seconds < 30 || seconds > 60)
            g_error ("%s step %u: trigger point pressure lasts 30 to 60 s", id, i + 1);
          sets[LIMBER_SIDE_LEFT] += both || side == LIMBER_SIDE_LEFT;
          sets[LIMBER_SIDE_RIGHT] += both || side == LIMBER_SIDE_RIGHT;
          break;

        case LIMBER_TECHNIQUE_PIN_AND_STRETCH:
          if (reps < 5 || reps > 8)
            g_error ("%s step %u: pin and stretch is 5 to 8 slow repetitions, not a timed hold", id, i + 1);
          break;

        case LIMBER_TECHNIQUE_STRETCHING:
          if (seconds > 0 && (seconds < 10 || seconds > 60))
            g_error ("%s step %u: a static hold lasts 10 to 60 s", id, i + 1);
          if (seconds == 0 && (reps < 5 || reps > 12))
            g_error ("%s step %u: dynamic stretching is 5 to 12 repetitions", id, i + 1);
          holds[LIMBER_SIDE_LEFT] += (both || side == LIMBER_SIDE_LEFT) ? seconds : 0;
          holds[LIMBER_SIDE_RIGHT] += (both || side == LIMBER_SIDE_RIGHT) ? seconds : 0;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* Up to 3 sets of rolling or 3 presses; about 60 s of static stretch per
   * muscle, never more than twice that. */
  for (LimberSide side = LIMBER_SIDE_LEFT; side <= LIMBER_SIDE_RIGHT; side++)
    {
      if (sets[side] > 3)
        g_error ("%s: %u sets on one side, more than 3", id, sets[side]);
      if (holds[side] > 120)
        g_error ("%s: %u s of static stretch on one side, more than 120", id, holds[side]);
    }
}

static void
test_routines (void)
{
  GListModel *routines = limber_catalogue_get_routines (catalogue);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);

      if (!g_hash_table_add (ids, (gpointer)limber_routine_get_id (routine)))
        g_error ("routine id %s is not unique", limber_routine_get_id (routine));
      g_assert_true (limber_catalogue_lookup_routine (catalogue, limber_routine_get_id (routine)) == routine);
      g_assert_cmpuint (g_list_model_get_n_items (limber_routine_get_steps (routine)), >, 0);

      check_references (routine);
      check_safety (routine);
      check_doses (routine);
    }
}

/* The checks above can fail: a routine that breaks each rule is caught. */
static void
test_checks_catch_breakage (void)
{
  static const struct {
    const char *name;
    const char *complaint;
  } broken[] = {
    { "rolls-too-long", "*a set of rolling lasts 30 to 120 s*" },
    { "presses-too-often", "*4 sets on one side*" },
    { "no-ease-off", "*pressure without the ease-off caution*" },
    { "tool-on-neck", "*no tools on neck-front*" },
    { "names-side", "*repeats on the other side but names a side*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/content/breakage/subprocess/%s", broken[i].name);

      g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stderr (broken[i].complaint);
    }
}

static void
load_broken (const char *routine_xml)
{
  g_autofree char *xml = g_strdup_printf ("<catalogue version=\"1\"><routines>%s</routines></catalogue>", routine_xml);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberRoutine) routine = NULL;
  GListModel *routines = limber_catalogue_get_routines (catalogue);

  g_assert_true (limber_catalogue_load_bytes (catalogue, bytes, "broken.xml", &error));
  g_assert_no_error (error);
  routine = g_list_model_get_item (routines, g_list_model_get_n_items (routines) - 1);
  g_assert_cmpstr (limber_routine_get_id (routine), ==, "broken");

  check_references (routine);
  check_safety (routine);
  check_doses (routine);
}

#define BROKEN_HEAD(technique, primary, equipment, cautions) \
  "<routine id=\"broken\" technique=\"" technique "\" level=\"gentle\" primary=\"" primary "\" " \
  "equipment=\"" equipment "\" cautions=\"" cautions "\" sources=\"behm-2020\">" \
  "<title>Broken</title><summary>Broken.</summary><steps>"

static void
test_breakage_rolls_too_long (void)
{
  load_broken (BROKEN_HEAD ("foam-rolling", "quadriceps", "foam-roller", "fresh-injury ease-off")
               "<step seconds=\"170\" side=\"left\" other-side=\"true\"><instruction>Roll. Ease off if it hurts.</instruction></step>"
               "</steps></routine>");
}

static void
test_breakage_presses_too_often (void)
{
  load_broken (BROKEN_HEAD ("trigger-point", "glutes", "massage-ball", "fresh-injury ease-off warm-up")
               "<step seconds=\"30\" side=\"both\"><instruction>Press. Ease off if it hurts.</instruction></step>"
               "<step seconds=\"30\" side=\"both\"><instruction>Press.</instruction></step>"
               "<step seconds=\"30\" side=\"both\"><instruction>Press.</instruction></step>"
               "<step seconds=\"30\" side=\"both\"><instruction>Press.</instruction></step>"
               "</steps></routine>");
}

static void
test_breakage_no_ease_off (void)
{
  load_broken (BROKEN_HEAD ("foam-rolling", "quadriceps", "foam-roller", "fresh-injury")
               "<step seconds=\"60\" side=\"left\" other-side=\"true\"><instruction>Roll.</instruction></step>"
               "</steps></routine>");
}

static void
test_breakage_tool_on_neck (void)
{
  load_broken (BROKEN_HEAD ("stretching", "neck-front", "massage-ball", "fresh-injury stretch-gently")
               "<step seconds=\"30\" side=\"left\" other-side=\"true\"><instruction>Hold.</instruction></step>"
               "<step seconds=\"30\" side=\"left\" other-side=\"true\"><instruction>Hold.</instruction></step>"
               "</steps></routine>");
}

static void
test_breakage_names_side (void)
{
  load_broken (BROKEN_HEAD ("stretching", "calves", "wall", "fresh-injury stretch-gently")
               "<step seconds=\"30\" side=\"left\" other-side=\"true\"><instruction>Stretch your left calf.</instruction></step>"
               "<step seconds=\"30\" side=\"left\" other-side=\"true\"><instruction>Again.</instruction></step>"
               "</steps></routine>");
}

static gboolean
presses (LimberRoutine *routine)
{
  LimberTechnique technique = limber_routine_get_technique (routine);

  return technique == LIMBER_TECHNIQUE_TRIGGER_POINT || technique == LIMBER_TECHNIQUE_PIN_AND_STRETCH;
}

/* When a pressure routine hurts, the player offers something gentler for the
 * same muscles; the catalogue must have it, even with only what any room
 * has: a wall and a chair. */
static void
test_gentler (void)
{
  GListModel *routines = limber_catalogue_get_routines (catalogue);
  g_autoptr(GHashTable) room = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (room, (gpointer)"wall");
  g_hash_table_add (room, (gpointer)"chair");
  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      LimberRoutine *gentler = limber_catalogue_find_gentler (catalogue, routine, NULL);
      LimberRoutine *bare;
      const char *id = limber_routine_get_id (routine);

      bare = limber_catalogue_find_gentler (catalogue, routine, room);
      if (presses (routine) && (gentler == NULL || bare == NULL))
        g_error ("%s: nothing gentler for the same muscles%s", id, gentler ? " with only a wall and a chair" : "");

      if (gentler == NULL)
        continue;

      g_assert_true (gentler != routine);
      g_assert_false (presses (gentler) && limber_routine_get_level (gentler) >= limber_routine_get_level (routine));
      g_assert_true (limber_routine_works_on (gentler, limber_routine_get_primary (routine)[0], TRUE)
                     || limber_routine_works_on (routine, limber_routine_get_primary (gentler)[0], TRUE));
      if (bare != NULL)
        g_assert_true (limber_routine_needs_only (bare, room));
    }

  /* The gentlest routine of all has nothing gentler. */
  g_assert_null (limber_catalogue_find_gentler (catalogue, limber_catalogue_lookup_routine (catalogue, "calves.stretch.wall"),
                                                NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  catalogue = limber_catalogue_new ();
  if (!limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/content/enough-routines", test_enough_routines);
  g_test_add_func ("/content/coverage", test_coverage);
  g_test_add_func ("/content/routines", test_routines);
  g_test_add_func ("/content/gentler", test_gentler);
  g_test_add_func ("/content/breakage", test_checks_catch_breakage);
  g_test_add_func ("/content/breakage/subprocess/rolls-too-long", test_breakage_rolls_too_long);
  g_test_add_func ("/content/breakage/subprocess/presses-too-often", test_breakage_presses_too_often);
  g_test_add_func ("/content/breakage/subprocess/no-ease-off", test_breakage_no_ease_off);
  g_test_add_func ("/content/breakage/subprocess/tool-on-neck", test_breakage_tool_on_neck);
  g_test_add_func ("/content/breakage/subprocess/names-side", test_breakage_names_side);

  status = g_test_run ();
  g_clear_object (&catalogue);
  return status;
}
