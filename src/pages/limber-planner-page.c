/* limber-planner-page.c
 *
 * "These sore spots, this many minutes, this equipment": the inputs on the
 * left, the plan on the right, made again whenever an input changes. The
 * plan can be trimmed (a routine removed or moved) before it starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-planner-page"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-format.h"
#include "limber-planner-page.h"

static const guint minute_choices[] = { 5, 10, 15, 20, 30 };

typedef struct
{
  char            *id;
  LimberRegion    *region;      /* the catalogue holds it */
  GtkRange        *scale;
  GtkToggleButton *injured;
} RegionInput;

struct _LimberPlannerPage
{
  GtkWidget            parent_instance;

  /* template */
  GtkBox              *panes;
  GtkScrolledWindow   *input_scroller;
  GtkBox              *minutes_box;
  GtkFlowBox          *equipment_box;
  AdwPreferencesGroup *region_group;
  AdwComboRow         *goal_row;
  AdwActionRow        *date_row;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  GtkLabel            *total_label;
  GtkWidget           *start_button;
  GtkListBox          *reason_list;
  GtkListBox          *item_list;
  GtkWidget           *empty_page;

  LimberCatalogue     *catalogue;
  GSettings           *settings;
  GArray              *regions;         /* RegionInput */
  GHashTable          *rated;           /* ids whose soreness the person set */
  GPtrArray           *region_rows;
  GtkToggleButton     *minute_buttons[G_N_ELEMENTS (minute_choices)];
  guint                minutes;
  LimberPlan          *plan;
  gboolean             updating;
  int                  side_by_side_width;
};

G_DEFINE_FINAL_TYPE (LimberPlannerPage, limber_planner_page, GTK_TYPE_WIDGET)

enum {
  INJURED_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild_preview (LimberPlannerPage *self);

static void
clear_region_input (gpointer data)
{
  g_free (((RegionInput *)data)->id);
}

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static LimberGoal
get_goal (LimberPlannerPage *self)
{
  return (LimberGoal)adw_combo_row_get_selected (self->goal_row);
}

/* Days from today to the chosen day: positive ahead, negative behind. */
static int
get_event_offset (LimberPlannerPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
  GDate today, day;

  g_date_clear (&today, 1);
  g_date_clear (&day, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_set_dmy (&day, g_date_time_get_day_of_month (chosen), g_date_time_get_month (chosen),
                  g_date_time_get_year (chosen));

  return g_date_days_between (&today, &day);
}

static char *
describe_event_day (int offset)
{
  if (offset == 0)
    return g_strdup (_("Today"));
  if (offset == 1)
    return g_strdup (_("Tomorrow"));
  if (offset == -1)
    return g_strdup (_("Yesterday"));
  if (offset > 0)
    return g_strdup_printf (ngettext ("In %d day", "In %d days", offset), offset);
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", -offset), -offset);
}

/**
 * limber_planner_page_dup_request:
 *
 * Returns: (transfer full): what the inputs ask for, as a planner request.
 */
LimberPlanRequest *
limber_planner_page_dup_request (LimberPlannerPage *self)
{
  g_autoptr(LimberPlanRequest) request = limber_plan_request_new ();
  g_auto(GStrv) at_hand = NULL;
  LimberGoal goal;

  g_return_val_if_fail (LIMBER_IS_PLANNER_PAGE (self), NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      RegionInput *input = &g_array_index (self->regions, RegionInput, i);

      limber_plan_request_add_region (request, input->id, (guint)gtk_range_get_value (input->scale));
      limber_plan_request_set_injured (request, input->id, gtk_toggle_button_get_active (input->injured));
    }

  limber_plan_request_set_minutes (request, self->minutes);
  if (self->settings != NULL)
    {
      at_hand = g_settings_get_strv (self->settings, "equipment-at-hand");
      for (guint i = 0; at_hand[i] != NULL; i++)
        limber_plan_request_add_equipment (request, at_hand[i]);
    }

  goal = get_goal (self);
  if (goal != LIMBER_GOAL_GENERAL)
    {
      int offset = get_event_offset (self);

      /* A day on the wrong side of today counts as today. */
      limber_plan_request_set_goal (request, goal,
                                    (guint)MAX (0, goal == LIMBER_GOAL_BEFORE_EVENT ? offset : -offset));
    }

  return g_steal_pointer (&request);
}

static void
replan (LimberPlannerPage *self)
{
  g_autoptr(LimberPlanRequest) request = NULL;

  if (self->catalogue == NULL || self->updating)
    return;

  request = limber_planner_page_dup_request (self);
  g_set_object (&self->plan, NULL);
  self->plan = limber_planner_plan (self->catalogue, request);
  rebuild_preview (self);
}

/* ---- the preview ---- */

static const char *
item_place (LimberPlannerPage *self,
            LimberPlanItem    *item)
{
  const char *group = limber_plan_item_get_group (item);
  LimberSide side = limber_plan_item_get_only_side (item);
  GListModel *regions = limber_catalogue_get_regions (self->catalogue);

  /* Kept to one side: that side's region, named as on the map. */
  if (side != LIMBER_SIDE_NONE)
    for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
      {
        g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);

        if (g_str_equal (limber_region_get_group (region), group) && limber_region_get_side (region) == side)
          return limber_region_get_name (region);
      }

  return limber_catalogue_get_group_name (self->catalogue, group);
}

static void
on_move_clicked_cb (GtkButton         *button,
                    LimberPlannerPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item-index"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  limber_plan_move (self->plan, index, index + delta);
  rebuild_preview (self);
}

static void
on_remove_clicked_cb (GtkButton         *button,
                      LimberPlannerPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item-index"));

  limber_plan_remove (self->plan, index);
  rebuild_preview (self);
}

static GtkWidget *
item_button (LimberPlannerPage *self,
             const char        *icon_name,
             const char        *tooltip,
             guint              index,
             int                delta,
             gboolean           sensitive,
             GCallback          callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "plan-item-button");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "item-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
new_item_row (LimberPlannerPage *self,
              guint              index,
              guint              n_items)
{
  LimberPlanItem *item = limber_plan_get_item (self->plan, index);
  LimberRoutine *routine = limber_plan_item_get_routine (item);
  LimberSide only_side = limber_plan_item_get_only_side (item);
  g_autofree char *minutes = limber_format_minutes (limber_plan_item_get_seconds (item));
  g_autofree char *subtitle = NULL;
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *badge = gtk_label_new (number);

  /* Translators: a routine in a planned session: where, the technique and
   * how long, such as "Left calf · Foam rolling · 3 min". */
  subtitle = g_strdup_printf (C_("plan item", "%s · %s · %s"), item_place (self, item),
                              limber_technique_get_name (limber_routine_get_technique (routine)), minutes);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_routine_get_title (routine));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  gtk_widget_add_css_class (badge, "plan-item-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), badge);

  /* Each action goes before the last: added in reverse, they read up,
   * down, remove. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               item_button (self, "user-trash-symbolic", _("Remove"), index, 0, TRUE,
                                            G_CALLBACK (on_remove_clicked_cb)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               item_button (self, "go-down-symbolic", _("Move Down"), index, 1, index + 1 < n_items,
                                            G_CALLBACK (on_move_clicked_cb)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               item_button (self, "go-up-symbolic", _("Move Up"), index, -1, index > 0,
                                            G_CALLBACK (on_move_clicked_cb)));

  for (guint s = 0; s < limber_plan_item_get_n_steps (item); s++)
    {
      LimberStep *step = limber_plan_item_get_step (item, s);
      GtkWidget *step_row = adw_action_row_new ();
      g_autofree char *amount = limber_format_step_amount (step);
      const char *side = limber_format_step_side (step);
      GtkWidget *amount_label;

      /* On one side only, the side is the item's, not the step's pair. */
      if (limber_step_get_other_side (step) && only_side != LIMBER_SIDE_NONE)
        side = only_side == LIMBER_SIDE_LEFT ? _("Left side") : _("Right side");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step_row), limber_step_get_instruction (step));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step_row), FALSE);
      if (side != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (step_row), side);
      amount_label = gtk_label_new (amount);
      gtk_widget_add_css_class (amount_label, "numeric");
      gtk_widget_add_css_class (amount_label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (step_row), amount_label);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), step_row);
    }

  /* The steps in sight: the preview is for reading before starting. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  return row;
}

static GtkWidget *
new_reason_row (LimberPlan *plan,
                guint       index)
{
  LimberPlanReasonKind kind = limber_plan_get_reason_kind (plan, index);
  gboolean warning = kind == LIMBER_PLAN_REASON_INJURED || kind == LIMBER_PLAN_REASON_NO_TIME
                     || kind == LIMBER_PLAN_REASON_NOTHING_SUITS;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (warning ? "dialog-warning-symbolic" : "dialog-information-symbolic");
  GtkWidget *label = gtk_label_new (limber_plan_get_reason_text (plan, index));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, warning ? "warning" : "accent");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "plan-reason");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
rebuild_preview (LimberPlannerPage *self)
{
  guint n_items = self->plan != NULL ? limber_plan_get_n_items (self->plan) : 0;
  guint n_reasons = self->plan != NULL ? limber_plan_get_n_reasons (self->plan) : 0;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  remove_children (GTK_WIDGET (self->reason_list));
  remove_children (GTK_WIDGET (self->item_list));

  for (guint i = 0; i < n_reasons; i++)
    gtk_list_box_append (self->reason_list, new_reason_row (self->plan, i));
  for (guint i = 0; i < n_items; i++)
    gtk_list_box_append (self->item_list, new_item_row (self, i, n_items));

  gtk_widget_set_visible (GTK_WIDGET (self->reason_list), n_reasons > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->item_list), n_items > 0);
  gtk_widget_set_visible (self->empty_page, n_items == 0);
  gtk_widget_set_sensitive (self->start_button, n_items > 0);

  total = limber_format_duration (self->plan != NULL ? limber_plan_get_total_seconds (self->plan) : 0);
  /* Translators: the length of a planned session and how many routines
   * it has, such as "10 min 5 s · 5 routines". */
  text = g_strdup_printf (ngettext ("%s · %u routine", "%s · %u routines", n_items), total, n_items);
  gtk_label_set_text (self->total_label, text);
}

/* ---- the inputs ---- */

static void
on_minutes_toggled_cb (GtkToggleButton   *button,
                       LimberPlannerPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  self->minutes = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "minutes"));
  if (self->settings != NULL)
    g_settings_set_uint (self->settings, "plan-minutes", self->minutes);
  replan (self);
}

static void
build_minute_buttons (LimberPlannerPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (minute_choices); i++)
    {
      /* Translators: a choice of session length, as short as it can be. */
      g_autofree char *label = g_strdup_printf (ngettext ("%u min", "%u min", minute_choices[i]), minute_choices[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "minutes", GUINT_TO_POINTER (minute_choices[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->minute_buttons[0]);
      g_signal_connect (button, "toggled", G_CALLBACK (on_minutes_toggled_cb), self);
      self->minute_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->minutes_box, button);
    }
}

static void
select_minutes (LimberPlannerPage *self,
                guint              minutes)
{
  guint best = 0;

  /* The choice nearest a remembered length. */
  for (guint i = 1; i < G_N_ELEMENTS (minute_choices); i++)
    if (ABS ((int)minute_choices[i] - (int)minutes) < ABS ((int)minute_choices[best] - (int)minutes))
      best = i;

  self->minutes = minute_choices[best];
  gtk_toggle_button_set_active (self->minute_buttons[best], TRUE);
}

static void
on_equipment_toggled_cb (GtkToggleButton   *button,
                         LimberPlannerPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) at_hand = NULL;
  GtkWidget *child;

  if (self->updating)
    return;

  /* Stored in catalogue order, as the routine list stores it. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->equipment_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (toggle), "equipment-id"));
    }
  at_hand = g_strv_builder_end (builder);

  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "equipment-at-hand", (const char * const *)at_hand);
  replan (self);
}

static void
sync_equipment (LimberPlannerPage *self)
{
  g_auto(GStrv) at_hand = self->settings != NULL ? g_settings_get_strv (self->settings, "equipment-at-hand") : NULL;
  GtkWidget *child;

  self->updating = TRUE;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->equipment_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *id = g_object_get_data (G_OBJECT (toggle), "equipment-id");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                    at_hand != NULL && g_strv_contains ((const char * const *)at_hand, id));
      gtk_widget_set_sensitive (toggle, self->settings == NULL
                                        || g_settings_is_writable (self->settings, "equipment-at-hand"));
    }
  self->updating = FALSE;
}

static void
on_equipment_setting_changed_cb (GSettings         *settings,
                                 const char        *key,
                                 LimberPlannerPage *self)
{
  sync_equipment (self);
  replan (self);
}

static void
build_equipment_toggles (LimberPlannerPage *self)
{
  const char * const *ids = limber_catalogue_get_equipment_ids (self->catalogue);

  remove_children (GTK_WIDGET (self->equipment_box));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *toggle;

      /* Nothing to have. */
      if (g_str_equal (ids[i], "none"))
        continue;

      toggle = gtk_toggle_button_new_with_label (limber_catalogue_get_equipment_name (self->catalogue, ids[i]));
      gtk_widget_add_css_class (toggle, "equipment-toggle");
      g_object_set_data_full (G_OBJECT (toggle), "equipment-id", g_strdup (ids[i]), g_free);
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_equipment_toggled_cb), self);
      gtk_flow_box_append (self->equipment_box, toggle);
    }

  sync_equipment (self);
}

static void
on_soreness_changed_cb (GtkRange          *range,
                        LimberPlannerPage *self)
{
  /* A slider the person moved is a rating the history keeps. */
  for (guint i = 0; !self->updating && i < self->regions->len; i++)
    if (g_array_index (self->regions, RegionInput, i).scale == range)
      g_hash_table_add (self->rated, g_strdup (g_array_index (self->regions, RegionInput, i).id));
  replan (self);
}

static void
on_injured_toggled_cb (GtkToggleButton   *button,
                       LimberPlannerPage *self)
{
  RegionInput *input = NULL;
  gboolean injured = gtk_toggle_button_get_active (button);

  for (guint i = 0; i < self->regions->len; i++)
    if (g_array_index (self->regions, RegionInput, i).injured == button)
      input = &g_array_index (self->regions, RegionInput, i);
  g_return_if_fail (input != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (input->scale), !injured);
  if (!self->updating)
    g_signal_emit (self, signals[INJURED_CHANGED], 0, input->id, injured);
  replan (self);
}

static char *
format_soreness (GtkScale *scale,
                 double    value,
                 gpointer  data)
{
  return g_strdup_printf ("%d", (int)value);
}

static GtkWidget *
new_region_row (LimberPlannerPage *self,
                RegionInput       *input,
                guint              soreness,
                gboolean           injured)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, LIMBER_PLANNER_MIN_SORENESS,
                                               LIMBER_PLANNER_MAX_SORENESS, 1);
  GtkWidget *button = gtk_toggle_button_new_with_label (_("Injured"));
  g_autofree char *scale_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_region_get_name (input->region));
  gtk_widget_add_css_class (row, "soreness-row");

  gtk_range_set_value (GTK_RANGE (scale), soreness);
  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
  gtk_scale_set_format_value_func (GTK_SCALE (scale), format_soreness, NULL, NULL);
  gtk_widget_set_size_request (scale, 200, -1);
  gtk_widget_set_valign (scale, GTK_ALIGN_CENTER);
  /* Translators: %s is a body region, such as "Left calf". */
  scale_label = g_strdup_printf (_("How sore: %s"), limber_region_get_name (input->region));
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, scale_label, -1);
  gtk_widget_add_css_class (scale, "soreness");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Recently injured: no work here"));
  gtk_widget_add_css_class (button, "injured-toggle");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), injured);
  gtk_widget_set_sensitive (scale, !injured);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), scale);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  input->scale = GTK_RANGE (scale);
  input->injured = GTK_TOGGLE_BUTTON (button);
  g_signal_connect (scale, "value-changed", G_CALLBACK (on_soreness_changed_cb), self);
  g_signal_connect (button, "toggled", G_CALLBACK (on_injured_toggled_cb), self);

  return row;
}

/**
 * limber_planner_page_set_regions:
 * @region_ids: the chosen regions, in the order chosen
 * @injured: (nullable): the ids of those marked injured
 *
 * Starts planning for these regions, each as sore as it was last time it
 * was on the page (or the default), and makes a plan.
 */
void
limber_planner_page_set_regions (LimberPlannerPage  *self,
                                 const char * const *region_ids,
                                 GHashTable         *injured)
{
  g_autoptr(GHashTable) soreness = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (LIMBER_IS_PLANNER_PAGE (self));
  g_return_if_fail (self->catalogue != NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      RegionInput *input = &g_array_index (self->regions, RegionInput, i);

      g_hash_table_insert (soreness, g_strdup (input->id), GUINT_TO_POINTER ((guint)gtk_range_get_value (input->scale)));
    }
  for (guint i = 0; i < self->region_rows->len; i++)
    adw_preferences_group_remove (self->region_group, g_ptr_array_index (self->region_rows, i));
  g_ptr_array_set_size (self->region_rows, 0);
  g_array_set_size (self->regions, 0);

  self->updating = TRUE;
  for (guint i = 0; region_ids != NULL && region_ids[i] != NULL; i++)
    {
      LimberRegion *region = limber_catalogue_lookup_region (self->catalogue, region_ids[i]);
      RegionInput input = { g_strdup (region_ids[i]), region, NULL, NULL };
      guint sore = GPOINTER_TO_UINT (g_hash_table_lookup (soreness, region_ids[i]));
      GtkWidget *row;

      if (region == NULL)
        {
          g_free (input.id);
          continue;
        }

      row = new_region_row (self, &input, sore != 0 ? sore : LIMBER_PLANNER_DEFAULT_SORENESS,
                            injured != NULL && g_hash_table_contains (injured, region_ids[i]));
      g_array_append_val (self->regions, input);
      g_ptr_array_add (self->region_rows, row);
      adw_preferences_group_add (self->region_group, row);
    }
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->region_group), self->regions->len > 0);
  replan (self);
}

/**
 * limber_planner_page_set_injured:
 *
 * Follows the map: a region marked injured there is marked here.
 */
void
limber_planner_page_set_injured (LimberPlannerPage *self,
                                 const char        *region_id,
                                 gboolean           injured)
{
  g_return_if_fail (LIMBER_IS_PLANNER_PAGE (self));

  for (guint i = 0; i < self->regions->len; i++)
    {
      RegionInput *input = &g_array_index (self->regions, RegionInput, i);

      if (g_str_equal (input->id, region_id) && gtk_toggle_button_get_active (input->injured) != injured)
        {
          self->updating = TRUE;
          gtk_toggle_button_set_active (input->injured, injured);
          self->updating = FALSE;
          replan (self);
        }
    }
}

static void
update_date_label (LimberPlannerPage *self)
{
  g_autofree char *text = describe_event_day (get_event_offset (self));

  gtk_menu_button_set_label (self->date_button, text);
}

static void
on_goal_changed_cb (GObject           *object,
                    GParamSpec        *pspec,
                    LimberPlannerPage *self)
{
  LimberGoal goal = get_goal (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = NULL;
  int offset = get_event_offset (self);

  /* A sensible first day for each: tomorrow's race, yesterday's. */
  if (goal == LIMBER_GOAL_BEFORE_EVENT && offset < 0)
    day = g_date_time_add_days (now, 1);
  else if (goal == LIMBER_GOAL_AFTER_EVENT && offset > 0)
    day = g_date_time_add_days (now, -1);
  if (day != NULL)
    gtk_calendar_select_day (self->calendar, day);

  adw_action_row_set_subtitle (self->date_row, goal == LIMBER_GOAL_BEFORE_EVENT ? _("When is it?") : _("When was it?"));
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), goal != LIMBER_GOAL_GENERAL);
  update_date_label (self);
  replan (self);
}

static void
on_day_selected_cb (GtkCalendar       *calendar,
                    LimberPlannerPage *self)
{
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
  replan (self);
}

/**
 * limber_planner_page_reset:
 *
 * Forgets the soreness ratings and the event: a new person, or a new day.
 */
void
limber_planner_page_reset (LimberPlannerPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (LIMBER_IS_PLANNER_PAGE (self));

  self->updating = TRUE;
  g_hash_table_remove_all (self->rated);
  for (guint i = 0; i < self->regions->len; i++)
    gtk_range_set_value (g_array_index (self->regions, RegionInput, i).scale, LIMBER_PLANNER_DEFAULT_SORENESS);
  adw_combo_row_set_selected (self->goal_row, LIMBER_GOAL_GENERAL);
  gtk_calendar_select_day (self->calendar, now);
  gtk_menu_button_popdown (self->date_button);
  self->updating = FALSE;
  replan (self);
}

/* ---- the widget ---- */

static void
limber_planner_page_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LimberPlannerPage *self = LIMBER_PLANNER_PAGE (widget);
  gboolean narrow = width < self->side_by_side_width;
  GtkWidget *child = GTK_WIDGET (self->panes);

  /* Side by side when there is room; the plan below the inputs otherwise,
   * the inputs then scrolling no more than a third of the height. */
  if (narrow != (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->panes)) == GTK_ORIENTATION_VERTICAL))
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->panes),
                                      narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
      gtk_scrolled_window_set_propagate_natural_width (self->input_scroller, !narrow);
    }
  gtk_scrolled_window_set_max_content_height (self->input_scroller, narrow ? height / 2 : -1);
  gtk_scrolled_window_set_propagate_natural_height (self->input_scroller, narrow);
  gtk_widget_set_size_request (GTK_WIDGET (self->input_scroller), narrow ? -1 : MIN (480, width * 2 / 5), -1);

  gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
limber_planner_page_dispose (GObject *object)
{
  LimberPlannerPage *self = (LimberPlannerPage *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PLANNER_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->regions, g_array_unref);
  g_clear_pointer (&self->region_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rated, g_hash_table_unref);

  G_OBJECT_CLASS (limber_planner_page_parent_class)->dispose (object);
}

static void
limber_planner_page_class_init (LimberPlannerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_planner_page_dispose;
  widget_class->size_allocate = limber_planner_page_size_allocate;

  /**
   * LimberPlannerPage::injured-changed:
   * @region_id: the region
   * @injured: whether it is now marked injured
   *
   * The person marked a region injured, or no longer.
   */
  signals[INJURED_CHANGED] =
    g_signal_new ("injured-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/limber-planner-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, panes);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, input_scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, minutes_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, equipment_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, region_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, goal_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, reason_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, item_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPlannerPage, empty_page);

  gtk_widget_class_set_css_name (widget_class, "plannerpage");
}

static void
limber_planner_page_init (LimberPlannerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->regions = g_array_new (FALSE, TRUE, sizeof (RegionInput));
  g_array_set_clear_func (self->regions, clear_region_input);
  self->rated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->region_rows = g_ptr_array_new ();
  self->minutes = 10;
  self->side_by_side_width = LIMBER_PLANNER_PAGE_SIDE_BY_SIDE_WIDTH;

  build_minute_buttons (self);
  g_signal_connect (self->goal_row, "notify::selected", G_CALLBACK (on_goal_changed_cb), self);
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self);
  update_date_label (self);
}

GtkWidget *
limber_planner_page_new (void)
{
  return g_object_new (LIMBER_TYPE_PLANNER_PAGE, NULL);
}

/**
 * limber_planner_page_set_catalogue:
 * @settings: (nullable): where the minutes and the equipment at hand are
 *   remembered
 */
void
limber_planner_page_set_catalogue (LimberPlannerPage *self,
                                   LimberCatalogue   *catalogue,
                                   GSettings         *settings)
{
  g_return_if_fail (LIMBER_IS_PLANNER_PAGE (self));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->catalogue, catalogue);
  g_set_object (&self->settings, settings);

  self->updating = TRUE;
  build_equipment_toggles (self);
  select_minutes (self, settings != NULL ? g_settings_get_uint (settings, "plan-minutes") : 10);
  self->updating = FALSE;

  if (settings != NULL)
    {
      g_signal_connect (settings, "changed::equipment-at-hand", G_CALLBACK (on_equipment_setting_changed_cb), self);
      for (guint i = 0; i < G_N_ELEMENTS (minute_choices); i++)
        gtk_widget_set_sensitive (GTK_WIDGET (self->minute_buttons[i]), g_settings_is_writable (settings, "plan-minutes"));
    }

  replan (self);
}

/**
 * limber_planner_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan as shown, with any routine
 * the person removed or moved.
 */
LimberPlan *
limber_planner_page_get_plan (LimberPlannerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLANNER_PAGE (self), NULL);
  return self->plan;
}

/**
 * limber_planner_page_set_minutes:
 *
 * Chooses the session length nearest @minutes, as a tap would.
 */
void
limber_planner_page_set_minutes (LimberPlannerPage *self,
                                 guint              minutes)
{
  g_return_if_fail (LIMBER_IS_PLANNER_PAGE (self));
  select_minutes (self, minutes);
}

GtkListBox *
limber_planner_page_get_item_list (LimberPlannerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLANNER_PAGE (self), NULL);
  return self->item_list;
}

/**
 * limber_planner_page_dup_ratings:
 *
 * Returns: (transfer full): region id -> soreness (GINT_TO_POINTER) for
 *   the chosen regions whose slider the person moved; the rest were never
 *   rated, only left at the default.
 */
GHashTable *
limber_planner_page_dup_ratings (LimberPlannerPage *self)
{
  GHashTable *ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (LIMBER_IS_PLANNER_PAGE (self), ratings);

  for (guint i = 0; i < self->regions->len; i++)
    {
      RegionInput *input = &g_array_index (self->regions, RegionInput, i);

      if (g_hash_table_contains (self->rated, input->id) && !gtk_toggle_button_get_active (input->injured))
        g_hash_table_insert (ratings, g_strdup (input->id), GINT_TO_POINTER ((int)gtk_range_get_value (input->scale)));
    }
  return ratings;
}

/**
 * limber_planner_page_set_side_by_side_width:
 *
 * From how wide the page puts the inputs beside the plan rather than
 * above it (%LIMBER_PLANNER_PAGE_SIDE_BY_SIDE_WIDTH by default): larger
 * type, as in a kiosk, needs more.
 */
void
limber_planner_page_set_side_by_side_width (LimberPlannerPage *self,
                                            int                width)
{
  g_return_if_fail (LIMBER_IS_PLANNER_PAGE (self));

  self->side_by_side_width = width;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
