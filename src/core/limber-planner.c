/* limber-planner.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a plan is made, following content.md:
 *
 * 1. Each muscle group with a chosen region becomes a target, as sore as its
 *    sorest region. A region marked injured gets no direct work: when the
 *    other side of its group was chosen, the target keeps to that side;
 *    otherwise the group is left out, and up to two neighbouring groups may
 *    get gentle work instead, on the injured side.
 * 2. A target's candidates are the routines for its group that need only the
 *    equipment at hand, suit the event timing, and have steps that touch no
 *    injured region (secondary muscles count). They are tried in the order
 *    rolling, pressure, stretching, then the next of each, so a short
 *    session gets some of each before any one gets long. Pressure work comes
 *    only after rolling on the same group, or when the routine begins with
 *    its own warm-up.
 * 3. Time is handed out a unit at a time: a routine's first unit is its
 *    warm-up steps and first real step, each later unit one more step. The
 *    sorest targets get their first unit first; after that the unit goes to
 *    the target furthest below its share of the time, shares being in
 *    proportion to soreness. A unit is taken only if it brings the total
 *    nearer the minutes asked for, within the tolerance.
 * 4. Items play in the order rolling, pressure, stretching; within that,
 *    from the head down as the catalogue lists its regions.
 *
 * Nothing depends on hash table order, so the same request always gives
 * the same plan.
 */
#define G_LOG_DOMAIN "limber-planner"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-planner.h"

/* ---- the request ---- */

typedef struct
{
  char  *id;
  guint  soreness;
} RegionRequest;

struct _LimberPlanRequest
{
  GArray     *regions;         /* RegionRequest, in the order added */
  GHashTable *injured;         /* region ids */
  guint       minutes;
  GHashTable *equipment;       /* equipment ids */
  LimberGoal  goal;
  guint       days;
};

G_DEFINE_BOXED_TYPE (LimberPlanRequest, limber_plan_request, limber_plan_request_copy, limber_plan_request_free)

static void
clear_region_request (gpointer data)
{
  g_free (((RegionRequest *)data)->id);
}

/**
 * limber_plan_request_new:
 *
 * Returns: (transfer full): a request for 10 minutes, no regions, no
 * equipment and no event.
 */
LimberPlanRequest *
limber_plan_request_new (void)
{
  LimberPlanRequest *self = g_new0 (LimberPlanRequest, 1);

  self->regions = g_array_new (FALSE, TRUE, sizeof (RegionRequest));
  g_array_set_clear_func (self->regions, clear_region_request);
  self->injured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->equipment = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->minutes = 10;
  self->goal = LIMBER_GOAL_GENERAL;

  return self;
}

LimberPlanRequest *
limber_plan_request_copy (const LimberPlanRequest *self)
{
  LimberPlanRequest *copy;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (self != NULL, NULL);

  copy = limber_plan_request_new ();
  for (guint i = 0; i < self->regions->len; i++)
    {
      const RegionRequest *region = &g_array_index (self->regions, RegionRequest, i);

      limber_plan_request_add_region (copy, region->id, region->soreness);
    }
  g_hash_table_iter_init (&iter, self->injured);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy->injured, g_strdup (key));
  g_hash_table_iter_init (&iter, self->equipment);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy->equipment, g_strdup (key));
  copy->minutes = self->minutes;
  copy->goal = self->goal;
  copy->days = self->days;

  return copy;
}

void
limber_plan_request_free (LimberPlanRequest *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->regions);
  g_hash_table_unref (self->injured);
  g_hash_table_unref (self->equipment);
  g_free (self);
}

/**
 * limber_plan_request_add_region:
 * @region_id: a region id from the catalogue
 * @soreness: 1 (barely) to 10 (very); 0 means the default
 *
 * Adds a sore region; adding it again changes its soreness.
 */
void
limber_plan_request_add_region (LimberPlanRequest *self,
                                const char        *region_id,
                                guint              soreness)
{
  RegionRequest region;

  g_return_if_fail (self != NULL);
  g_return_if_fail (region_id != NULL);

  if (soreness == 0)
    soreness = LIMBER_PLANNER_DEFAULT_SORENESS;
  soreness = CLAMP (soreness, LIMBER_PLANNER_MIN_SORENESS, LIMBER_PLANNER_MAX_SORENESS);

  for (guint i = 0; i < self->regions->len; i++)
    if (g_str_equal (g_array_index (self->regions, RegionRequest, i).id, region_id))
      {
        g_array_index (self->regions, RegionRequest, i).soreness = soreness;
        return;
      }

  region.id = g_strdup (region_id);
  region.soreness = soreness;
  g_array_append_val (self->regions, region);
}

/**
 * limber_plan_request_set_injured:
 *
 * Marks a region as recently injured: the plan will not work on it,
 * whether or not it was added as sore.
 */
void
limber_plan_request_set_injured (LimberPlanRequest *self,
                                 const char        *region_id,
                                 gboolean           injured)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (region_id != NULL);

  if (injured)
    g_hash_table_add (self->injured, g_strdup (region_id));
  else
    g_hash_table_remove (self->injured, region_id);
}

/**
 * limber_plan_request_set_minutes:
 *
 * The time the person has, kept within %LIMBER_PLANNER_MIN_MINUTES and
 * %LIMBER_PLANNER_MAX_MINUTES.
 */
void
limber_plan_request_set_minutes (LimberPlanRequest *self,
                                 guint              minutes)
{
  g_return_if_fail (self != NULL);
  self->minutes = CLAMP (minutes, LIMBER_PLANNER_MIN_MINUTES, LIMBER_PLANNER_MAX_MINUTES);
}

void
limber_plan_request_add_equipment (LimberPlanRequest *self,
                                   const char        *equipment_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (equipment_id != NULL);
  g_hash_table_add (self->equipment, g_strdup (equipment_id));
}

/**
 * limber_plan_request_set_goal:
 * @days: for an event, the days until it (before) or since it (after),
 *   0 meaning today; ignored for %LIMBER_GOAL_GENERAL
 */
void
limber_plan_request_set_goal (LimberPlanRequest *self,
                              LimberGoal         goal,
                              guint              days)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (goal <= LIMBER_GOAL_AFTER_EVENT);

  self->goal = goal;
  self->days = goal == LIMBER_GOAL_GENERAL ? 0 : MIN (days, LIMBER_PLANNER_MAX_EVENT_DAYS);
}

guint
limber_plan_request_get_n_regions (const LimberPlanRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->regions->len;
}

const char *
limber_plan_request_get_region (const LimberPlanRequest *self,
                                guint                    index,
                                guint                   *soreness)
{
  const RegionRequest *region;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);

  region = &g_array_index (self->regions, RegionRequest, index);
  if (soreness != NULL)
    *soreness = region->soreness;
  return region->id;
}

gboolean
limber_plan_request_get_injured (const LimberPlanRequest *self,
                                 const char              *region_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->injured, region_id);
}

guint
limber_plan_request_get_minutes (const LimberPlanRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->minutes;
}

/**
 * limber_plan_request_get_equipment:
 *
 * Returns: (transfer none): the set of equipment ids at hand.
 */
GHashTable *
limber_plan_request_get_equipment (const LimberPlanRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->equipment;
}

LimberGoal
limber_plan_request_get_goal (const LimberPlanRequest *self,
                              guint                   *days)
{
  g_return_val_if_fail (self != NULL, LIMBER_GOAL_GENERAL);

  if (days != NULL)
    *days = self->days;
  return self->goal;
}

/**
 * limber_planner_is_light_before:
 *
 * Returns: whether the event is today or tomorrow: light rolling and short
 * or dynamic stretching only.
 */
gboolean
limber_planner_is_light_before (const LimberPlanRequest *request)
{
  return request->goal == LIMBER_GOAL_BEFORE_EVENT && request->days <= 1;
}

/**
 * limber_planner_is_light_after:
 *
 * Returns: whether the event was today: gentle work only.
 */
gboolean
limber_planner_is_light_after (const LimberPlanRequest *request)
{
  return request->goal == LIMBER_GOAL_AFTER_EVENT && request->days == 0;
}

/* ---- the planner ---- */

enum
{
  SIDE_LEFT   = 1 << 0,
  SIDE_RIGHT  = 1 << 1,
  SIDE_CENTRE = 1 << 2,         /* a region with no side, or any work on a group */
};

#define MAX_NEIGHBOURS 2

/* Groups next to each other on the body, for gentle work beside an injury.
 * Groups a drop-in catalogue adds have none. */
static const struct
{
  const char *group;
  const char *neighbours[4];
} neighbour_table[] = {
  { "neck-front", { "neck-back", "upper-trapezius", "chest" } },
  { "neck-back", { "upper-trapezius", "upper-back", "neck-front" } },
  { "upper-trapezius", { "neck-back", "shoulder", "upper-back" } },
  { "shoulder", { "upper-trapezius", "chest", "triceps", "biceps" } },
  { "chest", { "shoulder", "biceps" } },
  { "upper-back", { "upper-trapezius", "lats", "lower-back" } },
  { "lats", { "upper-back", "triceps", "lower-back" } },
  { "lower-back", { "glutes", "upper-back", "hamstrings" } },
  { "biceps", { "shoulder", "forearm-flexors" } },
  { "triceps", { "shoulder", "forearm-extensors" } },
  { "forearm-flexors", { "biceps", "hand" } },
  { "forearm-extensors", { "triceps", "hand" } },
  { "hand", { "forearm-flexors", "forearm-extensors" } },
  { "abdomen", { "hip-flexors", "chest" } },
  { "hip-flexors", { "quadriceps", "abdomen" } },
  { "glutes", { "lower-back", "piriformis", "hamstrings", "lateral-thigh" } },
  { "piriformis", { "glutes", "hamstrings" } },
  { "lateral-thigh", { "quadriceps", "glutes" } },
  { "quadriceps", { "hip-flexors", "lateral-thigh", "adductors" } },
  { "adductors", { "quadriceps", "hamstrings" } },
  { "hamstrings", { "glutes", "calves" } },
  { "calves", { "hamstrings", "shin", "foot-sole" } },
  { "shin", { "quadriceps", "peroneals" } },
  { "peroneals", { "shin", "calves" } },
  { "foot-sole", { "calves", "achilles" } },
  { "achilles", { "calves", "foot-sole" } },
};

typedef struct
{
  LimberRoutine *routine;       /* the catalogue holds it */
  guint          index;         /* in the catalogue */
  guint          rank;          /* 0 rolling, 1 pressure, 2 stretching */
  LimberLevel    level;
  guint          turn;          /* the how-manieth of its rank */
  gboolean       evaluated;     /* steps found; done when first needed */
  GPtrArray     *steps;         /* the steps it may play here, in order; NULL for none */
  guint          first_unit;    /* leading warm-up steps and one more */
  guint          taken;         /* steps in the plan */
} Candidate;

typedef struct
{
  const char     *group;
  guint           order;        /* of the group's first region in the catalogue */
  guint           soreness;
  guint           chosen;       /* SIDE_ bits of chosen, uninjured regions */
  guint           n_chosen;
  const char     *first_name;   /* of the chosen region, when there is one */
  LimberSide      only_side;
  LimberPlanRole  role;
  GArray         *candidates;   /* Candidate, in the order they take turns */
  guint           cursor;
  guint           seconds;
  guint           rolling;      /* active seconds per side, for the light rules */
  guint           holding;
  gboolean        has_rolling;
  gboolean        dropped;
  gboolean        any_routine;
  gboolean        any_equipment;
  gboolean        any_goal;
} Target;

typedef struct
{
  Target    *target;
  Candidate *candidate;
} Placed;

typedef struct
{
  LimberCatalogue         *catalogue;
  const LimberPlanRequest *request;
  gboolean                 light_before;
  gboolean                 light_after;
  GHashTable              *group_order;    /* group id -> position + 1 */
  GHashTable              *injured;        /* group id -> SIDE_ bits */
  GHashTable              *by_group;       /* group id -> Target */
  GPtrArray               *targets;        /* Target, chosen ones by priority, then neighbours */
  GHashTable              *used;           /* routines some target has taken */
  GArray                  *placed;         /* Placed: candidates with steps taken */
  guint                    target_seconds;
  guint                    upper_seconds;
  guint                    total;
} Planner;

static void
clear_candidate (gpointer data)
{
  g_clear_pointer (&((Candidate *)data)->steps, g_ptr_array_unref);
}

static void
free_target (gpointer data)
{
  Target *target = data;

  g_array_unref (target->candidates);
  g_free (target);
}

static guint
side_bit (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT:
      return SIDE_LEFT;
    case LIMBER_SIDE_RIGHT:
      return SIDE_RIGHT;
    case LIMBER_SIDE_NONE:
    case LIMBER_SIDE_BOTH:
    default:
      return SIDE_CENTRE;
    }
}

static guint
technique_rank (LimberTechnique technique)
{
  switch (technique)
    {
    case LIMBER_TECHNIQUE_FOAM_ROLLING:
      return 0;
    case LIMBER_TECHNIQUE_TRIGGER_POINT:
    case LIMBER_TECHNIQUE_PIN_AND_STRETCH:
      return 1;
    case LIMBER_TECHNIQUE_STRETCHING:
    default:
      return 2;
    }
}

static guint
injured_sides (Planner    *planner,
               const char *group)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (planner->injured, group));
}

/* The sides a step works when played with @only_side, with the centre of
 * every group it touches. */
static guint
step_sides (LimberStep *step,
            LimberSide  only_side)
{
  LimberSide side = limber_step_get_side (step);

  if (limber_step_get_other_side (step))
    {
      if (only_side == LIMBER_SIDE_LEFT || only_side == LIMBER_SIDE_RIGHT)
        return side_bit (only_side) | SIDE_CENTRE;
      return SIDE_LEFT | SIDE_RIGHT | SIDE_CENTRE;
    }
  if (side == LIMBER_SIDE_LEFT || side == LIMBER_SIDE_RIGHT)
    return side_bit (side) | SIDE_CENTRE;

  return SIDE_LEFT | SIDE_RIGHT | SIDE_CENTRE;
}

static gboolean
touches_injury (Planner             *planner,
                const char * const  *groups,
                guint                sides)
{
  for (guint i = 0; groups[i] != NULL; i++)
    if ((injured_sides (planner, groups[i]) & sides) != 0)
      return TRUE;

  return FALSE;
}

static gboolean
step_playable (Planner       *planner,
               Target        *target,
               LimberRoutine *routine,
               LimberStep    *step)
{
  LimberSide side = limber_step_get_side (step);
  guint sides;

  /* Kept to one side: a step written for the other side alone is not for us. */
  if (target->only_side != LIMBER_SIDE_NONE && !limber_step_get_other_side (step)
      && (side == LIMBER_SIDE_LEFT || side == LIMBER_SIDE_RIGHT) && side != target->only_side)
    return FALSE;

  if (g_hash_table_size (planner->injured) == 0)
    return TRUE;

  sides = step_sides (step, target->only_side);
  return !touches_injury (planner, limber_routine_get_primary (routine), sides)
         && !touches_injury (planner, limber_routine_get_secondary (routine), sides);
}

static gboolean
suits_goal (Planner       *planner,
            Target        *target,
            LimberRoutine *routine)
{
  LimberTechnique technique = limber_routine_get_technique (routine);
  LimberLevel level = limber_routine_get_level (routine);
  gboolean light = technique == LIMBER_TECHNIQUE_FOAM_ROLLING || technique == LIMBER_TECHNIQUE_STRETCHING;

  if (target->role == LIMBER_PLAN_ROLE_NEIGHBOUR || planner->light_after)
    return light && level == LIMBER_LEVEL_GENTLE;
  if (planner->light_before)
    return light && level != LIMBER_LEVEL_FIRM;

  return TRUE;
}

static gboolean
is_static_hold (LimberRoutine *routine,
                LimberStep    *step)
{
  return limber_routine_get_technique (routine) == LIMBER_TECHNIQUE_STRETCHING
         && limber_step_get_reps (step) == 0 && !limber_step_get_warm_up (step);
}

static void
consider_routine (Planner       *planner,
                  Target        *target,
                  LimberRoutine *routine,
                  guint          index)
{
  Candidate candidate = { routine, index, 0, 0, 0, FALSE, NULL, 0, 0 };

  target->any_routine = TRUE;
  if (!limber_routine_needs_only (routine, planner->request->equipment))
    return;
  target->any_equipment = TRUE;
  if (!suits_goal (planner, target, routine))
    return;
  target->any_goal = TRUE;

  candidate.rank = technique_rank (limber_routine_get_technique (routine));
  candidate.level = limber_routine_get_level (routine);
  g_array_append_val (target->candidates, candidate);
}

/* Finds the steps a candidate may play for the target, the first time they
 * are needed: a big catalogue has hundreds of candidates per muscle, and a
 * plan looks at few. Returns whether it has any real work. */
static gboolean
evaluate (Planner   *planner,
          Target    *target,
          Candidate *candidate)
{
  GListModel *steps;
  guint n_steps;
  gboolean has_work = FALSE;

  if (candidate->evaluated)
    return candidate->steps != NULL;
  candidate->evaluated = TRUE;

  steps = limber_routine_get_steps (candidate->routine);
  n_steps = g_list_model_get_n_items (steps);
  candidate->steps = g_ptr_array_new_full (n_steps, g_object_unref);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);

      if (!step_playable (planner, target, candidate->routine, step))
        continue;
      g_ptr_array_add (candidate->steps, g_object_ref (step));
      if (candidate->first_unit == candidate->steps->len - 1 && limber_step_get_warm_up (step))
        candidate->first_unit++;
      else
        has_work = TRUE;
    }

  if (!has_work)
    {
      g_clear_pointer (&candidate->steps, g_ptr_array_unref);
      return FALSE;
    }

  candidate->first_unit++;
  return TRUE;
}

/* Whether any candidate of the target has real work to do. */
static gboolean
has_work (Planner *planner,
          Target  *target)
{
  for (guint i = 0; i < target->candidates->len; i++)
    if (evaluate (planner, target, &g_array_index (target->candidates, Candidate, i)))
      return TRUE;

  return FALSE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *first = a, *second = b;

  if (first->rank != second->rank)
    return first->rank < second->rank ? -1 : 1;
  if (first->level != second->level)
    return first->level < second->level ? -1 : 1;
  return first->index < second->index ? -1 : first->index > second->index;
}

static int
compare_turns (gconstpointer a,
               gconstpointer b)
{
  const Candidate *first = a, *second = b;

  if (first->turn != second->turn)
    return first->turn < second->turn ? -1 : 1;
  return compare_candidates (a, b);
}

/* Lighter and gentler first within each technique; then the techniques take
 * turns: first rolling, first pressure, first stretch, second rolling... */
static void
order_candidates (Target *target)
{
  guint turn = 0, rank = G_MAXUINT;

  g_array_sort (target->candidates, compare_candidates);
  for (guint i = 0; i < target->candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (target->candidates, Candidate, i);

      if (candidate->rank != rank)
        turn = 0;
      rank = candidate->rank;
      candidate->turn = turn++;
    }
  g_array_sort (target->candidates, compare_turns);
}

static Target *
add_target (Planner        *planner,
            const char     *group,
            LimberPlanRole  role)
{
  Target *target = g_new0 (Target, 1);

  target->group = group;
  target->order = GPOINTER_TO_UINT (g_hash_table_lookup (planner->group_order, group));
  target->role = role;
  target->candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_set_clear_func (target->candidates, clear_candidate);
  g_hash_table_insert (planner->by_group, (gpointer)group, target);
  g_ptr_array_add (planner->targets, target);

  return target;
}

static LimberSide
one_side (guint sides)
{
  if (sides == SIDE_LEFT)
    return LIMBER_SIDE_LEFT;
  if (sides == SIDE_RIGHT)
    return LIMBER_SIDE_RIGHT;
  return LIMBER_SIDE_NONE;
}

static const char *
target_name (Planner *planner,
             Target  *target)
{
  if (target->n_chosen == 1 && target->first_name != NULL)
    return target->first_name;
  return limber_catalogue_get_group_name (planner->catalogue, target->group);
}

/* A unit the target could take next: from its candidates in turn, the first
 * that is allowed and takes at most @limit seconds. */
static gboolean
peek_unit (Planner   *planner,
           Target    *target,
           guint      limit,
           guint     *out_candidate,
           guint     *out_steps,
           guint     *out_seconds)
{
  guint n = target->candidates->len;

  for (guint k = 0; k < n; k++)
    {
      guint c = (target->cursor + k) % n;
      Candidate *candidate = &g_array_index (target->candidates, Candidate, c);
      guint n_steps, seconds = 0, rolling = target->rolling, holding = target->holding;
      gboolean allowed = TRUE;

      if (candidate->taken == 0 && g_hash_table_contains (planner->used, candidate->routine))
        continue;
      if (!evaluate (planner, target, candidate) || candidate->taken == candidate->steps->len)
        continue;
      /* Rolling first on the same muscle, or the routine's own warm-up. */
      if (candidate->rank == 1 && !target->has_rolling
          && !limber_step_get_warm_up (g_ptr_array_index (candidate->steps, 0)))
        continue;

      n_steps = candidate->taken == 0 ? candidate->first_unit : 1;
      for (guint i = candidate->taken; i < candidate->taken + n_steps; i++)
        {
          LimberStep *step = g_ptr_array_index (candidate->steps, i);

          seconds += limber_step_get_total_seconds_on (step, target->only_side);
          if (candidate->rank == 0)
            rolling += limber_step_get_active_seconds (step);
          if (is_static_hold (candidate->routine, step))
            holding += limber_step_get_active_seconds (step);
        }

      if (planner->light_before)
        allowed = rolling <= LIMBER_PLANNER_LIGHT_ROLLING_SECONDS && holding < LIMBER_PLANNER_LIGHT_HOLD_SECONDS;

      if (allowed && seconds <= limit)
        {
          *out_candidate = c;
          *out_steps = n_steps;
          *out_seconds = seconds;
          return TRUE;
        }
    }

  return FALSE;
}

static void
take_unit (Planner *planner,
           Target  *target,
           guint    c,
           guint    n_steps,
           guint    seconds)
{
  Candidate *candidate = &g_array_index (target->candidates, Candidate, c);

  for (guint i = candidate->taken; i < candidate->taken + n_steps; i++)
    {
      LimberStep *step = g_ptr_array_index (candidate->steps, i);

      if (candidate->rank == 0)
        target->rolling += limber_step_get_active_seconds (step);
      if (is_static_hold (candidate->routine, step))
        target->holding += limber_step_get_active_seconds (step);
    }

  if (candidate->taken == 0)
    {
      Placed placed = { target, candidate };

      g_hash_table_add (planner->used, candidate->routine);
      g_array_append_val (planner->placed, placed);
    }
  candidate->taken += n_steps;
  target->has_rolling |= candidate->rank == 0;
  target->seconds += seconds;
  target->cursor = (c + 1) % target->candidates->len;
  planner->total += seconds;
}

static void
collect_group_order (Planner *planner)
{
  GListModel *regions = limber_catalogue_get_regions (planner->catalogue);
  guint n = g_list_model_get_n_items (regions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      const char *group = limber_region_get_group (region);

      if (!g_hash_table_contains (planner->group_order, group))
        g_hash_table_insert (planner->group_order, (gpointer)group, GUINT_TO_POINTER (i + 1));
    }
}

static void
collect_injuries (Planner    *planner,
                  LimberPlan *plan)
{
  GListModel *regions = limber_catalogue_get_regions (planner->catalogue);
  guint n = g_list_model_get_n_items (regions);

  /* In catalogue order, so the reasons read from the head down. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      const char *group = limber_region_get_group (region);
      g_autofree char *text = NULL;

      if (!g_hash_table_contains (planner->request->injured, limber_region_get_id (region)))
        continue;

      g_hash_table_insert (planner->injured, (gpointer)group,
                           GUINT_TO_POINTER (injured_sides (planner, group) | side_bit (limber_region_get_side (region))));
      /* Translators: %s is a body region, such as "Left calf". */
      text = g_strdup_printf (_("%s: no work here, as you marked it injured. Let it heal, and see a professional if it does not ease within a few days."),
                              limber_region_get_name (region));
      limber_plan_add_reason (plan, LIMBER_PLAN_REASON_INJURED, group, text);
    }
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  const Target *first = *(Target **)a, *second = *(Target **)b;

  if (first->role != second->role)
    return first->role < second->role ? -1 : 1;
  if (first->soreness != second->soreness)
    return first->soreness > second->soreness ? -1 : 1;
  return first->order < second->order ? -1 : first->order > second->order;
}

static void
collect_targets (Planner *planner)
{
  const LimberPlanRequest *request = planner->request;

  for (guint i = 0; i < request->regions->len; i++)
    {
      const RegionRequest *wish = &g_array_index (request->regions, RegionRequest, i);
      LimberRegion *region = limber_catalogue_lookup_region (planner->catalogue, wish->id);
      const char *group;
      Target *target;

      if (region == NULL || g_hash_table_contains (request->injured, wish->id))
        continue;

      group = limber_region_get_group (region);
      target = g_hash_table_lookup (planner->by_group, group);
      if (target == NULL)
        target = add_target (planner, group, LIMBER_PLAN_ROLE_CHOSEN);
      target->chosen |= side_bit (limber_region_get_side (region));
      if (target->n_chosen++ == 0)
        target->first_name = limber_region_get_name (region);
      target->soreness = MAX (target->soreness, wish->soreness);
    }

  for (guint i = 0; i < planner->targets->len; i++)
    {
      Target *target = g_ptr_array_index (planner->targets, i);
      guint injured = injured_sides (planner, target->group);

      /* Keep off an injured side; a group injured through its middle or on
       * both sides gets nothing, and its steps would find nothing playable. */
      if (injured & SIDE_LEFT)
        target->only_side = LIMBER_SIDE_RIGHT;
      else if (injured & SIDE_RIGHT)
        target->only_side = LIMBER_SIDE_LEFT;
      else
        target->only_side = one_side (target->chosen);
    }
}

static int
compare_group_order (gconstpointer a,
                     gconstpointer b,
                     gpointer      group_order)
{
  guint first = GPOINTER_TO_UINT (g_hash_table_lookup (group_order, *(const char **)a));
  guint second = GPOINTER_TO_UINT (g_hash_table_lookup (group_order, *(const char **)b));

  return first < second ? -1 : first > second;
}

/* Gentle work beside a group the person wanted worked but is injured, when
 * nothing else of that group can be worked. */
static void
collect_neighbours (Planner *planner)
{
  const LimberPlanRequest *request = planner->request;
  g_autoptr(GPtrArray) injured_groups = g_ptr_array_new ();

  for (guint i = 0; i < request->regions->len; i++)
    {
      const char *id = g_array_index (request->regions, RegionRequest, i).id;
      LimberRegion *region = limber_catalogue_lookup_region (planner->catalogue, id);
      const char *group;

      if (region == NULL || !g_hash_table_contains (request->injured, id))
        continue;
      group = limber_region_get_group (region);
      if (!g_hash_table_contains (planner->by_group, group) && !g_ptr_array_find_with_equal_func (injured_groups, group, g_str_equal, NULL))
        g_ptr_array_add (injured_groups, (gpointer)group);
    }

  /* Catalogue order, whatever the order the regions were chosen in. */
  g_ptr_array_sort_with_data (injured_groups, compare_group_order, planner->group_order);

  for (guint i = 0; i < injured_groups->len; i++)
    {
      const char *group = g_ptr_array_index (injured_groups, i);
      guint sides = injured_sides (planner, group) & (SIDE_LEFT | SIDE_RIGHT);
      guint added = 0;

      for (guint t = 0; t < G_N_ELEMENTS (neighbour_table); t++)
        {
          if (!g_str_equal (neighbour_table[t].group, group))
            continue;

          for (guint n = 0; n < G_N_ELEMENTS (neighbour_table[t].neighbours); n++)
            {
              const char *neighbour = neighbour_table[t].neighbours[n];
              Target *target;

              if (neighbour == NULL || added == MAX_NEIGHBOURS || !g_hash_table_contains (planner->group_order, neighbour)
                  || g_hash_table_contains (planner->by_group, neighbour) || injured_sides (planner, neighbour) != 0)
                continue;

              target = add_target (planner, neighbour, LIMBER_PLAN_ROLE_NEIGHBOUR);
              target->soreness = LIMBER_PLANNER_MIN_SORENESS;
              target->chosen = sides != 0 ? sides : SIDE_LEFT | SIDE_RIGHT;
              target->only_side = one_side (target->chosen);
              added++;
            }
        }
    }
}

static void
collect_candidates (Planner *planner)
{
  GListModel *routines = limber_catalogue_get_routines (planner->catalogue);
  guint n = g_list_model_get_n_items (routines);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      const char * const *primary = limber_routine_get_primary (routine);

      for (guint p = 0; primary[p] != NULL; p++)
        {
          Target *target = g_hash_table_lookup (planner->by_group, primary[p]);

          if (target != NULL)
            consider_routine (planner, target, routine, i);
        }
    }

  for (guint i = 0; i < planner->targets->len; i++)
    {
      Target *target = g_ptr_array_index (planner->targets, i);

      order_candidates (target);
      /* A neighbour gets one gentle routine at most. */
      if (target->role == LIMBER_PLAN_ROLE_NEIGHBOUR)
        {
          guint keep = 0;

          while (keep < target->candidates->len
                 && !evaluate (planner, target, &g_array_index (target->candidates, Candidate, keep)))
            keep++;
          if (keep < target->candidates->len)
            g_array_remove_range (target->candidates, 0, keep);
          g_array_set_size (target->candidates, MIN (target->candidates->len, 1));
        }
    }
}

/* Every target in turn of priority gets its first unit, while the total
 * stays within the tolerance; the rest are left out. */
static guint
plan_first_units (Planner *planner)
{
  guint needed = 0;

  for (guint i = 0; i < planner->targets->len; i++)
    {
      Target *target = g_ptr_array_index (planner->targets, i);
      guint c, n_steps, seconds;

      if (!has_work (planner, target))
        continue;

      if (peek_unit (planner, target, G_MAXUINT, &c, &n_steps, &seconds) && target->role == LIMBER_PLAN_ROLE_CHOSEN)
        needed += seconds;

      if (planner->total < planner->upper_seconds
          && peek_unit (planner, target, planner->upper_seconds - planner->total, &c, &n_steps, &seconds))
        take_unit (planner, target, c, n_steps, seconds);
      else
        target->dropped = TRUE;
    }

  return needed;
}

/* How far below its share of the time a target is, scaled by the sum of
 * weights to stay in integers. */
static gint64
deficit (Planner *planner,
         Target  *target,
         guint    weights)
{
  return (gint64)planner->target_seconds * target->soreness - (gint64)target->seconds * weights;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *first = a, *second = b;

  if (first->candidate->rank != second->candidate->rank)
    return first->candidate->rank < second->candidate->rank ? -1 : 1;
  if (first->target->order != second->target->order)
    return first->target->order < second->target->order ? -1 : 1;
  return compare_candidates (first->candidate, second->candidate);
}

/* The rest after the step that will play last, which the player skips. */
static guint
trailing_rest (Planner *planner)
{
  Placed last = { NULL, NULL };

  for (guint i = 0; i < planner->placed->len; i++)
    {
      Placed *one = &g_array_index (planner->placed, Placed, i);

      if (last.target == NULL || compare_placed (one, &last) > 0)
        last = *one;
    }

  if (last.target == NULL)
    return 0;
  return limber_step_get_rest (g_ptr_array_index (last.candidate->steps, last.candidate->taken - 1));
}

static void
plan_the_rest (Planner *planner)
{
  guint weights = 0;

  for (guint i = 0; i < planner->targets->len; i++)
    {
      Target *target = g_ptr_array_index (planner->targets, i);

      if (!target->dropped)
        weights += target->soreness;
    }

  for (;;)
    {
      /* The total as the player will count it. */
      guint total = planner->total - trailing_rest (planner);
      guint gap, limit;
      Target *best = NULL;
      guint best_c = 0, best_steps = 0, best_seconds = 0;
      gint64 best_deficit = 0;

      if (total >= planner->target_seconds || planner->total >= planner->upper_seconds)
        break;

      /* Only units that bring the total nearer and keep it within bounds,
       * whichever step ends up last. */
      gap = planner->target_seconds - total;
      limit = MIN (planner->upper_seconds - planner->total, 2 * gap - 1);
      for (guint i = 0; i < planner->targets->len; i++)
        {
          Target *target = g_ptr_array_index (planner->targets, i);
          guint c, n_steps, seconds;
          gint64 d;

          if (target->dropped || target->candidates->len == 0)
            continue;

          d = deficit (planner, target, weights);
          if (best != NULL && d <= best_deficit)
            continue;
          if (!peek_unit (planner, target, limit, &c, &n_steps, &seconds))
            continue;

          best = target;
          best_deficit = d;
          best_c = c;
          best_steps = n_steps;
          best_seconds = seconds;
        }

      if (best == NULL)
        break;
      take_unit (planner, best, best_c, best_steps, best_seconds);
    }
}

static void
fill_plan (Planner    *planner,
           LimberPlan *plan)
{
  GArray *placed = planner->placed;

  g_array_sort (placed, compare_placed);

  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *one = &g_array_index (placed, Placed, i);
      g_autoptr(LimberPlanItem) item = limber_plan_item_new (one->candidate->routine, one->target->group,
                                                             one->target->only_side, one->target->role);

      for (guint s = 0; s < one->candidate->taken; s++)
        limber_plan_item_add_step (item, g_ptr_array_index (one->candidate->steps, s));
      limber_plan_append (plan, item);
    }
}

static void
explain_event (Planner    *planner,
               LimberPlan *plan)
{
  const LimberPlanRequest *request = planner->request;
  g_autofree char *text = NULL;

  if (request->goal == LIMBER_GOAL_BEFORE_EVENT)
    {
      if (request->days == 0)
        text = g_strdup (_("Your event is today: light rolling and short stretches only, with no deep pressure and no long holds."));
      else if (request->days == 1)
        text = g_strdup (_("Your event is tomorrow: light rolling and short stretches only, with no deep pressure and no long holds."));
      else if (request->days <= 3)
        text = g_strdup_printf (ngettext ("Your event is in %u day: a good time for deeper work on sore spots.",
                                          "Your event is in %u days: a good time for deeper work on sore spots.",
                                          request->days), request->days);
    }
  else if (request->goal == LIMBER_GOAL_AFTER_EVENT)
    {
      if (request->days == 0)
        text = g_strdup (_("Your event was today: gentle work only, to help you wind down."));
      else if (request->days == 1)
        text = g_strdup (_("Your event was yesterday: recovery work, starting with rolling, which eases soreness."));
      else if (request->days == 2)
        text = g_strdup_printf (ngettext ("Your event was %u day ago: recovery work, starting with rolling, which eases soreness.",
                                          "Your event was %u days ago: recovery work, starting with rolling, which eases soreness.",
                                          request->days), request->days);
    }

  if (text != NULL)
    limber_plan_add_reason (plan, LIMBER_PLAN_REASON_EVENT, NULL, text);
}

static void
explain_targets (Planner    *planner,
                 LimberPlan *plan,
                 guint       needed)
{
  guint needed_minutes = (needed + 59) / 60;

  for (guint i = 0; i < planner->targets->len; i++)
    {
      Target *target = g_ptr_array_index (planner->targets, i);
      const char *name = target_name (planner, target);
      g_autofree char *text = NULL;

      if (target->role == LIMBER_PLAN_ROLE_NEIGHBOUR)
        {
          if (target->seconds > 0)
            {
              const char *group_name = limber_catalogue_get_group_name (planner->catalogue, target->group);

              /* Translators: %s is a muscle group, such as "Hamstrings". */
              text = g_strdup_printf (_("%s: gentle work only, next to an injured region."), group_name);
              limber_plan_add_reason (plan, LIMBER_PLAN_REASON_NEIGHBOUR, target->group, text);
            }
          continue;
        }

      if (!has_work (planner, target))
        {
          /* Translators: %s is a body region or muscle group, such as "Left calf". */
          if (target->any_routine && !target->any_equipment)
            text = g_strdup_printf (_("%s: no routine for it uses only the equipment you have."), name);
          else if (target->any_equipment && !target->any_goal)
            text = g_strdup_printf (_("%s: nothing for it is light enough for the timing of your event."), name);
          else if (injured_sides (planner, target->group) != 0)
            text = g_strdup_printf (_("%s: nothing for it keeps off the injured side."), name);
          else
            text = g_strdup_printf (_("%s: nothing in the catalogue suits it."), name);
          limber_plan_add_reason (plan, LIMBER_PLAN_REASON_NOTHING_SUITS, target->group, text);
        }
      else if (target->dropped)
        {
          /* Translators: %s is a body region or muscle group, such as "Left calf". */
          text = g_strdup_printf (ngettext ("%s: left out for lack of time. Everything you chose needs at least %u minute.",
                                            "%s: left out for lack of time. Everything you chose needs at least %u minutes.",
                                            needed_minutes),
                                  name, needed_minutes);
          limber_plan_add_reason (plan, LIMBER_PLAN_REASON_NO_TIME, target->group, text);
        }
    }
}

static void
explain_total (Planner    *planner,
               LimberPlan *plan)
{
  guint total = limber_plan_get_total_seconds (plan);
  guint lower = planner->target_seconds - planner->target_seconds * LIMBER_PLANNER_TOLERANCE / 100;
  guint minutes = (total + 30) / 60;
  gboolean more_to_do = FALSE;
  g_autofree char *text = NULL;

  if (limber_plan_get_n_items (plan) == 0 || total >= lower)
    return;

  for (guint i = 0; i < planner->targets->len && !more_to_do; i++)
    {
      Target *target = g_ptr_array_index (planner->targets, i);
      guint c, n_steps, seconds;

      more_to_do = !target->dropped && peek_unit (planner, target, G_MAXUINT, &c, &n_steps, &seconds);
    }

  if (more_to_do)
    text = g_strdup_printf (ngettext ("The steps that suit you do not add up to the time you have; this is the closest fit: about %u minute.",
                                      "The steps that suit you do not add up to the time you have; this is the closest fit: about %u minutes.",
                                      minutes), MAX (minutes, 1));
  else if (planner->light_before)
    text = g_strdup_printf (ngettext ("Kept short because your event is so close: about %u minute.",
                                      "Kept short because your event is so close: about %u minutes.",
                                      minutes), MAX (minutes, 1));
  else
    text = g_strdup_printf (ngettext ("That is all the suitable work for what you chose: about %u minute.",
                                      "That is all the suitable work for what you chose: about %u minutes.",
                                      minutes), MAX (minutes, 1));
  limber_plan_add_reason (plan, LIMBER_PLAN_REASON_SHORT, NULL, text);
}

/**
 * limber_planner_plan:
 * @catalogue: the routines to plan from
 * @request: the sore regions, injuries, minutes, equipment and goal
 *
 * Plans one session. A pure function: it reads its arguments, changes
 * neither, and gives the same plan for the same request.
 *
 * Returns: (transfer full): the plan, possibly empty; its reasons say why
 * whenever it leaves something out or misses the minutes asked for.
 */
LimberPlan *
limber_planner_plan (LimberCatalogue         *catalogue,
                     const LimberPlanRequest *request)
{
  g_autoptr(LimberPlan) plan = NULL;
  Planner planner = { 0 };
  guint needed;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (catalogue), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  planner.catalogue = catalogue;
  planner.request = request;
  planner.light_before = limber_planner_is_light_before (request);
  planner.light_after = limber_planner_is_light_after (request);
  planner.target_seconds = request->minutes * 60;
  planner.upper_seconds = planner.target_seconds + planner.target_seconds * LIMBER_PLANNER_TOLERANCE / 100;
  planner.group_order = g_hash_table_new (g_str_hash, g_str_equal);
  planner.injured = g_hash_table_new (g_str_hash, g_str_equal);
  planner.by_group = g_hash_table_new (g_str_hash, g_str_equal);
  planner.targets = g_ptr_array_new_with_free_func (free_target);
  planner.used = g_hash_table_new (NULL, NULL);
  planner.placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  plan = limber_plan_new (planner.target_seconds);

  explain_event (&planner, plan);
  collect_group_order (&planner);
  collect_injuries (&planner, plan);
  collect_targets (&planner);
  collect_neighbours (&planner);
  collect_candidates (&planner);
  g_ptr_array_sort (planner.targets, compare_priority);

  needed = plan_first_units (&planner);
  plan_the_rest (&planner);
  fill_plan (&planner, plan);
  explain_targets (&planner, plan, needed);
  explain_total (&planner, plan);

  g_hash_table_unref (planner.group_order);
  g_hash_table_unref (planner.injured);
  g_hash_table_unref (planner.by_group);
  g_ptr_array_unref (planner.targets);
  g_hash_table_unref (planner.used);
  g_array_unref (planner.placed);

  return g_steal_pointer (&plan);
}
