/* test-cue-sinks.c: sound cues stay quiet, quick and safe without a sound
 * server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>

#include "core/limber-cue.h"
#include "limber-sound-cues.h"

/* A generous bound, for a loaded machine and the sanitizer build. */
#define RETURNS_AT_ONCE_USEC (G_USEC_PER_SEC / 4)

static const LimberCue every_cue[] = {
  { LIMBER_CUE_GET_READY, 5, LIMBER_SIDE_LEFT, NULL },
  { LIMBER_CUE_STEP_START, 30, LIMBER_SIDE_LEFT, "Roll slowly from hip to knee." },
  { LIMBER_CUE_HALF_TIME, 30, LIMBER_SIDE_LEFT, NULL },
  { LIMBER_CUE_STEP_CUE, 30, LIMBER_SIDE_LEFT, "Breathe out as you roll down." },
  { LIMBER_CUE_COUNTDOWN, 5, LIMBER_SIDE_LEFT, NULL },
  { LIMBER_CUE_COUNTDOWN, 4, LIMBER_SIDE_LEFT, NULL },
  { LIMBER_CUE_COUNTDOWN, 3, LIMBER_SIDE_LEFT, NULL },
  { LIMBER_CUE_COUNTDOWN, 2, LIMBER_SIDE_LEFT, NULL },
  { LIMBER_CUE_COUNTDOWN, 1, LIMBER_SIDE_LEFT, NULL },
  { LIMBER_CUE_SWITCH_SIDES, 30, LIMBER_SIDE_RIGHT, NULL },
  { LIMBER_CUE_REST, 20, LIMBER_SIDE_NONE, NULL },
  { LIMBER_CUE_DONE, 0, LIMBER_SIDE_NONE, NULL },
};

static const LimberCue step_start = {
  LIMBER_CUE_STEP_START, 30, LIMBER_SIDE_NONE, "Lie on the roller."
};

/* Each test has settings of its own; the default memory backend is one
 * for the whole process. */
static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (APP_ID, backend);
}

static void
play_every_cue (LimberCueSink *sink)
{
  for (gsize i = 0; i < G_N_ELEMENTS (every_cue); i++)
    {
      gint64 start = g_get_monotonic_time ();

      limber_cue_sink_play (sink, &every_cue[i]);
      g_assert_cmpint (g_get_monotonic_time () - start, <, RETURNS_AT_ONCE_USEC);
    }
}

/* Lets callbacks that are already due run, such as finished sounds. */
static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
count_cb (gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
count_message_cb (const char     *log_domain,
                  GLogLevelFlags  log_level,
                  const char     *message,
                  gpointer        user_data)
{
  count_cb (user_data);
}

static void
test_sound_muted (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(LimberSoundCues) sink = limber_sound_cues_new (settings);

  g_settings_set_boolean (settings, "sound-cues", FALSE);
  play_every_cue (LIMBER_CUE_SINK (sink));
  g_assert_false (limber_sound_cues_get_context_created (sink));

  /* Volume 0 mutes too, the test sound included. */
  g_settings_set_boolean (settings, "sound-cues", TRUE);
  g_settings_set_double (settings, "sound-volume", 0.0);
  play_every_cue (LIMBER_CUE_SINK (sink));
  limber_sound_cues_play_sample (sink);
  g_assert_false (limber_sound_cues_get_context_created (sink));

  /* The keys are read at each cue, not once. */
  g_settings_set_double (settings, "sound-volume", 0.5);
  limber_cue_sink_play (LIMBER_CUE_SINK (sink), &step_start);
  g_assert_true (limber_sound_cues_get_context_created (sink));

  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&sink));
}

static void
test_sound_countdown (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(LimberSoundCues) sink = limber_sound_cues_new (settings);
  LimberCue countdown = { LIMBER_CUE_COUNTDOWN, 5, LIMBER_SIDE_NONE, NULL };

  /* Only the last three seconds tick. */
  limber_cue_sink_play (LIMBER_CUE_SINK (sink), &countdown);
  countdown.seconds = 4;
  limber_cue_sink_play (LIMBER_CUE_SINK (sink), &countdown);
  g_assert_false (limber_sound_cues_get_context_created (sink));

  countdown.seconds = 3;
  limber_cue_sink_play (LIMBER_CUE_SINK (sink), &countdown);
  g_assert_true (limber_sound_cues_get_context_created (sink));

  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&sink));
}

static void
test_sound_without_server (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(LimberSoundCues) sink = limber_sound_cues_new (settings);
  guint notified = 0;
  guint debug_messages = 0;
  guint handler_id;

  g_signal_connect_swapped (sink, "notify::context-created", G_CALLBACK (count_cb), &notified);
  handler_id = g_log_set_handler ("limber-sound-cues", G_LOG_LEVEL_DEBUG, count_message_cb, &debug_messages);

  play_every_cue (LIMBER_CUE_SINK (sink));
  drain_main_context ();
  play_every_cue (LIMBER_CUE_SINK (sink));
  drain_main_context ();

  g_assert_true (limber_sound_cues_get_context_created (sink));
  g_assert_cmpuint (notified, ==, 1);
  /* Said once, then quiet. */
  g_assert_cmpuint (debug_messages, ==, 1);

  /* The test sound tries again. */
  limber_sound_cues_play_sample (sink);
  drain_main_context ();
  g_assert_cmpuint (debug_messages, ==, 2);

  g_log_remove_handler ("limber-sound-cues", handler_id);
  g_assert_finalize_object (g_steal_pointer (&sink));
}

int
main (int   argc,
      char *argv[])
{
  /* Before any thread starts. canberra has no null driver on Debian, so
   * this is a sound server that is not there; set CANBERRA_DRIVER to try
   * another. */
  g_setenv ("CANBERRA_DRIVER", "null", FALSE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sound-cues/muted", test_sound_muted);
  g_test_add_func ("/sound-cues/countdown", test_sound_countdown);
  g_test_add_func ("/sound-cues/without-server", test_sound_without_server);

  return g_test_run ();
}
