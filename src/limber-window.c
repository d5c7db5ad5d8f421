/* limber-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-window.h"

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  LimberMapPage        *map_page;
  AdwStatusPage        *broken_page;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (LimberWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  save_window_state (LIMBER_WINDOW (window));

  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

/* Built when first asked for rather than with every window, as GTK would
 * do for gtk/help-overlay.ui: it is rarely opened and costs start-up time. */
static void
show_shortcuts_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/limber-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_window_dispose;
  window_class->close_request = limber_window_close_request;

  g_type_ensure (LIMBER_TYPE_MAP_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, map_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, broken_page);

  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-shortcuts", NULL);
}

static void
limber_window_init (LimberWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * limber_window_new:
 *
 * Creates a window showing the application's catalogue.
 */
LimberWindow *
limber_window_new (LimberApplication *application)
{
  LimberWindow *self;
  LimberCatalogue *catalogue;
  const char *problem;

  g_return_val_if_fail (LIMBER_IS_APPLICATION (application), NULL);

  self = g_object_new (LIMBER_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (limber_application_get_settings (application));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  catalogue = limber_application_get_catalogue (application);
  problem = limber_application_get_catalogue_problem (application);
  if (problem != NULL)
    {
      adw_status_page_set_description (self->broken_page, problem);
      gtk_stack_set_visible_child_name (self->stack, "broken");
      return self;
    }

  limber_map_page_set_catalogue (self->map_page, catalogue);
  g_settings_bind (self->settings, "body-view", self->map_page, "view", G_SETTINGS_BIND_DEFAULT);

  return self;
}

LimberMapPage *
limber_window_get_map_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->map_page;
}

void
limber_window_add_toast (LimberWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
