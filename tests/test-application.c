/* test-application.c: the whole application: command line, first run,
 * settings, About
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-application.h"
#include "limber-test-utils.h"
#include "limber-window.h"

static void
run_limber (const char * const *args,
            char              **out,
            char              **err,
            int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *exe = g_getenv ("LIMBER_EXE");

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer)exe);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, status, &error);
  g_assert_no_error (error);
}

static void
test_version (void)
{
  g_autofree char *out = NULL, *err = NULL;
  int status;

  run_limber ((const char *[]) { "--version", NULL }, &out, &err, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "limber " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_autofree char *out = NULL, *err = NULL;
  int status;

  run_limber ((const char *[]) { "--help", NULL }, &out, &err, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "--version"));
  g_assert_nonnull (strstr (out, "Guided self-massage"));
}

static void
test_bad_option (void)
{
  g_autofree char *out = NULL, *err = NULL;
  int status;

  run_limber ((const char *[]) { "--no-such-option", NULL }, &out, &err, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "--no-such-option"));
}

static gboolean
has_two_toplevels (gpointer data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) >= 2;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
test_first_run_about_and_settings (void)
{
  g_autoptr(LimberApplication) app = limber_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *view = NULL;
  GtkWindow *notice, *about;
  LimberWindow *window;
  LimberMapPage *page;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  settings = g_object_ref (limber_application_get_settings (app));
  g_assert_false (g_settings_get_boolean (settings, "safety-notice-seen"));

  g_application_activate (G_APPLICATION (app));
  limber_test_iterate (100);

  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Limber");

  /* The first run says plainly that Limber is no substitute for a clinician. */
  g_assert_true (limber_test_wait_for (has_two_toplevels, NULL, 3000));
  notice = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (notice)),
                            "no substitute for a clinician"));
  /* As a click does; gtk_widget_activate() would wait out the press animation. */
  g_object_add_weak_pointer (G_OBJECT (notice), (gpointer *)&notice);
  g_signal_emit_by_name (limber_test_find_widget (GTK_WIDGET (notice), GTK_TYPE_BUTTON, "_I Understand"), "clicked");
  limber_test_iterate (100);
  g_assert_true (notice == NULL || !gtk_widget_get_visible (GTK_WIDGET (notice)));
  g_assert_true (g_settings_get_boolean (settings, "safety-notice-seen"));

  /* About says it too. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  limber_test_iterate (100);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_nonnull (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "not medical advice"));
  gtk_window_destroy (about);

  /* The keyboard shortcuts window is built on demand. */
  g_assert_null (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL);
  limber_test_iterate (100);
  about = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (about);
  gtk_window_destroy (about);

  /* The body view is remembered. */
  page = limber_window_get_map_page (window);
  g_object_set (page, "view", "back", NULL);
  view = g_settings_get_string (settings, "body-view");
  g_assert_cmpstr (view, ==, "back");

  /* A second activation neither opens a second window nor repeats the notice. */
  g_application_activate (G_APPLICATION (app));
  limber_test_iterate (100);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* Closing saves the window size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  limber_test_iterate (100);
  gtk_window_close (GTK_WINDOW (window));
  limber_test_iterate (100);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
}

int
main (int   argc,
      char *argv[])
{
  limber_test_init_gui (&argc, &argv);

  g_test_add_func ("/application/version", test_version);
  g_test_add_func ("/application/help", test_help);
  g_test_add_func ("/application/bad-option", test_bad_option);
  g_test_add_func ("/application/first-run-about-and-settings", test_first_run_about_and_settings);

  return g_test_run ();
}
