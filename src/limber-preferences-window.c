/* limber-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-preferences-window.h"

struct _LimberPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template */
  GtkSwitch            *sound_switch;
  AdwActionRow         *volume_row;
  GtkAdjustment        *volume_adjustment;
  AdwActionRow         *speech_row;
  GtkSwitch            *speech_switch;
  GtkSwitch            *history_switch;
  GtkAdjustment        *get_ready_adjustment;

  GSettings            *settings;
  LimberSoundCues      *sound;
  LimberSpeechCues     *speech;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Locked keys (an administrator's dconf lock) show but cannot change. */
static void
bind_setting (LimberPreferencesWindow *self,
              const char              *key,
              gpointer                 object,
              const char              *property)
{
  g_settings_bind (self->settings, key, object, property, G_SETTINGS_BIND_DEFAULT);
}

static void
update_speech_row (LimberPreferencesWindow *self)
{
  gboolean unavailable = limber_speech_cues_get_availability (self->speech) == LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE;

  adw_action_row_set_subtitle (self->speech_row,
                               unavailable
                               ? _("Speech is not available on this computer. Install speech-dispatcher to use it.")
                               : _("Each instruction and “switch sides”, through the system’s voice"));
  /* Where there is no voice it can still be switched off, never on; a key an
   * administrator locked stays locked either way. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->speech_switch),
                            g_settings_is_writable (self->settings, "speak-instructions")
                            && (!unavailable || gtk_switch_get_active (self->speech_switch)));
}

static void
on_availability_changed_cb (GObject                 *object,
                            GParamSpec              *pspec,
                            LimberPreferencesWindow *self)
{
  update_speech_row (self);
}

static void
test_sound_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberPreferencesWindow *self = LIMBER_PREFERENCES_WINDOW (widget);

  limber_sound_cues_play_sample (self->sound);
}

static void
on_sound_changed_cb (GSettings               *settings,
                     const char              *key,
                     LimberPreferencesWindow *self)
{
  gboolean on = g_settings_get_boolean (settings, "sound-cues");

  gtk_widget_set_sensitive (GTK_WIDGET (self->volume_row), on);
}

static void
limber_preferences_window_dispose (GObject *object)
{
  LimberPreferencesWindow *self = (LimberPreferencesWindow *)object;

  if (self->speech != NULL)
    g_signal_handlers_disconnect_by_data (self->speech, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->sound);
  g_clear_object (&self->speech);

  G_OBJECT_CLASS (limber_preferences_window_parent_class)->dispose (object);
}

static void
limber_preferences_window_class_init (LimberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/limber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, sound_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, volume_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, speech_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, speech_switch);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, get_ready_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesWindow, history_switch);

  gtk_widget_class_install_action (widget_class, "preferences.test-sound", NULL, test_sound_cb);
}

static void
limber_preferences_window_init (LimberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * limber_preferences_window_new:
 *
 * Returns: (transfer floating): the preferences, over @parent.
 */
GtkWidget *
limber_preferences_window_new (GtkWindow        *parent,
                               GSettings        *settings,
                               LimberSoundCues  *sound,
                               LimberSpeechCues *speech)
{
  LimberPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (LIMBER_IS_SOUND_CUES (sound), NULL);
  g_return_val_if_fail (LIMBER_IS_SPEECH_CUES (speech), NULL);

  self = g_object_new (LIMBER_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  self->sound = g_object_ref (sound);
  self->speech = g_object_ref (speech);

  bind_setting (self, "sound-cues", self->sound_switch, "active");
  bind_setting (self, "sound-volume", self->volume_adjustment, "value");
  bind_setting (self, "speak-instructions", self->speech_switch, "active");
  bind_setting (self, "get-ready-seconds", self->get_ready_adjustment, "value");
  bind_setting (self, "keep-history", self->history_switch, "active");

  g_signal_connect (settings, "changed::sound-cues", G_CALLBACK (on_sound_changed_cb), self);
  on_sound_changed_cb (settings, "sound-cues", self);
  g_signal_connect (speech, "notify::availability", G_CALLBACK (on_availability_changed_cb), self);
  update_speech_row (self);

  return GTK_WIDGET (self);
}
