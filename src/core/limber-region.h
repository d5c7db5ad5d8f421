/* limber-region.h: one selectable place on the body map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "limber-text.h"
#include "limber-types.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_VIEW_FRONT,
  LIMBER_VIEW_BACK,
} LimberView;

typedef enum
{
  LIMBER_SIDE_NONE,
  LIMBER_SIDE_LEFT,
  LIMBER_SIDE_RIGHT,
  LIMBER_SIDE_BOTH,     /* steps only: both sides at once */
} LimberSide;

#define LIMBER_TYPE_REGION (limber_region_get_type ())
G_DECLARE_FINAL_TYPE (LimberRegion, limber_region, LIMBER, REGION, GObject)

LimberRegion *limber_region_new            (const char   *id,
                                            LimberView    view,
                                            LimberSide    side,
                                            const char   *svg_id,
                                            const char   *group,
                                            LimberText   *name);
const char   *limber_region_get_id         (LimberRegion *self);
LimberView    limber_region_get_view       (LimberRegion *self);
LimberSide    limber_region_get_side       (LimberRegion *self);
const char   *limber_region_get_svg_id     (LimberRegion *self);
const char   *limber_region_get_group      (LimberRegion *self);
const char   *limber_region_get_name       (LimberRegion *self);
void          limber_region_select_language (LimberRegion       *self,
                                             const char * const *languages);

const char   *limber_view_to_string        (LimberView    view);
gboolean      limber_view_from_string      (const char   *str,
                                            LimberView   *view);
gboolean      limber_side_from_string      (const char   *str,
                                            LimberSide   *side);

G_END_DECLS
