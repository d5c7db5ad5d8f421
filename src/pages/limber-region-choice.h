/* limber-region-choice.h: a region and whether the person picked it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/limber-region.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_REGION_CHOICE (limber_region_choice_get_type ())
G_DECLARE_FINAL_TYPE (LimberRegionChoice, limber_region_choice, LIMBER, REGION_CHOICE, GObject)

LimberRegionChoice *limber_region_choice_new          (LimberRegion       *region);
LimberRegion       *limber_region_choice_get_region   (LimberRegionChoice *self);
gboolean            limber_region_choice_get_selected (LimberRegionChoice *self);
void                limber_region_choice_set_selected (LimberRegionChoice *self,
                                                       gboolean            selected);

G_END_DECLS
