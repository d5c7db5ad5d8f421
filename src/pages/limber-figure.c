/* limber-figure.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-figure"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-figure.h"

/**
 * limber_figure_load:
 *
 * Gives @body_map the shipped artwork, its front and back views with their
 * side markers, and every region of @catalogue.
 */
void
limber_figure_load (LimberBodyMap   *body_map,
                    LimberCatalogue *catalogue)
{
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *regions;

  g_return_if_fail (LIMBER_IS_BODY_MAP (body_map));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));

  svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, &error);
  if (svg == NULL || !limber_body_map_set_svg (body_map, svg, &error))
    g_critical ("The body map artwork could not be loaded: %s", error->message);

  /* The front view faces you, so the person's right is on your left. */
  limber_body_map_add_view (body_map, "front",
                            C_("side marker for the person's right side", "R"),
                            C_("side marker for the person's left side", "L"));
  limber_body_map_add_view (body_map, "back",
                            C_("side marker for the person's left side", "L"),
                            C_("side marker for the person's right side", "R"));

  regions = limber_catalogue_get_regions (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      limber_body_map_add_region (body_map,
                                  limber_region_get_svg_id (region),
                                  limber_view_to_string (limber_region_get_view (region)),
                                  limber_region_get_name (region));
    }
}
