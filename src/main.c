/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-application.h"
#include "limber-language.h"

/* Whether this run is a kiosk: --kiosk, or the kiosk-mode setting (read
 * only when the schema is installed; the application says so otherwise). */
static gboolean
wants_kiosk (int    argc,
             char **argv)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;

  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--kiosk"))
      return TRUE;

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      return g_settings_get_boolean (settings, "kiosk-mode");
    }

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;

  limber_language_init ();

  /* A kiosk's screen is usually drawn in software (llvmpipe), where GL
   * costs start-up time and memory for nothing: GTK draws with cairo
   * unless the environment chose a renderer. GTK reads this when it
   * starts, so it is set before anything else. */
  if (g_getenv ("GSK_RENDERER") == NULL && wants_kiosk (argc, argv))
    g_setenv ("GSK_RENDERER", "cairo", FALSE);

  app = limber_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
