/* limber-catalogue.h: the content Limber knows: body regions (and, later, routines)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-region.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_CATALOGUE (limber_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (LimberCatalogue, limber_catalogue, LIMBER, CATALOGUE, GObject)

LimberCatalogue *limber_catalogue_new               (void);
GListModel      *limber_catalogue_get_regions       (LimberCatalogue *self);
LimberRegion    *limber_catalogue_lookup_region     (LimberCatalogue *self,
                                                     const char      *id);
const char      *limber_catalogue_get_group_name    (LimberCatalogue *self,
                                                     const char      *group_id);
gboolean         limber_catalogue_has_group         (LimberCatalogue *self,
                                                     const char      *group_id);

/* Used by the loader. */
void             limber_catalogue_add_group         (LimberCatalogue *self,
                                                     const char      *group_id,
                                                     const char      *name);
void             limber_catalogue_add_region        (LimberCatalogue *self,
                                                     LimberRegion    *region);

G_END_DECLS
