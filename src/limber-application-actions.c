/* limber-application-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-application-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-application-private.h"
#include "limber-preferences-window.h"

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Limber developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", "Limber",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Limber developers"),
                        "developers", developers,
                        "website", "https://limber.app",
                        "issue-url", "https://limber.app/issues",
                        "copyright", "© 2026 The Limber developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: put your name here to be credited */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Limber guides self-massage and stretching for sore muscles.\n\n"
                                      "Limber is not medical advice and is no substitute for a clinician. "
                                      "Stop if anything hurts, never work on a fresh injury, and see a "
                                      "professional for pain that persists, numbness or swelling."),
                        NULL);

  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Health Notice"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The routines in Limber are general information for healthy adults. "
                                        "They are not a diagnosis or a treatment, and they do not replace "
                                        "advice from a doctor or physiotherapist."));

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LimberApplication *self = LIMBER_APPLICATION (user_data);
  GtkWidget *preferences;

  preferences = limber_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                               limber_application_get_settings (self),
                                               limber_application_get_sound_cues (self),
                                               limber_application_get_speech_cues (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows first lets them save their state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (app));
}

/* For kiosks: `gapplication action app.limber.Limber language "'de'"`. */
static void
language_change_state_cb (GSimpleAction *action,
                          GVariant      *state,
                          gpointer       user_data)
{
  limber_application_set_language (LIMBER_APPLICATION (user_data), g_variant_get_string (state, NULL));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action_cb },
  { .name = "preferences", .activate = preferences_action_cb },
  { .name = "quit", .activate = quit_action_cb },
  { .name = "language", .parameter_type = "s", .state = "''", .change_state = language_change_state_cb },
};

/* A kiosk has the actions, disabled: a disabled action cannot be
 * activated by an accelerator, a menu or over D-Bus (org.gtk.Actions)
 * either. The staff panel quits by other means. */
static void
lock_actions_for_kiosk (LimberApplication *self)
{
  static const char * const locked[] = { "about", "preferences", "quit" };

  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), locked[i])), FALSE);
}

void
_limber_application_add_actions (LimberApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  if (limber_application_get_kiosk (self) != NULL)
    {
      lock_actions_for_kiosk (self);
      return;
    }

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}
