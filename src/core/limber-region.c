/* limber-region.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-region"

#include "config.h"

#include "limber-region.h"

struct _LimberRegion
{
  GObject     parent_instance;

  char       *id;
  char       *svg_id;
  char       *group;
  LimberText *name;
  LimberView  view;
  LimberSide  side;
};

G_DEFINE_FINAL_TYPE (LimberRegion, limber_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
limber_region_finalize (GObject *object)
{
  LimberRegion *self = (LimberRegion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->svg_id, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->name, limber_text_free);

  G_OBJECT_CLASS (limber_region_parent_class)->finalize (object);
}

static void
limber_region_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberRegion *self = LIMBER_REGION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, limber_region_get_name (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_region_class_init (LimberRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_region_finalize;
  object_class->get_property = limber_region_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_region_init (LimberRegion *self)
{
}

/**
 * limber_region_new:
 *
 * @name: (transfer full): its name, in English and the catalogue's other
 *   languages
 *
 * Creates a region; only the language its name shows in changes.
 */
LimberRegion *
limber_region_new (const char *id,
                   LimberView  view,
                   LimberSide  side,
                   const char *svg_id,
                   const char *group,
                   LimberText *name)
{
  LimberRegion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (svg_id != NULL, NULL);
  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (LIMBER_TYPE_REGION, NULL);
  self->id = g_strdup (id);
  self->view = view;
  self->side = side;
  self->svg_id = g_strdup (svg_id);
  self->group = g_strdup (group);
  self->name = name;

  return self;
}

const char *
limber_region_get_id (LimberRegion *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION (self), NULL);
  return self->id;
}

LimberView
limber_region_get_view (LimberRegion *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION (self), LIMBER_VIEW_FRONT);
  return self->view;
}

LimberSide
limber_region_get_side (LimberRegion *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION (self), LIMBER_SIDE_NONE);
  return self->side;
}

const char *
limber_region_get_svg_id (LimberRegion *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION (self), NULL);
  return self->svg_id;
}

const char *
limber_region_get_group (LimberRegion *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION (self), NULL);
  return self->group;
}

/**
 * limber_region_get_name:
 *
 * Returns: the region's name in the current language.
 */
const char *
limber_region_get_name (LimberRegion *self)
{
  g_return_val_if_fail (LIMBER_IS_REGION (self), NULL);
  return limber_text_get (self->name);
}

/**
 * limber_region_select_language:
 * @languages: (nullable): the languages wanted, best first
 *
 * Shows the region's name in the first of @languages the catalogue has it
 * in, or in English.
 */
void
limber_region_select_language (LimberRegion       *self,
                               const char * const *languages)
{
  g_return_if_fail (LIMBER_IS_REGION (self));

  if (limber_text_select (self->name, languages))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
limber_view_to_string (LimberView view)
{
  return view == LIMBER_VIEW_BACK ? "back" : "front";
}

gboolean
limber_view_from_string (const char *str,
                         LimberView *view)
{
  if (g_strcmp0 (str, "front") == 0)
    *view = LIMBER_VIEW_FRONT;
  else if (g_strcmp0 (str, "back") == 0)
    *view = LIMBER_VIEW_BACK;
  else
    return FALSE;

  return TRUE;
}

gboolean
limber_side_from_string (const char *str,
                         LimberSide *side)
{
  if (g_strcmp0 (str, "left") == 0)
    *side = LIMBER_SIDE_LEFT;
  else if (g_strcmp0 (str, "right") == 0)
    *side = LIMBER_SIDE_RIGHT;
  else if (g_strcmp0 (str, "none") == 0)
    *side = LIMBER_SIDE_NONE;
  else if (g_strcmp0 (str, "both") == 0)
    *side = LIMBER_SIDE_BOTH;
  else
    return FALSE;

  return TRUE;
}
