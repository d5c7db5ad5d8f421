/* limber-welcome-page.c
 *
 * What a kiosk shows to each new person, and returns to after them: the
 * gym's name and logo (kiosk-gym-name, kiosk-logo), what Limber does, one
 * big Start, and that Limber is no substitute for a clinician. Both
 * settings are followed live, so an administrator's change shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-application.h"
#include "limber-welcome-page.h"

/* The logo's largest size on screen (the template clamps its height); it
 * is loaded at twice that, to stay sharp on a screen that scales by two. */
#define LOGO_MAX_WIDTH  640
#define LOGO_MAX_HEIGHT 160

struct _LimberWelcomePage
{
  GtkWidget   parent_instance;

  /* template */
  GtkWidget  *logo_clamp;
  GtkPicture *logo;
  GtkLabel   *title_label;
  GtkWidget  *start_button;
  GtkWidget  *language_picker;
  GtkLabel   *notice_label;

  GSettings  *settings;
};

G_DEFINE_FINAL_TYPE (LimberWelcomePage, limber_welcome_page, GTK_TYPE_WIDGET)

enum {
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_title (LimberWelcomePage *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "kiosk-gym-name");

  g_strstrip (name);
  gtk_label_set_text (self->title_label, *name != '\0' ? name : "Limber");
}

/* A logo that cannot be read is left out: the screen works without it,
 * and the path is named on standard error for whoever set it. */
static void
update_logo (LimberWelcomePage *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "kiosk-logo");
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  gtk_picture_set_paintable (self->logo, NULL);
  gtk_widget_set_visible (self->logo_clamp, FALSE);
  if (*path == '\0')
    return;

  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, 2 * LOGO_MAX_WIDTH, 2 * LOGO_MAX_HEIGHT, TRUE, &error);
  if (pixbuf == NULL)
    {
      g_warning ("Not showing the kiosk logo %s: %s", path, error->message);
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (self->logo, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->logo_clamp, TRUE);
}

static void
on_setting_changed_cb (GSettings         *settings,
                       const char        *key,
                       LimberWelcomePage *self)
{
  if (g_str_equal (key, "kiosk-gym-name"))
    update_title (self);
  else if (g_str_equal (key, "kiosk-logo"))
    update_logo (self);
}

static void
on_start_clicked_cb (GtkButton         *button,
                     LimberWelcomePage *self)
{
  g_signal_emit (self, signals[START], 0);
}

static void
limber_welcome_page_dispose (GObject *object)
{
  LimberWelcomePage *self = (LimberWelcomePage *)object;
  GtkWidget *child;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WELCOME_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_welcome_page_parent_class)->dispose (object);
}

static void
limber_welcome_page_class_init (LimberWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_welcome_page_dispose;
  g_type_ensure (LIMBER_TYPE_LANGUAGE_PICKER);

  /**
   * LimberWelcomePage::start:
   *
   * The person tapped Start.
   */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/limber-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWelcomePage, logo_clamp);
  gtk_widget_class_bind_template_child (widget_class, LimberWelcomePage, logo);
  gtk_widget_class_bind_template_child (widget_class, LimberWelcomePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWelcomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWelcomePage, language_picker);
  gtk_widget_class_bind_template_child (widget_class, LimberWelcomePage, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "welcomepage");
}

static void
limber_welcome_page_init (LimberWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->title_label, "Limber");
  gtk_label_set_text (self->notice_label, limber_application_get_safety_notice ());
}

GtkWidget *
limber_welcome_page_new (void)
{
  return g_object_new (LIMBER_TYPE_WELCOME_PAGE, NULL);
}

/**
 * limber_welcome_page_set_settings:
 *
 * Shows the gym's name and logo from @settings, and follows them.
 */
void
limber_welcome_page_set_settings (LimberWelcomePage *self,
                                  GSettings         *settings)
{
  g_return_if_fail (LIMBER_IS_WELCOME_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  g_signal_connect (settings, "changed", G_CALLBACK (on_setting_changed_cb), self);

  update_title (self);
  update_logo (self);
}

/**
 * limber_welcome_page_get_title:
 *
 * Returns: the big title: the gym's name, or "Limber".
 */
const char *
limber_welcome_page_get_title (LimberWelcomePage *self)
{
  g_return_val_if_fail (LIMBER_IS_WELCOME_PAGE (self), NULL);
  return gtk_label_get_text (self->title_label);
}

gboolean
limber_welcome_page_get_logo_shown (LimberWelcomePage *self)
{
  g_return_val_if_fail (LIMBER_IS_WELCOME_PAGE (self), FALSE);
  return gtk_widget_get_visible (self->logo_clamp) && gtk_picture_get_paintable (self->logo) != NULL;
}

GtkWidget *
limber_welcome_page_get_start_button (LimberWelcomePage *self)
{
  g_return_val_if_fail (LIMBER_IS_WELCOME_PAGE (self), NULL);
  return self->start_button;
}

/**
 * limber_welcome_page_get_language_picker:
 *
 * Returns: (transfer none): the languages to choose from, under Start.
 */
LimberLanguagePicker *
limber_welcome_page_get_language_picker (LimberWelcomePage *self)
{
  g_return_val_if_fail (LIMBER_IS_WELCOME_PAGE (self), NULL);
  return LIMBER_LANGUAGE_PICKER (self->language_picker);
}
