/* limber-figure.h: the catalogue's body regions on a body map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/limber-catalogue.h"
#include "widgets/limber-body-map.h"

G_BEGIN_DECLS

void limber_figure_load (LimberBodyMap   *body_map,
                         LimberCatalogue *catalogue);

G_END_DECLS
