/* limber-chart.c
 *
 * A chart for a page to read at a glance, not an instrument: bars or lines
 * over evenly spaced x positions, the y axis from 0 with a few integer
 * ticks. It draws only what it is given; a page writes the words (title,
 * summary, labels) and the summary is what a screen reader reads.
 *
 * Two line series are told apart without colour: the first is dashed with
 * square markers, the second solid with round ones, and the legend shows
 * the same marks. Colours come from the theme's named colours and the
 * widget's own foreground, so light, dark and high contrast all work.
 *
 * The layout (margins, ticks, which x labels fit) depends on the size, the
 * font and the data; it is worked out on the first draw, or the first
 * question about it, after any of them changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-chart"

#include "config.h"

#include <math.h>

#include "limber-chart.h"

#define MIN_WIDTH        160
#define NATURAL_WIDTH    480
#define MIN_HEIGHT       140
#define NATURAL_HEIGHT   220
/* At most this many intervals between y ticks: 0, 5, 10 for 0 to 10, and
 * 0 to 4 in ones for small counts. */
#define MAX_Y_INTERVALS  4
/* Room between a label and what it labels, and between two x labels. */
#define LABEL_GAP        6
#define X_LABEL_SPACING  10
#define EDGE_MARGIN      8
#define MAX_BAR_WIDTH    40
#define BAR_RADIUS       4
#define LINE_WIDTH       2.
#define MARKER_SIZE      8.
/* More points than this, or closer together, and markers would crowd. */
#define MAX_MARKED_POINTS 40
#define MIN_MARKER_SPACING 12.
#define LEGEND_SAMPLE    24
#define LEGEND_SPACING   18
#define GRID_ALPHA       0.10
#define AXIS_ALPHA       0.35
#define LABEL_ALPHA      0.65
#define LEGEND_ALPHA     0.80

static const double dashes[] = { 6., 4. };
static const double goal_dashes[] = { 5., 4. };

typedef struct
{
  char        *name;
  double      *values;
  guint        n_values;
  PangoLayout *legend_layout;
  double       legend_x;       /* where the legend's sample starts */
} Series;

typedef struct
{
  PangoLayout     *layout;
  int              width;
  int              height;
  gboolean         shown;
  graphene_rect_t  bounds;
} XLabel;

typedef struct
{
  double       value;
  PangoLayout *layout;
  int          width;
  int          height;
} YTick;

struct _LimberChart
{
  GtkWidget        parent_instance;

  LimberChartKind  kind;
  double           y_max;          /* 0: from the data */
  char           **x_labels;
  Series           series[2];
  double           goal;
  char            *goal_label;
  char            *title;
  char            *summary;

  /* The layout for layout_width x layout_height. */
  gboolean         layout_valid;
  int              layout_width;
  int              layout_height;
  double           line_height;
  graphene_rect_t  plot;
  double           y_top;
  double           y_step;
  guint            n_x;
  double           slot;
  GArray          *x_label_info;   /* XLabel */
  GArray          *y_ticks;        /* YTick */
  PangoLayout     *goal_layout;
  gboolean         has_legend;

  GdkRGBA          fg;
  GdkRGBA          colors[2];
  GdkRGBA          goal_color;
};

G_DEFINE_FINAL_TYPE (LimberChart, limber_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (LimberChartKind, limber_chart_kind,
  G_DEFINE_ENUM_VALUE (LIMBER_CHART_BARS, "bars"),
  G_DEFINE_ENUM_VALUE (LIMBER_CHART_LINES, "lines"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_Y_MAX,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_x_label (gpointer data)
{
  XLabel *label = data;

  g_clear_object (&label->layout);
}

static void
clear_y_tick (gpointer data)
{
  YTick *tick = data;

  g_clear_object (&tick->layout);
}

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->name, g_free);
  g_clear_pointer (&series->values, g_free);
  g_clear_object (&series->legend_layout);
  series->n_values = 0;
}

static gboolean
series_has_values (const Series *series)
{
  for (guint i = 0; i < series->n_values; i++)
    if (isfinite (series->values[i]))
      return TRUE;

  return FALSE;
}

static guint
count_drawn_series (LimberChart *self)
{
  return series_has_values (&self->series[0]) + series_has_values (&self->series[1]);
}

static void
invalidate_layout (LimberChart *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static PangoLayout *
create_layout (LimberChart *self,
               const char  *text,
               int         *width,
               int         *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;

  return layout;
}

static double
get_data_max (LimberChart *self)
{
  double max = 0;

  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    for (guint i = 0; i < self->series[s].n_values; i++)
      if (isfinite (self->series[s].values[i]))
        max = MAX (max, self->series[s].values[i]);

  if (isfinite (self->goal))
    max = MAX (max, self->goal);

  return max;
}

/* The smallest of 1, 2, 5, 10, 20, 50… that needs at most MAX_Y_INTERVALS
 * intervals to reach @top and leaves @min_spacing between ticks. */
static double
choose_y_step (double top,
               double plot_height,
               double min_spacing)
{
  static const double mantissas[] = { 1, 2, 5 };

  for (double decade = 1; decade < 1e15; decade *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
      {
        double step = mantissas[i] * decade;
        double intervals = ceil (top / step - 1e-9);

        if (intervals <= MAX_Y_INTERVALS && (intervals <= 1 || plot_height / intervals >= min_spacing))
          return step;
      }

  return top;
}

static gboolean
wants_legend (LimberChart *self)
{
  guint named = 0;

  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    if (self->series[s].name != NULL && *self->series[s].name != '\0' && series_has_values (&self->series[s]))
      named++;

  /* One series of bars is what the page's heading says it is. */
  if (self->kind == LIMBER_CHART_BARS)
    return named == 2;

  return named > 0;
}

static void
layout_legend (LimberChart *self)
{
  double x = self->plot.origin.x;

  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    {
      Series *series = &self->series[s];
      int width;

      g_clear_object (&series->legend_layout);
      if (!self->has_legend || series->name == NULL || !series_has_values (series))
        continue;

      series->legend_layout = create_layout (self, series->name, &width, NULL);
      series->legend_x = x;
      x += LEGEND_SAMPLE + LABEL_GAP + width + LEGEND_SPACING;
    }
}

/* Shows every @step-th label counting back from the last, so the last is
 * always shown, and says whether they all fit apart from each other. */
static gboolean
try_x_label_step (LimberChart *self,
                  guint        step,
                  double       min_x,
                  double       max_x,
                  double       y)
{
  double previous_end = -G_MAXDOUBLE;
  guint n = self->x_label_info->len;

  for (guint i = 0; i < n; i++)
    {
      XLabel *label = &g_array_index (self->x_label_info, XLabel, i);
      double centre = self->plot.origin.x + (i + 0.5) * self->slot;
      double x;

      label->shown = (n - 1 - i) % step == 0 && label->width > 0;
      if (!label->shown)
        continue;

      x = CLAMP (centre - label->width / 2., min_x, MAX (min_x, max_x - label->width));
      x = round (x);
      if (x < previous_end + X_LABEL_SPACING)
        return FALSE;

      label->bounds = GRAPHENE_RECT_INIT (x, y, label->width, label->height);
      previous_end = x + label->width;
    }

  return TRUE;
}

static void
layout_x_labels (LimberChart *self,
                 int          width)
{
  guint n = self->x_label_info->len;
  double widest = 0;
  double min_x = self->plot.origin.x;
  double y = self->plot.origin.y + self->plot.size.height + LABEL_GAP;
  guint step;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    widest = MAX (widest, g_array_index (self->x_label_info, XLabel, i).width);

  /* Start from the step that regular spacing needs; clamping at the edges
   * may need a larger one. */
  step = (guint)MAX (1., ceil ((widest + X_LABEL_SPACING) / MAX (self->slot, 0.01)));
  while (step < n && !try_x_label_step (self, step, min_x, width, y))
    step++;

  if (step >= n)
    {
      /* Only the last one, wherever it lands. */
      for (guint i = 0; i < n; i++)
        g_array_index (self->x_label_info, XLabel, i).shown = FALSE;
      try_x_label_step (self, n, min_x, width, y);
    }
}

static void
ensure_layout (LimberChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double top_margin, bottom_margin, left_margin, right_margin;
  double plot_height, data_top, widest_tick = 0;
  guint n_labels = self->x_labels ? g_strv_length (self->x_labels) : 0;
  PangoLayout *probe;
  int line_height;
  guint n_ticks;

  /* Before the first allocation, as it will most likely be. */
  if (width <= 0 || height <= 0)
    {
      width = NATURAL_WIDTH;
      height = NATURAL_HEIGHT;
    }

  if (self->layout_valid && width == self->layout_width && height == self->layout_height)
    return;

  self->layout_valid = TRUE;
  self->layout_width = width;
  self->layout_height = height;

  probe = create_layout (self, "0", NULL, &line_height);
  g_object_unref (probe);
  self->line_height = line_height;

  self->has_legend = wants_legend (self);
  top_margin = self->has_legend ? line_height + 2 * LABEL_GAP : ceil (line_height / 2.);
  bottom_margin = n_labels > 0 ? line_height + LABEL_GAP : ceil (line_height / 2.);
  plot_height = MAX (1., floor (height - top_margin - bottom_margin));

  /* The y scale: as given, or the data's largest value rounded up to a tick. */
  data_top = self->y_max > 0 ? self->y_max : MAX (1., get_data_max (self));
  data_top = MIN (data_top, 1e12);
  self->y_step = choose_y_step (data_top, plot_height, line_height * 1.6);
  self->y_top = self->y_max > 0 ? self->y_max : ceil (data_top / self->y_step - 1e-9) * self->y_step;

  g_array_set_size (self->y_ticks, 0);
  n_ticks = (guint)floor (self->y_top / self->y_step + 1e-9) + 1;
  for (guint i = 0; i < n_ticks; i++)
    {
      YTick tick = { i * self->y_step, NULL, 0, 0 };
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (text, sizeof text, "%.0f", tick.value);
      tick.layout = create_layout (self, text, &tick.width, &tick.height);
      widest_tick = MAX (widest_tick, tick.width);
      g_array_append_val (self->y_ticks, tick);
    }

  g_clear_object (&self->goal_layout);
  right_margin = EDGE_MARGIN;
  if (isfinite (self->goal) && self->goal_label != NULL && *self->goal_label != '\0')
    {
      int goal_width;

      self->goal_layout = create_layout (self, self->goal_label, &goal_width, NULL);
      right_margin = LABEL_GAP + goal_width + 2;
    }

  left_margin = ceil (widest_tick) + LABEL_GAP + 2;
  self->plot = GRAPHENE_RECT_INIT (left_margin, top_margin,
                                   MAX (1., floor (width - left_margin - right_margin)), plot_height);

  self->n_x = n_labels;
  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    self->n_x = MAX (self->n_x, self->series[s].n_values);
  self->slot = self->plot.size.width / MAX (1, self->n_x);

  g_array_set_size (self->x_label_info, 0);
  for (guint i = 0; i < n_labels; i++)
    {
      XLabel label = { NULL, 0, 0, FALSE, };

      label.layout = create_layout (self, self->x_labels[i], &label.width, &label.height);
      g_array_append_val (self->x_label_info, label);
    }
  layout_x_labels (self, width);
  layout_legend (self);
}

static double
value_to_y (LimberChart *self,
            double       value)
{
  return self->plot.origin.y + self->plot.size.height * (1. - value / self->y_top);
}

static double
index_to_x (LimberChart *self,
            guint        index)
{
  return self->plot.origin.x + (index + 0.5) * self->slot;
}

static double
snap_to_device (LimberChart *self,
                double       v)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  return round (v * scale) / scale;
}

/* Points sit on device pixel corners, so that square markers and level
 * lines have crisp edges. */
static void
point_at (LimberChart *self,
          guint        index,
          double       value,
          double      *x,
          double      *y)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  *x = round (index_to_x (self, index) * scale) / scale;
  *y = round (value_to_y (self, value) * scale) / scale;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
}

/* One series is the accent colour. Of two, the first is the warning
 * colour, a different lightness as well as a different hue; bars use the
 * stronger background shade of each, lines the shade meant for text. */
static void
update_colors (LimberChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean bars = self->kind == LIMBER_CHART_BARS;
  gboolean two = count_drawn_series (self) == 2;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &self->fg);

  if (bars)
    lookup_color (widget, "accent_bg_color", "#3584e4", &self->colors[two ? 1 : 0]);
  else
    lookup_color (widget, "accent_color", "#1c71d8", &self->colors[two ? 1 : 0]);

  if (two && bars)
    lookup_color (widget, "warning_bg_color", "#e5a50a", &self->colors[0]);
  else if (two)
    lookup_color (widget, "warning_color", "#9c6e03", &self->colors[0]);
  else
    self->colors[1] = self->colors[0];

  lookup_color (widget, "success_color", "#1b8553", &self->goal_color);
}

static void
append_hline (GtkSnapshot   *snapshot,
              LimberChart   *self,
              double         y,
              const GdkRGBA *color)
{
  double top = snap_to_device (self, y - 0.5);

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (self->plot.origin.x, top, self->plot.size.width, 1));
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  double         x,
                  double         y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_axes (LimberChart *self,
               GtkSnapshot *snapshot)
{
  GdkRGBA grid = self->fg, axis = self->fg, label = self->fg;

  grid.alpha *= GRID_ALPHA;
  axis.alpha *= AXIS_ALPHA;
  label.alpha *= LABEL_ALPHA;

  for (guint i = 0; i < self->y_ticks->len; i++)
    {
      YTick *tick = &g_array_index (self->y_ticks, YTick, i);
      double y = value_to_y (self, tick->value);

      append_hline (snapshot, self, y, i == 0 ? &axis : &grid);
      append_layout_at (snapshot, tick->layout,
                        self->plot.origin.x - LABEL_GAP - tick->width,
                        snap_to_device (self, y - tick->height / 2.), &label);
    }

  for (guint i = 0; i < self->x_label_info->len; i++)
    {
      XLabel *x_label = &g_array_index (self->x_label_info, XLabel, i);

      if (x_label->shown)
        append_layout_at (snapshot, x_label->layout,
                          x_label->bounds.origin.x, x_label->bounds.origin.y, &label);
    }
}

static void
snapshot_bars (LimberChart *self,
               GtkSnapshot *snapshot)
{
  gboolean drawn[2] = { series_has_values (&self->series[0]), series_has_values (&self->series[1]) };
  guint n_series = drawn[0] + drawn[1];
  double gap = n_series > 1 ? MIN (2., self->slot * 0.05) : 0;
  double group, width, baseline = value_to_y (self, 0);

  if (n_series == 0)
    return;

  group = MIN (self->slot * (n_series > 1 ? 0.8 : 0.62), MAX_BAR_WIDTH * n_series);
  width = (group - gap * (n_series - 1)) / n_series;

  for (guint i = 0; i < self->n_x; i++)
    {
      double left = index_to_x (self, i) - group / 2;
      guint k = 0;

      for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
        {
          Series *series = &self->series[s];
          graphene_rect_t bar;
          GskRoundedRect rounded;
          double value, x0, x1, top, radius;

          if (!drawn[s])
            continue;

          value = i < series->n_values ? series->values[i] : NAN;
          k++;
          if (!isfinite (value) || value <= 0)
            continue;

          /* Whole pixels at the sides keep bars crisp; a bar is at least
           * two pixels tall, so a small value is still seen. */
          x0 = snap_to_device (self, left + (k - 1) * (width + gap));
          x1 = MAX (x0 + 1, snap_to_device (self, left + (k - 1) * (width + gap) + width));
          top = snap_to_device (self, value_to_y (self, MIN (value, self->y_top)));
          top = MIN (top, baseline - 2);
          bar = GRAPHENE_RECT_INIT (x0, top, x1 - x0, baseline - top);
          radius = MIN (BAR_RADIUS, MIN ((x1 - x0) / 2, baseline - top));

          gsk_rounded_rect_init (&rounded, &bar,
                                 &GRAPHENE_SIZE_INIT (radius, radius), &GRAPHENE_SIZE_INIT (radius, radius),
                                 &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0));
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &self->colors[s], &bar);
          gtk_snapshot_pop (snapshot);
        }
    }
}

static void
draw_marker (cairo_t *cr,
             double   x,
             double   y,
             gboolean square)
{
  if (square)
    {
      cairo_rectangle (cr, x - MARKER_SIZE / 2, y - MARKER_SIZE / 2, MARKER_SIZE, MARKER_SIZE);
    }
  else
    {
      /* A disc a little wider than the square, as large to the eye. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, MARKER_SIZE / 2 + 0.5, 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

static void
set_line_style (cairo_t  *cr,
                gboolean  dashed)
{
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dashed ? dashes : NULL, dashed ? G_N_ELEMENTS (dashes) : 0, 0);
}

static gboolean
shows_markers (LimberChart *self)
{
  return self->n_x <= MAX_MARKED_POINTS && self->slot >= MIN_MARKER_SPACING;
}

static void
draw_series_line (LimberChart *self,
                  cairo_t     *cr,
                  guint        s,
                  gboolean     two)
{
  Series *series = &self->series[s];
  gboolean dashed = two && s == 0;
  gboolean markers = shows_markers (self);
  gboolean pen_down = FALSE;

  gdk_cairo_set_source_rgba (cr, &self->colors[s]);
  set_line_style (cr, dashed);

  /* A value missing is a gap in the line, not a fall to 0. */
  for (guint i = 0; i < series->n_values; i++)
    {
      double value = series->values[i];
      double x, y;

      if (!isfinite (value))
        {
          pen_down = FALSE;
          continue;
        }

      point_at (self, i, value, &x, &y);
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < series->n_values; i++)
    {
      double value = series->values[i];
      gboolean alone;
      double x, y;

      if (!isfinite (value))
        continue;

      /* Without markers, a point between two gaps would not show at all. */
      alone = (i == 0 || !isfinite (series->values[i - 1])) &&
              (i + 1 >= series->n_values || !isfinite (series->values[i + 1]));
      point_at (self, i, value, &x, &y);
      if (markers)
        draw_marker (cr, x, y, dashed);
      else if (alone)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, LINE_WIDTH * 1.25, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

static void
snapshot_lines (LimberChart *self,
                GtkSnapshot *snapshot)
{
  gboolean two = count_drawn_series (self) == 2;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (count_drawn_series (self) == 0)
    return;

  /* Room for markers on the edges; values beyond the scale are cut off. */
  graphene_rect_inset_r (&self->plot, -MARKER_SIZE, -MARKER_SIZE, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_rectangle (cr, bounds.origin.x, self->plot.origin.y - MARKER_SIZE / 2 - 1,
                   bounds.size.width, self->plot.size.height + MARKER_SIZE + 2);
  cairo_clip (cr);

  /* The second series is drawn last: it is the one the page leads with. */
  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    if (series_has_values (&self->series[s]))
      draw_series_line (self, cr, s, two);

  cairo_destroy (cr);
}

static void
snapshot_goal (LimberChart *self,
               GtkSnapshot *snapshot)
{
  graphene_rect_t bounds;
  double y;
  cairo_t *cr;

  if (!isfinite (self->goal) || self->goal < 0 || self->goal > self->y_top)
    return;

  y = snap_to_device (self, value_to_y (self, self->goal));
  bounds = GRAPHENE_RECT_INIT (self->plot.origin.x, y - 2, self->plot.size.width, 4);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, &self->goal_color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, goal_dashes, G_N_ELEMENTS (goal_dashes), 0);
  cairo_move_to (cr, self->plot.origin.x, y);
  cairo_line_to (cr, self->plot.origin.x + self->plot.size.width, y);
  cairo_stroke (cr);
  cairo_destroy (cr);

  if (self->goal_layout != NULL)
    {
      int height;

      pango_layout_get_pixel_size (self->goal_layout, NULL, &height);
      append_layout_at (snapshot, self->goal_layout,
                        self->plot.origin.x + self->plot.size.width + LABEL_GAP,
                        snap_to_device (self, y - height / 2.), &self->goal_color);
    }
}

static void
snapshot_legend (LimberChart *self,
                 GtkSnapshot *snapshot)
{
  gboolean two = count_drawn_series (self) == 2;
  GdkRGBA label = self->fg;
  double y = round (self->line_height / 2. + LABEL_GAP / 2.);

  if (!self->has_legend)
    return;

  label.alpha *= LEGEND_ALPHA;

  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    {
      Series *series = &self->series[s];
      double x = series->legend_x;
      graphene_rect_t bounds;
      cairo_t *cr;

      if (series->legend_layout == NULL)
        continue;

      bounds = GRAPHENE_RECT_INIT (x - 1, y - MARKER_SIZE, LEGEND_SAMPLE + 2, 2 * MARKER_SIZE);
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      gdk_cairo_set_source_rgba (cr, &self->colors[s]);
      if (self->kind == LIMBER_CHART_BARS)
        {
          cairo_rectangle (cr, x + LEGEND_SAMPLE / 2. - 6, y - 6, 12, 12);
          cairo_fill (cr);
        }
      else
        {
          set_line_style (cr, two && s == 0);
          cairo_move_to (cr, x + 1, y);
          cairo_line_to (cr, x + LEGEND_SAMPLE - 1, y);
          cairo_stroke (cr);
          if (shows_markers (self))
            draw_marker (cr, x + LEGEND_SAMPLE / 2, y, two && s == 0);
        }
      cairo_destroy (cr);

      append_layout_at (snapshot, series->legend_layout, x + LEGEND_SAMPLE + LABEL_GAP,
                        snap_to_device (self, y - self->line_height / 2.), &label);
    }
}

static void
limber_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  LimberChart *self = LIMBER_CHART (widget);

  ensure_layout (self);
  update_colors (self);

  snapshot_axes (self, snapshot);
  if (self->kind == LIMBER_CHART_BARS)
    snapshot_bars (self, snapshot);
  else
    snapshot_lines (self, snapshot);
  snapshot_goal (self, snapshot);
  snapshot_legend (self, snapshot);
}

static void
limber_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
limber_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (limber_chart_parent_class)->css_changed (widget, change);

  /* The font may have changed; colours are looked up at every draw. */
  invalidate_layout (LIMBER_CHART (widget));
}

static void
limber_chart_finalize (GObject *object)
{
  LimberChart *self = (LimberChart *)object;

  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    series_clear (&self->series[s]);
  g_clear_pointer (&self->x_labels, g_strfreev);
  g_clear_pointer (&self->goal_label, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->x_label_info, g_array_unref);
  g_clear_pointer (&self->y_ticks, g_array_unref);
  g_clear_object (&self->goal_layout);

  G_OBJECT_CLASS (limber_chart_parent_class)->finalize (object);
}

static void
limber_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LimberChart *self = LIMBER_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_Y_MAX:
      g_value_set_double (value, self->y_max);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LimberChart *self = LIMBER_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      limber_chart_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_Y_MAX:
      limber_chart_set_y_max (self, g_value_get_double (value));
      break;

    case PROP_TITLE:
      limber_chart_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      limber_chart_set_summary (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_chart_class_init (LimberChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = limber_chart_finalize;
  object_class->get_property = limber_chart_get_property;
  object_class->set_property = limber_chart_set_property;

  widget_class->snapshot = limber_chart_snapshot;
  widget_class->measure = limber_chart_measure;
  widget_class->css_changed = limber_chart_css_changed;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, LIMBER_TYPE_CHART_KIND, LIMBER_CHART_BARS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LimberChart:y-max:
   *
   * The top of the y axis; 0 for the largest value shown, rounded up to a tick.
   */
  properties[PROP_Y_MAX] =
    g_param_spec_double ("y-max", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_chart_init (LimberChart *self)
{
  self->goal = NAN;
  self->x_label_info = g_array_new (FALSE, TRUE, sizeof (XLabel));
  g_array_set_clear_func (self->x_label_info, clear_x_label);
  self->y_ticks = g_array_new (FALSE, TRUE, sizeof (YTick));
  g_array_set_clear_func (self->y_ticks, clear_y_tick);

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
limber_chart_new (LimberChartKind kind)
{
  return g_object_new (LIMBER_TYPE_CHART, "kind", kind, NULL);
}

/**
 * limber_chart_set_kind:
 *
 * Draws the series as bars, side by side where there are two, or as lines.
 */
void
limber_chart_set_kind (LimberChart     *self,
                       LimberChartKind  kind)
{
  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (kind == LIMBER_CHART_BARS || kind == LIMBER_CHART_LINES);

  if (self->kind == kind)
    return;

  self->kind = kind;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

LimberChartKind
limber_chart_get_kind (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), LIMBER_CHART_BARS);

  return self->kind;
}

/**
 * limber_chart_set_y_max:
 * @y_max: the top of the y axis, or 0 (or NAN) for the data's largest value
 *   rounded up to a tick
 *
 * The y axis runs from 0 to @y_max, with ticks on a few round integers.
 */
void
limber_chart_set_y_max (LimberChart *self,
                        double       y_max)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  if (!isfinite (y_max) || y_max < 0)
    y_max = 0;

  if (self->y_max == y_max)
    return;

  self->y_max = y_max;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y_MAX]);
}

/**
 * limber_chart_get_y_max:
 *
 * Returns: the top of the y axis as drawn at the current size, the one set
 * or the one worked out from the data.
 */
double
limber_chart_get_y_max (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);

  ensure_layout (self);
  return self->y_top;
}

/**
 * limber_chart_get_y_step:
 *
 * Returns: the distance between two y ticks at the current size.
 */
double
limber_chart_get_y_step (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);

  ensure_layout (self);
  return self->y_step;
}

/**
 * limber_chart_set_x_labels:
 * @labels: (nullable) (array zero-terminated=1): one label per x position
 *
 * Labels the x positions. Where they would overlap only every so many are
 * shown, counting back from the last, which is always shown.
 */
void
limber_chart_set_x_labels (LimberChart        *self,
                           const char * const *labels)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  g_strfreev (self->x_labels);
  self->x_labels = g_strdupv ((char **)labels);
  invalidate_layout (self);
}

/**
 * limber_chart_set_series:
 * @index: 0 or 1
 * @name: (nullable): what the legend calls the series
 * @values: (array length=n_values) (nullable): one value per x position; NAN
 *   where there is none
 *
 * Sets the values of one series; no values removes it. Of two line series
 * the first is dashed with square markers and the second solid with round
 * ones.
 */
void
limber_chart_set_series (LimberChart  *self,
                         guint         index,
                         const char   *name,
                         const double *values,
                         guint         n_values)
{
  Series *series;

  g_return_if_fail (LIMBER_IS_CHART (self));
  g_return_if_fail (index < G_N_ELEMENTS (self->series));
  g_return_if_fail (values != NULL || n_values == 0);

  series = &self->series[index];
  series_clear (series);
  series->name = g_strdup (name);
  series->values = g_memdup2 (values, sizeof (double) * n_values);
  series->n_values = n_values;

  invalidate_layout (self);
}

/**
 * limber_chart_set_goal:
 * @y: where to draw the goal, or NAN for none
 * @label: (nullable): a word or two beside the goal line, such as "Goal"
 *
 * Draws a dashed line across the chart at @y.
 */
void
limber_chart_set_goal (LimberChart *self,
                       double       y,
                       const char  *label)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  self->goal = isfinite (y) ? y : NAN;
  g_free (self->goal_label);
  self->goal_label = g_strdup (label);
  invalidate_layout (self);
}

/**
 * limber_chart_clear:
 *
 * Removes the series, the x labels and the goal; the kind, the y axis's top,
 * the title and the summary stay.
 */
void
limber_chart_clear (LimberChart *self)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  for (guint s = 0; s < G_N_ELEMENTS (self->series); s++)
    series_clear (&self->series[s]);
  g_clear_pointer (&self->x_labels, g_strfreev);
  self->goal = NAN;
  g_clear_pointer (&self->goal_label, g_free);
  invalidate_layout (self);
}

static void
set_accessible_text (LimberChart             *self,
                     GtkAccessibleProperty    property,
                     char                   **field,
                     const char              *text,
                     GParamSpec              *pspec)
{
  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), property, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), property);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * limber_chart_set_title:
 * @title: (nullable): what the chart shows, such as "Sessions per week"
 *
 * Sets the chart's accessible name. The chart does not draw it: the page
 * shows its own heading.
 */
void
limber_chart_set_title (LimberChart *self,
                        const char  *title)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  set_accessible_text (self, GTK_ACCESSIBLE_PROPERTY_LABEL, &self->title, title, properties[PROP_TITLE]);
}

const char *
limber_chart_get_title (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), NULL);

  return self->title;
}

/**
 * limber_chart_set_summary:
 * @summary: (nullable): the chart in words, for those who cannot see it
 *
 * Sets the chart's accessible description: a screen reader reads it in
 * place of the picture, so it should say what the chart shows.
 */
void
limber_chart_set_summary (LimberChart *self,
                          const char  *summary)
{
  g_return_if_fail (LIMBER_IS_CHART (self));

  set_accessible_text (self, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, &self->summary, summary,
                       properties[PROP_SUMMARY]);
}

const char *
limber_chart_get_summary (LimberChart *self)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), NULL);

  return self->summary;
}

/**
 * limber_chart_get_plot_area:
 *
 * Says where the data is drawn, between the axis labels, at the current
 * size: y = 0 is its bottom edge and the top of the y axis its top edge.
 *
 * Returns: %FALSE before the chart has a size
 */
gboolean
limber_chart_get_plot_area (LimberChart     *self,
                            graphene_rect_t *area)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  ensure_layout (self);
  *area = self->plot;
  return TRUE;
}

/**
 * limber_chart_get_x_for_index:
 *
 * Returns: the middle of x position @index, where its bar or point is.
 */
double
limber_chart_get_x_for_index (LimberChart *self,
                              guint        index)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);

  ensure_layout (self);
  return index_to_x (self, index);
}

/**
 * limber_chart_get_y_for_value:
 *
 * Returns: where @value lies on the y axis at the current size.
 */
double
limber_chart_get_y_for_value (LimberChart *self,
                              double       value)
{
  g_return_val_if_fail (LIMBER_IS_CHART (self), 0);

  ensure_layout (self);
  return value_to_y (self, value);
}

/**
 * limber_chart_get_x_label_bounds:
 *
 * Returns: whether the x label at @index is shown at the current size, and
 * if so where, in @bounds.
 */
gboolean
limber_chart_get_x_label_bounds (LimberChart     *self,
                                 guint            index,
                                 graphene_rect_t *bounds)
{
  XLabel *label;

  g_return_val_if_fail (LIMBER_IS_CHART (self), FALSE);

  ensure_layout (self);
  if (index >= self->x_label_info->len)
    return FALSE;

  label = &g_array_index (self->x_label_info, XLabel, index);
  if (label->shown && bounds != NULL)
    *bounds = label->bounds;

  return label->shown;
}
