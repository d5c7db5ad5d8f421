/* test-chart.c: LimberChart in a window under X, read back as pixels
 *
 * What the chart draws is found by comparing a rendering with data against
 * one without: a pixel that differs is a pixel of the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "limber-test-utils.h"
#include "widgets/limber-chart.h"

/* Colour distances: clearly drawn, and not drawn at all (antialiasing and
 * text hinting stay below it). */
#define DRAWN  120
#define UNDRAWN 24

typedef struct
{
  LimberChart *chart;
  GtkWindow   *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->chart = LIMBER_CHART (limber_chart_new (LIMBER_CHART_BARS));
  fixture->window = limber_test_window_new (GTK_WIDGET (fixture->chart), 600, 260);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  limber_test_iterate (20);
}

static cairo_surface_t *
render (Fixture *fixture)
{
  return limber_test_render_widget (GTK_WIDGET (fixture->chart));
}

static int
distance_at (cairo_surface_t *a,
             cairo_surface_t *b,
             int              x,
             int              y)
{
  return limber_test_colour_distance (limber_test_pixel_at (a, x, y), limber_test_pixel_at (b, x, y));
}

/* The highest row of column @x where @drawn differs from @empty, or -1. */
static int
top_of_column (cairo_surface_t *drawn,
               cairo_surface_t *empty,
               int              x)
{
  for (int y = 0; y < cairo_image_surface_get_height (drawn); y++)
    if (distance_at (drawn, empty, x, y) > DRAWN)
      return y;

  return -1;
}

/* How many pixels differ at all between @x0 and @x1, top to bottom. */
static guint
count_changes (cairo_surface_t *drawn,
               cairo_surface_t *empty,
               int              x0,
               int              x1)
{
  guint count = 0;

  for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (drawn)); x++)
    for (int y = 0; y < cairo_image_surface_get_height (drawn); y++)
      count += distance_at (drawn, empty, x, y) > UNDRAWN;

  return count;
}

static void
test_bars (Fixture       *fixture,
           gconstpointer  data)
{
  static const char * const labels[] = { "W1", "W2", "W3", "W4", "W5", "W6", NULL };
  static const double values[] = { 1, 3, 0, NAN, 2, 4 };
  LimberChart *chart = fixture->chart;
  cairo_surface_t *empty, *drawn;
  graphene_rect_t plot;
  double slot;
  int tops[G_N_ELEMENTS (values)];

  limber_chart_set_y_max (chart, 4);
  limber_chart_set_x_labels (chart, labels);
  empty = render (fixture);
  limber_chart_set_series (chart, 0, "Sessions", values, G_N_ELEMENTS (values));
  drawn = render (fixture);

  g_assert_true (limber_chart_get_plot_area (chart, &plot));
  slot = plot.size.width / G_N_ELEMENTS (values);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      int x = (int)limber_chart_get_x_for_index (chart, i);

      tops[i] = top_of_column (drawn, empty, x);

      if (values[i] > 0)
        {
          /* A bar stands on the baseline and reaches its value. */
          g_assert_cmpfloat_with_epsilon (tops[i], limber_chart_get_y_for_value (chart, values[i]), 1.5);
          g_assert_cmpint (distance_at (drawn, empty, x, (int)plot.origin.y + (int)plot.size.height - 2), >,
                           DRAWN);
        }
      else
        /* 0 and a missing value draw nothing anywhere in their slot. */
        g_assert_cmpuint (count_changes (drawn, empty, (int)(x - slot / 2 + 1), (int)(x + slot / 2 - 1)), ==, 0);
    }

  /* Larger is higher, that is nearer the top. */
  g_assert_cmpint (tops[0], >, tops[4]);
  g_assert_cmpint (tops[4], >, tops[1]);
  g_assert_cmpint (tops[1], >, tops[5]);

  cairo_surface_destroy (empty);
  cairo_surface_destroy (drawn);
}

static void
test_goal (Fixture       *fixture,
           gconstpointer  data)
{
  static const double values[] = { 1, 1, 1, 1 };
  LimberChart *chart = fixture->chart;
  cairo_surface_t *without, *with;
  graphene_rect_t plot;
  guint crossed = 0;
  int y;

  limber_chart_set_y_max (chart, 4);
  limber_chart_set_series (chart, 0, NULL, values, G_N_ELEMENTS (values));
  without = render (fixture);
  limber_chart_set_goal (chart, 3, NULL);
  with = render (fixture);

  /* A dashed line across the whole plot: about half of its row is drawn. */
  g_assert_true (limber_chart_get_plot_area (chart, &plot));
  y = (int)round (limber_chart_get_y_for_value (chart, 3));
  for (int x = (int)plot.origin.x; x < (int)(plot.origin.x + plot.size.width); x++)
    crossed += distance_at (with, without, x, y) > UNDRAWN || distance_at (with, without, x, y - 1) > UNDRAWN;
  g_assert_cmpuint (crossed, >, plot.size.width * 0.3);
  g_assert_cmpuint (crossed, <, plot.size.width * 0.8);

  cairo_surface_destroy (with);
  limber_chart_set_goal (chart, NAN, "Goal");
  with = render (fixture);
  g_assert_cmpuint (count_changes (with, without, 0, gtk_widget_get_width (GTK_WIDGET (chart))), ==, 0);

  cairo_surface_destroy (without);
  cairo_surface_destroy (with);
}

static void
test_line_gaps (Fixture       *fixture,
                gconstpointer  data)
{
  static const double values[] = { 3, 3, NAN, 3, 3 };
  LimberChart *chart = fixture->chart;
  cairo_surface_t *empty, *drawn;
  double x0, x1, x3;
  int y;

  limber_chart_set_kind (chart, LIMBER_CHART_LINES);
  limber_chart_set_y_max (chart, 10);
  empty = render (fixture);
  limber_chart_set_series (chart, 0, NULL, values, G_N_ELEMENTS (values));
  drawn = render (fixture);

  x0 = limber_chart_get_x_for_index (chart, 0);
  x1 = limber_chart_get_x_for_index (chart, 1);
  x3 = limber_chart_get_x_for_index (chart, 3);
  y = (int)round (limber_chart_get_y_for_value (chart, 3));

  /* Between two values, a line; across the missing one, nothing at all. */
  g_assert_cmpint (top_of_column (drawn, empty, (int)((x0 + x1) / 2)), >=, y - 2);
  g_assert_cmpint (top_of_column (drawn, empty, (int)((x0 + x1) / 2)), <=, y + 1);
  g_assert_cmpuint (count_changes (drawn, empty, (int)x1 + 8, (int)x3 - 8), ==, 0);

  cairo_surface_destroy (empty);
  cairo_surface_destroy (drawn);
}

/* The four corner pixels of a marker's 8 x 8 box, the least and the most
 * drawn: a square fills them, a disc hardly reaches them. */
static void
marker_corners (cairo_surface_t *drawn,
                cairo_surface_t *empty,
                int              x,
                int              y,
                int             *least,
                int             *most)
{
  static const int corners[][2] = { { 3, 3 }, { -4, -4 }, { 3, -4 }, { -4, 3 } };

  *least = G_MAXINT;
  *most = 0;
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      int distance = distance_at (drawn, empty, x + corners[i][0], y + corners[i][1]);

      *least = MIN (*least, distance);
      *most = MAX (*most, distance);
    }
}

/* Along the series' row between two markers: how much of it is drawn. */
static double
drawn_share (cairo_surface_t *drawn,
             cairo_surface_t *empty,
             int              x0,
             int              x1,
             int              y)
{
  guint count = 0;

  for (int x = x0; x < x1; x++)
    count += distance_at (drawn, empty, x, y) > DRAWN;

  return (double)count / (x1 - x0);
}

static guint
count_near (cairo_surface_t *surface,
            guint32          colour,
            int              rows)
{
  guint count = 0;

  for (int y = 0; y < rows; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      count += limber_test_colour_distance (limber_test_pixel_at (surface, x, y), colour) < UNDRAWN;

  return count;
}

/* Named series get a legend above the plot, with a sample of each. */
static void
assert_legend (Fixture *fixture,
               guint32  first,
               guint32  second)
{
  LimberChart *chart = fixture->chart;
  graphene_rect_t unnamed, named;
  cairo_surface_t *drawn;
  double values[10];

  g_assert_true (limber_chart_get_plot_area (chart, &unnamed));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 7;
  limber_chart_set_series (chart, 0, "Before", values, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 2;
  limber_chart_set_series (chart, 1, "After", values, G_N_ELEMENTS (values));
  drawn = render (fixture);
  g_assert_true (limber_chart_get_plot_area (chart, &named));

  g_assert_cmpfloat (named.origin.y, >, unnamed.origin.y + 8);
  g_assert_cmpuint (count_near (drawn, first, (int)named.origin.y - 4), >, 20);
  g_assert_cmpuint (count_near (drawn, second, (int)named.origin.y - 4), >, 20);

  cairo_surface_destroy (drawn);
}

static void
test_two_series (Fixture       *fixture,
                 gconstpointer  data)
{
  double before[10], after[10];
  LimberChart *chart = fixture->chart;
  cairo_surface_t *empty, *drawn;
  int x, x_next, y_before, y_after;
  int square_least, square_most, disc_least, disc_most;

  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    {
      before[i] = 7;
      after[i] = 2;
    }

  limber_chart_set_kind (chart, LIMBER_CHART_LINES);
  limber_chart_set_y_max (chart, 10);
  empty = render (fixture);
  /* Unnamed, so no legend moves the plot down. */
  limber_chart_set_series (chart, 0, NULL, before, G_N_ELEMENTS (before));
  limber_chart_set_series (chart, 1, NULL, after, G_N_ELEMENTS (after));
  drawn = render (fixture);

  x = (int)round (limber_chart_get_x_for_index (chart, 4));
  x_next = (int)round (limber_chart_get_x_for_index (chart, 5));
  y_before = (int)round (limber_chart_get_y_for_value (chart, 7));
  y_after = (int)round (limber_chart_get_y_for_value (chart, 2));

  /* Square markers on the first series, round ones on the second. */
  marker_corners (drawn, empty, x, y_before, &square_least, &square_most);
  marker_corners (drawn, empty, x, y_after, &disc_least, &disc_most);
  g_assert_cmpint (square_least, >, DRAWN);
  g_assert_cmpint (disc_most * 4, <, square_least);

  /* Away from the markers, the first series' line is dashed, the second's
   * solid. */
  g_assert_cmpfloat (drawn_share (drawn, empty, x + 8, x_next - 8, y_before), >, 0.3);
  g_assert_cmpfloat (drawn_share (drawn, empty, x + 8, x_next - 8, y_before), <, 0.8);
  g_assert_cmpfloat (drawn_share (drawn, empty, x + 8, x_next - 8, y_after), ==, 1.);

  /* And they are different colours. */
  g_assert_cmpint (limber_test_colour_distance (limber_test_pixel_at (drawn, x, y_before),
                                                limber_test_pixel_at (drawn, x, y_after)), >, DRAWN);

  assert_legend (fixture, limber_test_pixel_at (drawn, x, y_before), limber_test_pixel_at (drawn, x, y_after));

  cairo_surface_destroy (empty);
  cairo_surface_destroy (drawn);
}

/* Only the vertical extent of the line, without markers, at a point. */
static int
extent_at (cairo_surface_t *drawn,
           cairo_surface_t *empty,
           int              x)
{
  int top = -1, bottom = -1;

  for (int y = 0; y < cairo_image_surface_get_height (drawn); y++)
    if (distance_at (drawn, empty, x, y) > DRAWN)
      {
        if (top < 0)
          top = y;
        bottom = y;
      }

  return top < 0 ? 0 : bottom - top + 1;
}

static void
test_many_points (Fixture       *fixture,
                  gconstpointer  data)
{
  double values[60];
  LimberChart *chart = fixture->chart;
  cairo_surface_t *empty, *drawn;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = 5;

  limber_chart_set_kind (chart, LIMBER_CHART_LINES);
  limber_chart_set_y_max (chart, 10);
  empty = render (fixture);

  limber_chart_set_series (chart, 0, NULL, values, 20);
  drawn = render (fixture);
  g_assert_cmpint (extent_at (drawn, empty, (int)round (limber_chart_get_x_for_index (chart, 10))), >=, 8);
  cairo_surface_destroy (drawn);

  limber_chart_set_series (chart, 0, NULL, values, G_N_ELEMENTS (values));
  drawn = render (fixture);
  g_assert_cmpint (extent_at (drawn, empty, (int)round (limber_chart_get_x_for_index (chart, 30))), >, 0);
  g_assert_cmpint (extent_at (drawn, empty, (int)round (limber_chart_get_x_for_index (chart, 30))), <=, 4);
  cairo_surface_destroy (drawn);

  cairo_surface_destroy (empty);
}

/* How far from grey: the axes and labels are the foreground colour, the
 * data colours are not. */
static int
chroma (guint32 pixel)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return MAX (r, MAX (g, b)) - MIN (r, MIN (g, b));
}

static guint
count_coloured (cairo_surface_t *surface)
{
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      count += chroma (limber_test_pixel_at (surface, x, y)) > 40;

  return count;
}

static guint
count_opaque (cairo_surface_t *surface)
{
  guint count = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      count += (limber_test_pixel_at (surface, x, y) >> 24) > 0;

  return count;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const labels[] = { "Mon", "Tue", "Wed", NULL };
  static const double values[] = { 3, 5, 2 };
  LimberChart *chart = fixture->chart;
  cairo_surface_t *empty, *drawn, *cleared;

  for (guint kind = LIMBER_CHART_BARS; kind <= LIMBER_CHART_LINES; kind++)
    {
      limber_chart_set_kind (chart, kind);
      limber_chart_set_y_max (chart, 5);
      limber_chart_set_x_labels (chart, labels);
      empty = render (fixture);

      /* Axes, ticks and labels, and nothing in a data colour. */
      g_assert_cmpuint (count_opaque (empty), >, 100);
      g_assert_cmpuint (count_coloured (empty), ==, 0);

      limber_chart_set_series (chart, 0, "One", values, G_N_ELEMENTS (values));
      limber_chart_set_series (chart, 1, "Two", values, G_N_ELEMENTS (values));
      drawn = render (fixture);
      g_assert_cmpuint (count_coloured (drawn), >, 100);

      /* Cleared, it is as it was before any data. */
      limber_chart_clear (chart);
      limber_chart_set_x_labels (chart, labels);
      cleared = render (fixture);
      g_assert_cmpuint (count_changes (cleared, empty, 0, cairo_image_surface_get_width (empty)), ==, 0);

      cairo_surface_destroy (empty);
      cairo_surface_destroy (drawn);
      cairo_surface_destroy (cleared);
    }
}

static void
assert_x_labels_apart (LimberChart *chart,
                       guint        n_labels)
{
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  graphene_rect_t previous = GRAPHENE_RECT_INIT (-G_MAXFLOAT / 2, 0, 0, 0);
  guint shown = 0;

  for (guint i = 0; i < n_labels; i++)
    {
      graphene_rect_t bounds;

      if (!limber_chart_get_x_label_bounds (chart, i, &bounds))
        continue;

      shown++;
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
      g_assert_cmpfloat (bounds.origin.x, >=, previous.origin.x + previous.size.width + 4);
      previous = bounds;
    }

  g_assert_cmpuint (shown, >=, 2);
  g_assert_true (limber_chart_get_x_label_bounds (chart, n_labels - 1, NULL));
}

static guint
count_shown (LimberChart *chart,
             guint        n_labels)
{
  guint shown = 0;

  for (guint i = 0; i < n_labels; i++)
    shown += limber_chart_get_x_label_bounds (chart, i, NULL);

  return shown;
}

static void
test_x_labels (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const few[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", NULL };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  LimberChart *chart = fixture->chart;
  guint narrow;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *label = g_strdup_printf ("Week %u", i + 1);

      g_strv_builder_add (builder, label);
    }
  labels = g_strv_builder_end (builder);

  /* A few short labels all fit. */
  limber_chart_set_x_labels (chart, few);
  g_assert_cmpuint (count_shown (chart, 7), ==, 7);
  assert_x_labels_apart (chart, 7);

  limber_chart_set_x_labels (chart, (const char * const *)labels);
  limber_test_resize (fixture->window, GTK_WIDGET (chart), 400, 220);
  assert_x_labels_apart (chart, 200);
  narrow = count_shown (chart, 200);

  limber_test_resize (fixture->window, GTK_WIDGET (chart), 1800, 220);
  assert_x_labels_apart (chart, 200);
  g_assert_cmpuint (count_shown (chart, 200), >, narrow * 2);

  /* Too narrow for two: the last one still shows. */
  limber_test_resize (fixture->window, GTK_WIDGET (chart), 160, 220);
  g_assert_true (limber_chart_get_x_label_bounds (chart, 199, NULL));
}

static void
test_y_ticks (Fixture       *fixture,
              gconstpointer  data)
{
  static const double counts[] = { 1, 7, 3 };
  static const double small[] = { 1, 0, 1 };
  LimberChart *chart = fixture->chart;

  /* Soreness from 0 to 10: ticks at 0, 5 and 10. */
  limber_chart_set_y_max (chart, 10);
  g_assert_cmpfloat (limber_chart_get_y_max (chart), ==, 10);
  g_assert_cmpfloat (limber_chart_get_y_step (chart), ==, 5);

  /* Small counts: every integer. */
  limber_chart_set_y_max (chart, 4);
  g_assert_cmpfloat (limber_chart_get_y_step (chart), ==, 1);

  /* From the data: its largest value, rounded up to a tick. */
  limber_chart_set_y_max (chart, 0);
  g_assert_cmpfloat (limber_chart_get_y_max (chart), ==, 1);
  limber_chart_set_series (chart, 0, NULL, counts, G_N_ELEMENTS (counts));
  g_assert_cmpfloat (limber_chart_get_y_step (chart), ==, 2);
  g_assert_cmpfloat (limber_chart_get_y_max (chart), ==, 8);

  /* The goal is within the scale too. */
  limber_chart_set_series (chart, 0, NULL, small, G_N_ELEMENTS (small));
  limber_chart_set_goal (chart, 3, "Goal");
  g_assert_cmpfloat (limber_chart_get_y_step (chart), ==, 1);
  g_assert_cmpfloat (limber_chart_get_y_max (chart), ==, 3);
}

static void
test_sizes (Fixture       *fixture,
            gconstpointer  data)
{
  static const double values[] = { 4, 6, NAN, 5, 8, 7, 6, 5, 4, 6, 5, 7 };
  LimberChart *chart = fixture->chart;
  int minimum, natural;
  cairo_surface_t *surface;

  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 120);
  g_assert_cmpint (minimum, <=, 160);
  g_assert_cmpint (natural, >=, 200);
  g_assert_cmpint (natural, <=, 260);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 300);

  limber_chart_set_kind (chart, LIMBER_CHART_LINES);
  limber_chart_set_y_max (chart, 10);
  limber_chart_set_series (chart, 0, "Before", values, G_N_ELEMENTS (values));
  limber_chart_set_series (chart, 1, "After", values, G_N_ELEMENTS (values));
  limber_chart_set_goal (chart, 3, "Goal");

  for (guint i = 0; i < 2; i++)
    {
      graphene_rect_t plot;
      int width = i == 0 ? 300 : 1800;

      limber_test_resize (fixture->window, GTK_WIDGET (chart), width, 140);
      surface = render (fixture);
      g_assert_cmpuint (count_coloured (surface), >, 100);
      cairo_surface_destroy (surface);

      /* Most of the width and height is left to the data. */
      g_assert_true (limber_chart_get_plot_area (chart, &plot));
      g_assert_cmpfloat (plot.size.width, >, width * 0.7);
      g_assert_cmpfloat (plot.size.height, >, 140 * 0.5);
    }
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (fixture->chart);

  gtk_test_accessible_assert_role (accessible, GTK_ACCESSIBLE_ROLE_IMG);

  limber_chart_set_title (fixture->chart, "Sessions per week");
  limber_chart_set_summary (fixture->chart, "Twelve weeks: 2 sessions a week on average, 4 at most.");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "Sessions per week");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Twelve weeks: 2 sessions a week on average, 4 at most.");
  g_assert_cmpstr (limber_chart_get_title (fixture->chart), ==, "Sessions per week");

  g_object_set (fixture->chart, "summary", "No sessions yet.", NULL);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No sessions yet.");

  limber_chart_set_title (fixture->chart, NULL);
  limber_chart_set_summary (fixture->chart, NULL);
  g_assert_false (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_finalize (void)
{
  static const char * const labels[] = { "A", "B", NULL };
  static const double values[] = { 1, 2 };
  GtkWidget *chart = g_object_ref_sink (limber_chart_new (LIMBER_CHART_LINES));

  limber_chart_set_x_labels (LIMBER_CHART (chart), labels);
  limber_chart_set_series (LIMBER_CHART (chart), 0, "One", values, G_N_ELEMENTS (values));
  limber_chart_set_series (LIMBER_CHART (chart), 1, "Two", values, G_N_ELEMENTS (values));
  limber_chart_set_goal (LIMBER_CHART (chart), 1, "Goal");
  limber_chart_set_title (LIMBER_CHART (chart), "Title");
  g_assert_cmpfloat (limber_chart_get_y_step (LIMBER_CHART (chart)), ==, 1);
  g_assert_cmpint (limber_chart_get_kind (LIMBER_CHART (chart)), ==, LIMBER_CHART_LINES);
  g_assert_finalize_object (chart);
}

int
main (int   argc,
      char *argv[])
{
  limber_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/chart/bars", test_bars);
  ADD ("/chart/goal", test_goal);
  ADD ("/chart/line-gaps", test_line_gaps);
  ADD ("/chart/two-series", test_two_series);
  ADD ("/chart/many-points", test_many_points);
  ADD ("/chart/empty", test_empty);
  ADD ("/chart/x-labels", test_x_labels);
  ADD ("/chart/y-ticks", test_y_ticks);
  ADD ("/chart/sizes", test_sizes);
  ADD ("/chart/accessible", test_accessible);
  g_test_add_func ("/chart/finalize", test_finalize);

  return g_test_run ();
}
