/* limber-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-plan"

#include "config.h"

#include "limber-plan.h"

struct _LimberPlanItem
{
  GObject         parent_instance;

  LimberRoutine  *routine;
  char           *group;
  LimberSide      only_side;
  LimberPlanRole  role;
  GPtrArray      *steps;        /* LimberStep */
  guint           seconds;
};

G_DEFINE_FINAL_TYPE (LimberPlanItem, limber_plan_item, G_TYPE_OBJECT)

static void
limber_plan_item_finalize (GObject *object)
{
  LimberPlanItem *self = (LimberPlanItem *)object;

  g_clear_object (&self->routine);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_plan_item_parent_class)->finalize (object);
}

static void
limber_plan_item_class_init (LimberPlanItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_plan_item_finalize;
}

static void
limber_plan_item_init (LimberPlanItem *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * limber_plan_item_new:
 * @group: the muscle group the item is planned for
 * @only_side: as for limber_player_add_step_on_side()
 *
 * Returns: (transfer full): an item with no steps yet.
 */
LimberPlanItem *
limber_plan_item_new (LimberRoutine  *routine,
                      const char     *group,
                      LimberSide      only_side,
                      LimberPlanRole  role)
{
  LimberPlanItem *self;

  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_PLAN_ITEM, NULL);
  self->routine = g_object_ref (routine);
  self->group = g_strdup (group);
  self->only_side = only_side;
  self->role = role;

  return self;
}

/**
 * limber_plan_item_add_step:
 *
 * Appends one of the routine's steps.
 */
void
limber_plan_item_add_step (LimberPlanItem *self,
                           LimberStep     *step)
{
  g_return_if_fail (LIMBER_IS_PLAN_ITEM (self));
  g_return_if_fail (LIMBER_IS_STEP (step));

  g_ptr_array_add (self->steps, g_object_ref (step));
  self->seconds += limber_step_get_total_seconds_on (step, self->only_side);
}

LimberRoutine *
limber_plan_item_get_routine (LimberPlanItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ITEM (self), NULL);
  return self->routine;
}

const char *
limber_plan_item_get_group (LimberPlanItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ITEM (self), NULL);
  return self->group;
}

/**
 * limber_plan_item_get_only_side:
 *
 * Returns: %LIMBER_SIDE_LEFT or %LIMBER_SIDE_RIGHT when the item's
 * two-sided steps are done on that side alone, else %LIMBER_SIDE_NONE.
 */
LimberSide
limber_plan_item_get_only_side (LimberPlanItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ITEM (self), LIMBER_SIDE_NONE);
  return self->only_side;
}

LimberPlanRole
limber_plan_item_get_role (LimberPlanItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ITEM (self), LIMBER_PLAN_ROLE_CHOSEN);
  return self->role;
}

guint
limber_plan_item_get_n_steps (LimberPlanItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ITEM (self), 0);
  return self->steps->len;
}

/**
 * limber_plan_item_get_step:
 *
 * Returns: (transfer none): the step at @index.
 */
LimberStep *
limber_plan_item_get_step (LimberPlanItem *self,
                           guint           index)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ITEM (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return g_ptr_array_index (self->steps, index);
}

/**
 * limber_plan_item_get_seconds:
 *
 * Returns: the time of the item's steps, each with the rest after it.
 */
guint
limber_plan_item_get_seconds (LimberPlanItem *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_ITEM (self), 0);
  return self->seconds;
}

typedef struct
{
  LimberPlanReasonKind  kind;
  char                 *group;
  char                 *text;
} Reason;

struct _LimberPlan
{
  GObject     parent_instance;

  GListStore *items;
  guint       target_seconds;
  GArray     *reasons;          /* Reason */
};

G_DEFINE_FINAL_TYPE (LimberPlan, limber_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOTAL_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_reason (gpointer data)
{
  Reason *reason = data;

  g_clear_pointer (&reason->group, g_free);
  g_clear_pointer (&reason->text, g_free);
}

static void
limber_plan_finalize (GObject *object)
{
  LimberPlan *self = (LimberPlan *)object;

  g_clear_object (&self->items);
  g_clear_pointer (&self->reasons, g_array_unref);

  G_OBJECT_CLASS (limber_plan_parent_class)->finalize (object);
}

static void
limber_plan_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LimberPlan *self = LIMBER_PLAN (object);

  switch (prop_id)
    {
    case PROP_TOTAL_SECONDS:
      g_value_set_uint (value, limber_plan_get_total_seconds (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_plan_class_init (LimberPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_plan_finalize;
  object_class->get_property = limber_plan_get_property;

  properties[PROP_TOTAL_SECONDS] =
    g_param_spec_uint ("total-seconds", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     LimberPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_SECONDS]);
}

static void
limber_plan_init (LimberPlan *self)
{
  self->items = g_list_store_new (LIMBER_TYPE_PLAN_ITEM);
  self->reasons = g_array_new (FALSE, TRUE, sizeof (Reason));
  g_array_set_clear_func (self->reasons, clear_reason);
  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (on_items_changed_cb), self, 0);
}

/**
 * limber_plan_new:
 * @target_seconds: the time the person has
 *
 * Returns: (transfer full): an empty plan.
 */
LimberPlan *
limber_plan_new (guint target_seconds)
{
  LimberPlan *self = g_object_new (LIMBER_TYPE_PLAN, NULL);

  self->target_seconds = target_seconds;

  return self;
}

void
limber_plan_append (LimberPlan     *self,
                    LimberPlanItem *item)
{
  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (LIMBER_IS_PLAN_ITEM (item));

  g_list_store_append (self->items, item);
}

/**
 * limber_plan_add_reason:
 * @group: (nullable): the muscle group it is about, if any
 * @text: a sentence to show
 */
void
limber_plan_add_reason (LimberPlan           *self,
                        LimberPlanReasonKind  kind,
                        const char           *group,
                        const char           *text)
{
  Reason reason = { kind, g_strdup (group), g_strdup (text) };

  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (text != NULL);

  g_array_append_val (self->reasons, reason);
}

/**
 * limber_plan_get_items:
 *
 * Returns: (transfer none): the #LimberPlanItem s in the order they play.
 */
GListModel *
limber_plan_get_items (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
limber_plan_get_n_items (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * limber_plan_get_item:
 *
 * Returns: (transfer none): the item at @index.
 */
LimberPlanItem *
limber_plan_get_item (LimberPlan *self,
                      guint       index)
{
  g_autoptr(LimberPlanItem) item = NULL;

  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);

  /* The store holds a reference for as long as the item is in the plan. */
  item = g_list_model_get_item (G_LIST_MODEL (self->items), index);
  return item;
}

void
limber_plan_remove (LimberPlan *self,
                    guint       index)
{
  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (index < limber_plan_get_n_items (self));

  g_list_store_remove (self->items, index);
}

/**
 * limber_plan_move:
 *
 * Moves the item at @from so that it ends up at @to.
 */
void
limber_plan_move (LimberPlan *self,
                  guint       from,
                  guint       to)
{
  g_autoptr(LimberPlanItem) item = NULL;
  guint n;

  g_return_if_fail (LIMBER_IS_PLAN (self));

  n = limber_plan_get_n_items (self);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->items), from);
  g_list_store_remove (self->items, from);
  g_list_store_insert (self->items, to, item);
}

/**
 * limber_plan_get_total_seconds:
 *
 * Returns: the time the plan takes in the player: every step with the rest
 * after it, but no rest after the very last step.
 */
guint
limber_plan_get_total_seconds (LimberPlan *self)
{
  guint n, total = 0;
  LimberPlanItem *last;

  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);

  n = limber_plan_get_n_items (self);
  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    total += limber_plan_get_item (self, i)->seconds;

  last = limber_plan_get_item (self, n - 1);
  if (last->steps->len > 0)
    total -= limber_step_get_rest (g_ptr_array_index (last->steps, last->steps->len - 1));

  return total;
}

guint
limber_plan_get_target_seconds (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);
  return self->target_seconds;
}

guint
limber_plan_get_n_reasons (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);
  return self->reasons->len;
}

LimberPlanReasonKind
limber_plan_get_reason_kind (LimberPlan *self,
                             guint       index)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);
  g_return_val_if_fail (index < self->reasons->len, 0);
  return g_array_index (self->reasons, Reason, index).kind;
}

/**
 * limber_plan_get_reason_group:
 *
 * Returns: (nullable): the muscle group the reason is about.
 */
const char *
limber_plan_get_reason_group (LimberPlan *self,
                              guint       index)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->reasons->len, NULL);
  return g_array_index (self->reasons, Reason, index).group;
}

const char *
limber_plan_get_reason_text (LimberPlan *self,
                             guint       index)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);
  g_return_val_if_fail (index < self->reasons->len, NULL);
  return g_array_index (self->reasons, Reason, index).text;
}

/**
 * limber_plan_has_reason:
 * @group: (nullable): a muscle group, or %NULL for any
 */
gboolean
limber_plan_has_reason (LimberPlan           *self,
                        LimberPlanReasonKind  kind,
                        const char           *group)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), FALSE);

  for (guint i = 0; i < self->reasons->len; i++)
    {
      const Reason *reason = &g_array_index (self->reasons, Reason, i);

      if (reason->kind == kind && (group == NULL || g_strcmp0 (reason->group, group) == 0))
        return TRUE;
    }

  return FALSE;
}

/**
 * limber_plan_add_to_player:
 *
 * Queues every step of the plan, in order, on a player not started yet.
 */
void
limber_plan_add_to_player (LimberPlan   *self,
                           LimberPlayer *player)
{
  guint n;

  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (LIMBER_IS_PLAYER (player));

  n = limber_plan_get_n_items (self);
  for (guint i = 0; i < n; i++)
    {
      LimberPlanItem *item = limber_plan_get_item (self, i);

      for (guint j = 0; j < item->steps->len; j++)
        limber_player_add_step_on_side (player, item->routine, g_ptr_array_index (item->steps, j), item->only_side);
    }
}
