/* limber-language-picker.c
 *
 * A button for each language Limber has a translation for, each named in
 * its own language so that someone who reads no English finds theirs; the
 * kiosk's welcome screen shows it. Tapping one emits "language-chosen":
 * switching is the application's business.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-language-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-language.h"
#include "limber-language-picker.h"

struct _LimberLanguagePicker
{
  GtkWidget   parent_instance;

  GtkWidget  *flow;
  GHashTable *buttons;     /* code -> GtkToggleButton, owned by the flow box */
  char       *current;
  gboolean    updating;
};

enum { LANGUAGE_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LimberLanguagePicker, limber_language_picker, GTK_TYPE_WIDGET)

static void
on_toggled_cb (GtkToggleButton      *button,
               LimberLanguagePicker *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "language");

  if (self->updating || !gtk_toggle_button_get_active (button) || g_strcmp0 (code, self->current) == 0)
    return;

  limber_language_picker_set_current (self, code);
  g_signal_emit (self, signals[LANGUAGE_CHOSEN], 0, code);
}

static void
limber_language_picker_dispose (GObject *object)
{
  LimberLanguagePicker *self = LIMBER_LANGUAGE_PICKER (object);

  g_clear_pointer (&self->flow, gtk_widget_unparent);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  g_clear_pointer (&self->current, g_free);

  G_OBJECT_CLASS (limber_language_picker_parent_class)->dispose (object);
}

static void
limber_language_picker_class_init (LimberLanguagePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_language_picker_dispose;

  /**
   * LimberLanguagePicker::language-chosen:
   * @language: the code of the language tapped, such as "de"
   */
  signals[LANGUAGE_CHOSEN] = g_signal_new ("language-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "languagepicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
limber_language_picker_init (LimberLanguagePicker *self)
{
  g_auto(GStrv) codes = limber_language_dup_available ();
  GtkToggleButton *group = NULL;

  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_widget_set_halign (self->flow, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *name = limber_language_dup_name (codes[i]);
      GtkWidget *button = gtk_toggle_button_new_with_label (name);

      gtk_widget_add_css_class (button, "pill");
      g_object_set_data_full (G_OBJECT (button), "language", g_strdup (codes[i]), g_free);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), button);
      /* The flow box's child takes the focus ring otherwise: one stop a
       * language, on the button. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
      g_hash_table_insert (self->buttons, g_strdup (codes[i]), button);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language"), -1);
}

GtkWidget *
limber_language_picker_new (void)
{
  return g_object_new (LIMBER_TYPE_LANGUAGE_PICKER, NULL);
}

/**
 * limber_language_picker_set_current:
 * @language: (nullable): the language Limber speaks now, such as "de" or
 *   "es_ES"; %NULL for none of those shown
 *
 * Shows @language as chosen, or the one it is a variant of; emits nothing.
 */
void
limber_language_picker_set_current (LimberLanguagePicker *self,
                                    const char           *language)
{
  GtkWidget *button = NULL;

  g_return_if_fail (LIMBER_IS_LANGUAGE_PICKER (self));

  if (language != NULL)
    {
      g_autofree char *base = g_strndup (language, strcspn (language, "_.@:"));

      button = g_hash_table_lookup (self->buttons, language);
      if (button == NULL)
        button = g_hash_table_lookup (self->buttons, base);
    }

  g_free (self->current);
  self->current = button != NULL ? g_strdup (g_object_get_data (G_OBJECT (button), "language")) : NULL;

  self->updating = TRUE;
  if (button != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  else
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->buttons);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        gtk_toggle_button_set_active (value, FALSE);
    }
  self->updating = FALSE;
}

const char *
limber_language_picker_get_current (LimberLanguagePicker *self)
{
  g_return_val_if_fail (LIMBER_IS_LANGUAGE_PICKER (self), NULL);
  return self->current;
}

/**
 * limber_language_picker_get_button:
 *
 * Returns: (transfer none) (nullable): the button for @language.
 */
GtkWidget *
limber_language_picker_get_button (LimberLanguagePicker *self,
                                   const char           *language)
{
  g_return_val_if_fail (LIMBER_IS_LANGUAGE_PICKER (self), NULL);
  return g_hash_table_lookup (self->buttons, language);
}
