/* limber-history-page.c
 *
 * Everything here is read again from the history when the page is shown
 * after a change, never kept in step by hand: the history is the one
 * truth, and reading it takes a few milliseconds even after ten years.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "core/limber-suggestion.h"
#include "limber-figure.h"
#include "limber-format.h"
#include "limber-history-page.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

struct _LimberHistoryPage
{
  GtkWidget        parent_instance;

  /* template */
  GtkLabel        *notice_label;
  GtkStack        *content_stack;
  GtkLabel        *sessions_label;
  GtkLabel        *sessions_caption;
  GtkLabel        *week_label;
  GtkLabel        *week_caption;
  GtkLabel        *streak_label;
  GtkLabel        *streak_caption;
  GtkWidget       *suggestion_box;
  GtkLabel        *suggestion_label;
  GtkBox          *columns;
  GtkWidget       *map_column;
  LimberBodyMap   *heat_map;
  LimberChart     *week_chart;
  GtkLabel        *week_summary;
  GtkLabel        *region_title;
  LimberChart     *region_chart;
  GtkLabel        *region_summary;
  GtkListBox      *session_list;
  GtkWidget       *more_button;

  LimberCatalogue *catalogue;
  LimberHistory   *history;
  GSettings       *settings;
  GHashTable      *regions_by_svg_id; /* svg id -> LimberRegion */
  char            *region_id;         /* the region the line chart shows */
  char            *view;
  char            *streak_text;
  gint64           oldest_listed;
  guint            n_listed;
  gboolean         dirty;
  gboolean         picking;
};

G_DEFINE_FINAL_TYPE (LimberHistoryPage, limber_history_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (LimberHistoryPage *self,
           const char        *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
show_error (LimberHistoryPage *self,
            const char        *heading,
            const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Translators: a short date on a chart's axis, in strftime format: "21 Nov" */
#define SHORT_DATE_FORMAT N_("%-d %b")

static char *
format_short_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, _(SHORT_DATE_FORMAT));
}

static void
update_notice (LimberHistoryPage *self)
{
  const char *message = limber_history_get_message (self->history);
  gboolean writable = limber_history_get_writable (self->history);

  if (message == NULL && writable && !g_settings_get_boolean (self->settings, "keep-history"))
    message = _("Limber is keeping no new history. Turn on “Keep History” in Preferences to record your sessions.");

  gtk_label_set_text (self->notice_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.delete-all", writable);
}

static void
update_stats (LimberHistoryPage *self,
              guint              n_sessions,
              GArray            *per_week,
              guint              streak)
{
  guint this_week = per_week->len > 0 ? g_array_index (per_week, guint, per_week->len - 1) : 0;
  g_autofree char *total = g_strdup_printf ("%u", n_sessions);
  g_autofree char *week = g_strdup_printf ("%u", this_week);
  g_autofree char *weeks = g_strdup_printf ("%u", streak);

  gtk_label_set_text (self->sessions_label, total);
  gtk_label_set_text (self->sessions_caption, ngettext ("session in all", "sessions in all", n_sessions));
  gtk_label_set_text (self->week_label, week);
  gtk_label_set_text (self->week_caption, ngettext ("session this week", "sessions this week", this_week));
  gtk_label_set_text (self->streak_label, weeks);
  gtk_label_set_text (self->streak_caption, ngettext ("week in a row with at least two sessions",
                                                     "weeks in a row with at least two sessions", streak));

  g_free (self->streak_text);
  self->streak_text = g_strdup_printf (ngettext ("%u week in a row with at least two sessions",
                                                 "%u weeks in a row with at least two sessions", streak),
                                       streak);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->streak_label))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->streak_text, -1);
}

static void
update_week_chart (LimberHistoryPage *self,
                   GArray            *per_week,
                   GDateTime         *now)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *values = g_new0 (double, MAX (per_week->len, 1));
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (today, 1 - g_date_time_get_day_of_week (today));
  g_autofree char *list = NULL, *summary = NULL;
  guint max = 2;

  for (guint i = 0; i < per_week->len; i++)
    {
      guint count = g_array_index (per_week, guint, i);
      g_autoptr(GDateTime) start = g_date_time_add_weeks (monday, (int)i - (int)per_week->len + 1);

      values[i] = count;
      max = MAX (max, count);
      g_ptr_array_add (labels, g_date_time_format (start, _(SHORT_DATE_FORMAT)));
      g_ptr_array_add (counts, g_strdup_printf ("%u", count));
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (counts, NULL);

  limber_chart_clear (self->week_chart);
  limber_chart_set_y_max (self->week_chart, max + 1);
  limber_chart_set_x_labels (self->week_chart, (const char * const *)labels->pdata);
  limber_chart_set_series (self->week_chart, 0, _("Sessions"), values, per_week->len);
  limber_chart_set_goal (self->week_chart, 2, _("Two a week"));

  list = g_strjoinv (", ", (char **)counts->pdata);
  summary = g_strdup_printf (ngettext ("Sessions in each of the last %u week, oldest first: %s.",
                                       "Sessions in each of the last %u weeks, oldest first: %s.", per_week->len),
                             per_week->len, list);
  limber_chart_set_title (self->week_chart, _("Sessions per week"));
  limber_chart_set_summary (self->week_chart, summary);
  gtk_label_set_text (self->week_summary, summary);
}

static void
update_heat (LimberHistoryPage *self,
             gint64             since)
{
  g_autoptr(GHashTable) soreness = limber_history_recent_soreness (self->history, since);
  GHashTableIter iter;
  gpointer key, value;

  limber_body_map_clear_heat (self->heat_map);
  g_hash_table_iter_init (&iter, self->regions_by_svg_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *svg_id = key;
      LimberRegion *region = value;
      const double *mean = g_hash_table_lookup (soreness, limber_region_get_id (region));
      g_autofree char *description = NULL;

      if (mean != NULL)
        {
          limber_body_map_set_heat (self->heat_map, svg_id, *mean / LIMBER_SORENESS_MAX);
          /* Translators: a region's soreness on the history map, e.g. 6.5 of 10 */
          description = g_strdup_printf (_("Soreness %.1f of 10 on average in the last four weeks"), *mean);
        }
      else
        description = g_strdup (_("Not rated in the last four weeks"));
      limber_body_map_set_region_description (self->heat_map, svg_id, description);
    }
}

/* The region the chart opens on: the sorest lately, else the last one rated. */
static char *
pick_default_region (LimberHistoryPage *self,
                     gint64             since)
{
  g_autoptr(GHashTable) soreness = limber_history_recent_soreness (self->history, since);
  g_auto(GStrv) rated = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  double best_mean = -1;

  g_hash_table_iter_init (&iter, soreness);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(double *)value > best_mean || (*(double *)value == best_mean && g_strcmp0 (key, best) < 0))
      {
        best = key;
        best_mean = *(double *)value;
      }
  if (best != NULL)
    return g_strdup (best);

  rated = limber_history_dup_rated_regions (self->history);
  return rated[0] != NULL ? g_strdup (rated[0]) : NULL;
}

static void
update_region_chart (LimberHistoryPage *self)
{
  LimberRegion *region = self->region_id ? limber_catalogue_lookup_region (self->catalogue, self->region_id) : NULL;
  g_autoptr(GArray) points = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *before = NULL, *after = NULL;
  g_autofree char *summary = NULL;
  guint first, n, n_before = 0, n_after = 0;
  double sum_before = 0, sum_after = 0;

  limber_chart_clear (self->region_chart);
  limber_chart_set_y_max (self->region_chart, LIMBER_SORENESS_MAX);
  if (region == NULL)
    {
      gtk_label_set_text (self->region_title, _("Soreness Before and After"));
      gtk_label_set_text (self->region_summary, _("Rate how sore a place is when you start a routine, and its chart appears here."));
      limber_chart_set_title (self->region_chart, _("Soreness before and after"));
      limber_chart_set_summary (self->region_chart, NULL);
      return;
    }

  points = limber_history_region_ratings (self->history, self->region_id, 0);
  first = points->len > LIMBER_HISTORY_PAGE_CHART_POINTS ? points->len - LIMBER_HISTORY_PAGE_CHART_POINTS : 0;
  n = points->len - first;
  before = g_new (double, MAX (n, 1));
  after = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const LimberRatingPoint *point = &g_array_index (points, LimberRatingPoint, first + i);

      before[i] = point->before != LIMBER_SORENESS_NOT_RATED ? point->before : NAN;
      after[i] = point->after != LIMBER_SORENESS_NOT_RATED ? point->after : NAN;
      if (point->before != LIMBER_SORENESS_NOT_RATED)
        {
          sum_before += point->before;
          n_before++;
        }
      if (point->after != LIMBER_SORENESS_NOT_RATED)
        {
          sum_after += point->after;
          n_after++;
        }
      g_ptr_array_add (labels, format_short_date (point->started));
    }
  g_ptr_array_add (labels, NULL);

  gtk_label_set_text (self->region_title, limber_region_get_name (region));
  limber_chart_set_x_labels (self->region_chart, (const char * const *)labels->pdata);
  limber_chart_set_series (self->region_chart, 0, C_("soreness", "Before"), before, n);
  limber_chart_set_series (self->region_chart, 1, C_("soreness", "After"), after, n);

  if (n_after > 0 && n_before > 0)
    /* Translators: %1$s is a body region, %2$u a number of sessions, %3$.1f
     * and %4$.1f soreness on a 0 to 10 scale */
    summary = g_strdup_printf (ngettext ("%1$s over your last %2$u session: %3$.1f of 10 before on average, "
                                         "%4$.1f after.",
                                         "%1$s over your last %2$u sessions: %3$.1f of 10 before on average, "
                                         "%4$.1f after.", n),
                               limber_region_get_name (region), n, sum_before / n_before, sum_after / n_after);
  else if (n_before > 0)
    summary = g_strdup_printf (ngettext ("%1$s over your last %2$u session: %3$.1f of 10 before on average; "
                                         "not rated after.",
                                         "%1$s over your last %2$u sessions: %3$.1f of 10 before on average; "
                                         "not rated after.", n),
                               limber_region_get_name (region), n, sum_before / n_before);
  else
    summary = g_strdup_printf (ngettext ("%1$s over your last %2$u session: %3$.1f of 10 after on average.",
                                         "%1$s over your last %2$u sessions: %3$.1f of 10 after on average.", n),
                               limber_region_get_name (region), n, n_after > 0 ? sum_after / n_after : 0);

  {
    /* Translators: the chart's name for a screen reader; %s is a body region */
    g_autofree char *title = g_strdup_printf (_("Soreness of %s before and after each session"),
                                              limber_region_get_name (region));
    limber_chart_set_title (self->region_chart, title);
  }
  limber_chart_set_summary (self->region_chart, summary);
  gtk_label_set_text (self->region_summary, summary);
}

static char *
describe_routines (LimberHistoryPage   *self,
                   LimberSessionRecord *session)
{
  guint n = limber_session_record_get_n_routines (session);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const char *id = limber_session_record_get_routine (session, i, NULL, NULL);
      LimberRoutine *routine = limber_catalogue_lookup_routine (self->catalogue, id);

      g_ptr_array_add (titles, routine != NULL ? (gpointer)limber_routine_get_title (routine)
                                               : (gpointer)_("A routine no longer in the catalogue"));
    }
  g_ptr_array_add (titles, NULL);

  return n > 0 ? limber_format_list ((const char * const *)titles->pdata) : g_strdup (_("Session"));
}

static char *
describe_ratings (LimberHistoryPage   *self,
                  LimberSessionRecord *session)
{
  guint n = limber_session_record_get_n_ratings (session);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      int before, after;
      const char *id = limber_session_record_get_rating (session, i, &before, &after);
      LimberRegion *region = limber_catalogue_lookup_region (self->catalogue, id);
      const char *name = region != NULL ? limber_region_get_name (region) : id;

      if (before != LIMBER_SORENESS_NOT_RATED && after != LIMBER_SORENESS_NOT_RATED)
        /* Translators: a region's soreness before and after a session: "Left calf 7 → 3" */
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s %2$d → %3$d"), name, before, after));
      else if (before != LIMBER_SORENESS_NOT_RATED)
        /* Translators: a region's soreness before a session, not rated after */
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s %2$d before"), name, before));
      else if (after != LIMBER_SORENESS_NOT_RATED)
        /* Translators: a region's soreness after a session, not rated before */
        g_ptr_array_add (parts, g_strdup_printf (_("%1$s %2$d after"), name, after));
    }
  g_ptr_array_add (parts, NULL);

  return parts->len > 1 ? limber_format_list ((const char * const *)parts->pdata) : NULL;
}

static GtkWidget *
new_line (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_session_row (LimberHistoryPage   *self,
                 LimberSessionRecord *session)
{
  g_autofree char *title = describe_routines (self, session);
  g_autofree char *ratings = describe_ratings (self, session);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (limber_session_record_get_started (session));
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  /* Translators: when a session started, in strftime format */
  g_autofree char *when = g_date_time_format (local, _("%A %-d %B %Y, %H:%M"));
  g_autofree char *length = limber_format_duration ((guint)(limber_session_record_get_ended (session)
                                                            - limber_session_record_get_started (session)));
  g_autofree char *subtitle = NULL;
  guint n_hurts = limber_session_record_get_n_hurts (session);
  GtkWidget *row, *box, *text;

  if (limber_session_record_get_finished (session))
    /* Translators: a past session: when it started and how long it took */
    subtitle = g_strdup_printf (_("%1$s · %2$s"), when, length);
  else
    subtitle = g_strdup_printf (_("%1$s · %2$s · stopped early"), when, length);

  /* Plain one-line labels rather than an AdwActionRow: a page of them is
   * laid out in a fraction of the time, which is what opening the page
   * costs after years of sessions. */
  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (row, "session-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), new_line (title, NULL));
  gtk_box_append (GTK_BOX (text), new_line (subtitle, "dim-label"));
  if (ratings != NULL)
    gtk_box_append (GTK_BOX (text), new_line (ratings, "dim-label"));
  gtk_box_append (GTK_BOX (box), text);

  if (n_hurts > 0)
    {
      g_autofree char *hurt = g_strdup_printf (ngettext ("%u step hurt", "%u steps hurt", n_hurts), n_hurts);
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "dialog-warning-symbolic",
                                      "tooltip-text", hurt,
                                      "valign", GTK_ALIGN_CENTER,
                                      NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, hurt, -1);
      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
append_sessions (LimberHistoryPage *self,
                 GPtrArray         *sessions)
{
  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionRecord *session = g_ptr_array_index (sessions, i);

      gtk_list_box_append (self->session_list, new_session_row (self, session));
      self->oldest_listed = limber_session_record_get_started (session);
      self->n_listed++;
    }
  gtk_widget_set_visible (self->more_button, sessions->len == LIMBER_HISTORY_PAGE_LIST_STEP);
}

static void
clear_sessions (LimberHistoryPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->session_list))) != NULL)
    gtk_list_box_remove (self->session_list, child);
  self->n_listed = 0;
  self->oldest_listed = G_MAXINT64;
}

/**
 * limber_history_page_refresh:
 *
 * Reads the history again and redraws everything: what opening the page
 * costs, and what the history benchmark measures.
 */
void
limber_history_page_refresh (LimberHistoryPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 since = g_date_time_to_unix (now) - LIMBER_HISTORY_PAGE_RECENT_DAYS * SECONDS_PER_DAY;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) per_week = NULL;
  g_autofree char *suggestion = NULL;
  guint n_sessions;

  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));

  if (self->history == NULL)
    return;
  self->dirty = FALSE;

  update_notice (self);
  n_sessions = limber_history_count_sessions (self->history);
  clear_sessions (self);
  limber_body_map_clear_heat (self->heat_map);
  if (n_sessions == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_label_set_text (self->suggestion_label, NULL);
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "history");

  per_week = limber_history_sessions_per_week (self->history, now, LIMBER_HISTORY_PAGE_WEEKS);
  update_stats (self, n_sessions, per_week, limber_history_streak_weeks (self->history, now, 2));
  update_week_chart (self, per_week, now);

  sessions = limber_history_list_sessions (self->history, G_MAXINT64, LIMBER_HISTORY_PAGE_LIST_STEP);
  suggestion = limber_suggestion_for_sessions (self->catalogue, sessions, g_date_time_to_unix (now));
  gtk_label_set_text (self->suggestion_label, suggestion);
  gtk_widget_set_visible (self->suggestion_box, suggestion != NULL);
  append_sessions (self, sessions);

  update_heat (self, since);
  if (self->region_id == NULL || limber_catalogue_lookup_region (self->catalogue, self->region_id) == NULL)
    {
      g_autofree char *region_id = pick_default_region (self, since);
      LimberRegion *region = region_id != NULL ? limber_catalogue_lookup_region (self->catalogue, region_id) : NULL;

      /* Turned to show the place the chart is about. */
      if (region != NULL)
        g_object_set (self, "view", limber_view_to_string (limber_region_get_view (region)), NULL);
      g_clear_pointer (&self->region_id, g_free);
      if (region != NULL)
        limber_history_page_show_region (self, region_id);
    }
  update_region_chart (self);
}

static void
refresh_or_defer (LimberHistoryPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    limber_history_page_refresh (self);
  else
    self->dirty = TRUE;
}

static void
on_history_changed_cb (LimberHistory     *history,
                       LimberHistoryPage *self)
{
  refresh_or_defer (self);
}

static void
on_write_failed_cb (LimberHistory     *history,
                    const char        *message,
                    LimberHistoryPage *self)
{
  add_toast (self, message);
}

static void
on_region_toggled_cb (LimberBodyMap     *map,
                      const char        *svg_id,
                      gboolean           selected,
                      LimberHistoryPage *self)
{
  LimberRegion *region = g_hash_table_lookup (self->regions_by_svg_id, svg_id);

  if (self->picking || region == NULL)
    return;
  limber_history_page_show_region (self, limber_region_get_id (region));
}

/**
 * limber_history_page_show_region:
 *
 * Shows @region_id's soreness chart and highlights it on the map.
 */
void
limber_history_page_show_region (LimberHistoryPage *self,
                                 const char        *region_id)
{
  LimberRegion *region;

  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));

  region = limber_catalogue_lookup_region (self->catalogue, region_id);
  if (region == NULL)
    return;

  g_free (self->region_id);
  self->region_id = g_strdup (region_id);

  self->picking = TRUE;
  limber_body_map_unselect_all (self->heat_map);
  limber_body_map_set_selected (self->heat_map, limber_region_get_svg_id (region), TRUE);
  self->picking = FALSE;

  update_region_chart (self);
}

static void
show_more_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);
  g_autoptr(GPtrArray) sessions = limber_history_list_sessions (self->history, self->oldest_listed,
                                                                LIMBER_HISTORY_PAGE_LIST_STEP);

  append_sessions (self, sessions);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LimberHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

      show_error (self, _("History Not Exported"), body);
      return;
    }
  add_toast (self, _("History exported"));
}

static void
on_export_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       LimberHistoryPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    return;

  text = limber_history_export_csv (self->history);
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       export_written_cb, g_object_ref (self));
}

static GtkFileFilter *
new_csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the suggested file name of an exported history; keep the date format */
  g_autofree char *name = g_date_time_format (now, _("limber-history-%Y-%m-%d.csv"));

  chooser = gtk_file_chooser_native_new (_("Export History"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_csv_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  g_signal_connect (chooser, "response", G_CALLBACK (g_object_unref), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * limber_history_page_import_text:
 * @name: the file's name, for messages
 *
 * Imports a CSV export and says how it went: a toast with the number of
 * sessions added, or a dialog naming the file and line that is wrong (then
 * nothing was imported).
 *
 * Returns: whether the file was imported.
 */
gboolean
limber_history_page_import_text (LimberHistoryPage *self,
                                 const char        *name,
                                 const char        *text,
                                 gsize              length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  guint n_added = 0;

  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), FALSE);

  if (!limber_history_import_csv (self->history, text, length, &n_added, &error))
    {
      /* Translators: %1$s is a file name, %2$s what is wrong with it, with its line */
      g_autofree char *body = g_strdup_printf (_("%1$s: %2$s\n\nNothing was imported; your history is as it was."),
                                               name, error->message);

      show_error (self, _("History Not Imported"), body);
      return FALSE;
    }

  if (n_added == 0)
    toast = g_strdup (_("Every session in that file is already in your history"));
  else
    toast = g_strdup_printf (ngettext ("%u session imported", "%u sessions imported", n_added), n_added);
  add_toast (self, toast);
  limber_history_page_refresh (self);
  return TRUE;
}

static void
import_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LimberHistoryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (G_FILE (source));
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

      show_error (self, _("History Not Imported"), body);
      return;
    }
  limber_history_page_import_text (self, name, contents, length);
}

static void
on_import_response_cb (GtkNativeDialog   *chooser,
                       int                response,
                       LimberHistoryPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    g_file_load_contents_async (file, NULL, import_loaded_cb, g_object_ref (self));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import History"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_csv_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response_cb), self, 0);
  g_signal_connect (chooser, "response", G_CALLBACK (g_object_unref), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_delete_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       LimberHistoryPage *self)
{
  if (!g_str_equal (response, "delete"))
    return;

  limber_history_delete_all (self->history);
  limber_history_flush (self->history);
  g_clear_pointer (&self->region_id, g_free);
  limber_history_page_refresh (self);
  add_toast (self, _("History deleted"));
}

/**
 * limber_history_page_request_delete_all:
 *
 * Asks first; only "Delete" deletes.
 */
void
limber_history_page_request_delete_all (LimberHistoryPage *self)
{
  GtkWidget *dialog;

  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Delete All History?"),
                                   _("Every session, soreness rating and favourite kept on this computer will be "
                                     "deleted. This cannot be undone: export your history first to keep a copy."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_all_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  limber_history_page_request_delete_all (LIMBER_HISTORY_PAGE (widget));
}

static void
limber_history_page_map (GtkWidget *widget)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);

  GTK_WIDGET_CLASS (limber_history_page_parent_class)->map (widget);
  if (self->dirty)
    limber_history_page_refresh (self);
}

/* The map beside the charts when there is room, above them otherwise; a
 * clamp keeps it from taking more than its share either way. */
static void
limber_history_page_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (widget);
  gboolean narrow = width < 900;

  if (narrow != (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->columns)) == GTK_ORIENTATION_VERTICAL))
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                    narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);

  GTK_WIDGET_CLASS (limber_history_page_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
limber_history_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberHistoryPage *self = LIMBER_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      if (g_strcmp0 (self->view, g_value_get_string (value)) != 0)
        {
          g_free (self->view);
          self->view = g_value_dup_string (value);
          limber_body_map_set_view (self->heat_map, self->view);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_page_dispose (GObject *object)
{
  LimberHistoryPage *self = (LimberHistoryPage *)object;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HISTORY_PAGE);
  g_clear_object (&self->history);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->regions_by_svg_id, g_hash_table_unref);
  g_clear_pointer (&self->region_id, g_free);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->streak_text, g_free);

  G_OBJECT_CLASS (limber_history_page_parent_class)->dispose (object);
}

static void
limber_history_page_class_init (LimberHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_history_page_dispose;
  object_class->get_property = limber_history_page_get_property;
  object_class->set_property = limber_history_page_set_property;
  widget_class->map = limber_history_page_map;
  widget_class->size_allocate = limber_history_page_size_allocate;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "front",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_BODY_MAP);
  g_type_ensure (LIMBER_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/limber-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, sessions_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, sessions_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, week_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, streak_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, columns);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, map_column);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, heat_map);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, week_chart);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, week_summary);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, region_title);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, region_chart);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, region_summary);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, session_list);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryPage, more_button);

  gtk_widget_class_install_property_action (widget_class, "history.view", "view");
  gtk_widget_class_install_action (widget_class, "history.more", NULL, show_more_cb);
  gtk_widget_class_install_action (widget_class, "history.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "history.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "history.delete-all", NULL, delete_all_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historypage");
}

static void
limber_history_page_init (LimberHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->view = g_strdup ("front");
  self->oldest_listed = G_MAXINT64;
  limber_chart_set_kind (self->week_chart, LIMBER_CHART_BARS);
  limber_chart_set_kind (self->region_chart, LIMBER_CHART_LINES);
  g_signal_connect (self->heat_map, "region-toggled", G_CALLBACK (on_region_toggled_cb), self);
}

GtkWidget *
limber_history_page_new (void)
{
  return g_object_new (LIMBER_TYPE_HISTORY_PAGE, NULL);
}

static void
on_keep_history_changed_cb (GSettings         *settings,
                            const char        *key,
                            LimberHistoryPage *self)
{
  update_notice (self);
}

/**
 * limber_history_page_set_models:
 *
 * Shows @history with @catalogue's names; reads it when the page is shown.
 */
void
limber_history_page_set_models (LimberHistoryPage *self,
                                LimberCatalogue   *catalogue,
                                LimberHistory     *history,
                                GSettings         *settings)
{
  GListModel *regions;

  g_return_if_fail (LIMBER_IS_HISTORY_PAGE (self));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));
  g_return_if_fail (LIMBER_IS_HISTORY (history));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->history == NULL);

  self->catalogue = g_object_ref (catalogue);
  self->history = g_object_ref (history);
  self->settings = g_object_ref (settings);
  self->regions_by_svg_id = g_hash_table_new (g_str_hash, g_str_equal);

  limber_figure_load (self->heat_map, catalogue);
  limber_body_map_set_view (self->heat_map, self->view);
  regions = limber_catalogue_get_regions (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

      g_hash_table_insert (self->regions_by_svg_id, (gpointer)limber_region_get_svg_id (region), region);
    }

  g_signal_connect (history, "changed", G_CALLBACK (on_history_changed_cb), self);
  g_signal_connect (history, "write-failed", G_CALLBACK (on_write_failed_cb), self);
  g_signal_connect (settings, "changed::keep-history", G_CALLBACK (on_keep_history_changed_cb), self);
  refresh_or_defer (self);
}

const char *
limber_history_page_get_region (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return self->region_id;
}

gboolean
limber_history_page_get_empty (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), TRUE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;
}

/**
 * limber_history_page_get_suggestion:
 *
 * Returns: (nullable): the suggestion line while it is shown.
 */
const char *
limber_history_page_get_suggestion (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return gtk_widget_get_visible (self->suggestion_box) ? gtk_label_get_text (self->suggestion_label) : NULL;
}

const char *
limber_history_page_get_streak_text (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return self->streak_text;
}

/**
 * limber_history_page_get_notice:
 *
 * Returns: (nullable): the notice above the history while it is shown.
 */
const char *
limber_history_page_get_notice (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->notice_label)) ? gtk_label_get_text (self->notice_label) : NULL;
}

guint
limber_history_page_get_n_listed (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), 0);
  return self->n_listed;
}

LimberBodyMap *
limber_history_page_get_heat_map (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return self->heat_map;
}

LimberChart *
limber_history_page_get_week_chart (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return self->week_chart;
}

LimberChart *
limber_history_page_get_region_chart (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return self->region_chart;
}

GtkLabel *
limber_history_page_get_region_summary (LimberHistoryPage *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_PAGE (self), NULL);
  return self->region_summary;
}
