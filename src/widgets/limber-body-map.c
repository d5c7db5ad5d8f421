/* limber-body-map.c
 *
 * The figure is rendered once per size (and theme) into a texture; selection,
 * hover and focus are drawn on top of it from small per-region masks, so an
 * idle map costs nothing and hover costs one small redraw.
 *
 * Hit testing is exact to the drawn path: a pick buffer holds the current
 * view rendered with every selectable element in its own flat, unantialiased
 * colour; a tap reads one pixel. The buffer is rebuilt lazily after a resize.
 *
 * A marked region is filled in the theme's error colour and hatched, so it
 * stands apart from a selected one without relying on colour. The hatch is a
 * second mask per marked region, the region's mask with the gaps between
 * the stripes blacked out; like the first it holds no colour, so a change
 * of style only repaints, and a resize rebuilds both.
 *
 * Heat is a third state, a level per region drawn in a sequential ramp
 * through the same masks: it costs a repaint, never a new pick buffer.
 * A selected or marked region looks selected or marked whatever its heat,
 * so a selection always shows.
 *
 * A tap toggles a region on release, not on press, so that a long press
 * can open the region's context instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-body-map"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "limber-body-map.h"

/* Room beside the figure for the side markers, in logical pixels. */
#define MARKER_COLUMN 48
#define MARGIN        12
/* A thumbnail, as in the player: side markers still shown, smaller. */
#define COMPACT_MARKER_COLUMN 26
#define COMPACT_MARGIN        2
/* Width of the separating stroke the SVG draws around each region. */
#define REGION_STROKE "2.5"
/* Distance between the hatch's stripes across them, in logical pixels, and
 * how much of it a stripe takes. */
#define HATCH_PERIOD         7.
#define COMPACT_HATCH_PERIOD 4.
#define HATCH_STRIPE         0.45

typedef struct
{
  char          *id;
  char          *left_marker;
  char          *right_marker;
  RsvgRectangle  bounds;          /* in document units */
  gboolean       has_bounds;
} View;

typedef struct
{
  char          *element_id;
  char          *layer;           /* "#element_id" */
  char          *name;
  guint          view;
  guint          code;            /* colour in the pick buffer, 1-based */
  gboolean       selected;
  gboolean       marked;
  double         heat;            /* 0 to 1, or -1 for none */
  char          *description;     /* read after the region's state */

  RsvgRectangle  bounds;          /* ink bounds in document units */
  gboolean       has_bounds;

  GdkTexture    *mask;            /* fill white, separator black */
  GdkTexture    *hatch;           /* as @mask, white only on the stripes */
  graphene_rect_t mask_rect;      /* where @mask and @hatch go, logical pixels */
} Region;

struct _LimberBodyMap
{
  GtkWidget        parent_instance;

  GBytes          *svg;
  double           doc_width;
  double           doc_height;
  RsvgHandle      *display_handle;
  RsvgHandle      *mask_handle;
  RsvgHandle      *pick_handle;
  char            *display_css;

  GPtrArray       *views;         /* View */
  GPtrArray       *regions;       /* Region */
  GHashTable      *regions_by_id; /* element id -> Region */
  guint            view;

  gboolean         compact;

  /* Figure placement for the current allocation. */
  int              width;
  int              height;
  double           scale;
  graphene_rect_t  figure;        /* logical pixels */

  GdkTexture      *texture;
  int              texture_scale_factor;

  cairo_surface_t *pick;
  int              pick_x;
  int              pick_y;
  gboolean         pick_dirty;

  Region          *hover;
  Region          *focus;
  Region          *pressed;       /* toggles on release, unless held */
  double           pointer_x;
  double           pointer_y;

  char            *marked_label;

  GdkRGBA          accent;
  GdkRGBA          focus_color;
  GdkRGBA          hover_color;
  GdkRGBA          marked_color;
  GdkRGBA          stripe_color;
  double           heat_reach;    /* how far along the heat ramp 1 goes */

  GtkWidget       *name_label;
  GtkWidget       *left_label;
  GtkWidget       *right_label;
};

G_DEFINE_FINAL_TYPE (LimberBodyMap, limber_body_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_FOCUS_REGION,
  PROP_HOVER_REGION,
  PROP_MARKED_LABEL,
  N_PROPS
};

enum {
  REGION_TOGGLED,
  REGION_CONTEXT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
view_free (gpointer data)
{
  View *view = data;

  g_free (view->id);
  g_free (view->left_marker);
  g_free (view->right_marker);
  g_free (view);
}

static void
region_free (gpointer data)
{
  Region *region = data;

  g_free (region->element_id);
  g_free (region->layer);
  g_free (region->name);
  g_free (region->description);
  g_clear_object (&region->mask);
  g_clear_object (&region->hatch);
  g_free (region);
}

/* NULL for NULL or an id the map does not know. */
static Region *
find_region (LimberBodyMap *self,
             const char    *element_id)
{
  return element_id != NULL ? g_hash_table_lookup (self->regions_by_id, element_id) : NULL;
}

static View *
current_view (LimberBodyMap *self)
{
  if (self->view >= self->views->len)
    return NULL;

  return g_ptr_array_index (self->views, self->view);
}

static RsvgHandle *
create_handle (GBytes      *svg,
               const char  *css,
               GError     **error)
{
  RsvgHandle *handle = rsvg_handle_new_with_flags (RSVG_HANDLE_FLAGS_NONE);
  g_autoptr(GInputStream) stream = NULL;

  /* No base file: the SVG cannot reference anything outside itself. */
  stream = g_memory_input_stream_new_from_bytes (svg);
  if (!rsvg_handle_read_stream_sync (handle, stream, NULL, error))
    {
      g_object_unref (handle);
      return NULL;
    }

  /* librsvg 2.54 takes a user stylesheet only once the document is loaded,
   * and cascades again. */
  if (css != NULL && !rsvg_handle_set_stylesheet (handle, (const guint8 *)css, strlen (css), error))
    {
      g_object_unref (handle);
      return NULL;
    }

  rsvg_handle_set_dpi (handle, 96.0);
  return handle;
}

static void
append_rgba (GString       *css,
             const GdkRGBA *rgba)
{
  g_string_append_printf (css, "#%02x%02x%02x",
                          (int)lround (CLAMP (rgba->red, 0., 1.) * 255.),
                          (int)lround (CLAMP (rgba->green, 0., 1.) * 255.),
                          (int)lround (CLAMP (rgba->blue, 0., 1.) * 255.));
}

static GdkRGBA
mix (const GdkRGBA *under,
     const GdkRGBA *over,
     double         amount)
{
  double a = over->alpha * amount;

  return (GdkRGBA) {
    under->red * (1. - a) + over->red * a,
    under->green * (1. - a) + over->green * a,
    under->blue * (1. - a) + over->blue * a,
    1.,
  };
}

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  return gtk_style_context_lookup_color (context, name, color);
}

/* The figure takes its tones from the theme, so it is right in light and
 * dark style and in high contrast. */
static char *
build_display_css (LimberBodyMap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA bg = { 0.98, 0.98, 0.98, 1. };
  GdkRGBA fg = { 0., 0., 0., 0.8 };
  GdkRGBA body, region, detail;
  GString *css = g_string_new (NULL);

  lookup_color (widget, "window_bg_color", &bg);
  lookup_color (widget, "window_fg_color", &fg);

  body = mix (&bg, &fg, 0.10);
  region = mix (&bg, &fg, 0.25);
  detail = mix (&bg, &fg, 0.35);

  g_string_append (css, ".body { fill: ");
  append_rgba (css, &body);
  g_string_append (css, " !important; stroke: none !important; }\n.region { fill: ");
  append_rgba (css, &region);
  g_string_append (css, " !important; stroke: ");
  append_rgba (css, &bg);
  g_string_append (css, " !important; stroke-width: " REGION_STROKE " !important; }\n.detail { stroke: ");
  append_rgba (css, &detail);
  g_string_append (css, " !important; }\n");

  return g_string_free (css, FALSE);
}

static void
update_colors (LimberBodyMap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA bg;

  if (!lookup_color (widget, "accent_bg_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#3584e4");
  if (!lookup_color (widget, "accent_color", &self->focus_color))
    self->focus_color = self->accent;

  self->hover_color = self->accent;
  self->hover_color.alpha = 0.4;
  self->focus_color.alpha = 0.5;

  if (!lookup_color (widget, "error_bg_color", &self->marked_color))
    gdk_rgba_parse (&self->marked_color, "#e01b24");
  if (!lookup_color (widget, "error_fg_color", &self->stripe_color))
    self->stripe_color = (GdkRGBA) { 1, 1, 1, 1 };
  self->stripe_color.alpha = 0.6;

  /* On a dark figure the ramp's last, darkest red would be no lighter than
   * the figure around it: stop short of it. */
  if (!lookup_color (widget, "window_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  self->heat_reach = 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue < 0.5 ? 0.85 : 1.;
}

static void
invalidate_masks (LimberBodyMap *self)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);

      g_clear_object (&region->mask);
      g_clear_object (&region->hatch);
    }
}

static void
invalidate_rendering (LimberBodyMap *self)
{
  g_clear_object (&self->texture);
  invalidate_masks (self);
  self->pick_dirty = TRUE;
}

static void
ensure_view_bounds (LimberBodyMap *self,
                    View          *view)
{
  RsvgRectangle doc = { 0, 0, self->doc_width, self->doc_height };
  g_autofree char *layer = NULL;
  g_autoptr(GError) error = NULL;
  RsvgRectangle logical;

  if (view->has_bounds || self->display_handle == NULL)
    return;

  layer = g_strconcat ("#", view->id, NULL);
  if (!rsvg_handle_get_geometry_for_layer (self->display_handle, layer, &doc,
                                           &view->bounds, &logical, &error))
    {
      g_warning ("The body map has no view “%s”: %s", view->id, error->message);
      view->bounds = doc;
    }

  view->has_bounds = TRUE;
}

static void
ensure_region_bounds (LimberBodyMap *self,
                      Region        *region)
{
  RsvgRectangle doc = { 0, 0, self->doc_width, self->doc_height };
  g_autoptr(GError) error = NULL;
  RsvgRectangle logical;

  if (region->has_bounds || self->display_handle == NULL)
    return;

  if (!rsvg_handle_get_geometry_for_layer (self->display_handle, region->layer, &doc,
                                           &region->bounds, &logical, &error))
    {
      g_warning ("The body map has no element “%s”: %s", region->element_id, error->message);
      region->bounds = (RsvgRectangle) { 0, 0, 0, 0 };
    }

  region->has_bounds = TRUE;
}

/* Fits the current view into @width x @height, leaving room for the markers. */
static int
get_marker_column (LimberBodyMap *self)
{
  return self->compact ? COMPACT_MARKER_COLUMN : MARKER_COLUMN;
}

static int
get_margin (LimberBodyMap *self)
{
  return self->compact ? COMPACT_MARGIN : MARGIN;
}

static void
compute_placement (LimberBodyMap *self,
                   int            width,
                   int            height)
{
  View *view = current_view (self);
  double avail_w, avail_h, s, w, h;

  self->width = width;
  self->height = height;

  if (view == NULL || self->display_handle == NULL)
    {
      self->scale = 0;
      self->figure = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      return;
    }

  ensure_view_bounds (self, view);

  avail_w = MAX (1, width - 2 * (get_marker_column (self) + get_margin (self)));
  avail_h = MAX (1, height - 2 * get_margin (self));
  s = MIN (avail_w / MAX (1., view->bounds.width), avail_h / MAX (1., view->bounds.height));
  w = ceil (view->bounds.width * s);
  h = ceil (view->bounds.height * s);

  self->scale = s;
  self->figure = GRAPHENE_RECT_INIT (floor ((width - w) / 2), floor ((height - h) / 2), w, h);
}

static RsvgRectangle
document_viewport (LimberBodyMap *self)
{
  View *view = current_view (self);

  if (view == NULL)
    return (RsvgRectangle) { 0, 0, 0, 0 };

  return (RsvgRectangle) {
    self->figure.origin.x - view->bounds.x * self->scale,
    self->figure.origin.y - view->bounds.y * self->scale,
    self->doc_width * self->scale,
    self->doc_height * self->scale,
  };
}

/**
 * limber_body_map_get_document_viewport:
 *
 * Where the whole SVG document lies in widget coordinates for the current
 * size and view, so that callers can relate document geometry to taps.
 */
gboolean
limber_body_map_get_document_viewport (LimberBodyMap *self,
                                       RsvgRectangle *viewport)
{
  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), FALSE);

  if (self->scale <= 0)
    return FALSE;

  *viewport = document_viewport (self);
  return TRUE;
}

/**
 * limber_body_map_render_figure:
 *
 * Draws the current view as it would appear at @width x @height.
 */
void
limber_body_map_render_figure (LimberBodyMap *self,
                               cairo_t       *cr,
                               int            width,
                               int            height)
{
  g_autoptr(GError) error = NULL;
  RsvgRectangle viewport;
  View *view = current_view (self);

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  if (width != self->width || height != self->height)
    {
      compute_placement (self, width, height);
      invalidate_rendering (self);
    }

  if (view == NULL || self->scale <= 0)
    return;

  viewport = document_viewport (self);
  {
    g_autofree char *layer = g_strconcat ("#", view->id, NULL);

    if (!rsvg_handle_render_layer (self->display_handle, cr, layer, &viewport, &error))
      g_warning ("Could not draw the body map: %s", error->message);
  }
}

/* Takes @surface, which must be an image surface. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize)stride * height,
                                      (GDestroyNotify)cairo_surface_destroy, surface);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
ensure_texture (LimberBodyMap *self)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int w, h;

  if (self->texture != NULL && self->texture_scale_factor == scale_factor)
    return;

  /* The region masks are drawn at the old scale too. */
  if (self->texture != NULL)
    invalidate_masks (self);

  g_clear_object (&self->texture);
  if (self->scale <= 0)
    return;

  w = (int)self->figure.size.width * scale_factor;
  h = (int)self->figure.size.height * scale_factor;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_factor, scale_factor);
  cairo_translate (cr, -self->figure.origin.x, -self->figure.origin.y);
  limber_body_map_render_figure (self, cr, self->width, self->height);
  cairo_destroy (cr);

  self->texture = texture_for_surface (surface);
  self->texture_scale_factor = scale_factor;
}

static char *
escape_css_id (const char *id)
{
  GString *out = g_string_new (NULL);

  for (const char *p = id; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
build_pick_css (LimberBodyMap *self)
{
  GString *css;

  /* Every region in its own flat colour, everything else black (code 0). */
  css = g_string_new ("* { fill: #000000 !important; stroke: none !important; "
                      "opacity: 1 !important; fill-opacity: 1 !important; "
                      "shape-rendering: crispEdges !important; }\n");
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);
      g_autofree char *escaped = escape_css_id (region->element_id);

      g_string_append_printf (css, "#%s { fill: #00%02x%02x !important; }\n",
                              escaped, (region->code >> 8) & 0xff, region->code & 0xff);
    }

  return g_string_free (css, FALSE);
}

/* The pick and mask renderings need handles of their own, with their own
 * stylesheets; they are made on first use so that start-up parses the SVG
 * once. */
static RsvgHandle *
ensure_pick_handle (LimberBodyMap *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *css = NULL;

  if (self->pick_handle != NULL || self->svg == NULL)
    return self->pick_handle;

  css = build_pick_css (self);
  self->pick_handle = create_handle (self->svg, css, &error);
  if (self->pick_handle == NULL)
    g_warning ("Could not prepare the body map for taps: %s", error->message);

  return self->pick_handle;
}

static RsvgHandle *
ensure_mask_handle (LimberBodyMap *self)
{
  g_autoptr(GError) error = NULL;

  if (self->mask_handle != NULL || self->svg == NULL)
    return self->mask_handle;

  self->mask_handle = create_handle (self->svg,
                                     "* { fill: #ffffff !important; stroke: #000000 !important; "
                                     "stroke-width: " REGION_STROKE " !important; opacity: 1 !important; }",
                                     &error);
  if (self->mask_handle == NULL)
    g_warning ("Could not prepare the body map highlights: %s", error->message);

  return self->mask_handle;
}

/**
 * limber_body_map_rebuild_pick_buffer:
 *
 * Renders the pick buffer for a @width x @height allocation. Called lazily
 * on the first tap or hover after a resize; public for the benchmark.
 */
void
limber_body_map_rebuild_pick_buffer (LimberBodyMap *self,
                                     int            width,
                                     int            height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *layer = NULL;
  RsvgRectangle viewport;
  View *view;
  cairo_t *cr;
  int w, h;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  if (width != self->width || height != self->height)
    {
      compute_placement (self, width, height);
      invalidate_rendering (self);
    }

  g_clear_pointer (&self->pick, cairo_surface_destroy);
  self->pick_dirty = FALSE;

  view = current_view (self);
  if (view == NULL || self->scale <= 0 || ensure_pick_handle (self) == NULL)
    return;

  w = (int)self->figure.size.width;
  h = (int)self->figure.size.height;
  self->pick_x = (int)self->figure.origin.x;
  self->pick_y = (int)self->figure.origin.y;
  self->pick = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);

  cr = cairo_create (self->pick);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_translate (cr, -self->pick_x, -self->pick_y);
  viewport = document_viewport (self);
  layer = g_strconcat ("#", view->id, NULL);
  if (!rsvg_handle_render_layer (self->pick_handle, cr, layer, &viewport, &error))
    g_warning ("Could not build the body map's pick buffer: %s", error->message);
  cairo_destroy (cr);
  cairo_surface_flush (self->pick);
}

static Region *
pick_region (LimberBodyMap *self,
             double         x,
             double         y)
{
  const guint32 *row;
  guint code;
  int px, py;

  if (self->pick_dirty || self->pick == NULL)
    limber_body_map_rebuild_pick_buffer (self, self->width, self->height);

  if (self->pick == NULL)
    return NULL;

  px = (int)floor (x) - self->pick_x;
  py = (int)floor (y) - self->pick_y;
  if (px < 0 || py < 0 ||
      px >= cairo_image_surface_get_width (self->pick) ||
      py >= cairo_image_surface_get_height (self->pick))
    return NULL;

  row = (const guint32 *)(cairo_image_surface_get_data (self->pick) +
                          (gsize)py * cairo_image_surface_get_stride (self->pick));
  code = row[px] & 0xffff;
  if (code == 0 || code > self->regions->len)
    return NULL;

  return g_ptr_array_index (self->regions, code - 1);
}

/**
 * limber_body_map_pick:
 *
 * Returns: (nullable): the element id of the region drawn at @x, @y.
 */
const char *
limber_body_map_pick (LimberBodyMap *self,
                      double         x,
                      double         y)
{
  Region *region;

  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), NULL);

  region = pick_region (self, x, y);
  return region ? region->element_id : NULL;
}

/* Draws @region alone as a mask (fill white, separating stroke black) at
 * the widget's scale, and says in @rect where it goes. */
static cairo_surface_t *
render_region_mask (LimberBodyMap   *self,
                    Region          *region,
                    graphene_rect_t *rect)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  RsvgRectangle viewport;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double x, y;
  int w, h;

  ensure_region_bounds (self, region);
  viewport = document_viewport (self);

  x = floor (viewport.x + region->bounds.x * self->scale) - 1;
  y = floor (viewport.y + region->bounds.y * self->scale) - 1;
  w = (int)ceil (region->bounds.width * self->scale) + 3;
  h = (int)ceil (region->bounds.height * self->scale) + 3;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w * scale_factor, h * scale_factor);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_factor, scale_factor);
  cairo_translate (cr, -x, -y);
  if (!rsvg_handle_render_layer (self->mask_handle, cr, region->layer, &viewport, &error))
    g_warning ("Could not draw region “%s”: %s", region->element_id, error->message);
  cairo_destroy (cr);

  *rect = GRAPHENE_RECT_INIT (x, y, w, h);
  return surface;
}

static void
ensure_mask (LimberBodyMap *self,
             Region        *region)
{
  if (region->mask != NULL || self->scale <= 0 || ensure_mask_handle (self) == NULL)
    return;

  region->mask = texture_for_surface (render_region_mask (self, region, &region->mask_rect));
}

/* Stripes rise to the right at 45 degrees and line up across regions, as
 * they are laid out in widget coordinates: two marked neighbours read as
 * one hatched area. */
static void
ensure_hatch (LimberBodyMap *self,
              Region        *region)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  graphene_rect_t rect;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double period = self->compact ? COMPACT_HATCH_PERIOD : HATCH_PERIOD;
  double step = period * G_SQRT2;
  double top, bottom, first, last;

  ensure_mask (self, region);
  if (region->hatch != NULL || region->mask == NULL)
    return;

  surface = render_region_mask (self, region, &rect);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_factor, scale_factor);
  cairo_translate (cr, -rect.origin.x, -rect.origin.y);

  /* Black out the gaps: what stays white is fill under a stripe. Each gap
   * is the line x + y = c, drawn as wide as the gap. */
  top = rect.origin.y - period;
  bottom = rect.origin.y + rect.size.height + period;
  first = floor ((rect.origin.x + top) / step) * step;
  last = rect.origin.x + rect.size.width + bottom;
  for (double c = first; c <= last; c += step)
    {
      cairo_move_to (cr, c - top, top);
      cairo_line_to (cr, c - bottom, bottom);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, period * (1. - HATCH_STRIPE));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);
  cairo_destroy (cr);

  region->hatch = texture_for_surface (surface);
}

/* A mask is white where the region's fill shows and black where its
 * separating stroke is; this matrix turns that brightness into coverage and
 * paints it in @color. */
static void
snapshot_mask (GtkSnapshot           *snapshot,
               GdkTexture            *mask,
               const graphene_rect_t *rect,
               const GdkRGBA         *color)
{
  graphene_matrix_t matrix;
  graphene_vec4_t offset;

  graphene_matrix_init_from_float (&matrix, (float[16]) {
                                     0, 0, 0, color->alpha,
                                     0, 0, 0, 0,
                                     0, 0, 0, 0,
                                     0, 0, 0, 0,
                                   });
  graphene_vec4_init (&offset, color->red, color->green, color->blue, 0);

  gtk_snapshot_push_color_matrix (snapshot, &matrix, &offset);
  gtk_snapshot_append_texture (snapshot, mask, rect);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_region (LimberBodyMap  *self,
                 GtkSnapshot    *snapshot,
                 Region         *region,
                 const GdkRGBA  *color)
{
  ensure_mask (self, region);
  if (region->mask != NULL)
    snapshot_mask (snapshot, region->mask, &region->mask_rect, color);
}

/* ColorBrewer's YlOrRd ramp: pale yellow through orange to deep red. Its
 * lightness falls all the way along, so more heat reads as darker as well
 * as redder, without telling hues apart. */
static GdkRGBA
heat_color (double level)
{
  static const float stops[][3] = {
    { 1.000, 0.929, 0.627 },
    { 0.996, 0.698, 0.298 },
    { 0.988, 0.306, 0.165 },
    { 0.741, 0.000, 0.149 },
    { 0.502, 0.000, 0.149 },
  };
  double t = CLAMP (level, 0., 1.) * (G_N_ELEMENTS (stops) - 1);
  guint i = MIN ((guint)floor (t), G_N_ELEMENTS (stops) - 2);
  double f = t - i;

  return (GdkRGBA) {
    stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f,
    stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f,
    stops[i][2] + (stops[i + 1][2] - stops[i][2]) * f,
    1.,
  };
}

static void
snapshot_marked_region (LimberBodyMap *self,
                        GtkSnapshot   *snapshot,
                        Region        *region)
{
  snapshot_region (self, snapshot, region, &self->marked_color);

  ensure_hatch (self, region);
  if (region->hatch != NULL)
    snapshot_mask (snapshot, region->hatch, &region->mask_rect, &self->stripe_color);
}

static gboolean
focus_is_visible (LimberBodyMap *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return gtk_widget_has_focus (GTK_WIDGET (self)) &&
         GTK_IS_WINDOW (root) &&
         gtk_window_get_focus_visible (GTK_WINDOW (root));
}

static void
limber_body_map_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LimberBodyMap *self = LIMBER_BODY_MAP (widget);
  View *view = current_view (self);

  if (view == NULL)
    return;

  ensure_texture (self);
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &self->figure);

  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);

      if (region->view != self->view)
        continue;

      if (region->marked)
        snapshot_marked_region (self, snapshot, region);
      else if (region->selected)
        snapshot_region (self, snapshot, region, &self->accent);
      else if (region->heat >= 0)
        {
          GdkRGBA color = heat_color (region->heat * self->heat_reach);

          snapshot_region (self, snapshot, region, &color);
        }
    }

  /* A region already in colour is lightened, not tinted: the accent over
   * heat or over the error colour would read as a third colour. */
  if (self->hover != NULL && self->hover->view == self->view)
    {
      GdkRGBA color = self->hover_color;

      if (self->hover->selected || self->hover->marked || self->hover->heat >= 0)
        color = (GdkRGBA) { 1, 1, 1, 0.25 };
      snapshot_region (self, snapshot, self->hover, &color);
    }

  if (self->focus != NULL && self->focus->view == self->view && focus_is_visible (self))
    {
      GskRoundedRect ring;
      graphene_rect_t bounds;
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4] = { self->focus_color, self->focus_color, self->focus_color, self->focus_color };

      ensure_mask (self, self->focus);
      if (!self->focus->selected && !self->focus->marked && self->focus->heat < 0)
        {
          GdkRGBA tint = self->focus_color;

          tint.alpha = 0.25;
          snapshot_region (self, snapshot, self->focus, &tint);
        }

      graphene_rect_inset_r (&self->focus->mask_rect, -3, -3, &bounds);
      gsk_rounded_rect_init_from_rect (&ring, &bounds, 8);
      gtk_snapshot_append_border (snapshot, &ring, widths, colors);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
allocate_label (GtkWidget *label,
                double     x,
                double     y,
                int        width,
                int        height)
{
  int min_w, nat_w, min_h, nat_h;
  GtkAllocation allocation;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  nat_w = MIN (nat_w, width);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, nat_w, &min_h, &nat_h, NULL, NULL);

  allocation.width = MAX (min_w, nat_w);
  allocation.height = nat_h;
  allocation.x = (int)CLAMP (x - allocation.width / 2., 0, MAX (0, width - allocation.width));
  allocation.y = (int)CLAMP (y - allocation.height / 2., 0, MAX (0, height - allocation.height));

  gtk_widget_size_allocate (label, &allocation, -1);
}

static void
limber_body_map_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LimberBodyMap *self = LIMBER_BODY_MAP (widget);
  double marker_y;

  if (width != self->width || height != self->height)
    {
      compute_placement (self, width, height);
      invalidate_rendering (self);
    }

  marker_y = self->figure.origin.y + self->figure.size.height * 0.2;
  allocate_label (self->left_label, self->figure.origin.x - get_marker_column (self) / 2., marker_y, width, height);
  allocate_label (self->right_label,
                  self->figure.origin.x + self->figure.size.width + get_marker_column (self) / 2.,
                  marker_y, width, height);

  if (gtk_widget_get_visible (self->name_label))
    {
      double x = self->pointer_x;
      double y = self->pointer_y - 36;

      if (self->hover == NULL && self->focus != NULL && self->scale > 0)
        {
          RsvgRectangle viewport = document_viewport (self);

          ensure_region_bounds (self, self->focus);
          x = viewport.x + (self->focus->bounds.x + self->focus->bounds.width / 2) * self->scale;
          y = viewport.y + self->focus->bounds.y * self->scale - 24;
        }

      allocate_label (self->name_label, x, y, width, height);
    }
}

static void
limber_body_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LimberBodyMap *self = LIMBER_BODY_MAP (widget);
  int sides = 2 * (get_marker_column (self) + get_margin (self));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = sides + (self->compact ? 40 : 120);
      *natural = sides + (self->compact ? 80 : 360);
    }
  else
    {
      *minimum = self->compact ? 120 : 260;
      *natural = self->compact ? 180 : 720;
    }
}

static void
update_accessible_description (LimberBodyMap *self)
{
  g_autofree char *description = NULL;
  g_autofree char *state = NULL;

  if (self->focus == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  if (self->focus->marked)
    {
      const char *marked = self->marked_label;

      if (marked == NULL || *marked == '\0')
        /* TRANSLATORS: read by a screen reader after a region's name and state, for a
         * region a page has marked without saying what the mark means */
        marked = _("marked");

      if (self->focus->selected)
        /* TRANSLATORS: read by a screen reader; the first %s is a body region such as
         * "Left calf", the second what the page marks it as, such as "injured" */
        description = g_strdup_printf (_("%s, selected, %s"), self->focus->name, marked);
      else
        /* TRANSLATORS: read by a screen reader; the first %s is a body region such as
         * "Left calf", the second what the page marks it as, such as "injured" */
        description = g_strdup_printf (_("%s, not selected, %s"), self->focus->name, marked);
    }
  else if (self->focus->selected)
    /* TRANSLATORS: read by a screen reader; %s is a body region such as "Left calf" */
    description = g_strdup_printf (_("%s, selected"), self->focus->name);
  else
    /* TRANSLATORS: read by a screen reader; %s is a body region such as "Left calf" */
    description = g_strdup_printf (_("%s, not selected"), self->focus->name);

  if (self->focus->description != NULL)
    {
      state = g_steal_pointer (&description);
      /* TRANSLATORS: read by a screen reader; the first %s is a body region and its
       * state, such as "Left calf, not selected", the second what the page says of
       * the region, such as "Soreness 6.3 of 10 on average in the last four weeks" */
      description = g_strdup_printf (_("%s, %s"), state, self->focus->description);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_name_label (LimberBodyMap *self)
{
  Region *shown = self->hover;

  if (shown == NULL && focus_is_visible (self))
    shown = self->focus;

  if (shown != NULL && shown->view == self->view)
    {
      gtk_label_set_text (GTK_LABEL (self->name_label), shown->name);
      gtk_widget_set_visible (self->name_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->name_label, FALSE);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_hover (LimberBodyMap *self,
           Region        *region)
{
  if (self->hover == region)
    {
      if (region != NULL)
        gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  self->hover = region;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), region ? "pointer" : NULL);
  update_name_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVER_REGION]);
}

static void
set_focus (LimberBodyMap *self,
           Region        *region)
{
  if (self->focus == region)
    return;

  self->focus = region;
  update_accessible_description (self);
  update_name_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_REGION]);
}

static void
toggle_region (LimberBodyMap *self,
               Region        *region)
{
  region->selected = !region->selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (region == self->focus)
    update_accessible_description (self);

  g_signal_emit (self, signals[REGION_TOGGLED], 0, region->element_id, region->selected);
}

static void
emit_context (LimberBodyMap *self,
              Region        *region,
              double         x,
              double         y)
{
  g_signal_emit (self, signals[REGION_CONTEXT], 0, region->element_id, x, y);
}

static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               LimberBodyMap   *self)
{
  Region *region = pick_region (self, x, y);

  self->pressed = region;
  if (region == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_focus (self, region);
}

/* Like a button: the press and the release must land on the same region. */
static void
on_released_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                LimberBodyMap   *self)
{
  Region *region = g_steal_pointer (&self->pressed);

  if (region != NULL && region == pick_region (self, x, y))
    toggle_region (self, region);
}

static void
on_secondary_pressed_cb (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         LimberBodyMap   *self)
{
  Region *region = pick_region (self, x, y);

  if (region == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  set_focus (self, region);
  emit_context (self, region, x, y);
}

/* A held press opens the context instead of toggling: forgetting the
 * pressed region leaves the release nothing to toggle. */
static void
on_long_pressed_cb (GtkGestureLongPress *gesture,
                    double               x,
                    double               y,
                    LimberBodyMap       *self)
{
  Region *region = pick_region (self, x, y);

  if (region == NULL)
    return;

  self->pressed = NULL;
  set_focus (self, region);
  emit_context (self, region, x, y);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              LimberBodyMap            *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  set_hover (self, pick_region (self, x, y));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             LimberBodyMap            *self)
{
  set_hover (self, NULL);
}

static Region *
first_region_of_view (LimberBodyMap *self)
{
  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);

      if (region->view == self->view)
        return region;
    }

  return NULL;
}

/* The spatially nearest region in a direction: candidates must lie ahead,
 * and sideways distance weighs more than distance ahead, so Down from a
 * thigh lands on the shin below rather than on the other thigh. */
static Region *
find_neighbour (LimberBodyMap *self,
                Region        *from,
                double         dx,
                double         dy)
{
  Region *best = NULL;
  double best_score = G_MAXDOUBLE;
  double fx, fy;

  ensure_region_bounds (self, from);
  fx = from->bounds.x + from->bounds.width / 2;
  fy = from->bounds.y + from->bounds.height / 2;

  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);
      double cx, cy, ahead, aside, score;

      if (region == from || region->view != from->view)
        continue;

      ensure_region_bounds (self, region);
      cx = region->bounds.x + region->bounds.width / 2 - fx;
      cy = region->bounds.y + region->bounds.height / 2 - fy;
      ahead = cx * dx + cy * dy;
      aside = fabs (cx * dy - cy * dx);

      if (ahead <= 0.5)
        continue;

      score = ahead + 2.5 * aside;
      if (score < best_score)
        {
          best_score = score;
          best = region;
        }
    }

  return best;
}

/* For the keyboard, which has no point: the middle of the region's box, or
 * of the widget before the first layout. */
static void
emit_context_at_centre (LimberBodyMap *self,
                        Region        *region)
{
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.;

  if (self->scale > 0)
    {
      RsvgRectangle viewport = document_viewport (self);

      ensure_region_bounds (self, region);
      x = viewport.x + (region->bounds.x + region->bounds.width / 2) * self->scale;
      y = viewport.y + (region->bounds.y + region->bounds.height / 2) * self->scale;
    }

  emit_context (self, region, x, y);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   LimberBodyMap         *self)
{
  Region *next = NULL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (self->focus == NULL || self->focus->view != self->view)
    set_focus (self, first_region_of_view (self));
  if (self->focus == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      next = find_neighbour (self, self->focus, -1, 0);
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      next = find_neighbour (self, self->focus, 1, 0);
      break;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = find_neighbour (self, self->focus, 0, -1);
      break;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = find_neighbour (self, self->focus, 0, 1);
      break;

    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      toggle_region (self, self->focus);
      return GDK_EVENT_STOP;

    case GDK_KEY_F10:
      if (!(state & GDK_SHIFT_MASK))
        return GDK_EVENT_PROPAGATE;
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Menu:
      emit_context_at_centre (self, self->focus);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (next != NULL)
    set_focus (self, next);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   LimberBodyMap           *self)
{
  if (self->focus == NULL || self->focus->view != self->view)
    set_focus (self, first_region_of_view (self));
  update_name_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   LimberBodyMap           *self)
{
  update_name_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
limber_body_map_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  LimberBodyMap *self = LIMBER_BODY_MAP (widget);
  g_autofree char *css = NULL;

  GTK_WIDGET_CLASS (limber_body_map_parent_class)->css_changed (widget, change);

  update_colors (self);

  if (self->svg == NULL)
    return;

  css = build_display_css (self);
  if (g_strcmp0 (css, self->display_css) != 0)
    {
      g_autoptr(GError) error = NULL;
      RsvgHandle *handle = create_handle (self->svg, css, &error);

      if (handle == NULL)
        {
          g_warning ("Could not restyle the body map: %s", error->message);
          return;
        }

      g_set_object (&self->display_handle, handle);
      g_object_unref (handle);
      g_free (self->display_css);
      self->display_css = g_steal_pointer (&css);
      g_clear_object (&self->texture);
    }

  gtk_widget_queue_draw (widget);
}

static void
limber_body_map_dispose (GObject *object)
{
  LimberBodyMap *self = (LimberBodyMap *)object;

  g_clear_pointer (&self->name_label, gtk_widget_unparent);
  g_clear_pointer (&self->left_label, gtk_widget_unparent);
  g_clear_pointer (&self->right_label, gtk_widget_unparent);

  G_OBJECT_CLASS (limber_body_map_parent_class)->dispose (object);
}

static void
limber_body_map_finalize (GObject *object)
{
  LimberBodyMap *self = (LimberBodyMap *)object;

  g_clear_pointer (&self->svg, g_bytes_unref);
  g_clear_object (&self->display_handle);
  g_clear_object (&self->mask_handle);
  g_clear_object (&self->pick_handle);
  g_clear_pointer (&self->display_css, g_free);
  g_clear_pointer (&self->marked_label, g_free);
  g_clear_pointer (&self->regions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->pick, cairo_surface_destroy);

  G_OBJECT_CLASS (limber_body_map_parent_class)->finalize (object);
}

static void
limber_body_map_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberBodyMap *self = LIMBER_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, limber_body_map_get_view (self));
      break;

    case PROP_FOCUS_REGION:
      g_value_set_string (value, limber_body_map_get_focus_region (self));
      break;

    case PROP_HOVER_REGION:
      g_value_set_string (value, limber_body_map_get_hover_region (self));
      break;

    case PROP_MARKED_LABEL:
      g_value_set_string (value, limber_body_map_get_marked_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_body_map_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LimberBodyMap *self = LIMBER_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      limber_body_map_set_view (self, g_value_get_string (value));
      break;

    case PROP_MARKED_LABEL:
      limber_body_map_set_marked_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_body_map_class_init (LimberBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_body_map_dispose;
  object_class->finalize = limber_body_map_finalize;
  object_class->get_property = limber_body_map_get_property;
  object_class->set_property = limber_body_map_set_property;

  widget_class->snapshot = limber_body_map_snapshot;
  widget_class->size_allocate = limber_body_map_size_allocate;
  widget_class->measure = limber_body_map_measure;
  widget_class->css_changed = limber_body_map_css_changed;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOCUS_REGION] =
    g_param_spec_string ("focus-region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVER_REGION] =
    g_param_spec_string ("hover-region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * LimberBodyMap:marked-label:
   *
   * What a marked region is, as a screen reader says it after the region's
   * name and state, such as "injured"; "marked" when unset.
   */
  properties[PROP_MARKED_LABEL] =
    g_param_spec_string ("marked-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberBodyMap::region-toggled:
   * @element_id: the region's SVG element id
   * @selected: its new state
   *
   * The person tapped, clicked or pressed Space on a region.
   */
  signals[REGION_TOGGLED] =
    g_signal_new ("region-toggled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  /**
   * LimberBodyMap::region-context:
   * @element_id: the region's SVG element id
   * @x: where to point a menu or popover, in widget coordinates
   * @y: where to point a menu or popover, in widget coordinates
   *
   * The person asked for more about a region: a right click, a long press
   * (which does not toggle it), or Menu or Shift+F10 on the focused region,
   * for which @x, @y is the middle of the region.
   */
  signals[REGION_CONTEXT] =
    g_signal_new ("region-context",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
create_label (LimberBodyMap *self,
              const char    *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_can_target (label, FALSE);
  gtk_widget_set_direction (label, GTK_TEXT_DIR_LTR);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return label;
}

static void
limber_body_map_init (LimberBodyMap *self)
{
  GtkEventController *controller;
  GtkGesture *click, *gesture;

  self->views = g_ptr_array_new_with_free_func (view_free);
  self->regions = g_ptr_array_new_with_free_func (region_free);
  self->regions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->pick_dirty = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  /* A body never mirrors: in a right-to-left language the person's left
   * stays where it is drawn, and so do the side markers. */
  gtk_widget_set_direction (GTK_WIDGET (self), GTK_TEXT_DIR_LTR);

  self->name_label = create_label (self, "region-name");
  gtk_widget_set_visible (self->name_label, FALSE);
  self->left_label = create_label (self, "side-marker");
  self->right_label = create_label (self, "side-marker");

  /* Touch and mouse alike: a click gesture takes both. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (click), FALSE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* In one group with the click, or the click's claim on a press would
   * deny the long press its sequence. */
  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), FALSE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  gtk_gesture_group (gesture, click);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_colors (self);
}

GtkWidget *
limber_body_map_new (void)
{
  return g_object_new (LIMBER_TYPE_BODY_MAP, NULL);
}

/**
 * limber_body_map_set_svg:
 *
 * Sets the artwork. Views are top-level groups of the SVG and regions are
 * elements in them, both named by id; see limber_body_map_add_view() and
 * limber_body_map_add_region().
 */
gboolean
limber_body_map_set_svg (LimberBodyMap  *self,
                         GBytes         *svg,
                         GError        **error)
{
  RsvgHandle *display;
  g_autofree char *css = NULL;
  double width, height;

  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), FALSE);
  g_return_val_if_fail (svg != NULL, FALSE);

  css = build_display_css (self);
  display = create_handle (svg, css, error);
  if (display == NULL)
    return FALSE;

  if (!rsvg_handle_get_intrinsic_size_in_pixels (display, &width, &height) || width <= 0 || height <= 0)
    {
      g_object_unref (display);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The body map SVG has no width and height");
      return FALSE;
    }

  g_clear_pointer (&self->svg, g_bytes_unref);
  self->svg = g_bytes_ref (svg);
  self->doc_width = width;
  self->doc_height = height;
  g_clear_object (&self->display_handle);
  self->display_handle = display;
  g_free (self->display_css);
  self->display_css = g_steal_pointer (&css);
  g_clear_object (&self->mask_handle);
  g_clear_object (&self->pick_handle);

  for (guint i = 0; i < self->views->len; i++)
    ((View *)g_ptr_array_index (self->views, i))->has_bounds = FALSE;
  for (guint i = 0; i < self->regions->len; i++)
    ((Region *)g_ptr_array_index (self->regions, i))->has_bounds = FALSE;

  self->width = self->height = -1;
  invalidate_rendering (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  return TRUE;
}

/**
 * limber_body_map_add_view:
 * @view_id: the id of a top-level group in the SVG
 * @left_marker: the short label shown on the viewer's left of this view
 * @right_marker: the short label shown on the viewer's right
 *
 * Adds a view; the first one added is shown until limber_body_map_set_view().
 */
void
limber_body_map_add_view (LimberBodyMap *self,
                          const char    *view_id,
                          const char    *left_marker,
                          const char    *right_marker)
{
  View *view;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));
  g_return_if_fail (view_id != NULL);

  view = g_new0 (View, 1);
  view->id = g_strdup (view_id);
  view->left_marker = g_strdup (left_marker);
  view->right_marker = g_strdup (right_marker);
  g_ptr_array_add (self->views, view);

  /* The first view is shown until another is chosen. */
  if (self->views->len == 1)
    {
      gtk_label_set_text (GTK_LABEL (self->left_label), view->left_marker);
      gtk_label_set_text (GTK_LABEL (self->right_label), view->right_marker);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }
}

static guint
find_view (LimberBodyMap *self,
           const char    *view_id)
{
  for (guint i = 0; i < self->views->len; i++)
    if (g_strcmp0 (((View *)g_ptr_array_index (self->views, i))->id, view_id) == 0)
      return i;

  return G_MAXUINT;
}

/**
 * limber_body_map_add_region:
 * @element_id: the id of a closed shape inside the view's group
 * @name: the accessible name, shown when the pointer is over the region
 */
void
limber_body_map_add_region (LimberBodyMap *self,
                            const char    *element_id,
                            const char    *view_id,
                            const char    *name)
{
  Region *region;
  guint view;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));
  g_return_if_fail (element_id != NULL && name != NULL);
  g_return_if_fail (!g_hash_table_contains (self->regions_by_id, element_id));
  g_return_if_fail (self->regions->len < 0xffff);

  view = find_view (self, view_id);
  g_return_if_fail (view != G_MAXUINT);

  region = g_new0 (Region, 1);
  region->element_id = g_strdup (element_id);
  region->layer = g_strconcat ("#", element_id, NULL);
  region->name = g_strdup (name);
  region->view = view;
  region->heat = -1;
  g_ptr_array_add (self->regions, region);
  region->code = self->regions->len;
  g_hash_table_insert (self->regions_by_id, region->element_id, region);

  /* The pick stylesheet names every region. */
  g_clear_object (&self->pick_handle);
  self->pick_dirty = TRUE;
}

/**
 * limber_body_map_set_view:
 *
 * Shows the view with @view_id, one of those given to limber_body_map_add_view().
 */
void
limber_body_map_set_view (LimberBodyMap *self,
                          const char    *view_id)
{
  View *view;
  guint index;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  index = find_view (self, view_id);
  if (index == G_MAXUINT)
    {
      g_warning ("The body map has no view “%s”", view_id);
      return;
    }

  if (index == self->view)
    return;

  view = g_ptr_array_index (self->views, index);
  gtk_label_set_text (GTK_LABEL (self->left_label), view->left_marker);
  gtk_label_set_text (GTK_LABEL (self->right_label), view->right_marker);

  self->view = index;
  self->width = self->height = -1;
  invalidate_rendering (self);
  set_hover (self, NULL);
  if (self->focus != NULL && self->focus->view != index)
    set_focus (self, gtk_widget_has_focus (GTK_WIDGET (self)) ? first_region_of_view (self) : NULL);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
limber_body_map_get_view (LimberBodyMap *self)
{
  View *view;

  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), NULL);

  view = current_view (self);
  return view ? view->id : NULL;
}

/**
 * limber_body_map_set_selected:
 *
 * Selects or unselects a region without emitting #LimberBodyMap::region-toggled.
 */
void
limber_body_map_set_selected (LimberBodyMap *self,
                              const char    *element_id,
                              gboolean       selected)
{
  Region *region;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  region = g_hash_table_lookup (self->regions_by_id, element_id);
  g_return_if_fail (region != NULL);

  if (region->selected == !!selected)
    return;

  region->selected = !!selected;
  if (region == self->focus)
    update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
limber_body_map_get_selected (LimberBodyMap *self,
                              const char    *element_id)
{
  Region *region;

  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), FALSE);

  region = g_hash_table_lookup (self->regions_by_id, element_id);
  return region != NULL && region->selected;
}

void
limber_body_map_unselect_all (LimberBodyMap *self)
{
  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  for (guint i = 0; i < self->regions->len; i++)
    ((Region *)g_ptr_array_index (self->regions, i))->selected = FALSE;

  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_body_map_set_marked:
 *
 * Marks or unmarks a region, apart from its selection; a page uses it for
 * "injured: do not work here". A marked region is filled in the theme's
 * error colour and hatched, whether or not it is also selected. An id the
 * map does not know is ignored, so a saved list can outlive the artwork.
 */
void
limber_body_map_set_marked (LimberBodyMap *self,
                            const char    *element_id,
                            gboolean       marked)
{
  Region *region;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  region = find_region (self, element_id);
  if (region == NULL || region->marked == !!marked)
    return;

  region->marked = !!marked;
  if (region == self->focus)
    update_accessible_description (self);
  if (region->view == self->view)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
limber_body_map_get_marked (LimberBodyMap *self,
                            const char    *element_id)
{
  Region *region;

  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), FALSE);

  region = find_region (self, element_id);
  return region != NULL && region->marked;
}

void
limber_body_map_unmark_all (LimberBodyMap *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);

      changed |= region->marked;
      region->marked = FALSE;
    }

  if (!changed)
    return;

  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_body_map_set_marked_label:
 * @label: (nullable): a short word such as "injured", already translated
 *
 * Sets what a screen reader says of a marked region after its name and
 * whether it is selected: "Left calf, not selected, injured".
 */
void
limber_body_map_set_marked_label (LimberBodyMap *self,
                                  const char    *label)
{
  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  if (g_strcmp0 (label, self->marked_label) == 0)
    return;

  g_free (self->marked_label);
  self->marked_label = g_strdup (label);

  if (self->focus != NULL && self->focus->marked)
    update_accessible_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKED_LABEL]);
}

const char *
limber_body_map_get_marked_label (LimberBodyMap *self)
{
  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), NULL);
  return self->marked_label;
}

/**
 * limber_body_map_set_heat:
 * @level: from 0 to 1 (clamped), or NAN or below 0 for none
 *
 * Fills a region with a colour from pale yellow (0) through orange to deep
 * red (1). A selected or marked region shows that instead. An id the map
 * does not know is ignored, as with limber_body_map_set_marked().
 */
void
limber_body_map_set_heat (LimberBodyMap *self,
                          const char    *element_id,
                          double         level)
{
  Region *region;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  region = find_region (self, element_id);
  if (region == NULL)
    return;

  level = isnan (level) || level < 0 ? -1 : MIN (level, 1.);
  if (region->heat == level)
    return;

  region->heat = level;
  if (region->view == self->view)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_body_map_get_heat:
 *
 * Returns: the region's heat from 0 to 1, or -1 when it has none.
 */
double
limber_body_map_get_heat (LimberBodyMap *self,
                          const char    *element_id)
{
  Region *region;

  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), -1);

  region = find_region (self, element_id);
  return region != NULL ? region->heat : -1;
}

void
limber_body_map_clear_heat (LimberBodyMap *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  for (guint i = 0; i < self->regions->len; i++)
    {
      Region *region = g_ptr_array_index (self->regions, i);

      changed |= region->heat >= 0;
      region->heat = -1;
    }

  if (changed)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_body_map_set_region_description:
 * @description: (nullable): a short phrase, already translated, or %NULL
 *   for none
 *
 * Sets what a screen reader says of a region after its name and state,
 * such as "Left calf, not selected, sore twice this month": the words for
 * what its heat shows. An id the map does not know is ignored.
 */
void
limber_body_map_set_region_description (LimberBodyMap *self,
                                        const char    *element_id,
                                        const char    *description)
{
  Region *region;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  region = find_region (self, element_id);
  if (region == NULL)
    return;

  if (description != NULL && *description == '\0')
    description = NULL;
  if (g_strcmp0 (region->description, description) == 0)
    return;

  g_free (region->description);
  region->description = g_strdup (description);
  if (region == self->focus)
    update_accessible_description (self);
}

const char *
limber_body_map_get_focus_region (LimberBodyMap *self)
{
  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), NULL);
  return self->focus ? self->focus->element_id : NULL;
}

/**
 * limber_body_map_set_focus_region:
 *
 * Moves the keyboard focus within the map to @element_id, switching to its view.
 */
void
limber_body_map_set_focus_region (LimberBodyMap *self,
                                  const char    *element_id)
{
  Region *region;

  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  region = find_region (self, element_id);
  if (region != NULL && region->view != self->view)
    limber_body_map_set_view (self, ((View *)g_ptr_array_index (self->views, region->view))->id);
  set_focus (self, region);
}

const char *
limber_body_map_get_hover_region (LimberBodyMap *self)
{
  g_return_val_if_fail (LIMBER_IS_BODY_MAP (self), NULL);
  return self->hover ? self->hover->element_id : NULL;
}

/**
 * limber_body_map_set_compact:
 *
 * Makes the map a thumbnail with small side markers: for showing where a
 * step works, not for choosing.
 */
void
limber_body_map_set_compact (LimberBodyMap *self,
                             gboolean       compact)
{
  g_return_if_fail (LIMBER_IS_BODY_MAP (self));

  compact = !!compact;
  if (compact == self->compact)
    return;

  self->compact = compact;
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
