/* limber-speech-cues.h: the player's cues read aloud by speech-dispatcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "limber-types.h"

G_BEGIN_DECLS

typedef enum
{
  LIMBER_SPEECH_AVAILABILITY_UNKNOWN,     /* not asked yet, or still asking */
  LIMBER_SPEECH_AVAILABILITY_AVAILABLE,
  LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE,
} LimberSpeechAvailability;

#define LIMBER_TYPE_SPEECH_AVAILABILITY (limber_speech_availability_get_type ())
GType limber_speech_availability_get_type (void);

#define LIMBER_TYPE_SPEECH_CUES (limber_speech_cues_get_type ())
G_DECLARE_FINAL_TYPE (LimberSpeechCues, limber_speech_cues, LIMBER, SPEECH_CUES, GObject)

LimberSpeechCues         *limber_speech_cues_new              (GSettings        *settings);
LimberSpeechAvailability  limber_speech_cues_get_availability (LimberSpeechCues *self);

G_END_DECLS
