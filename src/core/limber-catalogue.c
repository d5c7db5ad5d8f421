/* limber-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalogue"

#include "config.h"

#include "limber-catalogue.h"
#include "limber-routine-private.h"

struct _LimberCatalogue
{
  GObject     parent_instance;

  GListStore *regions;
  GHashTable *regions_by_id;   /* id -> LimberRegion (borrowed from @regions) */
  GHashTable *group_names;     /* id -> LimberText */
  GPtrArray  *equipment_ids;   /* in catalogue order, NULL-terminated */
  GHashTable *equipment_names; /* id -> LimberText */
  GHashTable *cautions;        /* id -> LimberText */
  GHashTable *sources;         /* id -> Source */
  GListStore *routines;
  GHashTable *routines_by_id;  /* id -> LimberRoutine (borrowed from @routines) */
  GStrv       languages;       /* NULL: the environment's */
};

typedef struct
{
  LimberText *citation;
  char       *url;
} Source;

static void
source_free (gpointer data)
{
  Source *source = data;

  limber_text_free (source->citation);
  g_free (source->url);
  g_free (source);
}

G_DEFINE_FINAL_TYPE (LimberCatalogue, limber_catalogue, G_TYPE_OBJECT)

static void
limber_catalogue_finalize (GObject *object)
{
  LimberCatalogue *self = (LimberCatalogue *)object;

  g_clear_pointer (&self->regions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->group_names, g_hash_table_unref);
  g_clear_object (&self->regions);
  g_clear_pointer (&self->equipment_ids, g_ptr_array_unref);
  g_clear_pointer (&self->equipment_names, g_hash_table_unref);
  g_clear_pointer (&self->cautions, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->routines_by_id, g_hash_table_unref);
  g_clear_object (&self->routines);
  g_clear_pointer (&self->languages, g_strfreev);

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
  self->group_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)limber_text_free);
  self->equipment_ids = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  self->equipment_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify)limber_text_free);
  self->cautions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)limber_text_free);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, source_free);
  self->routines = g_list_store_new (LIMBER_TYPE_ROUTINE);
  self->routines_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

LimberCatalogue *
limber_catalogue_new (void)
{
  return g_object_new (LIMBER_TYPE_CATALOGUE, NULL);
}

/**
 * limber_catalogue_get_languages:
 *
 * Returns: (transfer none): the languages the catalogue's texts are shown
 * in, best first: those given to limber_catalogue_set_languages(), or the
 * environment's.
 */
const char * const *
limber_catalogue_get_languages (LimberCatalogue *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);
  return self->languages != NULL ? (const char * const *)self->languages : g_get_language_names ();
}

static void
select_language (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  limber_text_select (value, user_data);
}

static void
select_source_language (gpointer key,
                        gpointer value,
                        gpointer user_data)
{
  Source *source = value;

  limber_text_select (source->citation, user_data);
}

/**
 * limber_catalogue_set_languages:
 * @languages: (nullable) (array zero-terminated=1): languages such as
 *   "de_DE" or "de", best first, or %NULL for g_get_language_names()
 *
 * Shows every text in the first of @languages that the catalogue has it
 * in (catalogues carry translations as xml:lang copies), else in English.
 * Texts loaded later follow it too. Regions and routines notify their
 * name and title when those change.
 */
void
limber_catalogue_set_languages (LimberCatalogue    *self,
                                const char * const *languages)
{
  const char * const *wanted;
  guint n;

  g_return_if_fail (LIMBER_IS_CATALOGUE (self));

  g_clear_pointer (&self->languages, g_strfreev);
  self->languages = g_strdupv ((char **)languages);
  wanted = limber_catalogue_get_languages (self);

  g_hash_table_foreach (self->group_names, select_language, (gpointer)wanted);
  g_hash_table_foreach (self->equipment_names, select_language, (gpointer)wanted);
  g_hash_table_foreach (self->cautions, select_language, (gpointer)wanted);
  g_hash_table_foreach (self->sources, select_source_language, (gpointer)wanted);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (G_LIST_MODEL (self->regions), i);

      limber_region_select_language (region, wanted);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      limber_routine_select_language (routine, wanted);
    }
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
  const LimberText *name;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);

  name = group_id ? g_hash_table_lookup (self->group_names, group_id) : NULL;
  return name ? limber_text_get (name) : NULL;
}

/**
 * limber_catalogue_add_group:
 * @name: (transfer full): the group's name
 */
void
limber_catalogue_add_group (LimberCatalogue *self,
                            const char      *group_id,
                            LimberText      *name)
{
  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (group_id != NULL && name != NULL);

  limber_text_select (name, limber_catalogue_get_languages (self));
  g_hash_table_replace (self->group_names, g_strdup (group_id), name);
}

void
limber_catalogue_add_region (LimberCatalogue *self,
                             LimberRegion    *region)
{
  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (LIMBER_IS_REGION (region));
  g_return_if_fail (!g_hash_table_contains (self->regions_by_id, limber_region_get_id (region)));

  limber_region_select_language (region, limber_catalogue_get_languages (self));
  g_list_store_append (self->regions, region);
  g_hash_table_insert (self->regions_by_id, (gpointer)limber_region_get_id (region), region);
}

/**
 * limber_catalogue_get_equipment_ids:
 *
 * Returns: (transfer none): every equipment id, in catalogue order.
 */
const char * const *
limber_catalogue_get_equipment_ids (LimberCatalogue *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);
  return (const char * const *)self->equipment_ids->pdata;
}

gboolean
limber_catalogue_has_equipment (LimberCatalogue *self,
                                const char      *equipment_id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), FALSE);
  return equipment_id && g_hash_table_contains (self->equipment_names, equipment_id);
}

/**
 * limber_catalogue_get_equipment_name:
 *
 * Returns: (nullable): the translated name of a piece of equipment.
 */
const char *
limber_catalogue_get_equipment_name (LimberCatalogue *self,
                                     const char      *equipment_id)
{
  const LimberText *name;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);

  name = equipment_id ? g_hash_table_lookup (self->equipment_names, equipment_id) : NULL;
  return name ? limber_text_get (name) : NULL;
}

/**
 * limber_catalogue_add_equipment:
 * @name: (transfer full): the equipment's name
 */
void
limber_catalogue_add_equipment (LimberCatalogue *self,
                                const char      *equipment_id,
                                LimberText      *name)
{
  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (equipment_id != NULL && name != NULL);

  if (!g_hash_table_contains (self->equipment_names, equipment_id))
    g_ptr_array_add (self->equipment_ids, g_strdup (equipment_id));
  limber_text_select (name, limber_catalogue_get_languages (self));
  g_hash_table_replace (self->equipment_names, g_strdup (equipment_id), name);
}

gboolean
limber_catalogue_has_caution (LimberCatalogue *self,
                              const char      *caution_id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), FALSE);
  return caution_id && g_hash_table_contains (self->cautions, caution_id);
}

/**
 * limber_catalogue_get_caution_text:
 *
 * Returns: (nullable): the translated text of a shared caution.
 */
const char *
limber_catalogue_get_caution_text (LimberCatalogue *self,
                                   const char      *caution_id)
{
  const LimberText *text;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);

  text = caution_id ? g_hash_table_lookup (self->cautions, caution_id) : NULL;
  return text ? limber_text_get (text) : NULL;
}

/**
 * limber_catalogue_add_caution:
 * @text: (transfer full): what the caution says
 *
 * A later catalogue replaces a caution of the same id.
 */
void
limber_catalogue_add_caution (LimberCatalogue *self,
                              const char      *caution_id,
                              LimberText      *text)
{
  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (caution_id != NULL && text != NULL);

  limber_text_select (text, limber_catalogue_get_languages (self));
  g_hash_table_replace (self->cautions, g_strdup (caution_id), text);
}

gboolean
limber_catalogue_has_source (LimberCatalogue *self,
                             const char      *source_id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), FALSE);
  return source_id && g_hash_table_contains (self->sources, source_id);
}

/**
 * limber_catalogue_get_source_citation:
 *
 * Returns: (nullable): the translated citation of a source.
 */
const char *
limber_catalogue_get_source_citation (LimberCatalogue *self,
                                      const char      *source_id)
{
  const Source *source;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);

  source = source_id ? g_hash_table_lookup (self->sources, source_id) : NULL;
  return source ? limber_text_get (source->citation) : NULL;
}

/**
 * limber_catalogue_get_source_url:
 *
 * Returns: (nullable): where the source can be read, if it says.
 */
const char *
limber_catalogue_get_source_url (LimberCatalogue *self,
                                 const char      *source_id)
{
  const Source *source;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);

  source = source_id ? g_hash_table_lookup (self->sources, source_id) : NULL;
  return source ? source->url : NULL;
}

/**
 * limber_catalogue_add_source:
 * @citation: (transfer full): the citation
 * @url: (nullable): where it can be read
 */
void
limber_catalogue_add_source (LimberCatalogue *self,
                             const char      *source_id,
                             LimberText      *citation,
                             const char      *url)
{
  Source *source;

  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (source_id != NULL && citation != NULL);

  limber_text_select (citation, limber_catalogue_get_languages (self));
  source = g_new0 (Source, 1);
  source->citation = citation;
  source->url = g_strdup (url);
  g_hash_table_replace (self->sources, g_strdup (source_id), source);
}

/**
 * limber_catalogue_get_routines:
 *
 * Returns: (transfer none): every #LimberRoutine, in catalogue order.
 */
GListModel *
limber_catalogue_get_routines (LimberCatalogue *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);
  return G_LIST_MODEL (self->routines);
}

/**
 * limber_catalogue_lookup_routine:
 *
 * Returns: (transfer none) (nullable): the routine with @id.
 */
LimberRoutine *
limber_catalogue_lookup_routine (LimberCatalogue *self,
                                 const char      *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);
  return id ? g_hash_table_lookup (self->routines_by_id, id) : NULL;
}

/* How hard a routine presses: its level, plus how much pressure its
 * technique puts on the muscle. */
static guint
get_intensity (LimberRoutine *routine)
{
  static const guint pressure[LIMBER_N_TECHNIQUES] = {
    [LIMBER_TECHNIQUE_FOAM_ROLLING] = 1,
    [LIMBER_TECHNIQUE_TRIGGER_POINT] = 2,
    [LIMBER_TECHNIQUE_PIN_AND_STRETCH] = 2,
    [LIMBER_TECHNIQUE_STRETCHING] = 0,
  };

  return limber_routine_get_level (routine) + pressure[limber_routine_get_technique (routine)];
}

static gboolean
shares_primary_group (LimberRoutine *routine,
                      LimberRoutine *other)
{
  const char * const *groups = limber_routine_get_primary (routine);

  for (guint i = 0; groups[i] != NULL; i++)
    if (limber_routine_works_on (other, groups[i], TRUE))
      return TRUE;

  return FALSE;
}

/**
 * limber_catalogue_find_gentler:
 * @equipment_at_hand: (nullable): a set of equipment ids, or %NULL for any
 *
 * Looks for what to offer when @routine hurts: a routine for the same
 * muscles that presses less (a lower level, or a technique with less
 * pressure, stretching least), the gentlest first, in catalogue order.
 *
 * Returns: (transfer none) (nullable): the routine, or %NULL if there is none.
 */
LimberRoutine *
limber_catalogue_find_gentler (LimberCatalogue *self,
                               LimberRoutine   *routine,
                               GHashTable      *equipment_at_hand)
{
  LimberRoutine *best = NULL;
  guint intensity, n;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), NULL);
  g_return_val_if_fail (LIMBER_IS_ROUTINE (routine), NULL);

  intensity = get_intensity (routine);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->routines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LimberRoutine) other = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (get_intensity (other) >= intensity
          || (best != NULL && get_intensity (other) >= get_intensity (best))
          || !shares_primary_group (routine, other)
          || (equipment_at_hand != NULL && !limber_routine_needs_only (other, equipment_at_hand)))
        continue;

      best = other;
    }

  return best;
}

/**
 * limber_catalogue_add_routine:
 *
 * Adds @routine, or puts it in the place of the routine with the same id:
 * that is how a drop-in catalogue replaces a shipped routine.
 */
void
limber_catalogue_add_routine (LimberCatalogue *self,
                              LimberRoutine   *routine)
{
  LimberRoutine *old;
  guint position;

  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  limber_routine_select_language (routine, limber_catalogue_get_languages (self));
  old = g_hash_table_lookup (self->routines_by_id, limber_routine_get_id (routine));
  g_hash_table_replace (self->routines_by_id, (gpointer)limber_routine_get_id (routine), routine);

  if (old != NULL && g_list_store_find (self->routines, old, &position))
    g_list_store_splice (self->routines, position, 1, (gpointer *)&routine, 1);
  else
    g_list_store_append (self->routines, routine);
}

/**
 * limber_catalogue_add_routines:
 * @routines: (element-type LimberRoutine): routines in catalogue order
 *
 * Adds each as limber_catalogue_add_routine() does, the new ones in one
 * change of the list.
 */
void
limber_catalogue_add_routines (LimberCatalogue *self,
                               GPtrArray       *routines)
{
  g_autoptr(GPtrArray) appended = g_ptr_array_new ();

  g_return_if_fail (LIMBER_IS_CATALOGUE (self));
  g_return_if_fail (routines != NULL);

  for (guint i = 0; i < routines->len; i++)
    {
      LimberRoutine *routine = g_ptr_array_index (routines, i);

      limber_routine_select_language (routine, limber_catalogue_get_languages (self));

      /* A replacement, or an id given twice in the batch, goes one by one. */
      if (g_hash_table_contains (self->routines_by_id, limber_routine_get_id (routine)))
        {
          limber_catalogue_add_routine (self, routine);
          continue;
        }

      g_hash_table_insert (self->routines_by_id, (gpointer)limber_routine_get_id (routine), routine);
      g_ptr_array_add (appended, routine);
    }

  g_list_store_splice (self->routines, g_list_model_get_n_items (G_LIST_MODEL (self->routines)), 0,
                       appended->pdata, appended->len);
}
