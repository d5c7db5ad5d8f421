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

#include "limber-catalogue-loader.h"

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

static xmlNodePtr
find_child (xmlNodePtr  parent,
            const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;

  return NULL;
}

static char *
get_attr (xmlNodePtr  node,
          const char *name)
{
  g_autoptr(xmlChar) value = xmlGetNoNsProp (node, (const xmlChar *)name);

  return value ? g_strdup ((const char *)value) : NULL;
}

/* xgettext collapses runs of white space in extracted text; so must we, or
 * the runtime lookup would miss the translation. */
static char *
get_child_text (xmlNodePtr  parent,
                const char *name)
{
  g_autoptr(xmlChar) content = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  xmlNodePtr child = find_child (parent, name);

  if (child == NULL)
    return NULL;

  content = xmlNodeGetContent (child);
  if (content == NULL)
    return NULL;

  words = g_strsplit_set ((const char *)content, " \t\r\n", -1);
  kept = g_ptr_array_new ();
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (" ", (char **)kept->pdata);
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
      /* TRANSLATORS: a catalogue error; the first %s is "region", "group" or
       * "SVG element", then the id, then the line of its first definition. */
      add_problem (state, xmlGetLineNo (node), _("duplicate %s id “%s” (first defined at line %ld)"),
                   kind, id, (long)GPOINTER_TO_SIZE (first_line));
      return FALSE;
    }

  g_hash_table_insert (seen, (gpointer)id, GSIZE_TO_POINTER ((gsize)xmlGetLineNo (node)));
  return TRUE;
}

/* The schema has already checked the structure; what is left are the rules a
 * RELAX NG grammar cannot state: unique ids and references that resolve. */
static gboolean
collect_content (LoadState       *state,
                 xmlNodePtr       root,
                 LimberCatalogue *into)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) group_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) group_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) region_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) svg_ids = g_hash_table_new (g_str_hash, g_str_equal);
  xmlNodePtr section;
  guint before = state->problems->len;

  section = find_child (root, "groups");
  for (xmlNodePtr node = section ? section->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      if (!is_element (node, "group"))
        continue;

      id = get_attr (node, "id");
      name = get_child_text (node, "name");
      if (id == NULL || name == NULL)
        continue;

      g_ptr_array_add (groups, g_steal_pointer (&id));
      g_ptr_array_add (group_names, g_steal_pointer (&name));
      check_unique (state, group_ids, _("group"), g_ptr_array_index (groups, groups->len - 1), node);
    }

  section = find_child (root, "regions");
  for (xmlNodePtr node = section ? section->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *view_str = NULL;
      g_autofree char *side_str = NULL;
      g_autofree char *svg_id = NULL;
      g_autofree char *group = NULL;
      g_autofree char *name = NULL;
      LimberView view;
      LimberSide side;
      LimberRegion *region;
      gboolean ok = TRUE;

      if (!is_element (node, "region"))
        continue;

      id = get_attr (node, "id");
      view_str = get_attr (node, "view");
      side_str = get_attr (node, "side");
      svg_id = get_attr (node, "svg");
      group = get_attr (node, "group");
      name = get_child_text (node, "name");

      if (id == NULL || svg_id == NULL || group == NULL || name == NULL ||
          !limber_view_from_string (view_str, &view) ||
          !limber_side_from_string (side_str, &side))
        continue;

      if (!g_hash_table_contains (group_ids, group))
        {
          add_problem (state, xmlGetLineNo (node), _("region “%s” names the unknown group “%s”"), id, group);
          ok = FALSE;
        }

      region = limber_region_new (id, view, side, svg_id, group, name);
      g_ptr_array_add (regions, region);
      ok &= check_unique (state, region_ids, _("region"), limber_region_get_id (region), node);
      ok &= check_unique (state, svg_ids, _("SVG element"), limber_region_get_svg_id (region), node);
      if (!ok)
        continue;
    }

  if (state->problems->len > before)
    return FALSE;

  for (guint i = 0; i < groups->len; i++)
    limber_catalogue_add_group (into, g_ptr_array_index (groups, i), g_ptr_array_index (group_names, i));
  for (guint i = 0; i < regions->len; i++)
    limber_catalogue_add_region (into, g_ptr_array_index (regions, i));

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

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");

  ctxt->_private = &state;
  ctxt->sax->internalSubset = refuse_doctype_cb;
  ctxt->sax->serror = parser_error_cb;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  doc = xmlCtxtReadMemory (ctxt, data, (int)len, source_name, NULL, XML_PARSE_NONET);

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
