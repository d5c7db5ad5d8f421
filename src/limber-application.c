/* limber-application.c
 *
 * The application owns the models (catalogue, settings); windows receive
 * them and never reach for globals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-application"

#include "config.h"

#include <glib/gi18n.h>

#include "core/limber-catalogue-loader.h"
#include "limber-application-private.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication   parent_instance;

  LimberCatalogue *catalogue;
  char            *catalogue_problem;
  GSettings       *settings;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *dict)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("limber %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* g_settings_new() aborts on a missing schema; say what is wrong instead. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("The settings schema %s is not installed. Install Limber, or run it with "
                    "build-aux/run.sh from its source tree.\n"), APP_ID);
      return 1;
    }

  return -1;
}

static void
on_safety_notice_response_cb (AdwMessageDialog  *dialog,
                              const char        *response,
                              LimberApplication *self)
{
  g_settings_set_boolean (self->settings, "safety-notice-seen", TRUE);
}

/* Said once on first run, and always in About. */
static void
show_safety_notice (LimberApplication *self,
                    GtkWindow         *parent)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent,
                                   _("Before You Start"),
                                   _("Limber guides self-massage and stretching. It is not medical advice "
                                     "and no substitute for a clinician.\n\n"
                                     "Discomfort is fine; pain is not: ease off if anything hurts. Never "
                                     "work on a fresh injury, and see a professional for pain that "
                                     "persists, numbness or swelling."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_I Understand"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_safety_notice_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
limber_application_activate (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (limber_window_new (self));
      /* The map is where people start, with the keyboard too. */
      gtk_widget_grab_focus (GTK_WIDGET (limber_map_page_get_body_map (limber_window_get_map_page (LIMBER_WINDOW (window)))));
    }

  gtk_window_present (window);

  if (!g_settings_get_boolean (self->settings, "safety-notice-seen"))
    show_safety_notice (self, window);
}

static void
load_catalogue (LimberApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->catalogue = limber_catalogue_new ();
  if (!limber_catalogue_load_resource (self->catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    {
      g_printerr ("%s\n", error->message);
      self->catalogue_problem = g_strdup (error->message);
    }
}

static void
limber_application_startup (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = g_settings_new (APP_ID);
  load_catalogue (self);
  _limber_application_add_actions (self);
}

static void
limber_application_finalize (GObject *object)
{
  LimberApplication *self = (LimberApplication *)object;

  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->catalogue_problem, g_free);

  G_OBJECT_CLASS (limber_application_parent_class)->finalize (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = limber_application_finalize;
  app_class->activate = limber_application_activate;
  app_class->startup = limber_application_startup;
  app_class->handle_local_options = limber_application_handle_local_options;
}

static void
limber_application_init (LimberApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Guided self-massage for sore muscles: foam rolling, "
                                              "stretching and trigger point routines."));
}

LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * limber_application_get_catalogue:
 *
 * Returns: (transfer none): the catalogue, kept for the application's lifetime.
 */
LimberCatalogue *
limber_application_get_catalogue (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->catalogue;
}

/**
 * limber_application_get_catalogue_problem:
 *
 * Returns: (nullable): why the shipped catalogue could not be loaded.
 */
const char *
limber_application_get_catalogue_problem (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->catalogue_problem;
}

GSettings *
limber_application_get_settings (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->settings;
}
