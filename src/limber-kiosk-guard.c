/* limber-kiosk-guard.c
 *
 * Every window of a kiosk, the main one and any dialog, is watched from the
 * moment it appears in the list of toplevels:
 *
 * - keys that leave, quit, close, open a menu or GTK's Inspector are
 *   swallowed by a key controller in the capture phase (Debian turns on the
 *   Inspector's Ctrl+Shift+I and Ctrl+Shift+D), and the Inspector's own
 *   "enable-debugging" keybinding signal is refused as well;
 * - any button but the first is claimed in the capture phase, so no text,
 *   label or title bar opens a context or window menu;
 * - drop targets are switched off;
 * - every event counts as someone being there (LimberKiosk's idle time).
 *
 * The main window also refuses to close and goes back to full screen if
 * anything takes it out. Links in labels never open: each label that is
 * mapped in the process gets a handler that says the link was handled.
 *
 * Controllers added to a window later run before earlier ones, so the
 * guard adds its own when the window is realized, after GTK's and the
 * application's; a page that adds one to the window later still (the
 * player page) is told not to act on Escape.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-kiosk-guard"

#include "config.h"

#include "limber-kiosk-guard.h"

struct _LimberKioskGuard
{
  GObject      parent_instance;

  LimberKiosk *kiosk;
  GListModel  *toplevels;
  GtkWindow   *main_window;      /* weak */
  gulong       map_hook;
};

G_DEFINE_FINAL_TYPE (LimberKioskGuard, limber_kiosk_guard, G_TYPE_OBJECT)

static GQuark guarded_quark;

typedef struct
{
  guint           keyval;
  GdkModifierType modifiers;     /* all of these held, whatever else is */
  gboolean        main_only;
} EscapeKey;

static const EscapeKey escape_keys[] = {
  { GDK_KEY_F4, GDK_ALT_MASK, FALSE },              /* close the window */
  { GDK_KEY_space, GDK_ALT_MASK, FALSE },           /* the window menu */
  { GDK_KEY_q, GDK_CONTROL_MASK, FALSE },           /* quit */
  { GDK_KEY_w, GDK_CONTROL_MASK, FALSE },           /* close */
  { GDK_KEY_i, GDK_CONTROL_MASK, FALSE },           /* Inspector, with Shift */
  { GDK_KEY_d, GDK_CONTROL_MASK, FALSE },           /* Inspector, with Shift */
  { GDK_KEY_comma, GDK_CONTROL_MASK, FALSE },       /* Preferences */
  { GDK_KEY_question, GDK_CONTROL_MASK, FALSE },    /* keyboard shortcuts */
  { GDK_KEY_h, GDK_CONTROL_MASK, FALSE },           /* history */
  { GDK_KEY_F10, 0, FALSE },                        /* menus; with Shift, context menus */
  { GDK_KEY_Menu, 0, FALSE },                       /* context menus */
  { GDK_KEY_F11, 0, FALSE },                        /* full screen */
  { GDK_KEY_Escape, 0, TRUE },                      /* out of full screen; a dialog keeps it */
};

/**
 * limber_kiosk_guard_is_escape_key:
 * @main_window: whether the key went to the main window rather than a
 *   dialog, where Escape only answers the dialog
 *
 * Returns: whether a kiosk swallows this key.
 */
gboolean
limber_kiosk_guard_is_escape_key (guint           keyval,
                                  GdkModifierType state,
                                  gboolean        main_window)
{
  guint lower = gdk_keyval_to_lower (keyval);

  for (guint i = 0; i < G_N_ELEMENTS (escape_keys); i++)
    if (lower == escape_keys[i].keyval
        && (state & escape_keys[i].modifiers) == escape_keys[i].modifiers
        && (main_window || !escape_keys[i].main_only))
      return TRUE;

  return FALSE;
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   LimberKioskGuard      *self)
{
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  return limber_kiosk_guard_is_escape_key (keyval, state, window == GTK_WIDGET (self->main_window));
}

static void
on_other_button_pressed_cb (GtkGestureClick  *gesture,
                            int               n_press,
                            double            x,
                            double            y,
                            LimberKioskGuard *self)
{
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) != GDK_BUTTON_PRIMARY)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static gboolean
on_event_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             LimberKioskGuard         *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_BUTTON_RELEASE:
    case GDK_MOTION_NOTIFY:
    case GDK_KEY_PRESS:
    case GDK_KEY_RELEASE:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_SCROLL:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
    case GDK_TOUCHPAD_HOLD:
    case GDK_PAD_BUTTON_PRESS:
    case GDK_PAD_RING:
    case GDK_PAD_STRIP:
      /* Real input only: crossing and focus events also come when a page
       * changes under a still pointer. */
      if (gdk_event_get_pointer_emulated (event))
        break;
      limber_kiosk_report_input (self->kiosk);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static gboolean
refuse_cb (GtkWidget *widget)
{
  return TRUE;
}

static void
disable_drop_targets (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller) || GTK_IS_DROP_TARGET_ASYNC (controller))
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_NONE);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    disable_drop_targets (child);
}

static void
guard_window (LimberKioskGuard *self,
              GtkWindow        *window)
{
  GtkEventController *controller;

  if (g_object_get_qdata (G_OBJECT (window), guarded_quark) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (window), guarded_quark, self);

  /* The Inspector's keybinding signal, whatever key it is bound to. */
  g_signal_connect (window, "enable-debugging", G_CALLBACK (refuse_cb), NULL);

  controller = GTK_EVENT_CONTROLLER (gtk_event_controller_legacy_new ());
  gtk_event_controller_set_static_name (controller, "limber-kiosk-input");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_event_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_static_name (controller, "limber-kiosk-buttons");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (on_other_button_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_static_name (controller, "limber-kiosk-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  disable_drop_targets (GTK_WIDGET (window));
}

static void
on_window_realize_cb (GtkWindow        *window,
                      LimberKioskGuard *self)
{
  g_signal_handlers_disconnect_by_func (window, on_window_realize_cb, self);
  guard_window (self, window);
}

static void
on_toplevels_changed_cb (GListModel       *toplevels,
                         guint             position,
                         guint             removed,
                         guint             added,
                         LimberKioskGuard *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_realized (GTK_WIDGET (window)))
        guard_window (self, window);
      else if (g_object_get_qdata (G_OBJECT (window), guarded_quark) == NULL)
        g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize_cb), self, 0);
    }
}

static gboolean
refuse_link_cb (GtkWidget  *widget,
                const char *uri)
{
  g_debug ("Not opening %s in a kiosk", uri);
  return TRUE;
}

/* Nothing in a kiosk opens a browser: every label is caught before it
 * can be clicked, wherever it comes from (markup in a catalogue, a
 * dialog's body, GTK's own windows). */
static gboolean
on_widget_mapped_hook (GSignalInvocationHint *hint,
                       guint                  n_params,
                       const GValue          *params,
                       gpointer               user_data)
{
  GObject *widget = g_value_get_object (&params[0]);

  if ((GTK_IS_LABEL (widget) || GTK_IS_LINK_BUTTON (widget))
      && g_object_get_qdata (widget, guarded_quark) == NULL)
    {
      g_object_set_qdata (widget, guarded_quark, user_data);
      g_signal_connect (widget, "activate-link", G_CALLBACK (refuse_link_cb), NULL);
    }

  return TRUE;
}

static void
on_fullscreened_cb (GtkWindow        *window,
                    GParamSpec       *pspec,
                    LimberKioskGuard *self)
{
  if (!gtk_window_is_fullscreen (window))
    gtk_window_fullscreen (window);
}

static void
limber_kiosk_guard_dispose (GObject *object)
{
  LimberKioskGuard *self = (LimberKioskGuard *)object;

  if (self->map_hook != 0)
    g_signal_remove_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), self->map_hook);
  self->map_hook = 0;
  if (self->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);
  self->toplevels = NULL;
  g_clear_weak_pointer (&self->main_window);
  g_clear_object (&self->kiosk);

  G_OBJECT_CLASS (limber_kiosk_guard_parent_class)->dispose (object);
}

static void
limber_kiosk_guard_class_init (LimberKioskGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_kiosk_guard_dispose;

  guarded_quark = g_quark_from_static_string ("limber-kiosk-guarded");
}

static void
limber_kiosk_guard_init (LimberKioskGuard *self)
{
}

/**
 * limber_kiosk_guard_new:
 *
 * Guards every window that exists or will, and every label, until the
 * guard is disposed.
 *
 * Returns: (transfer full): the guard
 */
LimberKioskGuard *
limber_kiosk_guard_new (LimberKiosk *kiosk)
{
  LimberKioskGuard *self;

  g_return_val_if_fail (LIMBER_IS_KIOSK (kiosk), NULL);

  self = g_object_new (LIMBER_TYPE_KIOSK_GUARD, NULL);
  self->kiosk = g_object_ref (kiosk);

  /* Signals exist once their class does. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
  g_type_class_unref (g_type_class_ref (GTK_TYPE_LINK_BUTTON));
  self->map_hook = g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                               on_widget_mapped_hook, self, NULL);

  self->toplevels = gtk_window_get_toplevels ();
  g_signal_connect (self->toplevels, "items-changed", G_CALLBACK (on_toplevels_changed_cb), self);
  on_toplevels_changed_cb (self->toplevels, 0, 0, g_list_model_get_n_items (self->toplevels), self);

  return self;
}

/**
 * limber_kiosk_guard_set_main_window:
 *
 * @window stays in full screen, refuses to close, and takes no Escape.
 */
void
limber_kiosk_guard_set_main_window (LimberKioskGuard *self,
                                    GtkWindow        *window)
{
  g_return_if_fail (LIMBER_IS_KIOSK_GUARD (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_set_weak_pointer (&self->main_window, window);
  g_signal_connect (window, "close-request", G_CALLBACK (refuse_cb), NULL);
  g_signal_connect_object (window, "notify::fullscreened", G_CALLBACK (on_fullscreened_cb), self, 0);
  gtk_window_set_deletable (window, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "window.close", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "window.minimize", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "window.toggle-maximized", FALSE);
  gtk_window_fullscreen (window);
}
