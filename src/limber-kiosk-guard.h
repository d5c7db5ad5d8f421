/* limber-kiosk-guard.h: no way out of a kiosk by keys, clicks, links or closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "limber-kiosk.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_KIOSK_GUARD (limber_kiosk_guard_get_type ())
G_DECLARE_FINAL_TYPE (LimberKioskGuard, limber_kiosk_guard, LIMBER, KIOSK_GUARD, GObject)

LimberKioskGuard *limber_kiosk_guard_new            (LimberKiosk      *kiosk);
void              limber_kiosk_guard_set_main_window (LimberKioskGuard *self,
                                                     GtkWindow        *window);
gboolean          limber_kiosk_guard_is_escape_key  (guint             keyval,
                                                     GdkModifierType   state,
                                                     gboolean          main_window);

G_END_DECLS
