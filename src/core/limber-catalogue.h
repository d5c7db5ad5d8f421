/* limber-catalogue.h: the content Limber knows: body regions, equipment,
 * cautions, sources and routines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-region.h"
#include "limber-routine.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CATALOGUE (limber_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (LimberCatalogue, limber_catalogue, LIMBER, CATALOGUE, GObject)

LimberCatalogue *limber_catalogue_new               (void);
void             limber_catalogue_set_languages     (LimberCatalogue    *self,
                                                     const char * const *languages);
const char * const *limber_catalogue_get_languages  (LimberCatalogue    *self);
GListModel      *limber_catalogue_get_regions       (LimberCatalogue *self);
LimberRegion    *limber_catalogue_lookup_region     (LimberCatalogue *self,
                                                     const char      *id);
const char      *limber_catalogue_get_group_name    (LimberCatalogue *self,
                                                     const char      *group_id);
gboolean         limber_catalogue_has_group         (LimberCatalogue *self,
                                                     const char      *group_id);
const char * const *limber_catalogue_get_equipment_ids (LimberCatalogue *self);
const char      *limber_catalogue_get_equipment_name (LimberCatalogue *self,
                                                     const char      *equipment_id);
const char      *limber_catalogue_get_caution_text  (LimberCatalogue *self,
                                                     const char      *caution_id);
const char      *limber_catalogue_get_source_citation (LimberCatalogue *self,
                                                     const char      *source_id);
const char      *limber_catalogue_get_source_url    (LimberCatalogue *self,
                                                     const char      *source_id);
GListModel      *limber_catalogue_get_routines      (LimberCatalogue *self);
LimberRoutine   *limber_catalogue_lookup_routine    (LimberCatalogue *self,
                                                     const char      *id);
LimberRoutine   *limber_catalogue_find_gentler      (LimberCatalogue *self,
                                                     LimberRoutine   *routine,
                                                     GHashTable      *equipment_at_hand);

/* Used by the loader. */
void             limber_catalogue_add_group         (LimberCatalogue *self,
                                                     const char      *group_id,
                                                     LimberText      *name);
void             limber_catalogue_add_region        (LimberCatalogue *self,
                                                     LimberRegion    *region);
gboolean         limber_catalogue_has_equipment     (LimberCatalogue *self,
                                                     const char      *equipment_id);
void             limber_catalogue_add_equipment     (LimberCatalogue *self,
                                                     const char      *equipment_id,
                                                     LimberText      *name);
gboolean         limber_catalogue_has_caution       (LimberCatalogue *self,
                                                     const char      *caution_id);
void             limber_catalogue_add_caution       (LimberCatalogue *self,
                                                     const char      *caution_id,
                                                     LimberText      *text);
gboolean         limber_catalogue_has_source        (LimberCatalogue *self,
                                                     const char      *source_id);
void             limber_catalogue_add_source        (LimberCatalogue *self,
                                                     const char      *source_id,
                                                     LimberText      *citation,
                                                     const char      *url);
void             limber_catalogue_add_routine       (LimberCatalogue *self,
                                                     LimberRoutine   *routine);
void             limber_catalogue_add_routines      (LimberCatalogue *self,
                                                     GPtrArray       *routines);

G_END_DECLS
