/* limber-map-page.c
 *
 * The map and the region list show one selection: the LimberRegionChoice
 * objects. Whatever changes a choice (a tap, a key, a check button, a chip)
 * goes through its "selected" property, and everything else follows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-map-page"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-figure.h"
#include "limber-map-page.h"
#include "limber-region-choice.h"

/* Wider than this ratio (and this width), the list sits beside the map;
 * otherwise, as on a portrait screen, below it. */
#define SIDE_BY_SIDE_RATIO     1.05
#define SIDE_BY_SIDE_MIN_WIDTH 720

struct _LimberMapPage
{
  GtkWidget          parent_instance;

  /* template */
  GtkWidget         *map_pane;
  GtkWidget         *side_pane;
  LimberBodyMap     *body_map;
  GtkLabel          *orientation_label;
  GtkSearchEntry    *search_entry;
  GtkStack          *list_stack;
  GtkListView       *region_list;
  GtkWidget         *summary_row;
  GtkWidget         *show_routines_button;
  GtkWidget         *plan_button;
  GtkLabel          *summary_label;
  GtkFlowBox        *chips;
  GtkWidget         *chips_window;
  GtkWidget         *empty_hint;

  LimberCatalogue   *catalogue;
  GListStore        *choices;
  GHashTable        *choices_by_svg_id;   /* svg id -> LimberRegionChoice */
  GHashTable        *injured;             /* region ids marked injured */
  GtkPopover        *injured_popover;
  GtkButton         *injured_button;
  LimberRegionChoice *context_choice;
  GtkStringFilter   *filter;
  GtkFilterListModel *filtered;

  char              *view;
  gboolean           stacked;
  gboolean           toggling_from_map;
};

G_DEFINE_FINAL_TYPE (LimberMapPage, limber_map_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_orientation_label (LimberMapPage *self)
{
  if (g_strcmp0 (self->view, "back") == 0)
    gtk_label_set_text (self->orientation_label,
                        _("Seen from behind: your right side is on the right of the picture"));
  else
    gtk_label_set_text (self->orientation_label,
                        _("Seen from the front: your right side is on the left of the picture"));
}

static void
set_view (LimberMapPage *self,
          const char    *view)
{
  if (g_strcmp0 (view, "front") != 0 && g_strcmp0 (view, "back") != 0)
    view = "front";

  if (g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);

  if (self->catalogue != NULL)
    limber_body_map_set_view (self->body_map, view);
  update_orientation_label (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_map),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_str_equal (view, "back") ? _("Body map, back view")
                                                             : _("Body map, front view"),
                                  -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static guint
count_selected (LimberMapPage *self)
{
  guint n = 0;

  for (guint i = 0; self->choices && i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      n += limber_region_choice_get_selected (choice);
    }

  return n;
}

static void
on_chip_clicked_cb (GtkButton     *button,
                    LimberMapPage *self)
{
  LimberRegionChoice *choice = g_object_get_data (G_OBJECT (button), "choice");

  limber_region_choice_set_selected (choice, FALSE);
}

static GtkWidget *
create_chip (LimberMapPage      *self,
             LimberRegionChoice *choice)
{
  LimberRegion *region = limber_region_choice_get_region (choice);
  g_autofree char *remove = NULL;
  GtkWidget *button, *box, *label, *icon;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (g_hash_table_contains (self->injured, limber_region_get_id (region)))
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Injured"), -1);
      gtk_box_append (GTK_BOX (box), warning);
    }
  label = gtk_label_new (limber_region_get_name (region));
  gtk_box_append (GTK_BOX (box), label);
  icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  gtk_box_append (GTK_BOX (box), icon);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "chip");
  if (g_hash_table_contains (self->injured, limber_region_get_id (region)))
    gtk_widget_add_css_class (button, "injured");
  /* TRANSLATORS: tooltip and screen reader label of a chip; %s is a body region */
  remove = g_strdup_printf (_("Remove “%s” from the selection"), limber_region_get_name (region));
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  g_object_set_data_full (G_OBJECT (button), "choice", g_object_ref (choice), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked_cb), self);

  return button;
}

static void
update_selection_summary (LimberMapPage *self)
{
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n = count_selected (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      if (limber_region_choice_get_selected (choice))
        gtk_flow_box_append (self->chips, create_chip (self, choice));
    }

  summary = g_strdup_printf (ngettext ("%u region selected", "%u regions selected", n), n);
  gtk_label_set_text (self->summary_label, summary);

  gtk_widget_set_visible (self->summary_row, n > 0);
  gtk_widget_set_visible (self->chips_window, n > 0);
  gtk_widget_set_visible (self->empty_hint, n == 0);
  gtk_widget_set_visible (self->show_routines_button, n > 0);
  gtk_widget_set_visible (self->plan_button, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.clear", n > 0);
}

static void
on_choice_selected_cb (LimberRegionChoice *choice,
                       GParamSpec         *pspec,
                       LimberMapPage      *self)
{
  LimberRegion *region = limber_region_choice_get_region (choice);
  gboolean selected = limber_region_choice_get_selected (choice);

  limber_body_map_set_selected (self->body_map, limber_region_get_svg_id (region), selected);
  /* Injured is something said about a chosen place. */
  if (!selected && g_hash_table_remove (self->injured, limber_region_get_id (region)))
    limber_body_map_set_marked (self->body_map, limber_region_get_svg_id (region), FALSE);

  /* Picking from the list turns the map so the person sees what they chose. */
  if (selected && !self->toggling_from_map)
    set_view (self, limber_view_to_string (limber_region_get_view (region)));

  update_selection_summary (self);
}

static void
on_region_toggled_cb (LimberBodyMap *map,
                      const char    *element_id,
                      gboolean       selected,
                      LimberMapPage *self)
{
  LimberRegionChoice *choice = g_hash_table_lookup (self->choices_by_svg_id, element_id);

  g_return_if_fail (choice != NULL);

  self->toggling_from_map = TRUE;
  limber_region_choice_set_selected (choice, selected);
  self->toggling_from_map = FALSE;
}

static void
on_injured_clicked_cb (GtkButton     *button,
                       LimberMapPage *self)
{
  LimberRegion *region;

  gtk_popover_popdown (self->injured_popover);
  if (self->context_choice == NULL)
    return;

  region = limber_region_choice_get_region (self->context_choice);
  limber_map_page_set_injured (self, limber_region_get_id (region),
                               !g_hash_table_contains (self->injured, limber_region_get_id (region)));
}

/* A long press or a right click on a region: say it is injured, or not. */
static void
on_region_context_cb (LimberBodyMap *map,
                      const char    *element_id,
                      double         x,
                      double         y,
                      LimberMapPage *self)
{
  LimberRegionChoice *choice = g_hash_table_lookup (self->choices_by_svg_id, element_id);
  LimberRegion *region;
  GdkRectangle where = { (int)x, (int)y, 1, 1 };
  g_autofree char *label = NULL;

  g_return_if_fail (choice != NULL);

  region = limber_region_choice_get_region (choice);
  self->context_choice = choice;
  /* Translators: %s is a body region, such as "Left calf". */
  label = g_hash_table_contains (self->injured, limber_region_get_id (region))
          ? g_strdup_printf (_("%s Is Not Injured"), limber_region_get_name (region))
          : g_strdup_printf (_("Mark %s as Injured"), limber_region_get_name (region));
  gtk_button_set_label (self->injured_button, label);
  gtk_popover_set_pointing_to (self->injured_popover, &where);
  gtk_popover_popup (self->injured_popover);
}

static void
build_injured_popover (LimberMapPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (_("Limber will not work on an injured place."));

  self->injured_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->injured_button), "injured-button");
  g_signal_connect (self->injured_button, "clicked", G_CALLBACK (on_injured_clicked_cb), self);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (hint), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 28);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->injured_button));
  gtk_box_append (GTK_BOX (box), hint);

  self->injured_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->injured_popover, box);
  gtk_widget_set_parent (GTK_WIDGET (self->injured_popover), GTK_WIDGET (self->body_map));
}

static void
on_map_view_changed_cb (LimberBodyMap *map,
                        GParamSpec    *pspec,
                        LimberMapPage *self)
{
  set_view (self, limber_body_map_get_view (map));
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      LimberMapPage  *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_filtered_items_changed_cb (GListModel    *model,
                              guint          position,
                              guint          removed,
                              guint          added,
                              LimberMapPage *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

static void
on_list_activate_cb (GtkListView   *list,
                     guint          position,
                     LimberMapPage *self)
{
  g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (choice != NULL)
    limber_region_choice_set_selected (choice, !limber_region_choice_get_selected (choice));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LimberMapPage            *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_add_css_class (check, "region-row");
  gtk_list_item_set_child (item, check);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LimberMapPage            *self)
{
  LimberRegionChoice *choice = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);
  const char *name = limber_region_get_name (limber_region_choice_get_region (choice));
  GBinding *binding;

  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  binding = g_object_bind_property (choice, "selected", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (item), "binding", binding);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LimberMapPage            *self)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
clear_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  limber_map_page_clear_selection (LIMBER_MAP_PAGE (widget));
}

static void
focus_search_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberMapPage *self = LIMBER_MAP_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
want_side_by_side (int width,
                   int height)
{
  return width >= SIDE_BY_SIDE_MIN_WIDTH && width >= height * SIDE_BY_SIDE_RATIO;
}

static void
limber_map_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LimberMapPage *self = LIMBER_MAP_PAGE (widget);
  int map_min, map_nat, side_min, side_nat;

  gtk_widget_measure (self->map_pane, orientation, -1, &map_min, &map_nat, NULL, NULL);
  gtk_widget_measure (self->side_pane, orientation, -1, &side_min, &side_nat, NULL, NULL);

  /* The minimum is that of the stacked layout in width and of the side by
   * side one in height; the allocation picks whichever fits. */
  *minimum = MAX (map_min, side_min);
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? map_nat + side_nat : MAX (map_nat, side_nat);
}

static void
limber_map_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LimberMapPage *self = LIMBER_MAP_PAGE (widget);
  GtkAllocation map_alloc, side_alloc;
  int side_min, side_nat;
  gboolean stacked = !want_side_by_side (width, height);

  if (!stacked)
    {
      int side_width = CLAMP (width * 0.32, 320, 440);

      gtk_widget_measure (self->side_pane, GTK_ORIENTATION_HORIZONTAL, -1, &side_min, &side_nat, NULL, NULL);
      side_width = MAX (side_width, side_min);
      map_alloc = (GtkAllocation) { 0, 0, width - side_width, height };
      side_alloc = (GtkAllocation) { width - side_width, 0, side_width, height };
      /* Mirrored in a right-to-left language like the rest of the
       * layout, the list on the left; the figure itself never mirrors
       * (LimberBodyMap sees to that). */
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        {
          side_alloc.x = 0;
          map_alloc.x = side_width;
        }
    }
  else
    {
      int side_height;

      gtk_widget_measure (self->side_pane, GTK_ORIENTATION_VERTICAL, width, &side_min, &side_nat, NULL, NULL);
      side_height = CLAMP ((int)(height * 0.42), side_min, MAX (side_min, height - 260));
      map_alloc = (GtkAllocation) { 0, 0, width, height - side_height };
      side_alloc = (GtkAllocation) { 0, height - side_height, width, side_height };
    }

  if (stacked != self->stacked)
    {
      self->stacked = stacked;
      if (stacked)
        gtk_widget_add_css_class (widget, "stacked");
      else
        gtk_widget_remove_css_class (widget, "stacked");
    }

  gtk_widget_size_allocate (self->map_pane, &map_alloc, -1);
  gtk_widget_size_allocate (self->side_pane, &side_alloc, -1);
}

static void
limber_map_page_dispose (GObject *object)
{
  LimberMapPage *self = (LimberMapPage *)object;

  if (self->injured_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->injured_popover));
  self->injured_popover = NULL;
  self->context_choice = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_MAP_PAGE);
  g_clear_pointer (&self->injured, g_hash_table_unref);

  G_OBJECT_CLASS (limber_map_page_parent_class)->dispose (object);
}

static void
limber_map_page_finalize (GObject *object)
{
  LimberMapPage *self = (LimberMapPage *)object;

  if (self->choices != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
      {
        g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

        g_signal_handlers_disconnect_by_data (choice, self);
      }

  g_clear_object (&self->filtered);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->choices_by_svg_id, g_hash_table_unref);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->view, g_free);

  G_OBJECT_CLASS (limber_map_page_parent_class)->finalize (object);
}

static void
limber_map_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberMapPage *self = LIMBER_MAP_PAGE (object);

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
limber_map_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LimberMapPage *self = LIMBER_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_map_page_class_init (LimberMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_map_page_dispose;
  object_class->finalize = limber_map_page_finalize;
  object_class->get_property = limber_map_page_get_property;
  object_class->set_property = limber_map_page_set_property;

  widget_class->measure = limber_map_page_measure;
  widget_class->size_allocate = limber_map_page_size_allocate;

  /**
   * LimberMapPage:view:
   *
   * The side of the body the map shows: "front" or "back".
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "front",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_BODY_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/limber-map-page.ui");
  gtk_widget_class_set_css_name (widget_class, "limbermappage");
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, map_pane);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, side_pane);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, body_map);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, orientation_label);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, region_list);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, show_routines_button);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, plan_button);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, chips);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, chips_window);
  gtk_widget_class_bind_template_child (widget_class, LimberMapPage, empty_hint);

  gtk_widget_class_install_property_action (widget_class, "map.view", "view");
  gtk_widget_class_install_action (widget_class, "map.clear", NULL, clear_action_cb);
  gtk_widget_class_install_action (widget_class, "map.search", NULL, focus_search_cb);

}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action,
              GVariant              *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                                            gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, argument);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The page's shortcuts work wherever the focus is in the window. */
static void
add_shortcuts (LimberMapPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_1, "map.view", g_variant_new_string ("front"));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_2, "map.view", g_variant_new_string ("back"));
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_f, "map.search", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
limber_map_page_init (LimberMapPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkExpression *expression;

  self->view = g_strdup ("front");
  self->choices = g_list_store_new (LIMBER_TYPE_REGION_CHOICE);
  self->choices_by_svg_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->injured = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
  build_injured_popover (self);
  /* Translators: how a screen reader describes a place marked injured on the map. */
  limber_body_map_set_marked_label (self->body_map, C_("region state", "injured"));
  g_signal_connect (self->body_map, "region-context", G_CALLBACK (on_region_context_cb), self);

  g_signal_connect (self->body_map, "region-toggled", G_CALLBACK (on_region_toggled_cb), self);
  g_signal_connect (self->body_map, "notify::view", G_CALLBACK (on_map_view_changed_cb), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);

  expression = gtk_property_expression_new (LIMBER_TYPE_REGION_CHOICE, NULL, "name");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->choices)),
                                              GTK_FILTER (self->filter));
  g_signal_connect (self->filtered, "items-changed", G_CALLBACK (on_filtered_items_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->region_list, factory);
  gtk_list_view_set_model (self->region_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  g_signal_connect (self->region_list, "activate", G_CALLBACK (on_list_activate_cb), self);

  update_orientation_label (self);
  update_selection_summary (self);
}

GtkWidget *
limber_map_page_new (void)
{
  return g_object_new (LIMBER_TYPE_MAP_PAGE, NULL);
}

/**
 * limber_map_page_set_catalogue:
 *
 * Fills the map and the list with the catalogue's regions. Call once.
 */
void
limber_map_page_set_catalogue (LimberMapPage   *self,
                               LimberCatalogue *catalogue)
{
  GListModel *regions;

  g_return_if_fail (LIMBER_IS_MAP_PAGE (self));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));
  g_return_if_fail (self->catalogue == NULL);

  self->catalogue = g_object_ref (catalogue);

  limber_figure_load (self->body_map, catalogue);

  regions = limber_catalogue_get_regions (catalogue);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      g_autoptr(LimberRegionChoice) choice = limber_region_choice_new (region);

      g_hash_table_insert (self->choices_by_svg_id, (gpointer)limber_region_get_svg_id (region), choice);
      g_signal_connect (choice, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
      g_list_store_append (self->choices, choice);
    }

  limber_body_map_set_view (self->body_map, self->view);
  update_selection_summary (self);
}

LimberBodyMap *
limber_map_page_get_body_map (LimberMapPage *self)
{
  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), NULL);
  return self->body_map;
}

GtkListView *
limber_map_page_get_region_list (LimberMapPage *self)
{
  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), NULL);
  return self->region_list;
}

/**
 * limber_map_page_get_choices:
 *
 * Returns: (transfer none): a #LimberRegionChoice for every region.
 */
GListModel *
limber_map_page_get_choices (LimberMapPage *self)
{
  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), NULL);
  return G_LIST_MODEL (self->choices);
}

GtkWidget *
limber_map_page_get_chips (LimberMapPage *self)
{
  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), NULL);
  return GTK_WIDGET (self->chips);
}

/**
 * limber_map_page_dup_selected_ids:
 *
 * Returns: (transfer full): the catalogue ids of the selected regions.
 */
GStrv
limber_map_page_dup_selected_ids (LimberMapPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      if (limber_region_choice_get_selected (choice))
        g_strv_builder_add (builder, limber_region_get_id (limber_region_choice_get_region (choice)));
    }

  return g_strv_builder_end (builder);
}

void
limber_map_page_clear_selection (LimberMapPage *self)
{
  g_return_if_fail (LIMBER_IS_MAP_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->choices)); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->choices), i);

      limber_region_choice_set_selected (choice, FALSE);
    }
}

gboolean
limber_map_page_is_stacked (LimberMapPage *self)
{
  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), FALSE);
  return self->stacked;
}

/**
 * limber_map_page_set_injured:
 *
 * Marks a region injured on the map (choosing it too), or no longer.
 */
void
limber_map_page_set_injured (LimberMapPage *self,
                             const char    *region_id,
                             gboolean       injured)
{
  LimberRegion *region;
  LimberRegionChoice *choice;

  g_return_if_fail (LIMBER_IS_MAP_PAGE (self));
  g_return_if_fail (self->catalogue != NULL);

  region = limber_catalogue_lookup_region (self->catalogue, region_id);
  if (region == NULL)
    return;
  choice = g_hash_table_lookup (self->choices_by_svg_id, limber_region_get_svg_id (region));
  if (choice == NULL)
    return;

  if (injured)
    g_hash_table_add (self->injured, g_strdup (region_id));
  else
    g_hash_table_remove (self->injured, region_id);
  limber_body_map_set_marked (self->body_map, limber_region_get_svg_id (region), injured);

  if (injured && !limber_region_choice_get_selected (choice))
    limber_region_choice_set_selected (choice, TRUE);
  else
    update_selection_summary (self);
}

gboolean
limber_map_page_get_injured (LimberMapPage *self,
                             const char    *region_id)
{
  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), FALSE);
  return g_hash_table_contains (self->injured, region_id);
}

/**
 * limber_map_page_dup_injured:
 *
 * Returns: (transfer full): the ids of the regions marked injured.
 */
GHashTable *
limber_map_page_dup_injured (LimberMapPage *self)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (LIMBER_IS_MAP_PAGE (self), copy);

  g_hash_table_iter_init (&iter, self->injured);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy, g_strdup (key));

  return copy;
}

/**
 * limber_map_page_reset:
 *
 * For the next person: nothing chosen or marked injured, no search, no
 * popover, the list at its top. The view follows its setting.
 */
void
limber_map_page_reset (LimberMapPage *self)
{
  g_return_if_fail (LIMBER_IS_MAP_PAGE (self));

  gtk_popover_popdown (self->injured_popover);
  self->context_choice = NULL;
  limber_map_page_clear_selection (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* The entry tells the filter after a delay; the next person should not
   * see the last one's search even for that long. */
  gtk_string_filter_set_search (self->filter, NULL);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->region_list)), 0);
}

/**
 * limber_map_page_set_searchable:
 *
 * Shows or hides the search field. A touch kiosk has no keyboard to type
 * in it, and a text field brings a context menu and a drop target with it.
 */
void
limber_map_page_set_searchable (LimberMapPage *self,
                                gboolean       searchable)
{
  g_return_if_fail (LIMBER_IS_MAP_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), searchable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.search", searchable);
}
