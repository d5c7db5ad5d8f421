/* limber-sound-cues.h: the player's cues as short sounds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-types.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SOUND_CUES (limber_sound_cues_get_type ())
G_DECLARE_FINAL_TYPE (LimberSoundCues, limber_sound_cues, LIMBER, SOUND_CUES, GObject)

LimberSoundCues *limber_sound_cues_new                 (GSettings       *settings);
void             limber_sound_cues_play_sample         (LimberSoundCues *self);
gboolean         limber_sound_cues_get_context_created (LimberSoundCues *self);

G_END_DECLS
