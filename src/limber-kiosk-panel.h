/* limber-kiosk-panel.h: over a kiosk's pages: "still there?", the staff
 * PIN pad and the staff's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-kiosk.h"
#include "limber-sound-cues.h"
#include "widgets/limber-pin-pad.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_KIOSK_PANEL (limber_kiosk_panel_get_type ())
G_DECLARE_FINAL_TYPE (LimberKioskPanel, limber_kiosk_panel, LIMBER, KIOSK_PANEL, GtkWidget)

GtkWidget    *limber_kiosk_panel_new           (void);
void          limber_kiosk_panel_setup         (LimberKioskPanel *self,
                                                LimberKiosk      *kiosk,
                                                GSettings        *settings,
                                                LimberSoundCues  *sound_cues);
gboolean      limber_kiosk_panel_open_pin      (LimberKioskPanel *self);
void          limber_kiosk_panel_close         (LimberKioskPanel *self);
const char   *limber_kiosk_panel_get_page      (LimberKioskPanel *self);
const char   *limber_kiosk_panel_get_message   (LimberKioskPanel *self);
const char   *limber_kiosk_panel_get_countdown (LimberKioskPanel *self);
LimberPinPad *limber_kiosk_panel_get_pin_pad   (LimberKioskPanel *self);
AdwComboRow  *limber_kiosk_panel_get_idle_row  (LimberKioskPanel *self);

G_END_DECLS
