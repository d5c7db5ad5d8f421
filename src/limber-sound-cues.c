/* limber-sound-cues.c
 *
 * Sounds come from the freedesktop sound theme through libcanberra (GSound),
 * so they follow the desktop's sound server and theme. Everything is best
 * effort: a computer without sound output gets one debug line, not a
 * warning per cue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-sound-cues"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <gsound.h>

#include "core/limber-cue.h"
#include "limber-sound-cues.h"

/* Countdown cues come for each of a step's last five seconds; only the
 * last three tick. */
#define COUNTDOWN_TICKS 3

typedef struct
{
  const char *event_id;
  const char *description;
} CueSound;

/* Chosen from sound-theme-freedesktop so that a person lying on a foam
 * roller, eyes closed, tells them apart by length and pitch alone:
 *
 * - step start, "bell": a short bright rising ding (0.14 s). Go.
 * - switch sides, "message-new-instant": a soft low tone held for a second,
 *   nothing like the bell and long enough to notice in the middle of a hold.
 * - rest, "service-logout": a falling phrase (1.8 s). Wind down.
 * - done, "complete": a bright sustained chime (1.1 s), the desktop's own
 *   "finished" sound.
 * - get ready, halfway and the catalogue's own step cues, "message": a soft
 *   short pop (0.3 s). They only ask for attention; the screen or the voice
 *   says what for.
 * - countdown, "audio-volume-change": a 55 ms tick, three times. Three ticks
 *   say "nearly there" the way interval timers do; five on every side of
 *   every step would be a lot of clicking over a session.
 *
 * The three sounds that change what the body does (step start, switch
 * sides, rest) differ in pitch, length and shape. */
static const CueSound step_start_sound = {
  "bell",
  /* Translators: describes a sound, for the sound server and accessibility tools */
  N_("Step starts"),
};
static const CueSound switch_sides_sound = {
  "message-new-instant",
  /* Translators: describes a sound, for the sound server and accessibility tools */
  N_("Switch sides"),
};
static const CueSound rest_sound = {
  "service-logout",
  /* Translators: describes a sound, for the sound server and accessibility tools */
  N_("Rest"),
};
static const CueSound done_sound = {
  "complete",
  /* Translators: describes a sound, for the sound server and accessibility tools */
  N_("Routine finished"),
};
static const CueSound attention_sound = {
  "message",
  /* Translators: describes a sound, for the sound server and accessibility tools */
  N_("Routine cue"),
};
static const CueSound tick_sound = {
  "audio-volume-change",
  /* Translators: describes a sound, for the sound server and accessibility tools */
  N_("Countdown"),
};

struct _LimberSoundCues
{
  GObject        parent_instance;

  GSettings     *settings;
  GSoundContext *context;
  GCancellable  *playing;           /* the last sound, cut short by the next */
  gboolean       context_created;
  gboolean       silenced;          /* no sound output: said once, quiet since */
};

static void limber_sound_cues_cue_sink_init (LimberCueSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberSoundCues, limber_sound_cues, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CUE_SINK,
                                                      limber_sound_cues_cue_sink_init))

enum {
  PROP_0,
  PROP_CONTEXT_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const CueSound *
find_cue_sound (const LimberCue *cue)
{
  switch (cue->kind)
    {
    case LIMBER_CUE_STEP_START:
      return &step_start_sound;

    case LIMBER_CUE_SWITCH_SIDES:
      return &switch_sides_sound;

    case LIMBER_CUE_REST:
      return &rest_sound;

    case LIMBER_CUE_DONE:
      return &done_sound;

    case LIMBER_CUE_GET_READY:
    case LIMBER_CUE_HALF_TIME:
    case LIMBER_CUE_STEP_CUE:
      return &attention_sound;

    case LIMBER_CUE_COUNTDOWN:
      if (cue->seconds >= 1 && cue->seconds <= COUNTDOWN_TICKS)
        return &tick_sound;
      return NULL;

    default:
      return NULL;
    }
}

static void
silence (LimberSoundCues *self,
         const GError    *error)
{
  if (!self->silenced)
    g_debug ("Sound cues stay silent: %s", error->message);

  self->silenced = TRUE;
  g_clear_object (&self->context);
}

static GSoundContext *
ensure_context (LimberSoundCues *self)
{
  g_autoptr(GError) error = NULL;
  GSoundContext *context;

  if (self->context != NULL || self->silenced)
    return self->context;

  context = gsound_context_new (NULL, &error);
  if (context == NULL)
    {
      silence (self, error);
      return NULL;
    }

  if (!self->context_created)
    {
      self->context_created = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT_CREATED]);
    }

  /* A context is made even where nothing can play; opening the driver is
   * what fails without a sound server (or with CANBERRA_DRIVER=null), and
   * finding out now spares every later cue the attempt. */
  if (!gsound_context_open (context, &error))
    {
      g_object_unref (context);
      silence (self, error);
      return NULL;
    }

  self->context = context;
  return self->context;
}

static gboolean
is_interruption (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, GSOUND_ERROR, GSOUND_ERROR_CANCELED) ||
         g_error_matches (error, GSOUND_ERROR, GSOUND_ERROR_DESTROYED);
}

static void
sound_played_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GWeakRef *weak_self = user_data;
  g_autoptr(LimberSoundCues) self = g_weak_ref_get (weak_self);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (weak_self);
  g_free (weak_self);

  if (gsound_context_play_full_finish (GSOUND_CONTEXT (source), result, &error))
    return;

  /* The ALSA driver opens its device only to play, so a computer without a
   * sound card fails here, once; a late answer from a context already
   * dropped says nothing about the current one. */
  if (self == NULL || is_interruption (error) || GSOUND_CONTEXT (source) != self->context)
    return;

  silence (self, error);
}

static void
play_sound (LimberSoundCues *self,
            const CueSound  *sound)
{
  double volume = g_settings_get_double (self->settings, "sound-volume");
  char decibels[G_ASCII_DTOSTR_BUF_SIZE];
  GSoundContext *context;
  GWeakRef *weak_self;

  /* The volume slider's zero is "mute": not even a context for it. */
  if (volume <= 0.0)
    return;

  context = ensure_context (self);
  if (context == NULL)
    return;

  /* A new cue cuts the last one short, so sounds never pile up. */
  g_cancellable_cancel (self->playing);
  g_clear_object (&self->playing);
  self->playing = g_cancellable_new ();

  g_ascii_formatd (decibels, sizeof decibels, "%.1f", 20.0 * log10 (MIN (volume, 1.0)));

  /* The callback may come after @self is gone. */
  weak_self = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak_self, self);

  gsound_context_play_full (context, self->playing, sound_played_cb, weak_self,
                            GSOUND_ATTR_EVENT_ID, sound->event_id,
                            GSOUND_ATTR_EVENT_DESCRIPTION, _(sound->description),
                            GSOUND_ATTR_MEDIA_ROLE, "event",
                            GSOUND_ATTR_CANBERRA_VOLUME, decibels,
                            NULL);
}

static void
limber_sound_cues_play (LimberCueSink   *sink,
                        const LimberCue *cue)
{
  LimberSoundCues *self = LIMBER_SOUND_CUES (sink);
  const CueSound *sound;

  if (!g_settings_get_boolean (self->settings, "sound-cues"))
    return;

  sound = find_cue_sound (cue);
  if (sound != NULL)
    play_sound (self, sound);
}

static void
limber_sound_cues_cue_sink_init (LimberCueSinkInterface *iface)
{
  iface->play = limber_sound_cues_play;
}

static void
limber_sound_cues_dispose (GObject *object)
{
  LimberSoundCues *self = LIMBER_SOUND_CUES (object);

  g_cancellable_cancel (self->playing);
  g_clear_object (&self->playing);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_sound_cues_parent_class)->dispose (object);
}

static void
limber_sound_cues_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberSoundCues *self = LIMBER_SOUND_CUES (object);

  switch (prop_id)
    {
    case PROP_CONTEXT_CREATED:
      g_value_set_boolean (value, self->context_created);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_sound_cues_class_init (LimberSoundCuesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_sound_cues_dispose;
  object_class->get_property = limber_sound_cues_get_property;

  properties[PROP_CONTEXT_CREATED] =
    g_param_spec_boolean ("context-created", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_sound_cues_init (LimberSoundCues *self)
{
}

/**
 * limber_sound_cues_new:
 * @settings: the application's settings; `sound-cues` and `sound-volume`
 *   are read at each cue
 *
 * Returns: (transfer full): a cue sink that plays a short sound per cue.
 */
LimberSoundCues *
limber_sound_cues_new (GSettings *settings)
{
  LimberSoundCues *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_SOUND_CUES, NULL);
  self->settings = g_object_ref (settings);

  return self;
}

/**
 * limber_sound_cues_play_sample:
 *
 * Plays the step-start sound at the current `sound-volume`, even while
 * `sound-cues` is off, so a person can hear it before turning cues on. It
 * tries the sound output again after an earlier failure: the person may
 * just have plugged in speakers.
 */
void
limber_sound_cues_play_sample (LimberSoundCues *self)
{
  g_return_if_fail (LIMBER_IS_SOUND_CUES (self));

  self->silenced = FALSE;
  play_sound (self, &step_start_sound);
}

/**
 * limber_sound_cues_get_context_created:
 *
 * Returns: whether @self has ever made a sound context, that is, tried to
 *   play anything. Muted cues never do.
 */
gboolean
limber_sound_cues_get_context_created (LimberSoundCues *self)
{
  g_return_val_if_fail (LIMBER_IS_SOUND_CUES (self), FALSE);

  return self->context_created;
}
