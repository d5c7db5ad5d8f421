/* limber-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalogue"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-catalogue.h"

struct _LimberCatalogue
{
  GObject     parent_instance;

  GListStore *regions;
  GHashTable *regions_by_id;   /* id -> LimberRegion (borrowed from @regions) */
  GHashTable *group_names;     /* id -> English name */
};

G_DEFINE_FINAL_TYPE (LimberCatalogue, limber_catalogue, G_TYPE_OBJECT)

static void
limber_catalogue_finalize (GObject *object)
{
  LimberCatalogue *self = (LimberCatalogue *)object;

  g_clear_pointer (&self->regions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->group_names, g_hash_table_unref);
  g_clear_object (&self->regions);

  G_OBJECT_CLASS (limber_catalogue_parent_class)->finalize (object);
}

static void
limber_catalogue_class_init (LimberCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_catalogue_finalize;
}

static void
limber_catalogue_init (LimberCatalogue *self)
{
  self->regions = g_list_store_new (LIMBER_TYPE_REGION);
  self->regions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->group_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

LimberCatalogue *
limber_catalogue_new (void)
{
  return g_object_new (LIMBER_TYPE_CATALOGUE, NULL);
}

/**
 * limber_catalogue_get_regions:
 *
 * Returns: (transfer none): every region, in catalogue order.
 */
GListModel *
limber_catalogue_get_regions (LimberCatalogue *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);
  return G_LIST_MODEL (self->regions);
}

/**
 * limber_catalogue_lookup_region:
 *
 * Returns: (transfer none) (nullable): the region with @id.
 */
LimberRegion *
limber_catalogue_lookup_region (LimberCatalogue *self,
                                const char      *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);
  return id ? g_hash_table_lookup (self->regions_by_id, id) : NULL;
}

gboolean
limber_catalogue_has_group (LimberCatalogue *self,
                            const char      *group_id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), FALSE);
  return group_id && g_hash_table_contains (self->group_names, group_id);
}

/**
 * limber_catalogue_get_group_name:
 *
 * Returns: (nullable): the translated name of a muscle group.
 */
const char *
limber_catalogue_get_group_name (LimberCatalogue *self,
                                 const char      *group_id)
{
  const char *name;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);

  name = group_id ? g_hash_table_lookup (self->group_names, group_id) : NULL;
  return name ? g_dgettext (GETTEXT_PACKAGE, name) : NULL;
}

void
limber_catalogue_add_group (LimberCatalogue *self,
                            const char      *group_id,
                            const char      *name)
{
  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (group_id != NULL && name != NULL);

  g_hash_table_replace (self->group_names, g_strdup (group_id), g_strdup (name));
}

void
limber_catalogue_add_region (LimberCatalogue *self,
                             LimberRegion    *region)
{
  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (LIMBER_IS_REGION (region));
  g_return_if_fail (!g_hash_table_contains (self->regions_by_id, limber_region_get_id (region)));

  g_list_store_append (self->regions, region);
  g_hash_table_insert (self->regions_by_id, (gpointer)limber_region_get_id (region), region);
}
