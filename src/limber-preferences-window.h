/* limber-preferences-window.h: sound, voice and timing of the player
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "limber-sound-cues.h"
#include "limber-speech-cues.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PREFERENCES_WINDOW (limber_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LimberPreferencesWindow, limber_preferences_window, LIMBER, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *limber_preferences_window_new (GtkWindow        *parent,
                                          GSettings        *settings,
                                          LimberSoundCues  *sound,
                                          LimberSpeechCues *speech);

G_END_DECLS
