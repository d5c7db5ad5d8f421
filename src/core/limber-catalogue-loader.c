/* limber-catalogue-loader.c
 *
 * The catalogue may come from a gym's drop-in folder, so it is treated as
 * hostile: it is read with a size cap and parsed from memory with
 * XML_PARSE_NONET only (no entity substitution, no DTD loading, no XInclude,
 * no HUGE), any DOCTYPE is refused before its internal subset is read (which
 * also rules out entity expansion attacks), and external entities load
 * nothing. Every problem is reported as "file:line: reason".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-catalogue-loader"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include <string.h>

#include "limber-catalogue-loader.h"
#include "limber-routine-private.h"
#include "limber-step-private.h"

typedef struct
{
  const char *source;
  GPtrArray  *problems;     /* "file:line: reason" strings */
  GHashTable *seen;         /* dedupes cascading validator messages */
  gboolean    doctype;
} LoadState;

G_DEFINE_QUARK (limber-catalogue-error-quark, limber_catalogue_error)

static void
load_state_clear (LoadState *state)
{
  g_clear_pointer (&state->problems, g_ptr_array_unref);
  g_clear_pointer (&state->seen, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LoadState, load_state_clear)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlChar, xmlFree)

static void G_GNUC_PRINTF (3, 4)
add_problem (LoadState  *state,
             long        line,
             const char *format,
             ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *stripped = NULL;
  char *problem;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* One problem, one line: libxml2 sometimes adds a second line of detail. */
  stripped = g_strstrip (g_strdelimit (g_strdup (reason), "\r\n", ' '));
  problem = g_strdup_printf ("%s:%ld: %s", state->source, MAX (line, 1), stripped);

  if (g_hash_table_contains (state->seen, problem))
    {
      g_free (problem);
      return;
    }

  g_hash_table_add (state->seen, problem);
  g_ptr_array_add (state->problems, g_strdup (problem));
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  LoadState *state = user_data;
  g_autofree char *message = NULL;
  xmlNodePtr node;

  if (error == NULL || error->level == XML_ERR_WARNING)
    return;

  message = g_strstrip (g_strdup (error->message ? error->message : _("unknown XML error")));

  /* The validator names the element it was in; say which, and put its
   * vaguest message in plain words. */
  node = error->domain == XML_FROM_RELAXNGV ? error->node : NULL;
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    {
      if (g_str_equal (message, "Expecting an element , got nothing"))
        add_problem (state, error->line, _("element <%s>: a required child element is missing"),
                     (const char *)node->name);
      else
        add_problem (state, error->line, _("element <%s>: %s"), (const char *)node->name, message);
      return;
    }

  add_problem (state, error->line, "%s", message);
}

/* libxml2 hands the parser context to SAX and error callbacks. */
static void
parser_error_cb (void        *ctx,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = ctx;

  structured_error_cb (ctxt->_private, error);
}

static void
refuse_doctype_cb (void          *ctx,
                   const xmlChar *name,
                   const xmlChar *external_id,
                   const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  LoadState *state = ctxt->_private;

  state->doctype = TRUE;
  add_problem (state, xmlSAX2GetLineNumber (ctxt), "%s", _("DOCTYPE not allowed"));
  xmlStopParser (ctxt);
}

/* libxml2 also prints some problems (a failed encoding conversion) straight
 * to stderr, without a place; the same problem reaches us, located, as a
 * structured error, so the bare copy is dropped. */
static void G_GNUC_PRINTF (2, 3)
drop_generic_error_cb (void       *ctx,
                       const char *format,
                       ...)
{
}

static xmlParserInputPtr
refuse_external_entity_cb (const char       *url,
                           const char       *id,
                           xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static gpointer
install_entity_loader_once (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (refuse_external_entity_cb);
  return NULL;
}

static void
ensure_libxml (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, install_entity_loader_once, NULL);
}

static gpointer
load_schema_once (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  gconstpointer buf;
  gsize len;

  bytes = g_resources_lookup_data (LIMBER_CATALOGUE_SCHEMA_RESOURCE, 0, &error);
  if (bytes == NULL)
    g_error ("The catalogue schema is missing from the resources: %s", error->message);

  buf = g_bytes_get_data (bytes, &len);
  parser = xmlRelaxNGNewMemParserCtxt (buf, (int)len);
  schema = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);

  if (schema == NULL)
    g_error ("The catalogue schema does not parse");

  return schema;
}

static xmlRelaxNGPtr
get_schema (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_schema_once, NULL);
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *)name);
}

/* Translated copies carry xml:lang; the text without it is the English
 * source, the msgid. */
static gboolean
is_source_text (xmlNodePtr node)
{
  return !xmlHasNsProp (node, (const xmlChar *)"lang", XML_XML_NAMESPACE);
}

static xmlNodePtr
find_child (xmlNodePtr  parent,
            const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name) && is_source_text (child))
      return child;

  return NULL;
}

/* The value of an attribute without copying it: the usual attribute is a
 * single text node. Entity references are not substituted (no DTD is
 * allowed), so that is all there is. */
static const char *
peek_attr (xmlNodePtr  node,
           const char *name)
{
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    if (attr->ns == NULL && xmlStrEqual (attr->name, (const xmlChar *)name))
      {
        xmlNodePtr value = attr->children;

        if (value == NULL)
          return "";
        if (value->next == NULL && value->type == XML_TEXT_NODE)
          return (const char *)value->content;
        return NULL;
      }

  return NULL;
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  const char *value = peek_attr (node, name);
  g_autoptr(xmlChar) joined = NULL;

  if (value != NULL)
    return g_strdup (value);

  /* Several text nodes (character references split them): join them. */
  joined = xmlGetNoNsProp (node, (const xmlChar *)name);
  return joined ? g_strdup ((const char *)joined) : NULL;
}

/* xgettext collapses runs of white space in extracted text; so must we, or
 * the runtime lookup would miss the translation. */
static char *
collapse_white_space (const char *content)
{
  char *text = g_malloc (strlen (content) + 1);
  char *out = text;

  for (const char *p = content; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        *out++ = *p;
      else if (out > text && out[-1] != ' ')
        *out++ = ' ';
    }
  if (out > text && out[-1] == ' ')
    out--;
  *out = '\0';

  return text;
}

static char *
get_text (xmlNodePtr node)
{
  g_autoptr(xmlChar) content = NULL;

  /* The usual case, one text node, is read in place. */
  if (node->children != NULL && node->children->next == NULL && node->children->type == XML_TEXT_NODE)
    return collapse_white_space ((const char *)node->children->content);

  content = xmlNodeGetContent (node);
  return content ? collapse_white_space ((const char *)content) : NULL;
}

/* The grammar only says a text is not empty; one of nothing but white
 * space is caught here, where it costs nothing (a pattern facet in the
 * grammar cost a third of the validation time). */
static char *
get_checked_text (LoadState  *state,
                  xmlNodePtr  node)
{
  char *text = get_text (node);

  if (text != NULL && *text == '\0')
    /* TRANSLATORS: a catalogue error; %s is an element name such as "title" */
    add_problem (state, xmlGetLineNo (node), _("element <%s>: the text is only white space"),
                 (const char *)node->name);

  return text;
}

static void
add_variant (LoadState  *state,
             LimberText *text,
             xmlNodePtr  node)
{
  g_autoptr(xmlChar) language = xmlGetNsProp (node, (const xmlChar *)"lang", XML_XML_NAMESPACE);
  g_autofree char *variant = get_checked_text (state, node);

  if (language != NULL && variant != NULL)
    limber_text_add_variant (text, (const char *)language, variant);
}

/* The texts of @parent's child elements @name: one for each element without
 * xml:lang, holding the translated copies that follow it (msgfmt --xml
 * writes them right after it). Copies before the first, as a catalogue
 * written by hand may have them, belong to the first.
 *
 * Returns: (element-type LimberText): the texts, perhaps none. */
static GPtrArray *
collect_texts (LoadState  *state,
               xmlNodePtr  parent,
               const char *name)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify)limber_text_free);
  g_autoptr(GPtrArray) early = g_ptr_array_new ();

  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    {
      g_autofree char *source = NULL;

      if (!is_element (child, name))
        continue;

      if (!is_source_text (child))
        {
          if (texts->len > 0)
            add_variant (state, g_ptr_array_index (texts, texts->len - 1), child);
          else
            g_ptr_array_add (early, child);
          continue;
        }

      source = get_checked_text (state, child);
      if (source == NULL)
        continue;

      g_ptr_array_add (texts, limber_text_new (source));
      if (texts->len == 1)
        for (guint i = 0; i < early->len; i++)
          add_variant (state, g_ptr_array_index (texts, 0), g_ptr_array_index (early, i));
    }

  if (texts->len == 0 && early->len > 0)
    {
      xmlNodePtr first = g_ptr_array_index (early, 0);

      /* TRANSLATORS: a catalogue error; %s is an element name such as "title" */
      add_problem (state, xmlGetLineNo (first),
                   _("element <%s>: there are translations (xml:lang) but no English text without xml:lang"),
                   (const char *)first->name);
    }

  return g_steal_pointer (&texts);
}

/* Returns: (transfer full) (nullable): the first text @collect_texts finds. */
static LimberText *
get_child_text (LoadState  *state,
                xmlNodePtr  parent,
                const char *name)
{
  g_autoptr(GPtrArray) texts = collect_texts (state, parent, name);

  return texts->len > 0 ? g_ptr_array_steal_index (texts, 0) : NULL;
}

static GStrv
get_id_list (xmlNodePtr  node,
             const char *name)
{
  g_autofree char *value = get_attr (node, name);
  GStrv words;
  guint kept = 0;

  if (value == NULL)
    return NULL;

  /* Split, then drop the empty words that runs of white space leave. */
  words = g_strsplit_set (value, " \t\r\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0')
        words[kept++] = words[i];
      else
        g_free (words[i]);
    }
  words[kept] = NULL;

  return words;
}

/* The schema checks the type (a whole number, negative ones refused); the
 * range is checked here, where the message can say what the limits are
 * (and where checking is cheaper than RELAX NG facets, which made
 * validation a fifth slower). "+7", " 7 " and "007" are valid XML Schema
 * integers. Returns @fallback when the attribute is absent. */
static guint
get_uint_attr (LoadState  *state,
               xmlNodePtr  node,
               const char *name,
               guint       fallback,
               guint       min,
               guint       max)
{
  const char *value = peek_attr (node, name);
  g_autofree char *copy = NULL;
  const char *digits;
  guint64 number;

  if (value == NULL && (copy = get_attr (node, name)) == NULL)
    return fallback;

  /* The usual value is bare digits and needs no copy to strip. */
  digits = value;
  if (digits == NULL || g_ascii_isspace (*digits) || g_ascii_isspace (digits[MAX (strlen (digits), 1) - 1]))
    {
      if (copy == NULL)
        copy = g_strdup (value);
      digits = g_strstrip (copy);
    }
  if (*digits == '+')
    digits++;

  if (!g_ascii_string_to_unsigned (digits, 10, min, max, &number, NULL))
    {
      /* TRANSLATORS: a catalogue error: an element name, an attribute name,
       * its value, then the smallest and largest numbers allowed */
      add_problem (state, xmlGetLineNo (node), _("element <%s>: %s=“%s” is not a whole number from %u to %u"),
                   (const char *)node->name, name, digits, min, max);
      return fallback;
    }

  return (guint)number;
}

static gboolean
get_bool_attr (xmlNodePtr  node,
               const char *name)
{
  const char *value = peek_attr (node, name);
  g_autofree char *copy = value ? NULL : get_attr (node, name);

  return g_strcmp0 (value ? value : copy, "true") == 0;
}

static gboolean
check_unique (LoadState   *state,
              GHashTable  *seen,
              const char  *kind,
              const char  *id,
              xmlNodePtr   node)
{
  gpointer first_line;

  if (g_hash_table_lookup_extended (seen, id, NULL, &first_line))
    {
      /* TRANSLATORS: a catalogue error; the first %s is "region", "group",
       * "routine" and so on, then the id, then the line of its first
       * definition. */
      add_problem (state, xmlGetLineNo (node), _("duplicate %s id “%s” (first defined at line %ld)"),
                   kind, id, (long)GPOINTER_TO_SIZE (first_line));
      return FALSE;
    }

  g_hash_table_insert (seen, g_strdup (id), GSIZE_TO_POINTER ((gsize)xmlGetLineNo (node)));
  return TRUE;
}

/* A muscle group, a piece of equipment, a caution or a source. */
typedef struct
{
  char       *id;
  LimberText *text;
  char       *extra;            /* the attribute its kind keeps beside the text */
} Entry;

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
  limber_text_free (entry->text);
  g_free (entry->extra);
}

static GArray *
entries_new (void)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, clear_entry);
  return entries;
}

/* What one document adds. It is kept apart until the whole document has
 * been checked, so a rejected file adds nothing. */
typedef struct
{
  LimberCatalogue *into;
  gboolean         drop_in;     /* the body is fixed by an earlier catalogue */
  GArray          *groups;      /* Entry */
  GPtrArray       *regions;
  GArray          *equipment;   /* Entry */
  GArray          *cautions;    /* Entry */
  GArray          *sources;     /* Entry, the url as extra */
  GPtrArray       *routines;
  GHashTable      *group_ids;
  GHashTable      *region_ids;
  GHashTable      *svg_ids;
  GHashTable      *equipment_ids;
  GHashTable      *caution_ids;
  GHashTable      *source_ids;
  GHashTable      *routine_ids;
} Pending;

static void
pending_clear (Pending *pending)
{
  g_clear_pointer (&pending->groups, g_array_unref);
  g_clear_pointer (&pending->regions, g_ptr_array_unref);
  g_clear_pointer (&pending->equipment, g_array_unref);
  g_clear_pointer (&pending->cautions, g_array_unref);
  g_clear_pointer (&pending->sources, g_array_unref);
  g_clear_pointer (&pending->routines, g_ptr_array_unref);
  g_clear_pointer (&pending->group_ids, g_hash_table_unref);
  g_clear_pointer (&pending->region_ids, g_hash_table_unref);
  g_clear_pointer (&pending->svg_ids, g_hash_table_unref);
  g_clear_pointer (&pending->equipment_ids, g_hash_table_unref);
  g_clear_pointer (&pending->caution_ids, g_hash_table_unref);
  g_clear_pointer (&pending->source_ids, g_hash_table_unref);
  g_clear_pointer (&pending->routine_ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pending, pending_clear)

static void
pending_init (Pending         *pending,
              LimberCatalogue *into)
{
  pending->into = into;
  pending->drop_in = g_list_model_get_n_items (limber_catalogue_get_regions (into)) > 0;
  pending->groups = entries_new ();
  pending->regions = g_ptr_array_new_with_free_func (g_object_unref);
  pending->equipment = entries_new ();
  pending->cautions = entries_new ();
  pending->sources = entries_new ();
  pending->routines = g_ptr_array_new_with_free_func (g_object_unref);
  pending->group_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending->region_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending->svg_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending->equipment_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending->caution_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending->source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending->routine_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

typedef enum
{
  ENTRY_GROUP,
  ENTRY_EQUIPMENT,
  ENTRY_CAUTION,
  ENTRY_SOURCE,
} EntryKind;

typedef struct
{
  const char *element;      /* <group>, <item>, ... */
  const char *text;         /* its translatable child */
  const char *extra;        /* an attribute kept beside the text, or NULL */
} EntryFormat;

static const EntryFormat entry_formats[] = {
  [ENTRY_GROUP] = { "group", "name", NULL },
  [ENTRY_EQUIPMENT] = { "item", "name", NULL },
  [ENTRY_CAUTION] = { "caution", "text", NULL },
  [ENTRY_SOURCE] = { "source", "citation", "url" },
};

static const char *
entry_kind_name (EntryKind kind)
{
  switch (kind)
    {
    case ENTRY_GROUP:
      return _("group");
    case ENTRY_EQUIPMENT:
      return _("equipment");
    case ENTRY_CAUTION:
      return _("caution");
    case ENTRY_SOURCE:
      return _("source");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Muscle groups and equipment belong to the body and the app: a drop-in may
 * name them again but not add new ones. Returns whether @id may be added. */
static gboolean
may_add_entry (LoadState  *state,
               Pending    *pending,
               EntryKind   kind,
               const char *id,
               xmlNodePtr  node)
{
  if (!pending->drop_in)
    return TRUE;

  if (kind == ENTRY_GROUP && !limber_catalogue_has_group (pending->into, id))
    add_problem (state, xmlGetLineNo (node),
                 _("a drop-in catalogue cannot add the muscle group “%s”: the body map has no such group"), id);
  else if (kind == ENTRY_EQUIPMENT && !limber_catalogue_has_equipment (pending->into, id))
    add_problem (state, xmlGetLineNo (node),
                 _("a drop-in catalogue cannot add the equipment “%s”; it can use only the equipment Limber knows"),
                 id);
  else if (kind == ENTRY_CAUTION || kind == ENTRY_SOURCE)
    return TRUE;

  return FALSE;
}

/* Collects the id and text (and the extra attribute, if the kind has one)
 * of each entry of a section into @out. */
static void
collect_entries (LoadState  *state,
                 Pending    *pending,
                 xmlNodePtr  section,
                 EntryKind   kind,
                 GHashTable *seen,
                 GArray     *out)
{
  const EntryFormat *format = &entry_formats[kind];

  for (xmlNodePtr node = section->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autoptr(LimberText) text = NULL;
      Entry entry;

      if (!is_element (node, format->element))
        continue;

      id = get_attr (node, "id");
      text = get_child_text (state, node, format->text);
      if (id == NULL || text == NULL)
        continue;

      if (!check_unique (state, seen, entry_kind_name (kind), id, node) ||
          !may_add_entry (state, pending, kind, id, node))
        continue;

      entry.id = g_steal_pointer (&id);
      entry.text = g_steal_pointer (&text);
      entry.extra = format->extra != NULL ? get_attr (node, format->extra) : NULL;
      g_array_append_val (out, entry);
    }
}

static gboolean
knows_group (Pending    *pending,
             const char *group_id)
{
  return g_hash_table_contains (pending->group_ids, group_id) ||
         limber_catalogue_has_group (pending->into, group_id);
}

static void
collect_regions (LoadState  *state,
                 Pending    *pending,
                 xmlNodePtr  section)
{
  for (xmlNodePtr node = section->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *view_str = NULL;
      g_autofree char *side_str = NULL;
      g_autofree char *svg_id = NULL;
      g_autofree char *group = NULL;
      g_autoptr(LimberText) name = NULL;
      LimberView view;
      LimberSide side;
      LimberRegion *region;

      if (!is_element (node, "region"))
        continue;

      id = get_attr (node, "id");
      view_str = get_attr (node, "view");
      side_str = get_attr (node, "side");
      svg_id = get_attr (node, "svg");
      group = get_attr (node, "group");
      name = get_child_text (state, node, "name");

      if (id == NULL || svg_id == NULL || group == NULL || name == NULL ||
          !limber_view_from_string (view_str, &view) ||
          !limber_side_from_string (side_str, &side))
        continue;

      if (pending->drop_in)
        {
          if (limber_catalogue_lookup_region (pending->into, id) == NULL)
            add_problem (state, xmlGetLineNo (node),
                         _("a drop-in catalogue cannot add the region “%s”: the body map has no such region"),
                         id);
          continue;
        }

      if (!knows_group (pending, group))
        add_problem (state, xmlGetLineNo (node), _("region “%s” names the unknown group “%s”"), id, group);

      region = limber_region_new (id, view, side, svg_id, group, g_steal_pointer (&name));
      g_ptr_array_add (pending->regions, region);
      check_unique (state, pending->region_ids, _("region"), limber_region_get_id (region), node);
      check_unique (state, pending->svg_ids, _("SVG element"), limber_region_get_svg_id (region), node);
    }
}

typedef gboolean (*KnowsFunc) (LimberCatalogue *catalogue,
                               const char      *id);

/* Returns: the index of the first id from @start on that neither this file
 * nor the catalogue knows, or -1. */
static int
find_unknown (const char * const *ids,
              int                 start,
              GHashTable         *in_file,
              KnowsFunc           in_catalogue,
              LimberCatalogue    *catalogue)
{
  for (int i = start; ids != NULL && ids[i] != NULL; i++)
    if (!g_hash_table_contains (in_file, ids[i]) && !in_catalogue (catalogue, ids[i]))
      return i;

  return -1;
}

static void
check_routine_references (LoadState     *state,
                          Pending       *pending,
                          xmlNodePtr     node,
                          LimberRoutine *routine)
{
  const char *id = routine->id;
  const char * const *primary = (const char * const *)routine->primary;
  const char * const *secondary = (const char * const *)routine->secondary;
  const char * const *equipment = (const char * const *)routine->equipment;
  const char * const *cautions = (const char * const *)routine->caution_ids;
  const char * const *sources = (const char * const *)routine->source_ids;
  LimberCatalogue *cat = pending->into;
  long line = xmlGetLineNo (node);

  /* TRANSLATORS: catalogue errors: a routine id, then the id it names */
  for (int i = 0; (i = find_unknown (primary, i, pending->group_ids, limber_catalogue_has_group, cat)) >= 0; i++)
    add_problem (state, line, _("routine “%s” names the unknown muscle group “%s”"), id, primary[i]);
  for (int i = 0; (i = find_unknown (secondary, i, pending->group_ids, limber_catalogue_has_group, cat)) >= 0; i++)
    add_problem (state, line, _("routine “%s” names the unknown muscle group “%s”"), id, secondary[i]);
  for (int i = 0; (i = find_unknown (equipment, i, pending->equipment_ids, limber_catalogue_has_equipment, cat)) >= 0; i++)
    add_problem (state, line, _("routine “%s” names the unknown equipment “%s”"), id, equipment[i]);
  for (int i = 0; (i = find_unknown (cautions, i, pending->caution_ids, limber_catalogue_has_caution, cat)) >= 0; i++)
    add_problem (state, line, _("routine “%s” names the unknown caution “%s”"), id, cautions[i]);
  for (int i = 0; (i = find_unknown (sources, i, pending->source_ids, limber_catalogue_has_source, cat)) >= 0; i++)
    add_problem (state, line, _("routine “%s” names the unknown source “%s”"), id, sources[i]);
}

static LimberStep *
collect_step (LoadState  *state,
              xmlNodePtr  node,
              const char *routine_id,
              guint       number)
{
  g_autoptr(LimberStep) step = limber_step_new ();
  g_autofree char *side = get_attr (node, "side");

  step->instruction = get_child_text (state, node, "instruction");
  step->detail = get_child_text (state, node, "detail");
  step->seconds = get_uint_attr (state, node, "seconds", 0, LIMBER_STEP_MIN_SECONDS, LIMBER_STEP_MAX_SECONDS);
  step->reps = get_uint_attr (state, node, "reps", 0, 1, LIMBER_STEP_MAX_REPS);
  step->pace = get_uint_attr (state, node, "pace", LIMBER_STEP_DEFAULT_PACE, LIMBER_STEP_MIN_PACE, LIMBER_STEP_MAX_PACE);
  step->rest = get_uint_attr (state, node, "rest", 0, 0, LIMBER_STEP_MAX_REST);
  step->other_side = get_bool_attr (node, "other-side");
  step->warm_up = get_bool_attr (node, "warm-up");

  if (step->instruction == NULL || !limber_side_from_string (side, &step->side))
    return NULL;

  if (step->other_side && step->side != LIMBER_SIDE_LEFT && step->side != LIMBER_SIDE_RIGHT)
    /* TRANSLATORS: a catalogue error: the step number, then the routine id */
    add_problem (state, xmlGetLineNo (node),
                 _("step %u of routine “%s”: other-side=\"true\" needs side=\"left\" or side=\"right\""),
                 number, routine_id);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *at = NULL;
      g_autoptr(LimberText) text = NULL;
      gboolean at_half;
      guint at_seconds;

      if (!is_element (child, "cue"))
        continue;

      at = get_attr (child, "at");
      text = get_child_text (state, child, "text");
      if (at == NULL || text == NULL)
        continue;

      at_half = g_str_equal (g_strstrip (at), "half");
      at_seconds = at_half ? 0 : get_uint_attr (state, child, "at", 0, 1, LIMBER_STEP_MAX_SECONDS);
      if (!at_half && at_seconds >= limber_step_get_active_seconds (step))
        /* TRANSLATORS: a catalogue error: the step number, the routine id,
         * then two numbers of seconds */
        add_problem (state, xmlGetLineNo (child),
                     _("step %u of routine “%s”: a cue at %u s falls after the step ends (%u s)"),
                     number, routine_id, at_seconds, limber_step_get_active_seconds (step));

      limber_step_add_cue (step, at_seconds, at_half, g_steal_pointer (&text));
    }

  return g_steal_pointer (&step);
}

static void
collect_routines (LoadState  *state,
                  Pending    *pending,
                  xmlNodePtr  section,
                  const char *origin)
{
  for (xmlNodePtr node = section->children; node != NULL; node = node->next)
    {
      g_autoptr(LimberRoutine) routine = NULL;
      g_autofree char *id = NULL;
      g_autofree char *technique = NULL;
      g_autofree char *level = NULL;
      xmlNodePtr steps;
      guint number = 0;

      if (!is_element (node, "routine"))
        continue;

      id = get_attr (node, "id");
      technique = get_attr (node, "technique");
      level = get_attr (node, "level");
      steps = find_child (node, "steps");
      if (id == NULL || steps == NULL)
        continue;

      routine = limber_routine_new (id, origin);
      routine->title = get_child_text (state, node, "title");
      routine->summary = get_child_text (state, node, "summary");
      routine->primary = get_id_list (node, "primary");
      routine->secondary = get_id_list (node, "secondary");
      routine->equipment = get_id_list (node, "equipment");
      routine->caution_ids = get_id_list (node, "cautions");
      routine->source_ids = get_id_list (node, "sources");
      routine->own_cautions = collect_texts (state, node, "caution");

      if (!limber_technique_from_string (technique, &routine->technique) ||
          !limber_level_from_string (level, &routine->level))
        continue;

      if (!check_unique (state, pending->routine_ids, _("routine"), limber_routine_get_id (routine), node))
        continue;

      check_routine_references (state, pending, node, routine);

      for (xmlNodePtr child = steps->children; child != NULL; child = child->next)
        {
          g_autoptr(LimberStep) step = NULL;

          if (!is_element (child, "step"))
            continue;

          step = collect_step (state, child, id, ++number);
          if (step != NULL)
            limber_routine_add_step (routine, step);
        }

      g_ptr_array_add (pending->routines, g_steal_pointer (&routine));
    }
}

static void
commit_pending (Pending *pending)
{
  LimberCatalogue *into = pending->into;

  /* The catalogue takes the texts. */
  for (guint i = 0; i < pending->groups->len; i++)
    {
      Entry *entry = &g_array_index (pending->groups, Entry, i);

      limber_catalogue_add_group (into, entry->id, g_steal_pointer (&entry->text));
    }
  for (guint i = 0; i < pending->regions->len; i++)
    limber_catalogue_add_region (into, g_ptr_array_index (pending->regions, i));
  for (guint i = 0; i < pending->equipment->len; i++)
    {
      Entry *entry = &g_array_index (pending->equipment, Entry, i);

      limber_catalogue_add_equipment (into, entry->id, g_steal_pointer (&entry->text));
    }
  for (guint i = 0; i < pending->cautions->len; i++)
    {
      Entry *entry = &g_array_index (pending->cautions, Entry, i);

      limber_catalogue_add_caution (into, entry->id, g_steal_pointer (&entry->text));
    }
  for (guint i = 0; i < pending->sources->len; i++)
    {
      Entry *entry = &g_array_index (pending->sources, Entry, i);

      limber_catalogue_add_source (into, entry->id, g_steal_pointer (&entry->text), entry->extra);
    }
  limber_catalogue_add_routines (into, pending->routines);
}

/* The schema has already checked the structure; what is left are the rules a
 * RELAX NG grammar cannot state: unique ids, references that resolve, and a
 * body that only the first catalogue defines. */
static gboolean
collect_content (LoadState       *state,
                 xmlNodePtr       root,
                 LimberCatalogue *into)
{
  g_auto(Pending) pending = { 0 };
  guint before = state->problems->len;
  xmlNodePtr section;

  pending_init (&pending, into);

  /* Sections in the order the schema gives them, so references to earlier
   * sections resolve. */
  if ((section = find_child (root, "groups")) != NULL)
    collect_entries (state, &pending, section, ENTRY_GROUP, pending.group_ids, pending.groups);
  if ((section = find_child (root, "regions")) != NULL)
    collect_regions (state, &pending, section);
  if ((section = find_child (root, "equipment")) != NULL)
    collect_entries (state, &pending, section, ENTRY_EQUIPMENT, pending.equipment_ids, pending.equipment);
  if ((section = find_child (root, "cautions")) != NULL)
    collect_entries (state, &pending, section, ENTRY_CAUTION, pending.caution_ids, pending.cautions);
  if ((section = find_child (root, "sources")) != NULL)
    collect_entries (state, &pending, section, ENTRY_SOURCE, pending.source_ids, pending.sources);
  if ((section = find_child (root, "routines")) != NULL)
    collect_routines (state, &pending, section, state->source);

  if (state->problems->len > before)
    return FALSE;

  commit_pending (&pending);
  return TRUE;
}

static gboolean
fail_with_problems (LoadState  *state,
                    int         code,
                    GError    **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < state->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (state->problems, i));
    }

  if (message->len == 0)
    /* TRANSLATORS: %s is a file name */
    g_string_printf (message, _("%s:1: the catalogue could not be read"), state->source);

  g_set_error_literal (error, LIMBER_CATALOGUE_ERROR, code, message->str);
  return FALSE;
}

static void
set_too_large_error (GError     **error,
                     const char  *source,
                     guint64      size)
{
  g_autofree char *has = g_format_size (size);
  g_autofree char *cap = g_format_size (LIMBER_CATALOGUE_MAX_BYTES);

  /* TRANSLATORS: a catalogue error: the file name, then two sizes such as "50.0 MB" */
  g_set_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_TOO_LARGE,
               _("%s:1: the file is too large (%s; at most %s are read)"), source, has, cap);
}

/**
 * limber_catalogue_load_bytes:
 * @source_name: the name used in error messages, usually the file name
 *
 * Parses and validates one catalogue document and adds its content to @self.
 * Nothing is added unless the whole document is valid. On failure @error
 * holds one "file:line: reason" line per problem.
 */
gboolean
limber_catalogue_load_bytes (LimberCatalogue  *self,
                             GBytes           *bytes,
                             const char       *source_name,
                             GError          **error)
{
  g_auto(LoadState) state = { 0 };
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlRelaxNGValidCtxt) validator = NULL;
  xmlGenericErrorFunc previous_generic_error;
  void *previous_generic_error_context;
  gconstpointer data;
  gsize len;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);

  ensure_libxml ();

  state.source = source_name;
  state.problems = g_ptr_array_new_with_free_func (g_free);
  state.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len > LIMBER_CATALOGUE_MAX_BYTES)
    {
      set_too_large_error (error, source_name, len);
      return FALSE;
    }

  previous_generic_error = xmlGenericError;
  previous_generic_error_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, drop_generic_error_cb);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");

  ctxt->_private = &state;
  ctxt->sax->internalSubset = refuse_doctype_cb;
  ctxt->sax->serror = parser_error_cb;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  /* COMPACT keeps short texts inside their nodes: fewer allocations, the
   * same document. */
  doc = xmlCtxtReadMemory (ctxt, data, (int)len, source_name, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
  xmlSetGenericErrorFunc (previous_generic_error_context, previous_generic_error);

  if (state.doctype)
    return fail_with_problems (&state, LIMBER_CATALOGUE_ERROR_DOCTYPE, error);

  if (doc == NULL || !ctxt->wellFormed || state.problems->len > 0)
    return fail_with_problems (&state, LIMBER_CATALOGUE_ERROR_MALFORMED, error);

  validator = xmlRelaxNGNewValidCtxt (get_schema ());
  xmlRelaxNGSetValidStructuredErrors (validator, structured_error_cb, &state);
  if (xmlRelaxNGValidateDoc (validator, doc) != 0)
    {
      if (state.problems->len == 0)
        add_problem (&state, xmlGetLineNo (xmlDocGetRootElement (doc)), "%s",
                     _("the document does not follow the catalogue schema"));
      return fail_with_problems (&state, LIMBER_CATALOGUE_ERROR_INVALID, error);
    }

  if (!collect_content (&state, xmlDocGetRootElement (doc), self))
    return fail_with_problems (&state, LIMBER_CATALOGUE_ERROR_INVALID, error);

  return TRUE;
}

/**
 * limber_catalogue_load_file:
 *
 * Reads at most %LIMBER_CATALOGUE_MAX_BYTES of @file and loads it.
 */
gboolean
limber_catalogue_load_file (LimberCatalogue  *self,
                            GFile            *file,
                            GError          **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *buffer = NULL;
  goffset size;
  gsize want;
  gsize got = 0;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);

  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_IO,
                   "%s:1: %s", name, local_error->message);
      return FALSE;
    }

  size = g_file_info_get_size (info);
  if (size > LIMBER_CATALOGUE_MAX_BYTES)
    {
      set_too_large_error (error, name, (guint64)size);
      return FALSE;
    }

  /* One byte more than the size the file claims shows whether it grew past
   * the cap since; the parse step below refuses anything over it. */
  want = MIN ((gsize)size, (gsize)LIMBER_CATALOGUE_MAX_BYTES) + 1;
  buffer = g_malloc (want);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, want, &got, NULL, &local_error))
    {
      g_set_error (error, LIMBER_CATALOGUE_ERROR, LIMBER_CATALOGUE_ERROR_IO,
                   "%s:1: %s", name, local_error->message);
      return FALSE;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&buffer), got);
  return limber_catalogue_load_bytes (self, bytes, name, error);
}

/**
 * limber_catalogue_load_resource:
 *
 * Loads a catalogue embedded in the application's resources.
 */
gboolean
limber_catalogue_load_resource (LimberCatalogue  *self,
                                const char       *resource_path,
                                GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LIMBER_IS_CATALOGUE (self), FALSE);

  bytes = g_resources_lookup_data (resource_path, 0, error);
  if (bytes == NULL)
    return FALSE;

  name = g_path_get_basename (resource_path);
  return limber_catalogue_load_bytes (self, bytes, name, error);
}

static int
compare_files_by_name (gconstpointer a,
                       gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **)a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **)b);

  return strcmp (name_a, name_b);
}

/**
 * limber_catalogue_list_files:
 * @path: a catalogue file, or a folder of them
 *
 * Returns: (transfer full) (element-type GFile): @path itself when it is not
 * a folder (a missing file is reported when it is loaded), or the folder's
 * `*.xml` files sorted by name, so that a later file wins a clash of ids.
 */
GPtrArray *
limber_catalogue_list_files (GFile *path)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) children = NULL;

  g_return_val_if_fail (G_IS_FILE (path), NULL);

  if (g_file_query_file_type (path, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (files, g_object_ref (path));
      return g_steal_pointer (&files);
    }

  children = g_file_enumerate_children (path, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY &&
          g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (files, g_object_ref (child));
    }

  g_ptr_array_sort (files, compare_files_by_name);
  return g_steal_pointer (&files);
}

/**
 * limber_catalogue_list_drop_ins:
 * @system_data_dirs: as g_get_system_data_dirs() returns them, most
 *   important first
 * @user_data_dir: as g_get_user_data_dir() returns it
 *
 * Returns: (transfer full) (element-type GFile): the drop-in catalogues in
 * the `limber/catalogues` folder of each, in the order to load them: the
 * least important system folder first and the user's folder last, so that a
 * routine given again by a more important catalogue replaces the other.
 */
GPtrArray *
limber_catalogue_list_drop_ins (const char * const *system_data_dirs,
                                const char         *user_data_dir)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* A folder listed twice counts at its more important place. */
  for (guint i = 0; system_data_dirs != NULL && system_data_dirs[i] != NULL; i++)
    {
      char *folder = g_build_filename (system_data_dirs[i], "limber", "catalogues", NULL);

      if (g_hash_table_add (seen, folder))
        g_ptr_array_insert (folders, 0, folder);
      else
        g_free (folder);
    }

  if (user_data_dir != NULL)
    {
      char *folder = g_build_filename (user_data_dir, "limber", "catalogues", NULL);

      if (g_hash_table_add (seen, folder))
        g_ptr_array_add (folders, folder);
      else
        g_free (folder);
    }

  for (guint i = 0; i < folders->len; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (g_ptr_array_index (folders, i));
      g_autoptr(GPtrArray) found = NULL;

      if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
        continue;

      found = limber_catalogue_list_files (folder);
      g_ptr_array_extend_and_steal (files, g_steal_pointer (&found));
    }

  return g_steal_pointer (&files);
}
