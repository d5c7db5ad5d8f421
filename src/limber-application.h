/* limber-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/limber-catalogue.h"
#include "core/limber-clock.h"
#include "core/limber-cue.h"
#include "core/limber-history.h"
#include "limber-kiosk.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_APPLICATION (limber_application_get_type ())
G_DECLARE_FINAL_TYPE (LimberApplication, limber_application, LIMBER, APPLICATION, AdwApplication)

LimberApplication *limber_application_new                   (void);
LimberCatalogue   *limber_application_get_catalogue         (LimberApplication *self);
const char        *limber_application_get_catalogue_problem (LimberApplication *self);
GSettings         *limber_application_get_settings          (LimberApplication *self);
LimberHistory     *limber_application_get_history           (LimberApplication *self);
char              *limber_application_take_drop_in_problems (LimberApplication *self,
                                                             guint             *n_files);

LimberClock       *limber_application_get_clock             (LimberApplication *self);
void               limber_application_set_clock             (LimberApplication *self,
                                                             LimberClock       *clock);
void               limber_application_add_cue_sink          (LimberApplication *self,
                                                             LimberCueSink     *sink);
LimberSoundCues   *limber_application_get_sound_cues        (LimberApplication *self);
LimberSpeechCues  *limber_application_get_speech_cues       (LimberApplication *self);
void               limber_application_play_cue              (LimberApplication *self,
                                                             const LimberCue   *cue);

void               limber_application_set_language          (LimberApplication *self,
                                                             const char        *language);
const char        *limber_application_get_language          (LimberApplication *self);
const char        *limber_application_get_safety_notice     (void);
LimberKiosk       *limber_application_get_kiosk             (LimberApplication *self);
GSettings         *limber_application_get_member_settings   (LimberApplication *self);
void               limber_application_reset_member_settings (LimberApplication *self);
void               limber_application_quit_kiosk            (LimberApplication *self);

G_END_DECLS
