/* test-kiosk.c: kiosk mode as a gym's visitors and staff meet it: no way
 * out by keys, clicks, links or closing; starting over when nobody is
 * there; nothing kept; the staff PIN and panel
 *
 * Every test shares one application in kiosk mode, on a fake clock, with
 * settings in a test backend that can lock keys as dconf does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_SETTINGS_ENABLE_BACKEND

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "core/limber-fake-clock.h"
#include "limber-application.h"
#include "limber-language.h"
#include "limber-pin.h"
#include "limber-test-utils.h"
#include "limber-window.h"

/* "2468" with 1000 rounds: quick to check in a sanitizer build. */
#define TEST_PIN        "2468"
#define TEST_PIN_STORED "sha256:1000:000102030405060708090a0b0c0d0e0f:" \
                        "da0af9c4241f45ec5701b0f2e490f9c794db8f2aacca766c6081a721d04be295"
#define SCHEMA_PATH     "/app/limber/Limber/"

/* ---- settings that an administrator can lock ---- */

/* Like GLib's memory backend, with keys locked as dconf locks them:
 * g_settings_is_writable() says FALSE and writes are refused. */
#define TEST_TYPE_LOCKING_BACKEND (test_locking_backend_get_type ())
G_DECLARE_FINAL_TYPE (TestLockingBackend, test_locking_backend, TEST, LOCKING_BACKEND, GSettingsBackend)

struct _TestLockingBackend
{
  GSettingsBackend  parent_instance;
  GHashTable       *values;   /* path -> GVariant */
  GHashTable       *locks;    /* paths */
};

G_DEFINE_FINAL_TYPE (TestLockingBackend, test_locking_backend, G_TYPE_SETTINGS_BACKEND)

static GVariant *
test_locking_backend_read (GSettingsBackend   *backend,
                           const char         *key,
                           const GVariantType *expected_type,
                           gboolean            default_value)
{
  GVariant *value = default_value ? NULL : g_hash_table_lookup (TEST_LOCKING_BACKEND (backend)->values, key);

  return value != NULL ? g_variant_ref (value) : NULL;
}

static gboolean
test_locking_backend_write (GSettingsBackend *backend,
                            const char       *key,
                            GVariant         *value,
                            gpointer          origin_tag)
{
  TestLockingBackend *self = TEST_LOCKING_BACKEND (backend);

  g_variant_ref_sink (value);
  if (g_hash_table_contains (self->locks, key))
    {
      g_variant_unref (value);
      return FALSE;
    }

  g_hash_table_insert (self->values, g_strdup (key), value);
  g_settings_backend_changed (backend, key, origin_tag);
  return TRUE;
}

typedef struct
{
  TestLockingBackend *self;
  gboolean            locked;
} LockCheck;

static gboolean
check_lock_cb (gpointer key,
               gpointer value,
               gpointer data)
{
  LockCheck *check = data;

  check->locked = g_hash_table_contains (check->self->locks, key);
  return check->locked;
}

static gboolean
write_one_cb (gpointer key,
              gpointer value,
              gpointer data)
{
  TestLockingBackend *self = data;

  if (value != NULL)
    g_hash_table_insert (self->values, g_strdup (key), g_variant_ref (value));
  else
    g_hash_table_remove (self->values, key);
  return FALSE;
}

static gboolean
test_locking_backend_write_tree (GSettingsBackend *backend,
                                 GTree            *tree,
                                 gpointer          origin_tag)
{
  LockCheck check = { TEST_LOCKING_BACKEND (backend), FALSE };

  g_tree_foreach (tree, check_lock_cb, &check);
  if (check.locked)
    return FALSE;

  g_tree_foreach (tree, write_one_cb, backend);
  g_settings_backend_changed_tree (backend, tree, origin_tag);
  return TRUE;
}

static void
test_locking_backend_reset (GSettingsBackend *backend,
                            const char       *key,
                            gpointer          origin_tag)
{
  TestLockingBackend *self = TEST_LOCKING_BACKEND (backend);

  if (!g_hash_table_contains (self->locks, key) && g_hash_table_remove (self->values, key))
    g_settings_backend_changed (backend, key, origin_tag);
}

static gboolean
test_locking_backend_get_writable (GSettingsBackend *backend,
                                   const char       *key)
{
  return !g_hash_table_contains (TEST_LOCKING_BACKEND (backend)->locks, key);
}

static GPermission *
test_locking_backend_get_permission (GSettingsBackend *backend,
                                     const char       *path)
{
  return g_simple_permission_new (TRUE);
}

static void
test_locking_backend_finalize (GObject *object)
{
  TestLockingBackend *self = TEST_LOCKING_BACKEND (object);

  g_hash_table_unref (self->values);
  g_hash_table_unref (self->locks);
  G_OBJECT_CLASS (test_locking_backend_parent_class)->finalize (object);
}

static void
test_locking_backend_class_init (TestLockingBackendClass *klass)
{
  GSettingsBackendClass *backend_class = G_SETTINGS_BACKEND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_locking_backend_finalize;
  backend_class->read = test_locking_backend_read;
  backend_class->write = test_locking_backend_write;
  backend_class->write_tree = test_locking_backend_write_tree;
  backend_class->reset = test_locking_backend_reset;
  backend_class->get_writable = test_locking_backend_get_writable;
  backend_class->get_permission = test_locking_backend_get_permission;
}

static void
test_locking_backend_init (TestLockingBackend *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_variant_unref);
  self->locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The default backend for the whole process, as dconf is for a desktop:
 * the application creates its settings the ordinary way. */
static void
use_locking_backend (void)
{
  /* Creating GIO's own null backend registers the extension point. */
  g_object_unref (g_null_settings_backend_new ());
  g_io_extension_point_implement (G_SETTINGS_BACKEND_EXTENSION_POINT_NAME, TEST_TYPE_LOCKING_BACKEND,
                                  "limber-test-locking", 0);
  g_setenv ("GSETTINGS_BACKEND", "limber-test-locking", TRUE);
}

static void
lock_key (const char *key,
          gboolean    locked)
{
  TestLockingBackend *backend = TEST_LOCKING_BACKEND (g_settings_backend_get_default ());
  g_autofree char *path = g_strconcat (SCHEMA_PATH, key, NULL);

  if (locked)
    g_hash_table_add (backend->locks, g_steal_pointer (&path));
  else
    g_hash_table_remove (backend->locks, path);
  g_settings_backend_path_writable_changed (G_SETTINGS_BACKEND (backend), SCHEMA_PATH);
  g_object_unref (backend);
}

/* ---- the application ---- */

static struct
{
  LimberApplication *app;
  LimberWindow      *window;
  LimberClock       *clock;
  GSettings         *settings;
  int                screen_width;
  int                screen_height;
} shared;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
set_up_application (void)
{
  g_autoptr(GError) error = NULL;
  GdkDisplay *display;
  Display *xdisplay;

  /* GTK's Inspector on Ctrl+Shift+I and Ctrl+Shift+D, as Debian ships it,
   * whatever this machine says. */
  {
    g_autoptr(GSettings) debug = g_settings_new ("org.gtk.gtk4.Settings.Debug");

    g_settings_set_boolean (debug, "enable-inspector-keybinding", TRUE);
  }

  /* What an administrator's dconf profile sets before the first start. */
  shared.settings = g_settings_new (APP_ID);
  g_settings_set_boolean (shared.settings, "kiosk-mode", TRUE);
  g_settings_set_string (shared.settings, "kiosk-gym-name", "Riverside Fitness");
  g_settings_set_string (shared.settings, "kiosk-pin", TEST_PIN_STORED);

  shared.app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (shared.app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (shared.app), NULL, &error));
  g_assert_no_error (error);
  shared.clock = limber_fake_clock_new ();
  limber_application_set_clock (shared.app, shared.clock);

  g_application_activate (G_APPLICATION (shared.app));
  shared.window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (shared.app)));
  g_assert_nonnull (shared.window);
  g_assert_true (limber_test_wait_for (is_mapped, shared.window, 5000));
  limber_test_iterate (300);

  display = gtk_widget_get_display (GTK_WIDGET (shared.window));
  xdisplay = gdk_x11_display_get_xdisplay (display);
  shared.screen_width = DisplayWidth (xdisplay, DefaultScreen (xdisplay));
  shared.screen_height = DisplayHeight (xdisplay, DefaultScreen (xdisplay));
}

static LimberKiosk *
kiosk (void)
{
  return limber_application_get_kiosk (shared.app);
}

static LimberKioskPanel *
panel (void)
{
  return limber_window_get_kiosk_panel (shared.window);
}

static const char *
page_name (void)
{
  return limber_window_get_page_name (shared.window);
}

/* A change of language builds the window again. */
static void
follow_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (shared.app));

  if (window != NULL)
    shared.window = LIMBER_WINDOW (window);
}

static void
advance (double seconds)
{
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (shared.clock), (gint64)(seconds * G_USEC_PER_SEC));
  limber_test_iterate (50);
  follow_window ();
}

static GtkWidget *
find_button (const char *label)
{
  GtkWidget *button = limber_test_find_widget (GTK_WIDGET (shared.window), GTK_TYPE_BUTTON, label);

  if (button == NULL)
    g_error ("No button “%s” on the %s page", label, page_name ());
  return button;
}

/* A finger's tap in the middle of a widget, through the X server, once
 * the window's layout has caught up with the last change. */
static void
tap_widget (GtkWidget *widget)
{
  limber_test_iterate (100);
  g_assert_true (gtk_widget_is_sensitive (widget));
  limber_test_click (widget, gtk_widget_get_width (widget) / 2., gtk_widget_get_height (widget) / 2.);
  limber_test_iterate (100);
}

static void
tap (const char *label)
{
  tap_widget (find_button (label));
}

/* Back to the welcome page as the next person finds it. */
static void
start_over (void)
{
  if (limber_kiosk_get_busy (kiosk ()))
    {
      LimberPlayer *player = limber_player_page_get_player (limber_window_get_player_page (shared.window));

      limber_player_pause (player);
    }
  limber_kiosk_report_input (kiosk ());
  advance (limber_kiosk_get_idle_seconds (kiosk ()) + LIMBER_KIOSK_WARNING_SECONDS + 1);
  g_assert_cmpstr (page_name (), ==, "welcome");
  limber_test_iterate (300);
}

typedef struct
{
  gboolean unused;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (g_strcmp0 (page_name (), "welcome") != 0 || limber_kiosk_panel_get_page (panel ()) != NULL)
    start_over ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
}

/* What must hold whatever was pressed: the one window, mapped, full
 * screen, the size of the screen, and the application still there. */
static void
assert_still_kiosk (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, 1);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shared.window)));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (shared.window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shared.window)), ==, shared.screen_width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (shared.window)), ==, shared.screen_height);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (shared.app))), ==, 1);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (shared.app)) == GTK_WINDOW (shared.window));
}

/* ---- tests ---- */

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  LimberWelcomePage *welcome = limber_window_get_welcome_page (shared.window);

  assert_still_kiosk ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (shared.window), "kiosk"));
  g_assert_cmpstr (page_name (), ==, "welcome");
  g_assert_cmpstr (limber_welcome_page_get_title (welcome), ==, "Riverside Fitness");
  g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (welcome), GTK_TYPE_BUTTON, "_Start"));
  g_assert_false (limber_welcome_page_get_logo_shown (welcome));
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  /* No first-run dialog: the welcome page says it. */
  g_assert_null (limber_test_find_dialog ());
  g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (welcome), GTK_TYPE_LABEL,
                                             limber_application_get_safety_notice ()));

  /* At rest: nobody to wait for, no timer. */
  g_assert_cmpint (limber_kiosk_get_state (kiosk ()), ==, LIMBER_KIOSK_STATE_RESTING);

  tap ("_Start");
  g_assert_cmpstr (page_name (), ==, "map");
  g_assert_cmpint (limber_kiosk_get_state (kiosk ()), ==, LIMBER_KIOSK_STATE_WATCHING);
}

/* Every key that leaves, quits, closes, opens a menu or the Inspector,
 * pressed for real on the welcome page and on the map: nothing happens. */
static void
test_escape_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    guint           keyval;
    GdkModifierType modifiers;
  } keys[] = {
    { GDK_KEY_F4, GDK_ALT_MASK },
    { GDK_KEY_q, GDK_CONTROL_MASK },
    { GDK_KEY_w, GDK_CONTROL_MASK },
    { GDK_KEY_F11, 0 },
    { GDK_KEY_Escape, 0 },
    { GDK_KEY_F10, 0 },
    { GDK_KEY_F10, GDK_SHIFT_MASK },
    { GDK_KEY_Menu, 0 },
    { GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { GDK_KEY_comma, GDK_CONTROL_MASK },
    { GDK_KEY_question, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { GDK_KEY_h, GDK_CONTROL_MASK },
    { GDK_KEY_space, GDK_ALT_MASK },
  };
  const char *pages[] = { "welcome", "map" };

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      if (p == 1)
        tap ("_Start");
      g_assert_cmpstr (page_name (), ==, pages[p]);

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_test_message ("%s: %s with modifiers %x", pages[p], gdk_keyval_name (keys[i].keyval), keys[i].modifiers);
          limber_test_press_key (GTK_WIDGET (shared.window), keys[i].keyval, keys[i].modifiers);
          limber_test_iterate (150);
          assert_still_kiosk ();
          g_assert_cmpstr (page_name (), ==, pages[p]);
          g_assert_null (limber_kiosk_panel_get_page (panel ()));
          g_assert_null (limber_test_find_widget (GTK_WIDGET (shared.window), GTK_TYPE_POPOVER, NULL));
        }
    }

  /* Escape does not even ask to stop a routine. */
  {
    LimberRoutine *routine = limber_catalogue_lookup_routine (limber_application_get_catalogue (shared.app),
                                                              "calves.roll");

    g_signal_emit_by_name (limber_window_get_routine_list_page (shared.window), "routine-activated", routine);
    limber_test_iterate (100);
    gtk_widget_activate_action (GTK_WIDGET (shared.window), "win.start-routine", NULL);
    limber_test_iterate (300);
    g_assert_cmpstr (page_name (), ==, "player");
    limber_test_press_key (GTK_WIDGET (shared.window), GDK_KEY_Escape, 0);
    limber_test_iterate (150);
    assert_still_kiosk ();
    g_assert_null (limber_test_find_dialog ());
    g_assert_cmpstr (page_name (), ==, "player");
  }
}

/* Closing is refused however it is asked for; the actions that would
 * leave or open another window are disabled, not only hidden. */
static void
test_closing_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *app_actions[] = { "quit", "about", "preferences" };
  const char *window_actions[] = { "win.show-history", "win.show-shortcuts", "win.show-catalogue-problems",
                                   "window.close", "window.minimize", "window.toggle-maximized" };
  const char *history_actions[] = { "history.export", "history.import", "history.delete-all" };

  gtk_window_close (GTK_WINDOW (shared.window));
  limber_test_iterate (100);
  assert_still_kiosk ();

  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    {
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (shared.app), app_actions[i]));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (shared.app), app_actions[i]));
      g_action_group_activate_action (G_ACTION_GROUP (shared.app), app_actions[i], NULL);
      limber_test_iterate (100);
      assert_still_kiosk ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    {
      g_autofree char *name = g_strconcat ("app.", app_actions[i], NULL);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (shared.app), name);

      g_assert_cmpuint (g_strv_length (accels), ==, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (shared.window), window_actions[i], NULL);
      limber_test_iterate (100);
      assert_still_kiosk ();
      g_assert_cmpstr (page_name (), ==, "welcome");
    }

  for (guint i = 0; i < G_N_ELEMENTS (history_actions); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (limber_window_get_history_page (shared.window)), history_actions[i], NULL);
      limber_test_iterate (100);
      assert_still_kiosk ();
    }
}

static gboolean
after_link_cb (GtkLabel   *label,
               const char *uri,
               gboolean   *reached)
{
  *reached = TRUE;
  return FALSE;
}

static void
find_drop_targets (GtkWidget *widget,
                   guint     *n_active)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if ((GTK_IS_DROP_TARGET (controller) || GTK_IS_DROP_TARGET_ASYNC (controller))
          && gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_NONE)
        {
          g_test_message ("a drop target on a %s", G_OBJECT_TYPE_NAME (widget));
          (*n_active)++;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_drop_targets (child, n_active);
}

/* No right click opens a menu, no link opens a browser, nothing can be
 * dropped, and there is no text field. */
static void
test_no_menus_links_or_drops (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *body_map = GTK_WIDGET (limber_map_page_get_body_map (limber_window_get_map_page (shared.window)));
  LimberRoutine *routine;
  GtkWidget *label;
  GtkWindow *other;
  guint n_drop_targets = 0;
  gboolean handled = FALSE, reached = FALSE;

  tap ("_Start");
  limber_test_click_button (body_map, gtk_widget_get_width (body_map) / 2., gtk_widget_get_height (body_map) / 3.,
                            GDK_BUTTON_SECONDARY);
  limber_test_iterate (600);
  g_assert_null (limber_test_find_widget (GTK_WIDGET (shared.window), GTK_TYPE_POPOVER, NULL));
  g_assert_null (limber_test_find_widget (GTK_WIDGET (shared.window), GTK_TYPE_TEXT, NULL));
  assert_still_kiosk ();

  find_drop_targets (GTK_WIDGET (shared.window), &n_drop_targets);
  g_assert_cmpuint (n_drop_targets, ==, 0);

  /* A routine's sources are text, not links. */
  routine = limber_catalogue_lookup_routine (limber_application_get_catalogue (shared.app), "calves.roll");
  g_signal_emit_by_name (limber_window_get_routine_list_page (shared.window), "routine-activated", routine);
  limber_test_iterate (200);
  for (GtkWidget *found = GTK_WIDGET (limber_window_get_routine_page (shared.window)); found != NULL; found = NULL)
    {
      GtkWidget *source = limber_test_find_widget (found, GTK_TYPE_LABEL, NULL);

      for (; source != NULL; source = NULL)
        g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (source)), "<a "));
    }
  /* The star that would keep a favourite is not there either. */
  g_assert_false (gtk_widget_get_visible (limber_routine_page_get_favourite_button (limber_window_get_routine_page (shared.window))));

  /* Any label with a link, wherever it is, refuses to open it. */
  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), "<a href=\"https://example.com/\">a link</a>");
  g_signal_connect_after (label, "activate-link", G_CALLBACK (after_link_cb), &reached);
  other = limber_test_window_new (label, 200, 100);
  g_signal_emit_by_name (label, "activate-link", "https://example.com/", &handled);
  g_assert_true (handled);
  g_assert_false (reached);
  gtk_window_destroy (other);
  limber_test_iterate (100);
}

/* Everything one person chose goes when nobody answers "Still there?";
 * none of it ever reached the real settings. */
static void
test_idle_reset (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *regions[] = { "back.calves.left", "back.calves.right", NULL };
  LimberPlannerPage *planner = limber_window_get_planner_page (shared.window);
  LimberMapPage *map = limber_window_get_map_page (shared.window);
  LimberRoutineListPage *routines = limber_window_get_routine_list_page (shared.window);
  GSettings *member = limber_application_get_member_settings (shared.app);
  g_autoptr(LimberPlanRequest) request = NULL;
  g_auto(GStrv) selected = NULL;
  g_auto(GStrv) at_hand = NULL;
  g_autofree char *view = NULL;
  GtkDropDown *technique;

  g_assert_true (member != shared.settings);

  tap ("_Start");
  limber_test_choose_regions (limber_window_get_map_page (shared.window), regions);
  g_object_set (map, "view", "back", NULL);
  limber_map_page_set_injured (map, "back.calves.left", TRUE);
  tap ("_Plan a Session");
  g_assert_cmpstr (page_name (), ==, "planner");
  tap ("20 min");
  tap ("Foam roller");
  {
    GtkWidget *scale = limber_test_find_widget (GTK_WIDGET (planner), GTK_TYPE_SCALE, NULL);

    gtk_range_set_value (GTK_RANGE (scale), 9);
  }
  request = limber_planner_page_dup_request (planner);
  g_assert_cmpuint (limber_plan_request_get_minutes (request), ==, 20);
  g_clear_pointer (&request, limber_plan_request_free);

  /* Chosen in memory only. */
  g_assert_cmpuint (g_settings_get_uint (member, "plan-minutes"), ==, 20);
  g_assert_cmpuint (g_settings_get_uint (shared.settings, "plan-minutes"), ==, 10);
  at_hand = g_settings_get_strv (shared.settings, "equipment-at-hand");
  g_assert_false (g_strv_contains ((const char * const *)at_hand, "foam-roller"));
  g_clear_pointer (&at_hand, g_strfreev);
  view = g_settings_get_string (shared.settings, "body-view");
  g_assert_cmpstr (view, ==, "front");
  g_clear_pointer (&view, g_free);

  gtk_widget_activate_action (GTK_WIDGET (shared.window), "win.back", NULL);
  gtk_widget_activate_action (GTK_WIDGET (shared.window), "win.show-routines", NULL);
  limber_test_iterate (100);
  technique = GTK_DROP_DOWN (limber_test_find_widget (GTK_WIDGET (routines), GTK_TYPE_DROP_DOWN, NULL));
  gtk_drop_down_set_selected (technique, 2);
  g_assert_cmpstr (page_name (), ==, "routines");

  /* Nobody there: the warning after the idle time, counting down. */
  advance (limber_kiosk_get_idle_seconds (kiosk ()) - 1);
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  advance (1);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "warning");
  g_assert_cmpstr (limber_kiosk_panel_get_countdown (panel ()), ==, "Starting over in 10 seconds");
  advance (9);
  g_assert_cmpstr (limber_kiosk_panel_get_countdown (panel ()), ==, "Starting over in 1 second");
  g_assert_cmpstr (page_name (), ==, "routines");
  advance (1);

  /* The welcome page, as the first person found it. */
  g_assert_cmpstr (page_name (), ==, "welcome");
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  selected = limber_map_page_dup_selected_ids (map);
  g_assert_cmpuint (g_strv_length (selected), ==, 0);
  g_assert_false (limber_map_page_get_injured (map, "back.calves.left"));
  g_object_get (map, "view", &view, NULL);
  g_assert_cmpstr (view, ==, "front");
  g_assert_cmpuint (gtk_drop_down_get_selected (technique), ==, 0);
  g_assert_cmpuint (g_settings_get_uint (member, "plan-minutes"), ==, 10);
  at_hand = g_settings_get_strv (member, "equipment-at-hand");
  g_assert_false (g_strv_contains ((const char * const *)at_hand, "foam-roller"));

  /* The next person plans from the defaults. */
  tap ("_Start");
  limber_test_choose_regions (limber_window_get_map_page (shared.window), regions);
  tap ("_Plan a Session");
  request = limber_planner_page_dup_request (planner);
  g_assert_cmpuint (limber_plan_request_get_minutes (request), ==, 10);
  g_assert_cmpuint (gtk_range_get_value (GTK_RANGE (limber_test_find_widget (GTK_WIDGET (planner), GTK_TYPE_SCALE, NULL))),
                    ==, LIMBER_PLANNER_DEFAULT_SORENESS);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button ("Injured"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button ("Foam roller"))));
}

/* Any input answers the warning, and nothing under it is touched. */
static void
test_input_answers_warning (Fixture       *fixture,
                            gconstpointer  data)
{
  tap ("_Start");
  advance (limber_kiosk_get_idle_seconds (kiosk ()) + 2);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "warning");

  tap ("I’m _Still Here");
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  g_assert_cmpstr (page_name (), ==, "map");

  /* A tap anywhere does too. */
  advance (limber_kiosk_get_idle_seconds (kiosk ()) + 2);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "warning");
  limber_test_click (GTK_WIDGET (shared.window), 40, shared.screen_height - 40);
  limber_test_iterate (100);
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  g_assert_cmpstr (page_name (), ==, "map");
  advance (limber_kiosk_get_idle_seconds (kiosk ()) - 1);
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
}

/* A routine playing is never interrupted, however long; paused, it is
 * idle like any page; finished with nobody there, it is cleared too. */
static void
test_playing_and_finished (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *regions[] = { "back.calves.left", "back.calves.right", "back.lower-back.left",
                            "back.lower-back.right", NULL };
  LimberPlayerPage *page = limber_window_get_player_page (shared.window);
  LimberRoutine *routine;
  LimberPlayer *player;
  g_autofree char *history = g_build_filename (g_get_user_data_dir (), "limber", "history.db", NULL);

  tap ("_Start");
  limber_test_choose_regions (limber_window_get_map_page (shared.window), regions);
  tap ("_Plan a Session");
  tap ("30 min");
  tap ("_Start Session");
  /* No "how sore are they?" first: there is no history to keep it. */
  g_assert_cmpstr (page_name (), ==, "player");
  player = limber_player_page_get_player (page);
  g_assert_cmpint (limber_player_get_planned_time (player), >, 12 * 60 * G_USEC_PER_SEC);

  for (guint i = 0; i < 10; i++)
    advance (60);
  g_assert_cmpstr (page_name (), ==, "player");
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  g_assert_cmpint (limber_kiosk_get_state (kiosk ()), ==, LIMBER_KIOSK_STATE_BUSY);

  gtk_widget_activate_action (GTK_WIDGET (page), "player.toggle-pause", NULL);
  limber_test_iterate (50);
  g_assert_true (limber_player_get_paused (player));
  advance (limber_kiosk_get_idle_seconds (kiosk ()));
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "warning");
  advance (LIMBER_KIOSK_WARNING_SECONDS);
  g_assert_cmpstr (page_name (), ==, "welcome");
  g_assert_null (limber_player_page_get_player (page));

  /* A routine to its end, then nobody. */
  tap ("_Start");
  routine = limber_catalogue_lookup_routine (limber_application_get_catalogue (shared.app), "calves.roll");
  g_signal_emit_by_name (limber_window_get_routine_list_page (shared.window), "routine-activated", routine);
  limber_test_iterate (100);
  gtk_widget_activate_action (GTK_WIDGET (shared.window), "win.start-routine", NULL);
  limber_test_iterate (100);
  player = limber_player_page_get_player (page);
  while (limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED)
    g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (shared.clock)));
  limber_test_iterate (100);
  g_assert_true (limber_player_page_get_finished_shown (page));
  g_assert_cmpuint (limber_soreness_rating_get_n_regions (limber_player_page_get_after_rating (page)), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (limber_player_page_get_after_rating (page))));
  advance (limber_kiosk_get_idle_seconds (kiosk ()) - 1);
  g_assert_true (limber_player_page_get_finished_shown (page));
  advance (LIMBER_KIOSK_WARNING_SECONDS + 1);
  g_assert_cmpstr (page_name (), ==, "welcome");

  /* Two sessions, and nothing of them on disk. */
  g_assert_false (g_file_test (history, G_FILE_TEST_EXISTS));
  g_assert_false (limber_history_get_writable (limber_application_get_history (shared.app)));
}

/* Holds the staff corner for @seconds on the kiosk's clock. */
static void
hold_corner (double seconds)
{
  GtkWidget *corner = limber_window_get_staff_corner (shared.window);
  graphene_point_t where;

  /* It is the screen's top right corner. */
  g_assert_true (gtk_widget_compute_point (corner, GTK_WIDGET (shared.window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (corner),  0), &where));
  g_assert_cmpfloat (where.x, ==, shared.screen_width);
  g_assert_cmpfloat (where.y, ==, 0);

  limber_test_move_pointer (corner, gtk_widget_get_width (corner) / 2., gtk_widget_get_height (corner) / 2.);
  limber_test_pointer_button (corner, 1, TRUE);
  advance (seconds);
  limber_test_pointer_button (corner, 1, FALSE);
  limber_test_iterate (100);
}

static void
type_pin (const char *pin)
{
  LimberPinPad *pad = limber_kiosk_panel_get_pin_pad (panel ());

  for (const char *p = pin; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      tap_widget (limber_pin_pad_get_key (pad, key));
    }
  g_assert_cmpuint (limber_pin_pad_get_length (pad), ==, strlen (pin));
  tap_widget (limber_pin_pad_get_key (pad, "ok"));
}

/* The hidden corner needs five seconds and a PIN; without a PIN set there
 * is no way out at all. */
static void
test_staff_pin (Fixture       *fixture,
                gconstpointer  data)
{
  hold_corner (LIMBER_KIOSK_HOLD_SECONDS - 1);
  g_assert_null (limber_kiosk_panel_get_page (panel ()));

  g_settings_set_string (shared.settings, "kiosk-pin", "");
  hold_corner (LIMBER_KIOSK_HOLD_SECONDS);
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  g_settings_set_string (shared.settings, "kiosk-pin", TEST_PIN_STORED);

  hold_corner (LIMBER_KIOSK_HOLD_SECONDS);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "pin");

  type_pin ("1357");
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "pin");
  g_assert_cmpstr (limber_kiosk_panel_get_message (panel ()), ==, "Wrong PIN");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (limber_kiosk_panel_get_pin_pad (panel ())), "shake"));

  for (guint i = 1; i < LIMBER_KIOSK_MAX_PIN_TRIES; i++)
    type_pin ("1357");
  g_assert_cmpstr (limber_kiosk_panel_get_message (panel ()), ==, "Too many wrong PINs. Try again in 60 seconds.");
  type_pin (TEST_PIN);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "pin");
  g_assert_true (g_str_has_prefix (limber_kiosk_panel_get_message (panel ()), "Too many wrong PINs."));

  advance (LIMBER_KIOSK_LOCKOUT_SECONDS);
  type_pin (TEST_PIN);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "admin");
  assert_still_kiosk ();

  tap ("_Back to the Kiosk");
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  g_assert_cmpstr (page_name (), ==, "welcome");
}

/* The staff's settings: what an administrator locked is shown, not
 * changed; the panel goes back to the kiosk when left alone. */
static void
test_staff_panel (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwComboRow *idle_row = limber_kiosk_panel_get_idle_row (panel ());
  GListModel *choices = adw_combo_row_get_model (idle_row);
  guint sixty = GTK_INVALID_LIST_POSITION;

  hold_corner (LIMBER_KIOSK_HOLD_SECONDS);
  type_pin (TEST_PIN);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "admin");
  g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (panel ()), GTK_TYPE_LABEL, "Riverside Fitness"));
  tap ("Play _Test Sound");

  /* Not locked: the choice is the setting. */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (idle_row)));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "1 min"))
      sixty = i;
  g_assert_cmpuint (sixty, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (idle_row, sixty);
  g_assert_cmpuint (g_settings_get_uint (shared.settings, "kiosk-idle-seconds"), ==, 60);
  g_assert_cmpuint (limber_kiosk_get_idle_seconds (kiosk ()), ==, 60);

  /* Locked, as by a dconf lock: shown, not changed. */
  lock_key ("kiosk-idle-seconds", TRUE);
  g_assert_false (g_settings_is_writable (shared.settings, "kiosk-idle-seconds"));
  limber_test_iterate (50);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (idle_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (idle_row)), ==, "Set by your administrator");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), adw_combo_row_get_selected (idle_row)),
                   ==, "1 min");
  g_assert_false (g_settings_set_uint (shared.settings, "kiosk-idle-seconds", 120));
  lock_key ("kiosk-idle-seconds", FALSE);
  limber_test_iterate (50);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (idle_row)));

  /* Left alone, the panel closes like any page. */
  advance (60 + LIMBER_KIOSK_WARNING_SECONDS);
  g_assert_null (limber_kiosk_panel_get_page (panel ()));
  g_assert_cmpstr (page_name (), ==, "welcome");

  g_settings_reset (shared.settings, "kiosk-idle-seconds");
  g_assert_cmpuint (limber_kiosk_get_idle_seconds (kiosk ()), ==, LIMBER_KIOSK_DEFAULT_IDLE_SECONDS);
}

/* The gym's logo and colour; a logo or a colour that cannot be used is
 * said on standard error and left out. */
static void
test_branding (Fixture       *fixture,
               gconstpointer  data)
{
  LimberWelcomePage *welcome = limber_window_get_welcome_page (shared.window);
  g_autofree char *dir = g_dir_make_tmp ("limber-logo-XXXXXX", NULL);
  g_autofree char *logo = g_build_filename (dir, "logo.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 200);
  cairo_t *cr = cairo_create (surface);
  GtkWidget *picture;

  cairo_set_source_rgb (cr, 0.16, 0.5, 0.38);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, logo), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_settings_set_string (shared.settings, "kiosk-logo", logo);
  limber_test_iterate (100);
  g_assert_true (limber_welcome_page_get_logo_shown (welcome));
  picture = limber_test_find_widget (GTK_WIDGET (welcome), GTK_TYPE_PICTURE, NULL);
  g_assert_nonnull (picture);
  g_assert_cmpint (gtk_widget_get_height (picture), <=, 160);
  g_assert_cmpint (gtk_widget_get_height (picture), >=, 100);

  g_test_expect_message ("limber-welcome-page", G_LOG_LEVEL_WARNING, "*missing.png*");
  g_settings_set_string (shared.settings, "kiosk-logo", missing);
  g_test_assert_expected_messages ();
  g_assert_false (limber_welcome_page_get_logo_shown (welcome));
  g_settings_reset (shared.settings, "kiosk-logo");

  g_test_expect_message ("limber-application", G_LOG_LEVEL_WARNING, "*not-a-colour*");
  g_settings_set_string (shared.settings, "kiosk-accent", "not-a-colour");
  g_test_assert_expected_messages ();
  g_settings_set_string (shared.settings, "kiosk-accent", "#2a7f62");
  g_settings_reset (shared.settings, "kiosk-accent");

  g_settings_set_string (shared.settings, "kiosk-gym-name", "  ");
  g_assert_cmpstr (limber_welcome_page_get_title (welcome), ==, "Limber");
  g_settings_set_string (shared.settings, "kiosk-gym-name", "Riverside Fitness");

  g_unlink (logo);
  g_rmdir (dir);
}

/* Every button is big enough for a finger, on every page a visitor sees. */
static void
check_targets (GtkWidget *widget,
               guint     *n_checked)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    {
      if (gtk_widget_get_width (widget) < 48 || gtk_widget_get_height (widget) < 48)
        g_error ("A %s (“%s”) is %dx%d on the %s page", G_OBJECT_TYPE_NAME (widget),
                 GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget))
                                        : gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)),
                 gtk_widget_get_width (widget), gtk_widget_get_height (widget), page_name ());
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_targets (child, n_checked);
}

static void
check_page (guint *n_checked)
{
  limber_test_iterate (300);
  check_targets (GTK_WIDGET (shared.window), n_checked);
}

static void
test_touch_targets (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *regions[] = { "back.calves.left", "back.calves.right", NULL };
  LimberRoutineListPage *routines = limber_window_get_routine_list_page (shared.window);
  g_autoptr(LimberRoutine) routine = NULL;
  guint n_checked = 0;

  check_page (&n_checked);
  tap ("_Start");
  limber_test_choose_regions (limber_window_get_map_page (shared.window), regions);
  check_page (&n_checked);
  tap ("_Plan a Session");
  check_page (&n_checked);
  tap ("_Start Session");
  check_page (&n_checked);
  gtk_widget_activate_action (GTK_WIDGET (limber_window_get_player_page (shared.window)), "player.toggle-pause", NULL);
  check_page (&n_checked);
  hold_corner (LIMBER_KIOSK_HOLD_SECONDS);
  check_page (&n_checked);
  tap ("_Cancel");

  start_over ();
  tap ("_Start");
  limber_test_choose_regions (limber_window_get_map_page (shared.window), regions);
  tap ("Show _Routines");
  check_page (&n_checked);
  routine = g_list_model_get_item (limber_routine_list_page_get_model (routines), 0);
  g_signal_emit_by_name (routines, "routine-activated", routine);
  check_page (&n_checked);
  g_assert_cmpuint (n_checked, >, 60);
}

/* limber --hash-pin: what it prints verifies; anything but 4 to 12 digits
 * is refused with a message and status 2. */
static void
run_hash_pin (const char  *input,
              char       **out,
              char       **err,
              int         *status)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                         | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                         | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("LIMBER_EXE"), "--hash-pin", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (process);
}

static void
test_hash_pin (Fixture       *fixture,
               gconstpointer  data)
{
  const char *refused[] = { "", "\n", "123\n", "1234567890123\n", "12a4\n", "12 34\n", "-1234\n" };
  g_autofree char *out = NULL, *err = NULL;
  int status;

  run_hash_pin ("024680\n", &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_suffix (out, "\n"));
  out[strlen (out) - 1] = '\0';
  g_assert_true (g_str_has_prefix (out, "sha256:100000:"));
  g_assert_true (limber_pin_verify (out, "024680"));
  g_assert_false (limber_pin_verify (out, "024681"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      run_hash_pin (refused[i], &out, &err, &status);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "4 to 12 digits"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }
}

/* Last: the staff's Exit quits, without asking and without a window left. */
static void
test_exit (Fixture       *fixture,
           gconstpointer  data)
{
  hold_corner (LIMBER_KIOSK_HOLD_SECONDS);
  type_pin (TEST_PIN);
  g_assert_cmpstr (limber_kiosk_panel_get_page (panel ()), ==, "admin");

  g_object_add_weak_pointer (G_OBJECT (shared.window), (gpointer *)&shared.window);
  tap ("_Exit Limber");
  limber_test_iterate (100);
  g_assert_null (shared.window);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (shared.app)));
}

/* The welcome screen's languages switch everything live; the next person
 * gets the kiosk's own language back. */
static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
{
  LimberLanguagePicker *picker = limber_welcome_page_get_language_picker (limber_window_get_welcome_page (shared.window));
  GtkWidget *spanish = limber_language_picker_get_button (picker, "es");
  g_autofree char *spanish_name = limber_language_dup_name ("es");
  const char *start;

  g_assert_nonnull (spanish);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (spanish)), ==, spanish_name);
  g_assert_cmpstr (limber_language_picker_get_current (picker), ==, "en");
  g_assert_null (limber_application_get_language (shared.app));

  /* A tap: the same welcome screen, in Spanish, in the one window. */
  tap_widget (spanish);
  limber_test_iterate (300);
  follow_window ();
  g_assert_cmpstr (limber_application_get_language (shared.app), ==, "es");
  g_assert_cmpstr (page_name (), ==, "welcome");
  assert_still_kiosk ();
  start = g_dgettext (GETTEXT_PACKAGE, "_Start");
  g_assert_cmpstr (start, !=, "_Start");
  picker = limber_welcome_page_get_language_picker (limber_window_get_welcome_page (shared.window));
  g_assert_cmpstr (limber_language_picker_get_current (picker), ==, "es");
  tap (start);
  g_assert_cmpstr (page_name (), ==, "map");

  /* Nobody there: English again, as the kiosk is set. */
  start_over ();
  g_assert_null (limber_application_get_language (shared.app));
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Start"), ==, "_Start");
  assert_still_kiosk ();

  /* A kiosk set to German returns to German after each person. */
  g_settings_set_string (shared.settings, "kiosk-language", "de");
  tap ("_Start");
  start_over ();
  g_assert_cmpstr (limber_application_get_language (shared.app), ==, "de");
  picker = limber_welcome_page_get_language_picker (limber_window_get_welcome_page (shared.window));
  g_assert_cmpstr (limber_language_picker_get_current (picker), ==, "de");
  assert_still_kiosk ();

  g_settings_reset (shared.settings, "kiosk-language");
  tap (g_dgettext (GETTEXT_PACKAGE, "_Start"));
  start_over ();
  g_assert_null (limber_application_get_language (shared.app));
}

int
main (int   argc,
      char *argv[])
{
  use_locking_backend ();
  limber_language_init ();
  limber_test_init_gui (&argc, &argv);
  set_up_application ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/kiosk/start", test_start);
  ADD ("/kiosk/escape-keys", test_escape_keys);
  ADD ("/kiosk/closing-refused", test_closing_refused);
  ADD ("/kiosk/no-menus-links-or-drops", test_no_menus_links_or_drops);
  ADD ("/kiosk/idle-reset", test_idle_reset);
  ADD ("/kiosk/input-answers-warning", test_input_answers_warning);
  ADD ("/kiosk/playing-and-finished", test_playing_and_finished);
  ADD ("/kiosk/staff-pin", test_staff_pin);
  ADD ("/kiosk/staff-panel", test_staff_panel);
  ADD ("/kiosk/branding", test_branding);
  ADD ("/kiosk/languages", test_languages);
  ADD ("/kiosk/touch-targets", test_touch_targets);
  ADD ("/kiosk/hash-pin", test_hash_pin);
  ADD ("/kiosk/exit", test_exit);
#undef ADD

  return g_test_run ();
}
