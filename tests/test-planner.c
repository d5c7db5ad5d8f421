/* test-planner.c: the session planner against the rules of content.md
 *
 * Hand-written cases for the event rules and the examples people give, and
 * property tests that check every rule over many generated requests. The
 * checks here restate the rules on their own terms (sides as the player
 * plays them, regions as the catalogue lists them) rather than reuse the
 * planner's code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-catalogue-loader.h"
#include "core/limber-fake-clock.h"
#include "core/limber-planner.h"

static LimberCatalogue *catalogue;

#define N_GENERATED 10000
#define EVERYTHING  "foam-roller massage-ball double-ball strap wall chair"

/* ---- helpers ---- */

static guint
rank (LimberTechnique technique)
{
  if (technique == LIMBER_TECHNIQUE_FOAM_ROLLING)
    return 0;
  if (technique == LIMBER_TECHNIQUE_STRETCHING)
    return 2;
  return 1;
}

static gboolean
is_pressure (LimberRoutine *routine)
{
  LimberTechnique technique = limber_routine_get_technique (routine);

  return technique == LIMBER_TECHNIQUE_TRIGGER_POINT || technique == LIMBER_TECHNIQUE_PIN_AND_STRETCH;
}

static LimberPlanRequest *
request_new (guint        minutes,
             const char  *equipment,
             ...)
{
  LimberPlanRequest *request = limber_plan_request_new ();
  g_auto(GStrv) ids = g_strsplit (equipment, " ", -1);
  const char *region;
  va_list args;

  limber_plan_request_set_minutes (request, minutes);
  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      limber_plan_request_add_equipment (request, ids[i]);

  va_start (args, equipment);
  while ((region = va_arg (args, const char *)) != NULL)
    limber_plan_request_add_region (request, region, va_arg (args, guint));
  va_end (args);

  return request;
}

static void
print_plan (LimberPlan *plan)
{
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);

      g_test_message ("%2u. %-40s %-16s side %d  %u steps  %3u s", i + 1,
                      limber_routine_get_id (limber_plan_item_get_routine (item)),
                      limber_plan_item_get_group (item), limber_plan_item_get_only_side (item),
                      limber_plan_item_get_n_steps (item), limber_plan_item_get_seconds (item));
    }
  for (guint i = 0; i < limber_plan_get_n_reasons (plan); i++)
    g_test_message ("    reason %d: %s", limber_plan_get_reason_kind (plan, i), limber_plan_get_reason_text (plan, i));
  g_test_message ("    total %u s of %u s", limber_plan_get_total_seconds (plan), limber_plan_get_target_seconds (plan));
}

/* Seconds of the plan spent on @group, or on anything when NULL. */
static guint
seconds_on (LimberPlan *plan,
            const char *group)
{
  guint seconds = 0;

  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);

      if (group == NULL || g_str_equal (limber_plan_item_get_group (item), group))
        seconds += limber_plan_item_get_seconds (item);
    }

  return seconds;
}

static gboolean
plan_uses (LimberPlan      *plan,
           const char      *group,
           LimberTechnique  technique)
{
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);

      if (g_str_equal (limber_plan_item_get_group (item), group)
          && limber_routine_get_technique (limber_plan_item_get_routine (item)) == technique)
        return TRUE;
    }

  return FALSE;
}

static gboolean
within_tolerance (LimberPlan *plan)
{
  guint total = limber_plan_get_total_seconds (plan);
  guint target = limber_plan_get_target_seconds (plan);

  return total * 100 >= target * (100 - LIMBER_PLANNER_TOLERANCE)
         && total * 100 <= target * (100 + LIMBER_PLANNER_TOLERANCE);
}

/* The sides each pass of a step works, as the player plays it: 'L', 'R',
 * or 'B' for both at once (or no side, which is the middle of the body). */
static void
passes_of (LimberStep *step,
           LimberSide  only_side,
           char        passes[3])
{
  LimberSide side = limber_step_get_side (step);
  char first = side == LIMBER_SIDE_LEFT ? 'L' : side == LIMBER_SIDE_RIGHT ? 'R' : 'B';

  memset (passes, 0, 3);
  if (limber_step_get_other_side (step) && only_side == LIMBER_SIDE_LEFT)
    passes[0] = 'L';
  else if (limber_step_get_other_side (step) && only_side == LIMBER_SIDE_RIGHT)
    passes[0] = 'R';
  else if (limber_step_get_other_side (step))
    {
      passes[0] = first;
      passes[1] = first == 'L' ? 'R' : 'L';
    }
  else
    passes[0] = first;
}

/* Whether a pass on @pass works @region: a region of a group the routine
 * works, on that side, or in the middle. */
static gboolean
pass_works_region (LimberRoutine *routine,
                   char           pass,
                   LimberRegion  *region)
{
  const char *group = limber_region_get_group (region);
  LimberSide side = limber_region_get_side (region);

  if (!limber_routine_works_on (routine, group, FALSE))
    return FALSE;
  if (pass == 'B' || side == LIMBER_SIDE_NONE || side == LIMBER_SIDE_BOTH)
    return TRUE;

  return (pass == 'L') == (side == LIMBER_SIDE_LEFT);
}

/* ---- the rules ---- */

static void
check_equipment (LimberPlan              *plan,
                 const LimberPlanRequest *request)
{
  GHashTable *at_hand = limber_plan_request_get_equipment (request);

  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberRoutine *routine = limber_plan_item_get_routine (limber_plan_get_item (plan, i));
      const char * const *needs = limber_routine_get_equipment (routine);

      for (guint j = 0; needs[j] != NULL; j++)
        if (!g_str_equal (needs[j], "none") && !g_hash_table_contains (at_hand, needs[j]))
          g_error ("%s needs %s, not at hand", limber_routine_get_id (routine), needs[j]);
    }
}

/* The id of an injured region @step works when played with @only_side, or
 * %NULL for none. */
static const char *
injured_region_worked (LimberRoutine           *routine,
                       LimberStep              *step,
                       LimberSide               only_side,
                       const LimberPlanRequest *request)
{
  GListModel *regions = limber_catalogue_get_regions (catalogue);
  char passes[3];

  passes_of (step, only_side, passes);
  for (guint p = 0; passes[p] != 0; p++)
    for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
      {
        g_autoptr(LimberRegion) region = g_list_model_get_item (regions, r);

        if (limber_plan_request_get_injured (request, limber_region_get_id (region))
            && pass_works_region (routine, passes[p], region))
          return limber_region_get_id (region);
      }

  return NULL;
}

static void
check_injuries (LimberPlan              *plan,
                const LimberPlanRequest *request)
{
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);
      LimberRoutine *routine = limber_plan_item_get_routine (item);

      for (guint s = 0; s < limber_plan_item_get_n_steps (item); s++)
        {
          const char *injured = injured_region_worked (routine, limber_plan_item_get_step (item, s),
                                                       limber_plan_item_get_only_side (item), request);

          if (injured != NULL)
            g_error ("%s step %u works the injured %s", limber_routine_get_id (routine), s, injured);
        }
    }
}

static void
check_order (LimberPlan *plan)
{
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);
      LimberRoutine *routine = limber_plan_item_get_routine (item);
      gboolean rolled_first = FALSE;

      /* Across the session: rolling, then pressure, then stretching. */
      if (i > 0)
        g_assert_cmpuint (rank (limber_routine_get_technique (limber_plan_item_get_routine (limber_plan_get_item (plan, i - 1)))),
                          <=, rank (limber_routine_get_technique (routine)));

      if (!is_pressure (routine))
        continue;

      /* On each muscle: lighter rolling before pressure, or the routine's
       * own warm-up. */
      for (guint j = 0; j < i; j++)
        {
          LimberPlanItem *before = limber_plan_get_item (plan, j);

          rolled_first |= g_str_equal (limber_plan_item_get_group (before), limber_plan_item_get_group (item))
                          && limber_routine_get_technique (limber_plan_item_get_routine (before)) == LIMBER_TECHNIQUE_FOAM_ROLLING;
        }
      if (!rolled_first && !limber_step_get_warm_up (limber_plan_item_get_step (item, 0)))
        g_error ("%s presses on %s without rolling or warming up first", limber_routine_get_id (routine),
                 limber_plan_item_get_group (item));
    }
}

static void
check_event (LimberPlan              *plan,
             const LimberPlanRequest *request)
{
  guint days;
  LimberGoal goal = limber_plan_request_get_goal (request, &days);
  gboolean light_before = goal == LIMBER_GOAL_BEFORE_EVENT && days <= 1;
  gboolean light_after = goal == LIMBER_GOAL_AFTER_EVENT && days == 0;
  g_autoptr(GHashTable) rolling = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) holding = g_hash_table_new (g_str_hash, g_str_equal);

  if ((goal == LIMBER_GOAL_BEFORE_EVENT && days <= 3) || (goal == LIMBER_GOAL_AFTER_EVENT && days <= 2))
    g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_EVENT, NULL));
  else
    g_assert_false (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_EVENT, NULL));

  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);
      LimberRoutine *routine = limber_plan_item_get_routine (item);
      const char *group = limber_plan_item_get_group (item);
      LimberTechnique technique = limber_routine_get_technique (routine);
      LimberLevel level = limber_routine_get_level (routine);

      if (light_after || limber_plan_item_get_role (item) == LIMBER_PLAN_ROLE_NEIGHBOUR)
        {
          g_assert_false (is_pressure (routine));
          g_assert_cmpint (level, ==, LIMBER_LEVEL_GENTLE);
        }
      if (!light_before)
        continue;

      /* No deep pressure: no pressure techniques, no firm rolling. */
      g_assert_false (is_pressure (routine));
      g_assert_cmpint (level, !=, LIMBER_LEVEL_FIRM);

      for (guint s = 0; s < limber_plan_item_get_n_steps (item); s++)
        {
          LimberStep *step = limber_plan_item_get_step (item, s);
          guint active = limber_step_get_seconds (step) > 0 ? limber_step_get_seconds (step)
                                                             : limber_step_get_reps (step) * limber_step_get_pace (step);

          if (technique == LIMBER_TECHNIQUE_FOAM_ROLLING)
            g_hash_table_insert (rolling, (gpointer)group,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (rolling, group)) + active));
          else if (technique == LIMBER_TECHNIQUE_STRETCHING && limber_step_get_seconds (step) > 0
                   && !limber_step_get_warm_up (step))
            g_hash_table_insert (holding, (gpointer)group,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (holding, group)) + active));
        }
    }

  if (light_before)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, rolling);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpuint (GPOINTER_TO_UINT (value), <=, LIMBER_PLANNER_LIGHT_ROLLING_SECONDS);
      g_hash_table_iter_init (&iter, holding);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpuint (GPOINTER_TO_UINT (value), <, LIMBER_PLANNER_LIGHT_HOLD_SECONDS);
    }
}

static void
check_total (LimberPlan *plan)
{
  guint n = limber_plan_get_n_items (plan);
  guint total = limber_plan_get_total_seconds (plan);
  guint target = limber_plan_get_target_seconds (plan);
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);
      guint item_sum = 0;

      g_assert_cmpuint (limber_plan_item_get_n_steps (item), >, 0);
      for (guint s = 0; s < limber_plan_item_get_n_steps (item); s++)
        {
          LimberStep *step = limber_plan_item_get_step (item, s);
          char passes[3];
          guint n_passes;

          passes_of (step, limber_plan_item_get_only_side (item), passes);
          n_passes = passes[1] != 0 ? 2 : 1;
          item_sum += n_passes * limber_step_get_active_seconds (step) + limber_step_get_rest (step)
                      + (n_passes == 2 ? MAX (limber_step_get_rest (step), LIMBER_STEP_MIN_SWITCH_SECONDS) : 0);
        }
      g_assert_cmpuint (item_sum, ==, limber_plan_item_get_seconds (item));
      sum += item_sum;
      if (i + 1 == n)
        sum -= limber_step_get_rest (limber_plan_item_get_step (item, limber_plan_item_get_n_steps (item) - 1));
    }
  g_assert_cmpuint (total, ==, sum);

  /* Never over the tolerance; under it only with a reason. */
  g_assert_cmpuint (total * 100, <=, target * (100 + LIMBER_PLANNER_TOLERANCE));
  if (!within_tolerance (plan) && n > 0)
    g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_SHORT, NULL));
  if (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_SHORT, NULL))
    g_assert_false (within_tolerance (plan));
}

/* Every region asked for gets work, or the plan says why not. */
static void
check_coverage (LimberPlan              *plan,
                const LimberPlanRequest *request)
{
  for (guint i = 0; i < limber_plan_request_get_n_regions (request); i++)
    {
      const char *id = limber_plan_request_get_region (request, i, NULL);
      LimberRegion *region = limber_catalogue_lookup_region (catalogue, id);
      const char *group = limber_region_get_group (region);
      gboolean worked = FALSE;

      if (limber_plan_request_get_injured (request, id))
        {
          g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_INJURED, group));
          continue;
        }

      for (guint j = 0; j < limber_plan_get_n_items (plan); j++)
        {
          LimberPlanItem *item = limber_plan_get_item (plan, j);

          worked |= limber_plan_item_get_role (item) == LIMBER_PLAN_ROLE_CHOSEN
                    && g_str_equal (limber_plan_item_get_group (item), group);
        }

      if (!worked && !limber_plan_has_reason (plan, LIMBER_PLAN_REASON_NOTHING_SUITS, group)
          && !limber_plan_has_reason (plan, LIMBER_PLAN_REASON_NO_TIME, group))
        g_error ("%s got no work and no reason", id);
    }
}

static gboolean routine_suits_request (LimberRoutine           *routine,
                                       const LimberPlanRequest *request);

/* Whether @step can be played on @only_side without touching an injury. */
static gboolean
step_is_safe (LimberRoutine           *routine,
              LimberStep              *step,
              LimberSide               only_side,
              const LimberPlanRequest *request)
{
  LimberSide side = limber_step_get_side (step);

  if (only_side != LIMBER_SIDE_NONE && !limber_step_get_other_side (step)
      && (side == LIMBER_SIDE_LEFT || side == LIMBER_SIDE_RIGHT) && side != only_side)
    return FALSE;

  return injured_region_worked (routine, step, only_side, request) == NULL;
}

static guint
active_seconds (LimberStep *step)
{
  return limber_step_get_seconds (step) > 0 ? limber_step_get_seconds (step)
                                            : limber_step_get_reps (step) * limber_step_get_pace (step);
}

/* Whether @routine suits the request on @only_side, and the rolling and
 * static holding its shortest start would add (warm-ups and one step). */
static gboolean
routine_suits (LimberRoutine           *routine,
               LimberSide               only_side,
               const LimberPlanRequest *request,
               guint                   *rolling,
               guint                   *holding)
{
  GListModel *steps = limber_routine_get_steps (routine);
  gboolean playable = FALSE;

  *rolling = *holding = 0;
  for (guint i = 0; i < g_list_model_get_n_items (steps) && !playable; i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);

      if (!step_is_safe (routine, step, only_side, request))
        continue;
      playable = !limber_step_get_warm_up (step);
      if (limber_routine_get_technique (routine) == LIMBER_TECHNIQUE_FOAM_ROLLING)
        *rolling += active_seconds (step);
      else if (limber_routine_get_technique (routine) == LIMBER_TECHNIQUE_STRETCHING
               && limber_step_get_seconds (step) > 0 && !limber_step_get_warm_up (step))
        *holding += active_seconds (step);
    }

  return playable && routine_suits_request (routine, request);
}

static gboolean
starts_with_warm_up (LimberRoutine           *routine,
                     LimberSide               only_side,
                     const LimberPlanRequest *request)
{
  GListModel *steps = limber_routine_get_steps (routine);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);

      if (step_is_safe (routine, step, only_side, request))
        return limber_step_get_warm_up (step);
    }

  return FALSE;
}

static gboolean
plan_has_routine (LimberPlan    *plan,
                  LimberRoutine *routine)
{
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    if (limber_plan_item_get_routine (limber_plan_get_item (plan, i)) == routine)
      return TRUE;

  return FALSE;
}

/* The rolling and static holding the plan does on @group, per side. */
static void
light_work_on (LimberPlan *plan,
               const char *group,
               guint      *rolling,
               guint      *holding)
{
  *rolling = *holding = 0;
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);
      LimberRoutine *routine = limber_plan_item_get_routine (item);

      if (!g_str_equal (limber_plan_item_get_group (item), group))
        continue;
      for (guint s = 0; s < limber_plan_item_get_n_steps (item); s++)
        {
          LimberStep *step = limber_plan_item_get_step (item, s);

          if (limber_routine_get_technique (routine) == LIMBER_TECHNIQUE_FOAM_ROLLING)
            *rolling += active_seconds (step);
          else if (limber_routine_get_technique (routine) == LIMBER_TECHNIQUE_STRETCHING
                   && limber_step_get_seconds (step) > 0 && !limber_step_get_warm_up (step))
            *holding += active_seconds (step);
        }
    }
}

static gboolean
routine_suits_request (LimberRoutine           *routine,
                       const LimberPlanRequest *request)
{
  guint days;
  LimberGoal goal = limber_plan_request_get_goal (request, &days);
  gboolean light = !is_pressure (routine);

  if (!limber_routine_needs_only (routine, limber_plan_request_get_equipment (request)))
    return FALSE;
  if (goal == LIMBER_GOAL_BEFORE_EVENT && days <= 1)
    return light && limber_routine_get_level (routine) != LIMBER_LEVEL_FIRM;
  if (goal == LIMBER_GOAL_AFTER_EVENT && days == 0)
    return light && limber_routine_get_level (routine) == LIMBER_LEVEL_GENTLE;
  return TRUE;
}

/* How many routines that suit @group on @only_side the plan could still
 * have started but did not. */
static guint
count_left_out (LimberPlan              *plan,
                const LimberPlanRequest *request,
                const char              *group,
                LimberSide               only_side)
{
  GListModel *routines = limber_catalogue_get_routines (catalogue);
  guint days, left_out = 0, rolling, holding;
  gboolean light_before = limber_plan_request_get_goal (request, &days) == LIMBER_GOAL_BEFORE_EVENT && days <= 1;

  light_work_on (plan, group, &rolling, &holding);
  for (guint r = 0; r < g_list_model_get_n_items (routines); r++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, r);
      guint more_rolling, more_holding;

      if (!limber_routine_works_on (routine, group, TRUE) || plan_has_routine (plan, routine)
          || !routine_suits (routine, only_side, request, &more_rolling, &more_holding))
        continue;
      /* Pressure needs rolling on the muscle first, or a warm-up of its own. */
      if (is_pressure (routine) && !plan_uses (plan, group, LIMBER_TECHNIQUE_FOAM_ROLLING)
          && !starts_with_warm_up (routine, only_side, request))
        continue;
      if (light_before && (rolling + more_rolling > LIMBER_PLANNER_LIGHT_ROLLING_SECONDS
                           || holding + more_holding >= LIMBER_PLANNER_LIGHT_HOLD_SECONDS))
        continue;
      left_out++;
    }

  return left_out;
}

/* Sorer groups get more of the time: a group may get less than a less sore
 * one only by the size of the units time comes in, or when everything that
 * suits it is already in the plan. */
static void
check_soreness (LimberPlan              *plan,
                const LimberPlanRequest *request)
{
  g_autoptr(GHashTable) soreness = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) biggest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) n_items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sides = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) groups = NULL;

  for (guint i = 0; i < limber_plan_request_get_n_regions (request); i++)
    {
      guint sore;
      const char *id = limber_plan_request_get_region (request, i, &sore);
      const char *group = limber_region_get_group (limber_catalogue_lookup_region (catalogue, id));

      if (!limber_plan_request_get_injured (request, id))
        g_hash_table_insert (soreness, (gpointer)group,
                             GUINT_TO_POINTER (MAX (sore, GPOINTER_TO_UINT (g_hash_table_lookup (soreness, group)))));
    }

  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);
      const char *group = limber_plan_item_get_group (item);

      g_hash_table_insert (biggest, (gpointer)group,
                           GUINT_TO_POINTER (MAX (limber_plan_item_get_seconds (item),
                                                  GPOINTER_TO_UINT (g_hash_table_lookup (biggest, group)))));
      g_hash_table_insert (n_items, (gpointer)group,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (n_items, group)) + 1));
      g_hash_table_insert (sides, (gpointer)group, GINT_TO_POINTER (limber_plan_item_get_only_side (item)));
    }

  groups = g_hash_table_get_keys (biggest);
  for (GList *a = groups; a != NULL; a = a->next)
    for (GList *b = groups; b != NULL; b = b->next)
      {
        guint sore_a = GPOINTER_TO_UINT (g_hash_table_lookup (soreness, a->data));
        guint sore_b = GPOINTER_TO_UINT (g_hash_table_lookup (soreness, b->data));
        guint time_a = seconds_on (plan, a->data), time_b = seconds_on (plan, b->data);
        guint slack = GPOINTER_TO_UINT (g_hash_table_lookup (biggest, a->data))
                      + GPOINTER_TO_UINT (g_hash_table_lookup (biggest, b->data));
        guint left_out;

        if (sore_a <= sore_b || sore_b == 0 || time_a + slack >= time_b)
          continue;

        /* Then every routine that suits @a must be in the plan, or be
         * kept out by a rule. */
        left_out = count_left_out (plan, request, a->data, GPOINTER_TO_INT (g_hash_table_lookup (sides, a->data)));
        if (left_out > 0)
          {
            print_plan (plan);
            g_error ("%s (soreness %u) got %u s, %s (soreness %u) got %u s", (char *)a->data, sore_a, time_a,
                     (char *)b->data, sore_b, time_b);
          }
      }
}

static void
assert_same_plan (LimberPlan *a,
                  LimberPlan *b)
{
  g_assert_cmpuint (limber_plan_get_n_items (a), ==, limber_plan_get_n_items (b));
  for (guint i = 0; i < limber_plan_get_n_items (a); i++)
    {
      LimberPlanItem *x = limber_plan_get_item (a, i), *y = limber_plan_get_item (b, i);

      g_assert_true (limber_plan_item_get_routine (x) == limber_plan_item_get_routine (y));
      g_assert_cmpstr (limber_plan_item_get_group (x), ==, limber_plan_item_get_group (y));
      g_assert_cmpint (limber_plan_item_get_only_side (x), ==, limber_plan_item_get_only_side (y));
      g_assert_cmpuint (limber_plan_item_get_n_steps (x), ==, limber_plan_item_get_n_steps (y));
      for (guint s = 0; s < limber_plan_item_get_n_steps (x); s++)
        g_assert_true (limber_plan_item_get_step (x, s) == limber_plan_item_get_step (y, s));
    }
  g_assert_cmpuint (limber_plan_get_n_reasons (a), ==, limber_plan_get_n_reasons (b));
  for (guint i = 0; i < limber_plan_get_n_reasons (a); i++)
    g_assert_cmpstr (limber_plan_get_reason_text (a, i), ==, limber_plan_get_reason_text (b, i));
}

/* "That is all the suitable work" must be true. */
static void
check_short_is_honest (LimberPlan              *plan,
                       const LimberPlanRequest *request)
{
  gboolean all = FALSE;

  for (guint i = 0; i < limber_plan_get_n_reasons (plan); i++)
    all |= limber_plan_get_reason_kind (plan, i) == LIMBER_PLAN_REASON_SHORT
           && strstr (limber_plan_get_reason_text (plan, i), "closest fit") == NULL;
  if (!all)
    return;

  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);

      if (limber_plan_item_get_role (item) == LIMBER_PLAN_ROLE_CHOSEN)
        g_assert_cmpuint (count_left_out (plan, request, limber_plan_item_get_group (item),
                                          limber_plan_item_get_only_side (item)), ==, 0);
    }
}

static void
check_all (LimberPlan              *plan,
           const LimberPlanRequest *request)
{
  check_short_is_honest (plan, request);
  check_equipment (plan, request);
  check_injuries (plan, request);
  check_order (plan);
  check_event (plan, request);
  check_total (plan);
  check_coverage (plan, request);
  check_soreness (plan, request);
}

/* ---- hand-written cases ---- */

/* The example people give: "my calves and lower back, 10 minutes, I have a
 * foam roller". */
static void
test_calves_and_lower_back (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (10, "foam-roller",
                                                      "back.calves.left", 5, "back.calves.right", 5,
                                                      "back.lower-back.left", 5, "back.lower-back.right", 5, NULL);
  g_autoptr(LimberPlan) plan = limber_planner_plan (catalogue, request);
  LimberPlanItem *first;

  print_plan (plan);
  check_all (plan, request);
  g_assert_true (within_tolerance (plan));
  g_assert_cmpuint (limber_plan_get_n_reasons (plan), ==, 0);

  /* It starts by rolling the calves on the roller, and both get work. */
  first = limber_plan_get_item (plan, 0);
  g_assert_cmpstr (limber_plan_item_get_group (first), ==, "calves");
  g_assert_cmpint (limber_routine_get_technique (limber_plan_item_get_routine (first)), ==, LIMBER_TECHNIQUE_FOAM_ROLLING);
  g_assert_cmpint (limber_plan_item_get_only_side (first), ==, LIMBER_SIDE_NONE);
  g_assert_cmpuint (seconds_on (plan, "calves"), >=, 120);
  g_assert_cmpuint (seconds_on (plan, "lower-back"), >=, 120);
}

static void
test_event_tomorrow (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (20, EVERYTHING,
                                                      "back.calves.left", 9, "back.calves.right", 9, NULL);
  g_autoptr(LimberPlan) general = limber_planner_plan (catalogue, request);
  g_autoptr(LimberPlan) plan = NULL;

  /* Without an event, sore calves get pressure work... */
  g_assert_true (plan_uses (general, "calves", LIMBER_TECHNIQUE_TRIGGER_POINT)
                 || plan_uses (general, "calves", LIMBER_TECHNIQUE_PIN_AND_STRETCH));

  /* ...but not the day before a race, and the plan says so. */
  limber_plan_request_set_goal (request, LIMBER_GOAL_BEFORE_EVENT, 1);
  plan = limber_planner_plan (catalogue, request);
  print_plan (plan);
  check_all (plan, request);
  g_assert_false (plan_uses (plan, "calves", LIMBER_TECHNIQUE_TRIGGER_POINT));
  g_assert_false (plan_uses (plan, "calves", LIMBER_TECHNIQUE_PIN_AND_STRETCH));
  g_assert_true (plan_uses (plan, "calves", LIMBER_TECHNIQUE_FOAM_ROLLING));
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_EVENT, NULL));
  g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, 0), "tomorrow"));
  /* Light work takes less time than twenty minutes; the plan says why. */
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_SHORT, NULL));
  g_assert_cmpuint (limber_plan_get_total_seconds (plan), <, limber_plan_get_total_seconds (general));

  /* The same on the day itself. */
  g_clear_object (&plan);
  limber_plan_request_set_goal (request, LIMBER_GOAL_BEFORE_EVENT, 0);
  plan = limber_planner_plan (catalogue, request);
  check_all (plan, request);
  g_assert_false (plan_uses (plan, "calves", LIMBER_TECHNIQUE_TRIGGER_POINT));
  g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, 0), "today"));
}

static void
test_event_in_two_days (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (20, EVERYTHING,
                                                      "back.calves.left", 9, "back.calves.right", 9, NULL);
  g_autoptr(LimberPlan) plan = NULL;

  /* Two to three days before: deep work allowed. */
  for (guint days = 2; days <= 3; days++)
    {
      limber_plan_request_set_goal (request, LIMBER_GOAL_BEFORE_EVENT, days);
      g_clear_object (&plan);
      plan = limber_planner_plan (catalogue, request);
      check_all (plan, request);
      g_assert_true (plan_uses (plan, "calves", LIMBER_TECHNIQUE_TRIGGER_POINT)
                     || plan_uses (plan, "calves", LIMBER_TECHNIQUE_PIN_AND_STRETCH));
      g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, 0), "deeper work"));
    }

  /* A week away, the event changes nothing. */
  {
    g_autoptr(LimberPlanRequest) general = limber_plan_request_copy (request);
    g_autoptr(LimberPlan) general_plan = NULL;

    limber_plan_request_set_goal (request, LIMBER_GOAL_BEFORE_EVENT, 7);
    limber_plan_request_set_goal (general, LIMBER_GOAL_GENERAL, 0);
    g_clear_object (&plan);
    plan = limber_planner_plan (catalogue, request);
    general_plan = limber_planner_plan (catalogue, general);
    assert_same_plan (plan, general_plan);
  }
}

static void
test_event_after (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (15, EVERYTHING,
                                                      "back.calves.left", 8, "back.calves.right", 8,
                                                      "front.quadriceps.left", 6, "front.quadriceps.right", 6, NULL);
  g_autoptr(LimberPlan) plan = NULL;

  /* The same day: gentle work only. */
  limber_plan_request_set_goal (request, LIMBER_GOAL_AFTER_EVENT, 0);
  plan = limber_planner_plan (catalogue, request);
  print_plan (plan);
  check_all (plan, request);
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberRoutine *routine = limber_plan_item_get_routine (limber_plan_get_item (plan, i));

      g_assert_cmpint (limber_routine_get_level (routine), ==, LIMBER_LEVEL_GENTLE);
      g_assert_false (is_pressure (routine));
    }
  g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, 0), "gentle work only"));

  /* One and two days after: recovery work, rolling first, deep work allowed. */
  for (guint days = 1; days <= 2; days++)
    {
      g_clear_object (&plan);
      limber_plan_request_set_goal (request, LIMBER_GOAL_AFTER_EVENT, days);
      plan = limber_planner_plan (catalogue, request);
      check_all (plan, request);
      g_assert_cmpint (limber_routine_get_technique (limber_plan_item_get_routine (limber_plan_get_item (plan, 0))),
                       ==, LIMBER_TECHNIQUE_FOAM_ROLLING);
      g_assert_true (plan_uses (plan, "calves", LIMBER_TECHNIQUE_TRIGGER_POINT)
                     || plan_uses (plan, "calves", LIMBER_TECHNIQUE_PIN_AND_STRETCH));
      g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, 0), "recovery work"));
    }
}

/* An injured left calf: the right calf is worked on its own, and nothing
 * touches the left. */
static void
test_injured_side (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (10, EVERYTHING,
                                                      "back.calves.left", 5, "back.calves.right", 5, NULL);
  g_autoptr(LimberPlan) plan = NULL;

  limber_plan_request_set_injured (request, "back.calves.left", TRUE);
  plan = limber_planner_plan (catalogue, request);
  print_plan (plan);
  check_all (plan, request);
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_INJURED, "calves"));
  g_assert_cmpuint (seconds_on (plan, "calves"), >, 0);
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);

      if (g_str_equal (limber_plan_item_get_group (item), "calves"))
        g_assert_cmpint (limber_plan_item_get_only_side (item), ==, LIMBER_SIDE_RIGHT);
    }
}

/* Only an injured calf: no calf work at all, gentle work beside it. */
static void
test_injured_neighbours (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (10, EVERYTHING,
                                                      "back.calves.left", 5, NULL);
  g_autoptr(LimberPlan) plan = NULL;

  limber_plan_request_set_injured (request, "back.calves.left", TRUE);
  plan = limber_planner_plan (catalogue, request);
  print_plan (plan);
  check_all (plan, request);
  g_assert_cmpuint (seconds_on (plan, "calves"), ==, 0);
  g_assert_cmpuint (limber_plan_get_n_items (plan), >, 0);
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_INJURED, "calves"));
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_NEIGHBOUR, NULL));
  g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, 0), "see a professional"));
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    {
      LimberPlanItem *item = limber_plan_get_item (plan, i);

      g_assert_cmpint (limber_plan_item_get_role (item), ==, LIMBER_PLAN_ROLE_NEIGHBOUR);
      g_assert_cmpint (limber_plan_item_get_only_side (item), !=, LIMBER_SIDE_RIGHT);
    }
}

/* Too much for five minutes: the sorest regions stay, the plan says what it
 * left out and how long everything would take. */
static void
test_not_enough_time (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (5, EVERYTHING,
                                                      "back.calves.left", 9, "back.calves.right", 9,
                                                      "back.hamstrings.left", 2, "back.glutes.left", 2,
                                                      "back.upper-back.left", 2, "front.quadriceps.left", 2,
                                                      "front.shin.left", 2, "front.chest.left", 2, NULL);
  g_autoptr(LimberPlan) plan = limber_planner_plan (catalogue, request);

  print_plan (plan);
  check_all (plan, request);
  g_assert_true (within_tolerance (plan));
  g_assert_cmpuint (seconds_on (plan, "calves"), >, 0);
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_NO_TIME, NULL));
  for (guint i = 0; i < limber_plan_get_n_reasons (plan); i++)
    if (limber_plan_get_reason_kind (plan, i) == LIMBER_PLAN_REASON_NO_TIME)
      g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, i), "needs at least"));
}

static void
test_nothing_suits (void)
{
  /* Every hamstring routine needs a roller, a ball, a strap or a chair. */
  g_autoptr(LimberPlanRequest) request = request_new (10, "", "back.hamstrings.left", 5, NULL);
  g_autoptr(LimberPlan) plan = limber_planner_plan (catalogue, request);
  g_autoptr(LimberPlanRequest) after = request_new (10, "", "front.biceps.left", 5, NULL);
  g_autoptr(LimberPlan) after_plan = NULL;

  print_plan (plan);
  check_all (plan, request);
  g_assert_cmpuint (limber_plan_get_n_items (plan), ==, 0);
  g_assert_true (limber_plan_has_reason (plan, LIMBER_PLAN_REASON_NOTHING_SUITS, "hamstrings"));
  g_assert_nonnull (strstr (limber_plan_get_reason_text (plan, 0), "equipment"));

  /* Biceps work without equipment is all pressure: not on the day of an event. */
  limber_plan_request_set_goal (after, LIMBER_GOAL_AFTER_EVENT, 0);
  after_plan = limber_planner_plan (catalogue, after);
  print_plan (after_plan);
  check_all (after_plan, after);
  g_assert_cmpuint (limber_plan_get_n_items (after_plan), ==, 0);
  g_assert_true (limber_plan_has_reason (after_plan, LIMBER_PLAN_REASON_NOTHING_SUITS, "biceps"));
  g_assert_nonnull (strstr (limber_plan_get_reason_text (after_plan, 1), "timing of your event"));
}

static void
test_sorer_gets_more (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (20, EVERYTHING,
                                                      "back.calves.left", 9, "back.calves.right", 9,
                                                      "back.hamstrings.left", 2, "back.hamstrings.right", 2, NULL);
  g_autoptr(LimberPlan) plan = limber_planner_plan (catalogue, request);
  g_autoptr(LimberPlanRequest) swapped = request_new (20, EVERYTHING,
                                                      "back.calves.left", 2, "back.calves.right", 2,
                                                      "back.hamstrings.left", 9, "back.hamstrings.right", 9, NULL);
  g_autoptr(LimberPlan) swapped_plan = limber_planner_plan (catalogue, swapped);

  check_all (plan, request);
  check_all (swapped_plan, swapped);
  g_assert_cmpuint (seconds_on (plan, "calves"), >, 2 * seconds_on (plan, "hamstrings"));
  g_assert_cmpuint (seconds_on (swapped_plan, "hamstrings"), >, 2 * seconds_on (swapped_plan, "calves"));
}

/* Removing and moving items; the player plays exactly the plan. */
static void
test_edit_and_play (void)
{
  g_autoptr(LimberPlanRequest) request = request_new (15, EVERYTHING,
                                                      "back.calves.right", 6, "back.lower-back.left", 5,
                                                      "back.lower-back.right", 5, NULL);
  g_autoptr(LimberPlan) plan = limber_planner_plan (catalogue, request);
  g_autoptr(LimberClock) clock = limber_fake_clock_new ();
  g_autoptr(LimberPlayer) player = limber_player_new (clock);
  LimberPlanItem *first, *second;
  guint n, total, n_steps = 0;
  gint64 start;

  n = limber_plan_get_n_items (plan);
  g_assert_cmpuint (n, >=, 3);
  total = limber_plan_get_total_seconds (plan);

  first = limber_plan_get_item (plan, 0);
  second = limber_plan_get_item (plan, 1);
  limber_plan_move (plan, 0, 1);
  g_assert_true (limber_plan_get_item (plan, 0) == second);
  g_assert_true (limber_plan_get_item (plan, 1) == first);

  limber_plan_remove (plan, 0);
  g_assert_cmpuint (limber_plan_get_n_items (plan), ==, n - 1);
  g_assert_cmpuint (limber_plan_get_total_seconds (plan), <, total);

  /* Only the right calf: its two-sided steps play on the right alone. */
  limber_plan_add_to_player (plan, player);
  for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
    n_steps += limber_plan_item_get_n_steps (limber_plan_get_item (plan, i));
  g_assert_cmpuint (limber_player_get_n_steps (player), ==, n_steps);
  g_assert_cmpint (limber_player_get_planned_time (player), ==, (gint64)limber_plan_get_total_seconds (plan) * G_USEC_PER_SEC);

  limber_player_set_get_ready_seconds (player, 0);
  start = limber_clock_get_now (clock);
  limber_player_start (player);
  while (limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED)
    {
      LimberPlanItem *item = NULL;
      LimberRoutine *routine = limber_player_get_routine (player, limber_player_get_index (player));

      for (guint i = 0; i < limber_plan_get_n_items (plan); i++)
        if (limber_plan_item_get_routine (limber_plan_get_item (plan, i)) == routine)
          item = limber_plan_get_item (plan, i);
      g_assert_nonnull (item);
      if (g_str_equal (limber_plan_item_get_group (item), "calves")
          && limber_player_get_state (player) == LIMBER_PLAYER_STATE_RUNNING)
        g_assert_cmpint (limber_player_get_side (player), !=, LIMBER_SIDE_LEFT);
      g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (clock)));
    }
  g_assert_cmpint (limber_player_get_finished_at (player) - start, ==,
                   (gint64)limber_plan_get_total_seconds (plan) * G_USEC_PER_SEC);
}

/* ---- property tests ---- */

static LimberPlanRequest *
generate (GRand *rand)
{
  static const guint choices[] = { 5, 10, 15, 20, 30 };
  LimberPlanRequest *request = limber_plan_request_new ();
  GListModel *regions = limber_catalogue_get_regions (catalogue);
  guint n_regions = g_list_model_get_n_items (regions);
  const char * const *equipment = limber_catalogue_get_equipment_ids (catalogue);
  guint wanted = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_int_range (rand, 9, 41) : g_rand_int_range (rand, 1, 9);

  for (guint i = 0; i < wanted; i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, g_rand_int_range (rand, 0, n_regions));

      limber_plan_request_add_region (request, limber_region_get_id (region), g_rand_int_range (rand, 1, 11));
      if (g_rand_int_range (rand, 0, 7) == 0)
        limber_plan_request_set_injured (request, limber_region_get_id (region), TRUE);
    }
  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, g_rand_int_range (rand, 0, n_regions));

      limber_plan_request_set_injured (request, limber_region_get_id (region), TRUE);
    }

  if (g_rand_boolean (rand))
    limber_plan_request_set_minutes (request, choices[g_rand_int_range (rand, 0, G_N_ELEMENTS (choices))]);
  else
    limber_plan_request_set_minutes (request, g_rand_int_range (rand, LIMBER_PLANNER_MIN_MINUTES, LIMBER_PLANNER_MAX_MINUTES + 1));

  for (guint i = 0; equipment[i] != NULL; i++)
    if (g_rand_int_range (rand, 0, 3) > 0)
      limber_plan_request_add_equipment (request, equipment[i]);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      limber_plan_request_set_goal (request, LIMBER_GOAL_BEFORE_EVENT, g_rand_int_range (rand, 0, 6));
      break;
    case 1:
      limber_plan_request_set_goal (request, LIMBER_GOAL_AFTER_EVENT, g_rand_int_range (rand, 0, 5));
      break;
    default:
      break;
    }

  return request;
}

/* The same request with its regions and injuries given in another order. */
static LimberPlanRequest *
shuffled (const LimberPlanRequest *request,
          GRand                   *rand)
{
  LimberPlanRequest *copy = limber_plan_request_new ();
  guint n = limber_plan_request_get_n_regions (request);
  g_autofree guint *order = g_new (guint, n);
  GHashTableIter iter;
  gpointer key;
  guint days;
  LimberGoal goal = limber_plan_request_get_goal (request, &days);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i), swap = order[i - 1];

      order[i - 1] = order[j];
      order[j] = swap;
    }

  for (guint i = 0; i < n; i++)
    {
      guint soreness;
      const char *id = limber_plan_request_get_region (request, order[i], &soreness);

      limber_plan_request_add_region (copy, id, soreness);
    }
  for (guint i = n; i > 0; i--)
    {
      const char *id = limber_plan_request_get_region (request, order[i - 1], NULL);

      if (limber_plan_request_get_injured (request, id))
        limber_plan_request_set_injured (copy, id, TRUE);
    }
  /* Injured regions not asked for, too. */
  {
    GListModel *regions = limber_catalogue_get_regions (catalogue);

    for (guint r = 0; r < g_list_model_get_n_items (regions); r++)
      {
        g_autoptr(LimberRegion) region = g_list_model_get_item (regions, r);

        if (limber_plan_request_get_injured (request, limber_region_get_id (region)))
          limber_plan_request_set_injured (copy, limber_region_get_id (region), TRUE);
      }
  }
  g_hash_table_iter_init (&iter, limber_plan_request_get_equipment (request));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    limber_plan_request_add_equipment (copy, key);
  limber_plan_request_set_minutes (copy, limber_plan_request_get_minutes (request));
  limber_plan_request_set_goal (copy, goal, days);

  return copy;
}

static void
test_properties (void)
{
  guint n_short = 0, n_closest = 0, n_no_time = 0, n_injured = 0, n_events = 0, n_within = 0;

  for (guint seed = 1; seed <= N_GENERATED; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(LimberPlanRequest) request = generate (rand);
      g_autoptr(LimberPlanRequest) other_order = shuffled (request, rand);
      g_autoptr(LimberPlan) plan = limber_planner_plan (catalogue, request);
      g_autoptr(LimberPlan) again = limber_planner_plan (catalogue, request);
      g_autoptr(LimberPlan) reordered = limber_planner_plan (catalogue, other_order);

      if (g_test_verbose () && seed <= 3)
        print_plan (plan);

      g_test_message ("request %u", seed);
      check_all (plan, request);
      assert_same_plan (plan, again);
      assert_same_plan (plan, reordered);

      n_short += limber_plan_has_reason (plan, LIMBER_PLAN_REASON_SHORT, NULL);
      for (guint i = 0; i < limber_plan_get_n_reasons (plan); i++)
        if (strstr (limber_plan_get_reason_text (plan, i), "closest fit"))
          {
            n_closest++;
            if (n_closest < 4)
              print_plan (plan);
          }
      n_no_time += limber_plan_has_reason (plan, LIMBER_PLAN_REASON_NO_TIME, NULL);
      n_injured += limber_plan_has_reason (plan, LIMBER_PLAN_REASON_INJURED, NULL);
      n_events += limber_plan_has_reason (plan, LIMBER_PLAN_REASON_EVENT, NULL);
      n_within += within_tolerance (plan);
    }

  g_test_message ("%u requests: %u within the tolerance, %u short with a reason (%u of them from coarse steps), "
                  "%u left regions out, %u with injuries, %u shaped by an event", N_GENERATED, n_within, n_short, n_closest, n_no_time,
                  n_injured, n_events);
  /* The generator reaches every rule. */
  g_assert_cmpuint (n_short, >, 0);
  g_assert_cmpuint (n_no_time, >, 0);
  g_assert_cmpuint (n_injured, >, 0);
  g_assert_cmpuint (n_events, >, 0);
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

  g_test_add_func ("/planner/calves-and-lower-back", test_calves_and_lower_back);
  g_test_add_func ("/planner/event/tomorrow", test_event_tomorrow);
  g_test_add_func ("/planner/event/in-two-days", test_event_in_two_days);
  g_test_add_func ("/planner/event/after", test_event_after);
  g_test_add_func ("/planner/injured/side", test_injured_side);
  g_test_add_func ("/planner/injured/neighbours", test_injured_neighbours);
  g_test_add_func ("/planner/not-enough-time", test_not_enough_time);
  g_test_add_func ("/planner/nothing-suits", test_nothing_suits);
  g_test_add_func ("/planner/sorer-gets-more", test_sorer_gets_more);
  g_test_add_func ("/planner/edit-and-play", test_edit_and_play);
  g_test_add_func ("/planner/properties", test_properties);

  status = g_test_run ();
  g_clear_object (&catalogue);
  return status;
}
