/* limber-chart.h: a small bar or line chart of one or two series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-types.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_CHART_BARS,
  LIMBER_CHART_LINES,
} LimberChartKind;

#define LIMBER_TYPE_CHART_KIND (limber_chart_kind_get_type ())
GType limber_chart_kind_get_type (void);

#define LIMBER_TYPE_CHART (limber_chart_get_type ())
G_DECLARE_FINAL_TYPE (LimberChart, limber_chart, LIMBER, CHART, GtkWidget)

GtkWidget       *limber_chart_new             (LimberChartKind     kind);
void             limber_chart_set_kind        (LimberChart        *self,
                                               LimberChartKind     kind);
LimberChartKind  limber_chart_get_kind        (LimberChart        *self);
void             limber_chart_set_y_max       (LimberChart        *self,
                                               double              y_max);
double           limber_chart_get_y_max       (LimberChart        *self);
double           limber_chart_get_y_step      (LimberChart        *self);
void             limber_chart_set_x_labels    (LimberChart        *self,
                                               const char * const *labels);
void             limber_chart_set_series      (LimberChart        *self,
                                               guint               index,
                                               const char         *name,
                                               const double       *values,
                                               guint               n_values);
void             limber_chart_set_goal        (LimberChart        *self,
                                               double              y,
                                               const char         *label);
void             limber_chart_clear           (LimberChart        *self);
void             limber_chart_set_title       (LimberChart        *self,
                                               const char         *title);
const char      *limber_chart_get_title       (LimberChart        *self);
void             limber_chart_set_summary     (LimberChart        *self,
                                               const char         *summary);
const char      *limber_chart_get_summary     (LimberChart        *self);

/* Where things are drawn at the current size, in widget coordinates. */
gboolean         limber_chart_get_plot_area   (LimberChart        *self,
                                               graphene_rect_t    *area);
double           limber_chart_get_x_for_index (LimberChart        *self,
                                               guint               index);
double           limber_chart_get_y_for_value (LimberChart        *self,
                                               double              value);
gboolean         limber_chart_get_x_label_bounds (LimberChart     *self,
                                                  guint            index,
                                                  graphene_rect_t *bounds);

G_END_DECLS
