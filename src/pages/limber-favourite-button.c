/* limber-favourite-button.c
 *
 * One button for the routine list's rows and the routine page, so the star
 * looks, reads and behaves the same in both. It is hidden where nothing can
 * be kept (kiosk, a read-only history).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-favourite-button"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-favourite-button.h"

static void
show_state (GtkWidget *button,
            gboolean   favourite)
{
  gtk_button_set_icon_name (GTK_BUTTON (button), favourite ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (button, favourite ? _("Remove from Favourites") : _("Add to Favourites"));
  if (favourite)
    gtk_widget_add_css_class (button, "favourite");
  else
    gtk_widget_remove_css_class (button, "favourite");
}

static void
on_toggled_cb (GtkToggleButton *button)
{
  LimberHistory *history = g_object_get_data (G_OBJECT (button), "history");
  const char *routine_id = g_object_get_data (G_OBJECT (button), "routine-id");
  gboolean favourite = gtk_toggle_button_get_active (button);

  if (history == NULL || routine_id == NULL)
    return;

  limber_history_set_favourite (history, routine_id, favourite);
  show_state (GTK_WIDGET (button), favourite);
}

GtkWidget *
limber_favourite_button_new (void)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "favourite-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (button, FALSE);
  /* Toggle buttons are read as pressed or not: the name says what for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Favourite"), -1);
  show_state (button, FALSE);
  g_signal_connect (button, "toggled", G_CALLBACK (on_toggled_cb), NULL);
  return button;
}

/**
 * limber_favourite_button_bind:
 * @history: (nullable): where favourites are kept
 * @routine_id: (nullable): the routine the star is for
 *
 * Shows whether @routine_id is a favourite; toggling it changes that.
 */
void
limber_favourite_button_bind (GtkWidget     *button,
                              LimberHistory *history,
                              const char    *routine_id)
{
  gboolean usable = history != NULL && routine_id != NULL && limber_history_get_writable (history);
  gboolean favourite = usable && limber_history_is_favourite (history, routine_id);

  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (button));

  /* Set before the state so that the toggle writes nothing. */
  g_object_set_data (G_OBJECT (button), "history", NULL);
  g_object_set_data_full (G_OBJECT (button), "routine-id", g_strdup (routine_id), g_free);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), favourite);
  show_state (button, favourite);
  gtk_widget_set_visible (button, usable);
  if (usable)
    g_object_set_data_full (G_OBJECT (button), "history", g_object_ref (history), g_object_unref);
}
