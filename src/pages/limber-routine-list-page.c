/* limber-routine-list-page.c
 *
 * Routines for the muscle groups of the selected regions, the ones made for
 * a group first, in the order a session would do them (rolling, pressure,
 * stretching). Filters: technique, the equipment the person has (remembered
 * in GSettings) and the longest routine they want.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-routine-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-format.h"
#include "limber-favourite-button.h"
#include "limber-routine-list-page.h"

/* Matches the rows of the duration drop-down. */
static const guint max_minutes[] = { 0, 2, 3, 5 };

struct _LimberRoutineListPage
{
  GtkWidget          parent_instance;

  /* template */
  GtkDropDown       *technique_dropdown;
  GtkStringList     *technique_names;
  GtkMenuButton     *equipment_button;
  GtkBox            *equipment_box;
  GtkDropDown       *duration_dropdown;
  GtkLabel          *count_label;
  GtkStack          *content_stack;
  GtkListView       *routine_list;

  LimberCatalogue   *catalogue;
  GSettings         *settings;
  LimberHistory     *history;
  GHashTable        *groups;          /* selected muscle group ids */
  GHashTable        *equipment;       /* equipment at hand */
  GtkCustomFilter   *filter;
  GtkCustomSorter   *sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel  *sorted;
};

G_DEFINE_FINAL_TYPE (LimberRoutineListPage, limber_routine_list_page, GTK_TYPE_WIDGET)

enum {
  ROUTINE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_for_selection (LimberRoutineListPage *self,
                  LimberRoutine         *routine,
                  gboolean               primary_only)
{
  GHashTableIter iter;
  gpointer group;

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &group, NULL))
    if (limber_routine_works_on (routine, group, primary_only))
      return TRUE;

  return FALSE;
}

static gboolean
filter_routine_cb (gpointer item,
                   gpointer user_data)
{
  LimberRoutineListPage *self = user_data;
  LimberRoutine *routine = item;
  guint technique = gtk_drop_down_get_selected (self->technique_dropdown);
  guint duration = gtk_drop_down_get_selected (self->duration_dropdown);

  if (!is_for_selection (self, routine, FALSE))
    return FALSE;

  /* Row 0 is "All techniques"; the rest follow LimberTechnique. */
  if (technique != GTK_INVALID_LIST_POSITION && technique > 0 &&
      limber_routine_get_technique (routine) != technique - 1)
    return FALSE;

  if (!limber_routine_needs_only (routine, self->equipment))
    return FALSE;

  if (duration < G_N_ELEMENTS (max_minutes) && max_minutes[duration] > 0 &&
      limber_routine_get_total_seconds (routine) > max_minutes[duration] * 60)
    return FALSE;

  return TRUE;
}

static int
sort_routines_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LimberRoutineListPage *self = user_data;
  LimberRoutine *ra = (LimberRoutine *)a;
  LimberRoutine *rb = (LimberRoutine *)b;
  gboolean primary_a = is_for_selection (self, ra, TRUE);
  gboolean primary_b = is_for_selection (self, rb, TRUE);

  gboolean favourite_a, favourite_b;

  if (primary_a != primary_b)
    return primary_a ? -1 : 1;

  /* Favourites first among equals; the list is sorted again only when the
   * filters change, so a row never jumps away from a finger on its star. */
  favourite_a = self->history != NULL && limber_history_is_favourite (self->history, limber_routine_get_id (ra));
  favourite_b = self->history != NULL && limber_history_is_favourite (self->history, limber_routine_get_id (rb));
  if (favourite_a != favourite_b)
    return favourite_a ? -1 : 1;

  if (limber_routine_get_technique (ra) != limber_routine_get_technique (rb))
    return (int)limber_routine_get_technique (ra) - (int)limber_routine_get_technique (rb);

  return g_utf8_collate (limber_routine_get_title (ra), limber_routine_get_title (rb));
}

static void
update_count (LimberRoutineListPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  g_autofree char *count = g_strdup_printf (ngettext ("%u routine", "%u routines", n), n);

  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "list" : "empty");
}

static void
refilter (LimberRoutineListPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_filter_changed_cb (GObject               *object,
                      GParamSpec            *pspec,
                      LimberRoutineListPage *self)
{
  refilter (self);
}

static void
read_equipment_setting (LimberRoutineListPage *self)
{
  g_auto(GStrv) at_hand = g_settings_get_strv (self->settings, "equipment-at-hand");

  g_hash_table_remove_all (self->equipment);
  for (guint i = 0; at_hand[i] != NULL; i++)
    g_hash_table_add (self->equipment, g_strdup (at_hand[i]));
}

static void
on_equipment_toggled_cb (GtkCheckButton        *check,
                         LimberRoutineListPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "equipment-id");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) at_hand = NULL;
  const char * const *known = limber_catalogue_get_equipment_ids (self->catalogue);

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->equipment, g_strdup (id));
  else
    g_hash_table_remove (self->equipment, id);

  /* Stored in catalogue order, so the setting reads the same each time. */
  for (guint i = 0; known[i] != NULL; i++)
    if (g_hash_table_contains (self->equipment, known[i]))
      g_strv_builder_add (builder, known[i]);
  at_hand = g_strv_builder_end (builder);

  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "equipment-at-hand", (const char * const *)at_hand);

  refilter (self);
}

static void
build_equipment_checks (LimberRoutineListPage *self)
{
  const char * const *ids = limber_catalogue_get_equipment_ids (self->catalogue);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->equipment_box))) != NULL)
    gtk_box_remove (self->equipment_box, child);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *check;

      /* Nothing to have: routines that need nothing always show. */
      if (g_str_equal (ids[i], "none"))
        continue;

      check = gtk_check_button_new_with_label (limber_catalogue_get_equipment_name (self->catalogue, ids[i]));
      g_object_set_data_full (G_OBJECT (check), "equipment-id", g_strdup (ids[i]), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->equipment, ids[i]));
      g_signal_connect (check, "toggled", G_CALLBACK (on_equipment_toggled_cb), self);
      gtk_box_append (self->equipment_box, check);
    }
}

static void
reset_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberRoutineListPage *self = LIMBER_ROUTINE_LIST_PAGE (widget);
  GtkWidget *check;

  gtk_drop_down_set_selected (self->technique_dropdown, 0);
  gtk_drop_down_set_selected (self->duration_dropdown, 0);

  for (check = gtk_widget_get_first_child (GTK_WIDGET (self->equipment_box));
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  refilter (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LimberRoutineListPage    *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *technique = gtk_label_new (NULL);
  GtkWidget *equipment = gtk_label_new (NULL);
  GtkWidget *duration = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *star = limber_favourite_button_new ();

  gtk_widget_add_css_class (row, "routine-row");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_xalign (GTK_LABEL (technique), 0);
  gtk_widget_add_css_class (technique, "technique-tag");
  gtk_widget_set_valign (technique, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (equipment), 0);
  gtk_label_set_ellipsize (GTK_LABEL (equipment), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (equipment, TRUE);
  gtk_widget_add_css_class (equipment, "dim-label");

  gtk_widget_add_css_class (duration, "numeric");
  gtk_widget_add_css_class (duration, "routine-duration");
  gtk_widget_add_css_class (arrow, "dim-label");

  gtk_box_append (GTK_BOX (meta), technique);
  gtk_box_append (GTK_BOX (meta), equipment);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), meta);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), star);
  gtk_box_append (GTK_BOX (row), duration);
  gtk_box_append (GTK_BOX (row), arrow);

  g_object_set_data (G_OBJECT (item), "title", title);
  g_object_set_data (G_OBJECT (item), "technique", technique);
  g_object_set_data (G_OBJECT (item), "equipment", equipment);
  g_object_set_data (G_OBJECT (item), "duration", duration);
  g_object_set_data (G_OBJECT (item), "star", star);
  gtk_list_item_set_child (item, row);
}

static char *
describe_equipment (LimberRoutineListPage *self,
                    LimberRoutine         *routine)
{
  const char * const *ids = limber_routine_get_equipment (routine);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer)limber_catalogue_get_equipment_name (self->catalogue, ids[i]));
  g_ptr_array_add (names, NULL);

  return limber_format_list ((const char * const *)names->pdata);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LimberRoutineListPage    *self)
{
  LimberRoutine *routine = gtk_list_item_get_item (item);
  g_autofree char *equipment = describe_equipment (self, routine);
  g_autofree char *duration = limber_format_minutes (limber_routine_get_total_seconds (routine));
  g_autofree char *label = NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "title"), limber_routine_get_title (routine));
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "technique"),
                      limber_technique_get_name (limber_routine_get_technique (routine)));
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "equipment"), equipment);
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "duration"), duration);
  limber_favourite_button_bind (g_object_get_data (G_OBJECT (item), "star"), self->history,
                                limber_routine_get_id (routine));

  /* TRANSLATORS: what a screen reader says for a routine in the list: its
   * title, technique, length and equipment */
  label = g_strdup_printf (_("%s, %s, %s, %s"), limber_routine_get_title (routine),
                           limber_technique_get_name (limber_routine_get_technique (routine)),
                           duration, equipment);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_list_activate_cb (GtkListView           *list,
                     guint                  position,
                     LimberRoutineListPage *self)
{
  g_autoptr(LimberRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (routine != NULL)
    g_signal_emit (self, signals[ROUTINE_ACTIVATED], 0, routine);
}

static void
limber_routine_list_page_dispose (GObject *object)
{
  LimberRoutineListPage *self = (LimberRoutineListPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_ROUTINE_LIST_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (limber_routine_list_page_parent_class)->dispose (object);
}

static void
limber_routine_list_page_finalize (GObject *object)
{
  LimberRoutineListPage *self = (LimberRoutineListPage *)object;

  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->equipment, g_hash_table_unref);

  G_OBJECT_CLASS (limber_routine_list_page_parent_class)->finalize (object);
}

static void
limber_routine_list_page_class_init (LimberRoutineListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_routine_list_page_dispose;
  object_class->finalize = limber_routine_list_page_finalize;

  /**
   * LimberRoutineListPage::routine-activated:
   * @routine: the #LimberRoutine the person picked
   */
  signals[ROUTINE_ACTIVATED] =
    g_signal_new ("routine-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, LIMBER_TYPE_ROUTINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/limber-routine-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, technique_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, technique_names);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, equipment_button);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, equipment_box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, duration_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutineListPage, routine_list);

  gtk_widget_class_install_action (widget_class, "routines.reset-filters", NULL, reset_filters_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limberroutinelistpage");
}

static void
limber_routine_list_page_init (LimberRoutineListPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->equipment = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_string_list_append (self->technique_names, _("All techniques"));
  for (guint i = 0; i < LIMBER_N_TECHNIQUES; i++)
    gtk_string_list_append (self->technique_names, limber_technique_get_name (i));

  self->filter = gtk_custom_filter_new (filter_routine_cb, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_routines_cb, self, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->routine_list, factory);
  g_signal_connect (self->routine_list, "activate", G_CALLBACK (on_list_activate_cb), self);

  g_signal_connect (self->technique_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect (self->duration_dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
}

GtkWidget *
limber_routine_list_page_new (void)
{
  return g_object_new (LIMBER_TYPE_ROUTINE_LIST_PAGE, NULL);
}

/**
 * limber_routine_list_page_set_catalogue:
 * @settings: (nullable): where the equipment at hand is remembered
 */
void
limber_routine_list_page_set_catalogue (LimberRoutineListPage *self,
                                        LimberCatalogue       *catalogue,
                                        GSettings             *settings)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (LIMBER_IS_ROUTINE_LIST_PAGE (self));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));

  g_set_object (&self->catalogue, catalogue);
  g_set_object (&self->settings, settings);

  if (settings != NULL)
    read_equipment_setting (self);
  else
    for (const char * const *ids = limber_catalogue_get_equipment_ids (catalogue); *ids != NULL; ids++)
      g_hash_table_add (self->equipment, g_strdup (*ids));
  build_equipment_checks (self);

  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  self->filtered = gtk_filter_list_model_new (g_object_ref (limber_catalogue_get_routines (catalogue)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_list_view_set_model (self->routine_list, selection);

  refilter (self);
}

/**
 * limber_routine_list_page_set_groups:
 * @group_ids: the muscle groups to list routines for
 */
void
limber_routine_list_page_set_groups (LimberRoutineListPage *self,
                                     const char * const    *group_ids)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_LIST_PAGE (self));

  g_hash_table_remove_all (self->groups);
  for (guint i = 0; group_ids != NULL && group_ids[i] != NULL; i++)
    g_hash_table_add (self->groups, g_strdup (group_ids[i]));

  if (self->filtered != NULL)
    refilter (self);
}

/**
 * limber_routine_list_page_get_model:
 *
 * Returns: (transfer none): the routines shown, in order.
 */
GListModel *
limber_routine_list_page_get_model (LimberRoutineListPage *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIST_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkListView *
limber_routine_list_page_get_list_view (LimberRoutineListPage *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_LIST_PAGE (self), NULL);
  return self->routine_list;
}

/**
 * limber_routine_list_page_set_history:
 * @history: (nullable): where favourites are kept
 *
 * Shows a star on each routine and lists favourites first.
 */
void
limber_routine_list_page_set_history (LimberRoutineListPage *self,
                                      LimberHistory         *history)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_LIST_PAGE (self));
  g_return_if_fail (history == NULL || LIMBER_IS_HISTORY (history));

  g_set_object (&self->history, history);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * limber_routine_list_page_reset:
 *
 * For the next person: every technique and length, the equipment at hand
 * as the settings say now, no popover, the list at its top.
 */
void
limber_routine_list_page_reset (LimberRoutineListPage *self)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_LIST_PAGE (self));

  gtk_menu_button_popdown (self->equipment_button);
  gtk_drop_down_set_selected (self->technique_dropdown, 0);
  gtk_drop_down_set_selected (self->duration_dropdown, 0);
  if (self->settings != NULL && self->catalogue != NULL)
    {
      read_equipment_setting (self);
      build_equipment_checks (self);
    }
  limber_routine_list_page_set_groups (self, NULL);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->routine_list)), 0);
}
