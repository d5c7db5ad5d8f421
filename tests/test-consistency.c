/* test-consistency.c: the catalogue's regions and the body map artwork agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <librsvg/rsvg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/limber-catalogue-loader.h"

typedef struct
{
  char *view;          /* id of the top-level group it is drawn in */
  char *tag;
  gboolean selectable; /* class="region" */
} SvgElement;

static void
svg_element_free (gpointer data)
{
  SvgElement *element = data;

  g_free (element->view);
  g_free (element->tag);
  g_free (element);
}

static gboolean
has_class (xmlNodePtr  node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)"class");
  g_auto(GStrv) classes = NULL;
  gboolean found;

  if (value == NULL)
    return FALSE;

  classes = g_strsplit ((const char *)value, " ", -1);
  found = g_strv_contains ((const char * const *)classes, name);
  xmlFree (value);

  return found;
}

static void
collect (xmlNodePtr  node,
         const char *view,
         GHashTable *elements)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      xmlChar *id;
      const char *child_view = view;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      id = xmlGetProp (child, (const xmlChar *)"id");
      if (id != NULL)
        {
          SvgElement *element = g_new0 (SvgElement, 1);

          element->view = g_strdup (view);
          element->tag = g_strdup ((const char *)child->name);
          element->selectable = has_class (child, "region");
          g_assert_false (g_hash_table_contains (elements, id));
          g_hash_table_insert (elements, g_strdup ((const char *)id), element);

          if (view == NULL && xmlStrEqual (child->name, (const xmlChar *)"g"))
            child_view = (const char *)id;
        }

      collect (child, child_view, elements);
      xmlFree (id);
    }
}

static GHashTable *
load_svg_elements (GBytes *svg)
{
  GHashTable *elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, svg_element_free);
  gsize len;
  const char *data = g_bytes_get_data (svg, &len);
  xmlDocPtr doc = xmlReadMemory (data, (int)len, "body-map.svg", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  collect (xmlDocGetRootElement (doc), NULL, elements);
  xmlFreeDoc (doc);

  return elements;
}

static void
test_regions_match_artwork (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GHashTable) elements = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GListModel *regions;
  guint n_selectable = 0;

  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, &error);
  g_assert_no_error (error);
  elements = load_svg_elements (svg);

  /* Every catalogue region is a closed path in its own view. */
  regions = limber_catalogue_get_regions (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      SvgElement *element = g_hash_table_lookup (elements, limber_region_get_svg_id (region));

      if (element == NULL)
        g_error ("Region %s: the SVG has no element “%s”",
                 limber_region_get_id (region), limber_region_get_svg_id (region));
      g_assert_cmpstr (element->tag, ==, "path");
      g_assert_true (element->selectable);
      g_assert_cmpstr (element->view, ==, limber_view_to_string (limber_region_get_view (region)));
      g_hash_table_add (used, (gpointer)limber_region_get_svg_id (region));
    }

  /* Every selectable element has a region. */
  g_hash_table_iter_init (&iter, elements);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SvgElement *element = value;

      if (!element->selectable)
        continue;

      n_selectable++;
      if (!g_hash_table_contains (used, key))
        g_error ("SVG element “%s” is selectable but no catalogue region names it", (char *)key);
    }

  g_assert_cmpuint (n_selectable, >=, 40);
  g_assert_cmpuint (n_selectable, ==, g_list_model_get_n_items (regions));
}

/* Left and right are the person's own: from the front the person's right is
 * on the viewer's left, from behind on the viewer's right. */
static void
test_sides_are_anatomical (void)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  RsvgRectangle doc = { 0, 0, 0, 0 };
  RsvgRectangle front_ink, back_ink, logical;
  GListModel *regions;

  g_assert_true (limber_catalogue_load_resource (catalogue, LIMBER_CATALOGUE_RESOURCE, &error));
  svg = g_resources_lookup_data (RESOURCE_PREFIX "/body-map.svg", 0, &error);
  stream = g_memory_input_stream_new_from_bytes (svg);
  handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &doc.width, &doc.height));

  g_assert_true (rsvg_handle_get_geometry_for_layer (handle, "#front", &doc, &front_ink, &logical, &error));
  g_assert_true (rsvg_handle_get_geometry_for_layer (handle, "#back", &doc, &back_ink, &logical, &error));

  /* Both views scale alike on the map. */
  g_assert_cmpfloat_with_epsilon (front_ink.height, back_ink.height, front_ink.height * 0.03);

  regions = limber_catalogue_get_regions (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      g_autofree char *layer = g_strconcat ("#", limber_region_get_svg_id (region), NULL);
      gboolean front = limber_region_get_view (region) == LIMBER_VIEW_FRONT;
      RsvgRectangle *view = front ? &front_ink : &back_ink;
      RsvgRectangle ink;
      double middle, centre;

      g_assert_true (rsvg_handle_get_geometry_for_layer (handle, layer, &doc, &ink, &logical, &error));
      g_assert_no_error (error);

      middle = view->x + view->width / 2;
      centre = ink.x + ink.width / 2;

      switch (limber_region_get_side (region))
        {
        case LIMBER_SIDE_RIGHT:
          if (front ? centre >= middle : centre <= middle)
            g_error ("%s is drawn on the wrong side", limber_region_get_id (region));
          break;

        case LIMBER_SIDE_LEFT:
          if (front ? centre <= middle : centre >= middle)
            g_error ("%s is drawn on the wrong side", limber_region_get_id (region));
          break;

        case LIMBER_SIDE_NONE:
        default:
          g_assert_cmpfloat (fabs (centre - middle), <, view->width * 0.05);
          break;
        }
    }

  g_object_unref (handle);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/consistency/regions-match-artwork", test_regions_match_artwork);
  g_test_add_func ("/consistency/sides-are-anatomical", test_sides_are_anatomical);

  return g_test_run ();
}
