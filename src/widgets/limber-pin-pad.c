/* limber-pin-pad.c
 *
 * Twelve big keys, as on a phone: 1 to 9, then erase, 0 and OK. The digits
 * show as dots. Nothing needs a keyboard, and the digits typed are wiped
 * from memory when they are cleared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-pin-pad"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "limber-pin-pad.h"

#define SHAKE_MS 450

struct _LimberPinPad
{
  GtkWidget  parent_instance;

  GtkLabel  *dots;
  GtkWidget *keys[12];        /* 1 to 9, erase, 0, OK: in reading order */
  char       digits[64];
  guint      length;
  guint      min_length;
  guint      max_length;
  guint      shake_source;
};

G_DEFINE_FINAL_TYPE (LimberPinPad, limber_pin_pad, GTK_TYPE_WIDGET)

enum {
  SUBMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum { KEY_ERASE = 9, KEY_ZERO = 10, KEY_OK = 11 };

static void
update (LimberPinPad *self)
{
  g_autoptr(GString) dots = g_string_new (NULL);
  g_autofree char *said = NULL;

  for (guint i = 0; i < self->length; i++)
    g_string_append (dots, "●");
  gtk_label_set_text (self->dots, dots->str);

  /* Translators: what a screen reader says of the PIN typed so far */
  said = g_strdup_printf (ngettext ("%u digit entered", "%u digits entered", self->length), self->length);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dots), GTK_ACCESSIBLE_PROPERTY_LABEL, said, -1);

  gtk_widget_set_sensitive (self->keys[KEY_ERASE], self->length > 0);
  gtk_widget_set_sensitive (self->keys[KEY_OK], self->length >= self->min_length);
  for (guint i = 0; i < 12; i++)
    if (i != KEY_ERASE && i != KEY_OK)
      gtk_widget_set_sensitive (self->keys[i], self->length < self->max_length);
}

static void
on_digit_clicked_cb (GtkButton    *button,
                     LimberPinPad *self)
{
  const char *digit = g_object_get_data (G_OBJECT (button), "digit");

  if (self->length >= self->max_length)
    return;
  self->digits[self->length++] = digit[0];
  self->digits[self->length] = '\0';
  update (self);
}

static void
on_erase_clicked_cb (GtkButton    *button,
                     LimberPinPad *self)
{
  if (self->length == 0)
    return;
  self->digits[--self->length] = '\0';
  update (self);
}

static void
on_ok_clicked_cb (GtkButton    *button,
                  LimberPinPad *self)
{
  char pin[sizeof self->digits];

  if (self->length < self->min_length)
    return;

  /* The pad is cleared before anyone hears of the PIN, so a handler that
   * shakes or hides the pad finds it empty. */
  memcpy (pin, self->digits, sizeof pin);
  limber_pin_pad_clear (self);
  g_signal_emit (self, signals[SUBMITTED], 0, pin);
  explicit_bzero (pin, sizeof pin);
}

static GtkWidget *
new_key (LimberPinPad *self,
         const char   *label,
         const char   *icon_name,
         const char   *accessible_name)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name) : gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "pin-key");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_vexpand (button, TRUE);
  gtk_widget_set_focus_on_click (button, FALSE);
  if (accessible_name != NULL)
    {
      gtk_widget_set_tooltip_text (button, accessible_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
    }

  return button;
}

static void
limber_pin_pad_dispose (GObject *object)
{
  LimberPinPad *self = (LimberPinPad *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->shake_source, g_source_remove);
  explicit_bzero (self->digits, sizeof self->digits);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (limber_pin_pad_parent_class)->dispose (object);
}

static void
limber_pin_pad_class_init (LimberPinPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_pin_pad_dispose;

  /**
   * LimberPinPad::submitted:
   * @pin: the digits typed; the pad is empty again
   *
   * OK was pressed with enough digits.
   */
  signals[SUBMITTED] = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pinpad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
limber_pin_pad_init (LimberPinPad *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *grid = gtk_grid_new ();

  self->min_length = 1;
  self->max_length = sizeof self->digits - 1;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);

  self->dots = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->dots), "pin-dots");
  gtk_widget_set_parent (GTK_WIDGET (self->dots), GTK_WIDGET (self));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  /* A phone's keypad reads the same way in every language. */
  gtk_widget_set_direction (grid, GTK_TEXT_DIR_LTR);
  gtk_widget_set_parent (grid, GTK_WIDGET (self));

  for (guint i = 0; i < 12; i++)
    {
      GtkWidget *key;

      if (i == KEY_ERASE)
        {
          key = new_key (self, NULL, "edit-clear-symbolic", _("Erase"));
          g_signal_connect (key, "clicked", G_CALLBACK (on_erase_clicked_cb), self);
        }
      else if (i == KEY_OK)
        {
          /* Translators: the key that submits a PIN on the staff keypad */
          key = new_key (self, C_("pin pad", "OK"), NULL, NULL);
          gtk_widget_add_css_class (key, "suggested-action");
          g_signal_connect (key, "clicked", G_CALLBACK (on_ok_clicked_cb), self);
        }
      else
        {
          char digit[2] = { i == KEY_ZERO ? '0' : (char)('1' + i), '\0' };

          key = new_key (self, digit, NULL, NULL);
          g_object_set_data_full (G_OBJECT (key), "digit", g_strdup (digit), g_free);
          g_signal_connect (key, "clicked", G_CALLBACK (on_digit_clicked_cb), self);
        }

      self->keys[i] = key;
      gtk_grid_attach (GTK_GRID (grid), key, i % 3, i / 3, 1, 1);
    }

  update (self);
}

GtkWidget *
limber_pin_pad_new (void)
{
  return g_object_new (LIMBER_TYPE_PIN_PAD, NULL);
}

/**
 * limber_pin_pad_set_lengths:
 *
 * OK works from @min_length digits; no more than @max_length can be typed.
 */
void
limber_pin_pad_set_lengths (LimberPinPad *self,
                            guint         min_length,
                            guint         max_length)
{
  g_return_if_fail (LIMBER_IS_PIN_PAD (self));
  g_return_if_fail (min_length > 0 && min_length <= max_length && max_length < sizeof self->digits);

  self->min_length = min_length;
  self->max_length = max_length;
  limber_pin_pad_clear (self);
}

guint
limber_pin_pad_get_length (LimberPinPad *self)
{
  g_return_val_if_fail (LIMBER_IS_PIN_PAD (self), 0);
  return self->length;
}

void
limber_pin_pad_clear (LimberPinPad *self)
{
  g_return_if_fail (LIMBER_IS_PIN_PAD (self));

  explicit_bzero (self->digits, sizeof self->digits);
  self->length = 0;
  update (self);
}

static gboolean
stop_shaking_cb (gpointer data)
{
  LimberPinPad *self = data;

  self->shake_source = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "shake");
  return G_SOURCE_REMOVE;
}

/**
 * limber_pin_pad_shake:
 *
 * Shakes the pad, as a phone does after a wrong PIN (where animations
 * are on).
 */
void
limber_pin_pad_shake (LimberPinPad *self)
{
  g_return_if_fail (LIMBER_IS_PIN_PAD (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "shake");
  g_clear_handle_id (&self->shake_source, g_source_remove);
  gtk_widget_add_css_class (GTK_WIDGET (self), "shake");
  self->shake_source = g_timeout_add (SHAKE_MS, stop_shaking_cb, self);
}

/**
 * limber_pin_pad_get_key:
 * @name: "0" to "9", "erase" or "ok"
 *
 * Returns: (transfer none) (nullable): that key's button.
 */
GtkWidget *
limber_pin_pad_get_key (LimberPinPad *self,
                        const char   *name)
{
  g_return_val_if_fail (LIMBER_IS_PIN_PAD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "erase"))
    return self->keys[KEY_ERASE];
  if (g_str_equal (name, "ok"))
    return self->keys[KEY_OK];
  if (g_ascii_isdigit (name[0]) && name[1] == '\0')
    return self->keys[name[0] == '0' ? KEY_ZERO : name[0] - '1'];

  return NULL;
}
