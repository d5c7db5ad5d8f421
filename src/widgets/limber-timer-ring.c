/* limber-timer-ring.c
 *
 * The ring asks a function for the time instead of counting ticks, so it
 * cannot drift from the player, and it draws only when what a person sees
 * changes: a tick redraws when the digits change or the arc's end has moved
 * by a device pixel.
 *
 * Each redraw is kept small for the renderer too. GSK diffs the new frame
 * against the last one and repaints only what differs: the track and every
 * full sector of the arc are render nodes kept from frame to frame (the
 * same node is no damage), the digits are text nodes (equal text is no
 * damage), and only the short piece of arc that ends the ring is new. So a
 * tick repaints a patch the size of one sector, not the whole ring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-timer-ring"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "limber-timer-ring.h"

#define NATURAL_SIZE     320
#define MINIMUM_SIZE     160
#define STROKE_RATIO     0.07
#define TRACK_ALPHA      0.15
#define PAUSED_ALPHA     0.40
#define CAPTION_ALPHA    0.70
#define CAPTION_MIN_SIZE 13.0    /* pixels: still read from the floor */
/* Pieces the arc is cut into, each its own render node. */
#define ARC_SECTORS      24
#define FLASH_ALPHA      0.6
#define FLASH_FADE_US    (700 * G_TIME_SPAN_MILLISECOND)
/* A slow arc moves a pixel at a time; a fast one at most this often. */
#define MAX_ARC_REDRAWS  12
/* Shorter waits than this between changes keep the tick callback. */
#define DOZE_MIN_US      (40 * G_TIME_SPAN_MILLISECOND)
#define FLASH_STILL_MS   1000

struct _LimberTimerRing
{
  GtkWidget            parent_instance;

  LimberTimerRingFunc  func;
  gpointer             func_data;
  GDestroyNotify       func_destroy;

  gboolean             running;
  guint                tick_id;
  guint                doze_id;       /* between two visible changes: no ticks */

  gint64               remaining_us;
  gint64               duration_us;
  double               fraction;
  double               drawn_fraction;
  char                *text;
  char                *template;      /* the widest text of this phase, in zeros */
  char                *accessible_label;
  guint                announced_minutes;
  char                *caption;

  /* Flash: the fade's start in frame time, or -1 before its first frame;
   * a still flash (reduced motion) has a timeout instead. */
  gboolean             flashing;
  gint64               flash_start;
  double               flash_alpha;
  guint                flash_timeout_id;

  /* Geometry of the current allocation, logical pixels. */
  double               center_x;
  double               center_y;
  double               radius;        /* of the arc's centre line */
  double               stroke;
  double               device_circumference;

  GdkRGBA              fg;
  GdkRGBA              arc;

  GskRenderNode       *track_node;
  GskRenderNode       *sector_nodes[ARC_SECTORS];

  PangoLayout         *digits_layout;
  PangoLayout         *caption_layout;
  gboolean             layouts_dirty;
  double               digits_ink_y;  /* ink top of the digits below their origin */
  double               digits_ink_height;
};

G_DEFINE_FINAL_TYPE (LimberTimerRing, limber_timer_ring, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_CAPTION,
  PROP_TEXT,
  PROP_FLASHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_seconds (gint64 seconds)
{
  if (seconds < 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int)(seconds % 60));
}

/* Whole seconds left, rounded up: the count shows 1 until the time is over. */
static gint64
ceil_seconds (gint64 us)
{
  if (us <= 0)
    return 0;

  return (us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
}

/* Minutes begun: it changes as the count reaches a whole minute. */
static guint
minutes_begun (gint64 us)
{
  return (guint)((ceil_seconds (us) + 59) / 60);
}

static char *
build_template (gint64 duration_us,
                gint64 remaining_us)
{
  g_autofree char *longest = format_seconds (MAX (ceil_seconds (duration_us), ceil_seconds (remaining_us)));
  char *template = g_strdup ("0:00");

  /* The digits keep one size through a phase and across short phases, so
   * they neither jump nor shrink at 10:00; only a long phase makes room
   * for its extra digit. */
  if (strlen (longest) > strlen (template))
    {
      g_free (template);
      template = g_strdup (longest);
      for (char *c = template; *c != '\0'; c++)
        if (g_ascii_isdigit (*c))
          *c = '0';
    }

  return template;
}

static void
clear_nodes (LimberTimerRing *self)
{
  g_clear_pointer (&self->track_node, gsk_render_node_unref);
  for (guint i = 0; i < ARC_SECTORS; i++)
    g_clear_pointer (&self->sector_nodes[i], gsk_render_node_unref);
}

static void
update_accessible_label (LimberTimerRing *self)
{
  g_autofree char *label = NULL;

  /* TRANSLATORS: read by a screen reader for the countdown in the routine
   * player; %s is the time shown, such as "45" (seconds) or "1:05" */
  label = g_strdup_printf (_("Time left: %s"), self->text);
  self->announced_minutes = minutes_begun (self->remaining_us);

  if (g_strcmp0 (label, self->accessible_label) == 0)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (self->accessible_label);
  self->accessible_label = g_steal_pointer (&label);
}

/* How far, in device pixels, the arc's end moves between two redraws: one
 * pixel, or more when it moves faster than MAX_ARC_REDRAWS a second. */
static double
get_arc_step (LimberTimerRing *self)
{
  double pixels_per_second;

  if (self->duration_us <= 0)
    return 1.;

  pixels_per_second = self->device_circumference / ((double)self->duration_us / G_USEC_PER_SEC);
  return MAX (1., pixels_per_second / MAX_ARC_REDRAWS);
}

/* Microseconds until what is drawn next changes: the digits, or the arc's
 * end by one step. */
static gint64
time_to_next_change (LimberTimerRing *self)
{
  guint shown = ceil_seconds (self->remaining_us);
  gint64 to_digits = shown > 0 ? self->remaining_us - (gint64)(shown - 1) * G_USEC_PER_SEC : G_MAXINT64;
  gint64 to_arc = G_MAXINT64;

  if (self->duration_us > 0 && self->device_circumference > 0)
    {
      double next_fraction = self->drawn_fraction - get_arc_step (self) / self->device_circumference;

      to_arc = self->remaining_us - (gint64)(MAX (next_fraction, 0.) * self->duration_us);
    }

  return MIN (to_digits, to_arc);
}

/* Reads the time function once. A screen reader hears the new time when
 * @announce is set and otherwise only when a whole minute passes. */
static void
read_time (LimberTimerRing *self,
           gboolean         announce)
{
  gint64 duration_us = 0;
  gint64 remaining_us = 0;
  g_autofree char *text = NULL;
  double fraction = 0;

  if (self->func != NULL)
    remaining_us = self->func (self->func_data, &duration_us);

  remaining_us = MAX (remaining_us, 0);
  duration_us = MAX (duration_us, 0);
  if (duration_us > 0)
    fraction = CLAMP ((double)remaining_us / (double)duration_us, 0., 1.);

  self->remaining_us = remaining_us;
  self->fraction = fraction;

  text = format_seconds (ceil_seconds (remaining_us));
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  else if (fabs (fraction - self->drawn_fraction) * self->device_circumference >= get_arc_step (self))
    gtk_widget_queue_draw (GTK_WIDGET (self));

  if (duration_us != self->duration_us)
    {
      g_autofree char *template = build_template (duration_us, remaining_us);

      self->duration_us = duration_us;
      if (g_strcmp0 (template, self->template) != 0)
        {
          g_free (self->template);
          self->template = g_steal_pointer (&template);
          self->layouts_dirty = TRUE;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }

  if (announce || minutes_begun (remaining_us) != self->announced_minutes)
    update_accessible_label (self);
}

static gboolean
should_tick (LimberTimerRing *self)
{
  gboolean fading = self->flashing && self->flash_timeout_id == 0;

  return gtk_widget_get_mapped (GTK_WIDGET (self)) && (self->running || fading);
}

static void
stop_flash (LimberTimerRing *self)
{
  g_clear_handle_id (&self->flash_timeout_id, g_source_remove);
  if (!self->flashing)
    return;

  self->flashing = FALSE;
  self->flash_alpha = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLASHING]);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data);

/* One tick callback serves both the countdown and the flash's fade, so the
 * two can never install it twice. */
static void
update_ticking (LimberTimerRing *self)
{
  gboolean fading = self->flashing && self->flash_timeout_id == 0;

  if (!should_tick (self) || fading)
    g_clear_handle_id (&self->doze_id, g_source_remove);

  if (should_tick (self) && self->doze_id == 0)
    {
      if (self->tick_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static void
doze_ended_cb (gpointer user_data)
{
  LimberTimerRing *self = user_data;

  self->doze_id = 0;
  update_ticking (self);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (widget);

  if (self->running)
    read_time (self, FALSE);

  if (self->flashing && self->flash_timeout_id == 0)
    {
      gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
      double t;

      if (self->flash_start < 0)
        self->flash_start = now;

      t = (double)(now - self->flash_start) / FLASH_FADE_US;
      if (t >= 1.)
        stop_flash (self);
      else
        {
          /* Ease out: bright at once, then a soft tail. */
          self->flash_alpha = FLASH_ALPHA * (1. - t) * (1. - t);
          gtk_widget_queue_draw (widget);
        }
    }

  /* When nothing will change for a while, the frame clock may rest too: a
   * timeout wakes the tick callback just before the next change. Ticking
   * through every frame of a slow countdown costs more than the drawing. */
  if (self->running && !self->flashing && self->doze_id == 0)
    {
      gint64 wait = time_to_next_change (self);

      if (wait > DOZE_MIN_US)
        self->doze_id = g_timeout_add_once ((guint)MIN (wait / 1000, G_MAXUINT), doze_ended_cb, self);
    }

  /* Removal by id only; GTK allows it from inside the callback. */
  update_ticking (self);
  return G_SOURCE_CONTINUE;
}

static void
flash_timeout_cb (gpointer user_data)
{
  LimberTimerRing *self = user_data;

  self->flash_timeout_id = 0;
  stop_flash (self);
}

static void
lookup_color (GtkWidget     *widget,
              const char    *name,
              const char    *fallback,
              GdkRGBA       *color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
}

/* The colours follow the theme and the state classes the page sets; a
 * changed colour drops the kept nodes. */
static void
update_colors (LimberTimerRing *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, arc;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  if (gtk_widget_has_css_class (widget, "paused"))
    {
      arc = fg;
      arc.alpha = PAUSED_ALPHA;
    }
  else if (gtk_widget_has_css_class (widget, "rest"))
    lookup_color (widget, "success_color", "#1b8553", &arc);
  else if (gtk_widget_has_css_class (widget, "switch-sides"))
    lookup_color (widget, "warning_color", "#9c6e03", &arc);
  else
    lookup_color (widget, "accent_bg_color", "#3584e4", &arc);

  if (!gdk_rgba_equal (&fg, &self->fg) || !gdk_rgba_equal (&arc, &self->arc))
    {
      self->fg = fg;
      self->arc = arc;
      clear_nodes (self);
    }
}

static PangoLayout *
create_layout (LimberTimerRing *self,
               double           size,
               PangoWeight      weight,
               gboolean         tabular)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  const PangoFontDescription *base = pango_context_get_font_description (pango_layout_get_context (layout));
  g_autoptr(PangoFontDescription) font = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();

  font = base != NULL ? pango_font_description_copy (base) : pango_font_description_new ();
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);

  /* Tabular figures: every digit is as wide as the others, so the count
   * does not wobble as it runs. */
  if (tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The caption in the ring's type, smaller (but never below the floor)
 * when it is too wide for the ring, as a translation may be, and on a
 * second line before it is ever cut short. */
static void
fit_caption (LimberTimerRing *self)
{
  double inner = 2 * self->radius - self->stroke;
  double width = inner * 0.72;
  double size = MAX (CAPTION_MIN_SIZE, inner * 0.09);
  const char *caption = self->caption != NULL ? self->caption : "";
  PangoRectangle logical;

  g_clear_object (&self->caption_layout);
  self->caption_layout = create_layout (self, size, PANGO_WEIGHT_BOLD, FALSE);
  pango_layout_set_text (self->caption_layout, caption, -1);
  pango_layout_get_pixel_extents (self->caption_layout, NULL, &logical);
  if (logical.width > width && size > CAPTION_MIN_SIZE)
    {
      g_clear_object (&self->caption_layout);
      self->caption_layout = create_layout (self, MAX (CAPTION_MIN_SIZE, size * width / logical.width),
                                            PANGO_WEIGHT_BOLD, FALSE);
      pango_layout_set_text (self->caption_layout, caption, -1);
    }

  pango_layout_set_alignment (self->caption_layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (self->caption_layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (self->caption_layout, PANGO_WRAP_WORD);
  pango_layout_set_height (self->caption_layout, -2);
  pango_layout_set_ellipsize (self->caption_layout, PANGO_ELLIPSIZE_END);
}

/* Sizes the digits to the largest that fits the phase's widest text inside
 * the ring, with air around it. */
static void
ensure_layouts (LimberTimerRing *self)
{
  double inner = 2 * self->radius - self->stroke;
  double trial = 100;
  double size, diagonal;
  PangoRectangle ink, logical;

  if (!self->layouts_dirty && self->digits_layout != NULL)
    return;

  g_clear_object (&self->digits_layout);
  g_clear_object (&self->caption_layout);

  self->digits_layout = create_layout (self, trial, PANGO_WEIGHT_BOLD, TRUE);
  pango_layout_set_text (self->digits_layout, self->template, -1);
  pango_layout_get_pixel_extents (self->digits_layout, &ink, &logical);
  diagonal = hypot (logical.width, ink.height);
  size = trial * 0.82 * inner / MAX (1., diagonal);
  size = MAX (size, 8);

  g_clear_object (&self->digits_layout);
  self->digits_layout = create_layout (self, size, PANGO_WEIGHT_BOLD, TRUE);
  pango_layout_set_text (self->digits_layout, self->template, -1);
  pango_layout_get_extents (self->digits_layout, &ink, NULL);
  self->digits_ink_y = (double)ink.y / PANGO_SCALE;
  self->digits_ink_height = (double)ink.height / PANGO_SCALE;

  fit_caption (self);

  self->layouts_dirty = FALSE;
}

/* Offsets along the ring run from 0 at twelve o'clock clockwise to 1. */
static double
offset_to_angle (double offset)
{
  return -G_PI / 2 + 2 * G_PI * offset;
}

/* The bounds of the arc's stroke between two offsets, caps included. */
static graphene_rect_t
arc_bounds (LimberTimerRing *self,
            double           from,
            double           to)
{
  double a0 = offset_to_angle (from);
  double a1 = offset_to_angle (to);
  double x0 = MIN (cos (a0), cos (a1)), x1 = MAX (cos (a0), cos (a1));
  double y0 = MIN (sin (a0), sin (a1)), y1 = MAX (sin (a0), sin (a1));
  double pad = self->stroke / 2 + 2;

  /* Where the arc passes a compass point, that point is its extreme. */
  for (int k = -1; k <= 4; k++)
    {
      double a = k * G_PI / 2;

      if (a > a0 && a < a1)
        {
          x0 = MIN (x0, cos (a));
          x1 = MAX (x1, cos (a));
          y0 = MIN (y0, sin (a));
          y1 = MAX (y1, sin (a));
        }
    }

  return GRAPHENE_RECT_INIT (floor (self->center_x + x0 * self->radius - pad),
                             floor (self->center_y + y0 * self->radius - pad),
                             ceil ((x1 - x0) * self->radius + 2 * pad) + 1,
                             ceil ((y1 - y0) * self->radius + 2 * pad) + 1);
}

static void
draw_cap (cairo_t         *cr,
          LimberTimerRing *self,
          double           offset)
{
  double a = offset_to_angle (offset);

  cairo_new_sub_path (cr);
  cairo_arc (cr, self->center_x + cos (a) * self->radius, self->center_y + sin (a) * self->radius,
             self->stroke / 2, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* Draws the arc between two offsets in the opaque arc colour (translucency
 * is applied to the whole arc at once, so pieces may overlap unseen). Caps
 * are discs, so each end can have one or none. */
static void
draw_arc (cairo_t         *cr,
          LimberTimerRing *self,
          double           from,
          double           to,
          gboolean         start_cap,
          gboolean         end_cap)
{
  GdkRGBA opaque = self->arc;

  opaque.alpha = 1;
  gdk_cairo_set_source_rgba (cr, &opaque);

  if (to > from)
    {
      cairo_set_line_width (cr, self->stroke);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_arc (cr, self->center_x, self->center_y, self->radius,
                 offset_to_angle (from), offset_to_angle (to));
      cairo_stroke (cr);
    }

  if (start_cap)
    draw_cap (cr, self, from);
  if (end_cap)
    draw_cap (cr, self, to);
}

static GskRenderNode *
create_track_node (LimberTimerRing *self)
{
  double pad = self->stroke / 2 + 2;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (floor (self->center_x - self->radius - pad),
                                               floor (self->center_y - self->radius - pad),
                                               ceil (2 * (self->radius + pad)) + 1,
                                               ceil (2 * (self->radius + pad)) + 1);
  GskRenderNode *node = gsk_cairo_node_new (&bounds);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);
  GdkRGBA track = self->fg;

  track.alpha = TRACK_ALPHA;
  gdk_cairo_set_source_rgba (cr, &track);
  cairo_set_line_width (cr, self->stroke);
  cairo_arc (cr, self->center_x, self->center_y, self->radius, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_destroy (cr);

  return node;
}

static GskRenderNode *
create_sector_node (LimberTimerRing *self,
                    guint            sector)
{
  double from = (double)sector / ARC_SECTORS;
  /* A device pixel's overlap with the next piece hides the seam that two
   * antialiased edges on one line would leave. */
  double to = (double)(sector + 1) / ARC_SECTORS + 1. / MAX (1., self->device_circumference);
  graphene_rect_t bounds = arc_bounds (self, from, to);
  GskRenderNode *node = gsk_cairo_node_new (&bounds);
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  draw_arc (cr, self, from, to, sector == 0, FALSE);
  cairo_destroy (cr);

  return node;
}

static void
snapshot_arc (LimberTimerRing *self,
              GtkSnapshot     *snapshot)
{
  double fraction = self->fraction;
  guint full = (guint)floor (fraction * ARC_SECTORS);
  gboolean translucent = self->arc.alpha < 1;

  if (fraction <= 0)
    return;

  full = MIN (full, ARC_SECTORS);
  if (translucent)
    gtk_snapshot_push_opacity (snapshot, self->arc.alpha);

  for (guint i = 0; i < full; i++)
    {
      if (self->sector_nodes[i] == NULL)
        self->sector_nodes[i] = create_sector_node (self, i);
      gtk_snapshot_append_node (snapshot, self->sector_nodes[i]);
    }

  if (full < ARC_SECTORS)
    {
      double from = (double)full / ARC_SECTORS;
      graphene_rect_t bounds = arc_bounds (self, from, fraction);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      draw_arc (cr, self, from, fraction, full == 0, TRUE);
      cairo_destroy (cr);
    }

  if (translucent)
    gtk_snapshot_pop (snapshot);
}

static void
snapshot_flash (LimberTimerRing *self,
                GtkSnapshot     *snapshot)
{
  double r = self->radius + self->stroke / 2;
  graphene_rect_t disc = GRAPHENE_RECT_INIT (self->center_x - r, self->center_y - r, 2 * r, 2 * r);
  GskRoundedRect clip;
  GdkRGBA color = self->arc;

  if (!self->flashing || self->flash_alpha <= 0)
    return;

  color.alpha = self->flash_alpha;
  gsk_rounded_rect_init_from_rect (&clip, &disc, r);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &color, &disc);
  gtk_snapshot_pop (snapshot);
}

static double
snap_to_device (LimberTimerRing *self,
                double           v)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  return round (v * scale) / scale;
}

static void
snapshot_text (LimberTimerRing *self,
               GtkSnapshot     *snapshot)
{
  PangoRectangle logical;
  GdkRGBA caption_color = self->fg;
  double caption_width;
  double x, y;

  ensure_layouts (self);

  /* Setting the same text again would shape it again. */
  if (g_strcmp0 (pango_layout_get_text (self->digits_layout), self->text) != 0)
    pango_layout_set_text (self->digits_layout, self->text, -1);
  pango_layout_get_extents (self->digits_layout, NULL, &logical);

  /* Centred by the template's ink, so the digits sit still whatever they
   * read, and on whole device pixels, so they stay crisp. */
  x = snap_to_device (self, self->center_x - (double)logical.width / PANGO_SCALE / 2);
  y = snap_to_device (self, self->center_y - self->digits_ink_y - self->digits_ink_height / 2);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->digits_layout, &self->fg);
  gtk_snapshot_restore (snapshot);

  if (self->caption == NULL || *self->caption == '\0')
    return;

  caption_width = (double)pango_layout_get_width (self->caption_layout) / PANGO_SCALE;
  x = snap_to_device (self, self->center_x - caption_width / 2);
  y = snap_to_device (self, self->center_y + self->digits_ink_height / 2 + self->stroke * 0.8);

  caption_color.alpha *= CAPTION_ALPHA;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, self->caption_layout, &caption_color);
  gtk_snapshot_restore (snapshot);
}

static void
limber_timer_ring_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (widget);

  if (self->radius <= 1)
    return;

  update_colors (self);

  if (self->track_node == NULL)
    self->track_node = create_track_node (self);
  gtk_snapshot_append_node (snapshot, self->track_node);

  snapshot_arc (self, snapshot);
  snapshot_flash (self, snapshot);
  snapshot_text (self, snapshot);

  self->drawn_fraction = self->fraction;
}

static void
limber_timer_ring_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (widget);
  double diameter = MIN (width, height);
  double stroke = round (diameter * STROKE_RATIO);
  /* A pixel of air so the antialiased edge is not cut off. */
  double radius = MAX (0., (diameter - stroke) / 2 - 1);
  double center_x = width / 2.;
  double center_y = height / 2.;

  if (radius == self->radius && stroke == self->stroke &&
      center_x == self->center_x && center_y == self->center_y)
    return;

  self->radius = radius;
  self->stroke = stroke;
  self->center_x = center_x;
  self->center_y = center_y;
  self->device_circumference = 2 * G_PI * radius * gtk_widget_get_scale_factor (widget);
  self->layouts_dirty = TRUE;
  clear_nodes (self);
}

static void
limber_timer_ring_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = MINIMUM_SIZE;
  *natural = NATURAL_SIZE;
}

static void
limber_timer_ring_map (GtkWidget *widget)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (widget);

  GTK_WIDGET_CLASS (limber_timer_ring_parent_class)->map (widget);

  /* Time went on while hidden. */
  if (self->running)
    read_time (self, TRUE);
  update_ticking (self);
}

static void
limber_timer_ring_unmap (GtkWidget *widget)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (widget);

  stop_flash (self);

  GTK_WIDGET_CLASS (limber_timer_ring_parent_class)->unmap (widget);

  update_ticking (self);
}

static void
limber_timer_ring_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (widget);

  GTK_WIDGET_CLASS (limber_timer_ring_parent_class)->css_changed (widget, change);

  /* The font may have changed; colours are checked at the next draw. */
  self->layouts_dirty = TRUE;
  gtk_widget_queue_draw (widget);
}

/* A class alone may not restyle the widget (no rule needs to match it),
 * yet it changes the arc's colour. */
static void
on_css_classes_changed_cb (LimberTimerRing *self,
                           GParamSpec      *pspec,
                           gpointer         user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_scale_factor_changed_cb (LimberTimerRing *self,
                            GParamSpec      *pspec,
                            gpointer         user_data)
{
  self->device_circumference = 2 * G_PI * self->radius * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  clear_nodes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clear_time_func (LimberTimerRing *self)
{
  GDestroyNotify destroy = self->func_destroy;
  gpointer data = self->func_data;

  self->func = NULL;
  self->func_data = NULL;
  self->func_destroy = NULL;

  if (destroy != NULL)
    destroy (data);
}

static void
limber_timer_ring_dispose (GObject *object)
{
  LimberTimerRing *self = (LimberTimerRing *)object;

  g_clear_handle_id (&self->flash_timeout_id, g_source_remove);
  g_clear_handle_id (&self->doze_id, g_source_remove);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  self->running = FALSE;
  clear_time_func (self);

  G_OBJECT_CLASS (limber_timer_ring_parent_class)->dispose (object);
}

static void
limber_timer_ring_finalize (GObject *object)
{
  LimberTimerRing *self = (LimberTimerRing *)object;

  clear_nodes (self);
  g_clear_object (&self->digits_layout);
  g_clear_object (&self->caption_layout);
  g_free (self->text);
  g_free (self->template);
  g_free (self->accessible_label);
  g_free (self->caption);

  G_OBJECT_CLASS (limber_timer_ring_parent_class)->finalize (object);
}

static void
limber_timer_ring_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_FLASHING:
      g_value_set_boolean (value, self->flashing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_timer_ring_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LimberTimerRing *self = LIMBER_TIMER_RING (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      limber_timer_ring_set_running (self, g_value_get_boolean (value));
      break;

    case PROP_CAPTION:
      limber_timer_ring_set_caption (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_timer_ring_class_init (LimberTimerRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_timer_ring_dispose;
  object_class->finalize = limber_timer_ring_finalize;
  object_class->get_property = limber_timer_ring_get_property;
  object_class->set_property = limber_timer_ring_set_property;

  widget_class->snapshot = limber_timer_ring_snapshot;
  widget_class->size_allocate = limber_timer_ring_size_allocate;
  widget_class->measure = limber_timer_ring_measure;
  widget_class->map = limber_timer_ring_map;
  widget_class->unmap = limber_timer_ring_unmap;
  widget_class->css_changed = limber_timer_ring_css_changed;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLASHING] =
    g_param_spec_boolean ("flashing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timerring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TIMER);
}

static void
limber_timer_ring_init (LimberTimerRing *self)
{
  self->text = g_strdup ("0");
  self->template = build_template (0, 0);
  self->layouts_dirty = TRUE;
  self->flash_start = -1;

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (self, "notify::css-classes", G_CALLBACK (on_css_classes_changed_cb), NULL);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);

  update_accessible_label (self);
}

GtkWidget *
limber_timer_ring_new (void)
{
  return g_object_new (LIMBER_TYPE_TIMER_RING, NULL);
}

/**
 * limber_timer_ring_set_time_func:
 * @func: (nullable): returns the time left and the phase's length
 * @user_data: passed to @func
 * @destroy: (nullable): frees @user_data when the ring lets go of it
 *
 * Sets where the ring reads the time. The ring reads it once now, then on
 * every frame while it runs and is shown.
 */
void
limber_timer_ring_set_time_func (LimberTimerRing     *self,
                                 LimberTimerRingFunc  func,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy)
{
  g_return_if_fail (LIMBER_IS_TIMER_RING (self));

  clear_time_func (self);
  self->func = func;
  self->func_data = user_data;
  self->func_destroy = destroy;

  read_time (self, TRUE);
}

/**
 * limber_timer_ring_set_running:
 *
 * Starts or stops following the time. A stopped ring shows the time it last
 * read and costs nothing; so does a running ring that is not shown.
 */
void
limber_timer_ring_set_running (LimberTimerRing *self,
                               gboolean         running)
{
  g_return_if_fail (LIMBER_IS_TIMER_RING (self));

  running = !!running;
  if (self->running == running)
    return;

  self->running = running;
  read_time (self, !running);
  update_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

/**
 * limber_timer_ring_get_running:
 *
 * Returns: whether the ring follows the time.
 */
gboolean
limber_timer_ring_get_running (LimberTimerRing *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMER_RING (self), FALSE);

  return self->running;
}

/**
 * limber_timer_ring_update:
 *
 * Reads the time function once now: after the player jumps, or while the
 * ring is stopped. Screen readers hear the new time.
 */
void
limber_timer_ring_update (LimberTimerRing *self)
{
  g_return_if_fail (LIMBER_IS_TIMER_RING (self));

  /* After a jump the next change comes at another time. */
  g_clear_handle_id (&self->doze_id, g_source_remove);
  read_time (self, TRUE);
  update_ticking (self);
}

/**
 * limber_timer_ring_set_caption:
 * @caption: (nullable): a word or two under the digits, such as "Rest"
 *
 * Sets the small text under the digits.
 */
void
limber_timer_ring_set_caption (LimberTimerRing *self,
                               const char      *caption)
{
  g_return_if_fail (LIMBER_IS_TIMER_RING (self));

  if (g_strcmp0 (self->caption, caption) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (caption);

  if (self->caption_layout != NULL)
    fit_caption (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

/**
 * limber_timer_ring_get_caption:
 *
 * Returns: (nullable): the text under the digits.
 */
const char *
limber_timer_ring_get_caption (LimberTimerRing *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMER_RING (self), NULL);

  return self->caption;
}

/**
 * limber_timer_ring_get_caption_shortened:
 *
 * Returns: whether the caption is too wide for the ring at its size and
 * shows cut short with an ellipsis: a translation may be too long.
 */
gboolean
limber_timer_ring_get_caption_shortened (LimberTimerRing *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMER_RING (self), FALSE);

  if (self->caption == NULL || gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    return FALSE;

  ensure_layouts (self);
  return pango_layout_is_ellipsized (self->caption_layout);
}

/**
 * limber_timer_ring_get_text:
 *
 * Returns: the digits shown: whole seconds rounded up, "45" under a minute
 * and "1:05" from a minute on.
 */
const char *
limber_timer_ring_get_text (LimberTimerRing *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMER_RING (self), NULL);

  return self->text;
}

/**
 * limber_timer_ring_flash:
 *
 * Lights the ring up for a moment, a cue that does not need sound. It fades
 * out over 0.7 s, or, where animations are off, shows still for a second.
 * A ring that is not shown does not flash.
 */
void
limber_timer_ring_flash (LimberTimerRing *self)
{
  gboolean animate = TRUE;

  g_return_if_fail (LIMBER_IS_TIMER_RING (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animate, NULL);

  g_clear_handle_id (&self->flash_timeout_id, g_source_remove);
  self->flash_alpha = FLASH_ALPHA;
  self->flash_start = -1;
  if (!animate)
    self->flash_timeout_id = g_timeout_add_once (FLASH_STILL_MS, flash_timeout_cb, self);

  if (!self->flashing)
    {
      self->flashing = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLASHING]);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_ticking (self);
}

/**
 * limber_timer_ring_get_flashing:
 *
 * Returns: whether a flash shows now.
 */
gboolean
limber_timer_ring_get_flashing (LimberTimerRing *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMER_RING (self), FALSE);

  return self->flashing;
}

/**
 * limber_timer_ring_get_ticking:
 *
 * Returns: whether the ring is animating, for tests and benchmarks: it has
 * a tick callback installed, or is dozing until its next visible change.
 * Only a shown ring that runs or fades a flash is.
 */
gboolean
limber_timer_ring_get_ticking (LimberTimerRing *self)
{
  g_return_val_if_fail (LIMBER_IS_TIMER_RING (self), FALSE);

  return self->tick_id != 0 || self->doze_id != 0;
}
