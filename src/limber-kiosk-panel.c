/* limber-kiosk-panel.c
 *
 * Everything a kiosk shows over its pages lives in the main window rather
 * than in dialogs: a kiosk compositor has nothing to stack, move or close
 * a second window with, and a page behind a full-window scrim takes no
 * taps. Three cards:
 *
 * - "Still there?", with a countdown, while LimberKiosk warns; any input
 *   answers it, and whatever was showing before comes back;
 * - the staff PIN pad, opened by the window's hidden corner;
 * - the staff's settings, once the PIN is right: the gym's name and
 *   colour as set, the idle time (unless an administrator locked it), a
 *   test sound, and Exit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-kiosk-panel"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "limber-format.h"
#include "limber-kiosk-panel.h"
#include "limber-pin.h"

static const guint idle_choices[] = { 30, 60, 90, 120, 180, 300 };

struct _LimberKioskPanel
{
  GtkWidget        parent_instance;

  /* template */
  GtkStack        *stack;
  GtkLabel        *countdown_label;
  GtkWidget       *still_here_button;
  GtkLabel        *pin_message;
  LimberPinPad    *pin_pad;
  AdwActionRow    *gym_row;
  AdwActionRow    *accent_row;
  AdwComboRow     *idle_row;
  GtkStringList   *idle_choices;

  LimberKiosk     *kiosk;
  GSettings       *settings;
  LimberSoundCues *sound_cues;
  GArray          *idle_values;     /* guint seconds, one per row of idle_row */
  char            *under_warning;   /* the card the warning covers, if any */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (LimberKioskPanel, limber_kiosk_panel, GTK_TYPE_WIDGET)

enum {
  EXIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_card (LimberKioskPanel *self,
           const char       *name)
{
  gtk_widget_set_visible (GTK_WIDGET (self), name != NULL);
  if (name != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

static const char *
get_card (LimberKioskPanel *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_stack_get_visible_child_name (self->stack) : NULL;
}

/* ---- the warning ---- */

static void
on_kiosk_changed_cb (LimberKiosk      *kiosk,
                     LimberKioskPanel *self)
{
  const char *card = get_card (self);

  if (limber_kiosk_get_state (kiosk) == LIMBER_KIOSK_STATE_WARNING)
    {
      guint left = limber_kiosk_get_seconds_left (kiosk);
      g_autofree char *text = g_strdup_printf (ngettext ("Starting over in %u second", "Starting over in %u seconds",
                                                         left), left);

      gtk_label_set_text (self->countdown_label, text);
      if (g_strcmp0 (card, "warning") != 0)
        {
          g_free (self->under_warning);
          self->under_warning = g_strdup (card);
          show_card (self, "warning");
          gtk_widget_grab_focus (self->still_here_button);
        }
    }
  else if (g_strcmp0 (card, "warning") == 0)
    {
      g_autofree char *under = g_steal_pointer (&self->under_warning);

      show_card (self, under);
    }
}

static void
on_still_here_clicked_cb (GtkButton        *button,
                          LimberKioskPanel *self)
{
  limber_kiosk_report_input (self->kiosk);
}

/* ---- the PIN ---- */

static void
say_locked (LimberKioskPanel *self,
            guint             seconds)
{
  g_autofree char *text = g_strdup_printf (ngettext ("Too many wrong PINs. Try again in %u second.",
                                                     "Too many wrong PINs. Try again in %u seconds.", seconds),
                                           seconds);

  gtk_label_set_text (self->pin_message, text);
}

static void sync_admin (LimberKioskPanel *self);

static void
on_pin_submitted_cb (LimberPinPad     *pad,
                     const char       *pin,
                     LimberKioskPanel *self)
{
  g_autofree char *stored = g_settings_get_string (self->settings, "kiosk-pin");
  guint retry;

  switch (limber_kiosk_try_pin (self->kiosk, stored, pin, &retry))
    {
    case LIMBER_KIOSK_PIN_ACCEPTED:
      sync_admin (self);
      show_card (self, "admin");
      break;

    case LIMBER_KIOSK_PIN_WRONG:
      gtk_label_set_text (self->pin_message, _("Wrong PIN"));
      limber_pin_pad_shake (pad);
      break;

    case LIMBER_KIOSK_PIN_LOCKED:
      say_locked (self, retry);
      limber_pin_pad_shake (pad);
      break;

    case LIMBER_KIOSK_PIN_NOT_SET:
    default:
      limber_kiosk_panel_close (self);
      break;
    }
}

/* ---- the staff's settings ---- */

/* The usual choices, and whatever an administrator set if it is another.
 * The list is only rebuilt when it changes: a combo row's model is not
 * replaced while it tells of a choice. */
static void
sync_idle_row (LimberKioskPanel *self)
{
  guint current = g_settings_get_uint (self->settings, "kiosk-idle-seconds");
  gboolean writable = g_settings_is_writable (self->settings, "kiosk-idle-seconds");
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean same;
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (idle_choices); i++)
    {
      if (current < idle_choices[i] && (i == 0 || current > idle_choices[i - 1]))
        g_array_append_val (values, current);
      g_array_append_val (values, idle_choices[i]);
    }
  if (current > idle_choices[G_N_ELEMENTS (idle_choices) - 1])
    g_array_append_val (values, current);
  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, guint, i) == current)
      selected = i;

  same = values->len == self->idle_values->len
         && memcmp (values->data, self->idle_values->data, values->len * sizeof (guint)) == 0;

  self->updating = TRUE;
  if (!same)
    {
      g_array_set_size (self->idle_values, 0);
      g_array_append_vals (self->idle_values, values->data, values->len);
      gtk_string_list_splice (self->idle_choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->idle_choices)),
                              NULL);
      for (guint i = 0; i < values->len; i++)
        {
          g_autofree char *label = limber_format_duration (g_array_index (values, guint, i));

          gtk_string_list_append (self->idle_choices, label);
        }
    }
  if (adw_combo_row_get_selected (self->idle_row) != selected)
    adw_combo_row_set_selected (self->idle_row, selected);

  gtk_widget_set_sensitive (GTK_WIDGET (self->idle_row), writable);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->idle_row),
                               writable ? _("Without a touch, and no routine playing")
                                        : _("Set by your administrator"));
  self->updating = FALSE;
}

static void
sync_admin (LimberKioskPanel *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "kiosk-gym-name");
  g_autofree char *accent = g_settings_get_string (self->settings, "kiosk-accent");

  adw_action_row_set_subtitle (self->gym_row, *name != '\0' ? name : _("Not set"));
  adw_action_row_set_subtitle (self->accent_row, *accent != '\0' ? accent : _("Limber’s own"));
  sync_idle_row (self);
}

static void
on_setting_changed_cb (GSettings        *settings,
                       const char       *key,
                       LimberKioskPanel *self)
{
  if (g_str_has_prefix (key, "kiosk-"))
    sync_admin (self);
}

static void
on_writable_changed_cb (GSettings        *settings,
                        const char       *key,
                        LimberKioskPanel *self)
{
  if (g_str_equal (key, "kiosk-idle-seconds"))
    sync_idle_row (self);
}

static void
on_idle_selected_cb (AdwComboRow      *row,
                     GParamSpec       *pspec,
                     LimberKioskPanel *self)
{
  guint selected = adw_combo_row_get_selected (row);
  guint seconds;

  if (self->updating || selected >= self->idle_values->len)
    return;

  seconds = g_array_index (self->idle_values, guint, selected);
  if (seconds != g_settings_get_uint (self->settings, "kiosk-idle-seconds"))
    g_settings_set_uint (self->settings, "kiosk-idle-seconds", seconds);
}

static void
on_test_sound_clicked_cb (GtkButton        *button,
                          LimberKioskPanel *self)
{
  if (self->sound_cues != NULL)
    limber_sound_cues_play_sample (self->sound_cues);
}

static void
on_exit_clicked_cb (GtkButton        *button,
                    LimberKioskPanel *self)
{
  g_signal_emit (self, signals[EXIT], 0);
}

static void
on_close_clicked_cb (GtkButton        *button,
                     LimberKioskPanel *self)
{
  limber_kiosk_panel_close (self);
}

/* ---- the widget ---- */

static void
limber_kiosk_panel_dispose (GObject *object)
{
  LimberKioskPanel *self = (LimberKioskPanel *)object;

  if (self->kiosk != NULL)
    g_signal_handlers_disconnect_by_data (self->kiosk, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_KIOSK_PANEL);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->settings);
  g_clear_object (&self->sound_cues);
  g_clear_pointer (&self->idle_values, g_array_unref);
  g_clear_pointer (&self->under_warning, g_free);

  G_OBJECT_CLASS (limber_kiosk_panel_parent_class)->dispose (object);
}

static void
limber_kiosk_panel_class_init (LimberKioskPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_kiosk_panel_dispose;

  /**
   * LimberKioskPanel::exit:
   *
   * The staff chose Exit Limber.
   */
  signals[EXIT] = g_signal_new ("exit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LIMBER_TYPE_PIN_PAD);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/limber-kiosk-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, still_here_button);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, pin_message);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, pin_pad);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, gym_row);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, accent_row);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, idle_row);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskPanel, idle_choices);
  gtk_widget_class_bind_template_callback (widget_class, on_still_here_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pin_submitted_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_test_sound_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_exit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kioskpanel");
}

static void
limber_kiosk_panel_init (LimberKioskPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->idle_values = g_array_new (FALSE, FALSE, sizeof (guint));
  limber_pin_pad_set_lengths (self->pin_pad, LIMBER_PIN_MIN_DIGITS, LIMBER_PIN_MAX_DIGITS);
  g_signal_connect (self->idle_row, "notify::selected", G_CALLBACK (on_idle_selected_cb), self);
}

GtkWidget *
limber_kiosk_panel_new (void)
{
  return g_object_new (LIMBER_TYPE_KIOSK_PANEL, NULL);
}

/**
 * limber_kiosk_panel_setup:
 * @settings: the application's settings: the PIN, the gym's name and
 *   colour, the idle time
 * @sound_cues: (nullable): what the test sound plays through
 */
void
limber_kiosk_panel_setup (LimberKioskPanel *self,
                          LimberKiosk      *kiosk,
                          GSettings        *settings,
                          LimberSoundCues  *sound_cues)
{
  g_return_if_fail (LIMBER_IS_KIOSK_PANEL (self));
  g_return_if_fail (LIMBER_IS_KIOSK (kiosk));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->kiosk == NULL);

  self->kiosk = g_object_ref (kiosk);
  self->settings = g_object_ref (settings);
  g_set_object (&self->sound_cues, sound_cues);

  g_signal_connect (kiosk, "changed", G_CALLBACK (on_kiosk_changed_cb), self);
  g_signal_connect (settings, "changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect (settings, "writable-changed", G_CALLBACK (on_writable_changed_cb), self);
  sync_admin (self);
  on_kiosk_changed_cb (kiosk, self);
}

/**
 * limber_kiosk_panel_open_pin:
 *
 * Shows the staff PIN pad, if a PIN is set.
 *
 * Returns: %FALSE when there is no (valid) PIN: then there is no way out
 *   from inside, and nothing shows.
 */
gboolean
limber_kiosk_panel_open_pin (LimberKioskPanel *self)
{
  g_autofree char *stored = NULL;
  guint lockout;

  g_return_val_if_fail (LIMBER_IS_KIOSK_PANEL (self), FALSE);
  g_return_val_if_fail (self->settings != NULL, FALSE);

  stored = g_settings_get_string (self->settings, "kiosk-pin");
  if (!limber_pin_is_stored_valid (stored))
    {
      if (*stored != '\0')
        g_warning ("The kiosk-pin setting is not a value printed by “limber --hash-pin”; "
                   "the staff panel cannot be opened");
      return FALSE;
    }

  lockout = limber_kiosk_get_lockout_seconds (self->kiosk);
  if (lockout > 0)
    say_locked (self, lockout);
  else
    gtk_label_set_text (self->pin_message, _("Enter the staff PIN."));
  limber_pin_pad_clear (self->pin_pad);
  show_card (self, "pin");

  return TRUE;
}

/**
 * limber_kiosk_panel_close:
 *
 * Hides whatever card shows, forgetting digits typed; a warning that is
 * still counting comes back at its next second.
 */
void
limber_kiosk_panel_close (LimberKioskPanel *self)
{
  g_return_if_fail (LIMBER_IS_KIOSK_PANEL (self));

  limber_pin_pad_clear (self->pin_pad);
  g_clear_pointer (&self->under_warning, g_free);
  show_card (self, NULL);
}

/**
 * limber_kiosk_panel_get_page:
 *
 * Returns: (nullable): the card showing: "warning", "pin" or "admin".
 */
const char *
limber_kiosk_panel_get_page (LimberKioskPanel *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PANEL (self), NULL);
  return get_card (self);
}

/**
 * limber_kiosk_panel_get_message:
 *
 * Returns: what the PIN pad says: ask, wrong, or wait.
 */
const char *
limber_kiosk_panel_get_message (LimberKioskPanel *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PANEL (self), NULL);
  return gtk_label_get_text (self->pin_message);
}

const char *
limber_kiosk_panel_get_countdown (LimberKioskPanel *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PANEL (self), NULL);
  return gtk_label_get_text (self->countdown_label);
}

LimberPinPad *
limber_kiosk_panel_get_pin_pad (LimberKioskPanel *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PANEL (self), NULL);
  return self->pin_pad;
}

AdwComboRow *
limber_kiosk_panel_get_idle_row (LimberKioskPanel *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PANEL (self), NULL);
  return self->idle_row;
}
