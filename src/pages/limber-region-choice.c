/* limber-region-choice.c
 *
 * The selection belongs to the map page, not to the catalogue, so that the
 * catalogue stays shared and immutable and a reset clears every choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-region-choice"

#include "config.h"

#include "limber-region-choice.h"

struct _LimberRegionChoice
{
  GObject       parent_instance;

  LimberRegion *region;
  gboolean      selected;
};

G_DEFINE_FINAL_TYPE (LimberRegionChoice, limber_region_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
limber_region_choice_finalize (GObject *object)
{
  LimberRegionChoice *self = (LimberRegionChoice *)object;

  g_clear_object (&self->region);

  G_OBJECT_CLASS (limber_region_choice_parent_class)->finalize (object);
}

static void
limber_region_choice_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LimberRegionChoice *self = LIMBER_REGION_CHOICE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, limber_region_get_name (self->region));
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_region_choice_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LimberRegionChoice *self = LIMBER_REGION_CHOICE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      limber_region_choice_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_region_choice_class_init (LimberRegionChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_region_choice_finalize;
  object_class->get_property = limber_region_choice_get_property;
  object_class->set_property = limber_region_choice_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_region_choice_init (LimberRegionChoice *self)
{
}

LimberRegionChoice *
limber_region_choice_new (LimberRegion *region)
{
  LimberRegionChoice *self;

  g_return_val_if_fail (LIMBER_IS_REGION (region), NULL);

  self = g_object_new (LIMBER_TYPE_REGION_CHOICE, NULL);
  self->region = g_object_ref (region);

  return self;
}

LimberRegion *
limber_region_choice_get_region (LimberRegionChoice *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION_CHOICE (self), NULL);
  return self->region;
}

gboolean
limber_region_choice_get_selected (LimberRegionChoice *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION_CHOICE (self), FALSE);
  return self->selected;
}

void
limber_region_choice_set_selected (LimberRegionChoice *self,
                                   gboolean            selected)
{
  g_return_if_fail (LIMBER_IS_REGION_CHOICE (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
