/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-application.h"
#include "limber-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) app = NULL;

  limber_language_init ();

  app = limber_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
