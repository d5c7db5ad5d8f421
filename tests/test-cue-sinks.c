/* test-cue-sinks.c: sound and speech cues stay quiet, quick and safe
 * without a sound server or a speech server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "core/limber-cue.h"
#include "limber-sound-cues.h"
#include "limber-speech-cues.h"

/* A unix socket nothing can ever listen on, since its folder is a device:
 * speech-dispatcher's autospawn cannot succeed there either. */
#define NO_SPEECH_SERVER "unix_socket:/dev/null/speechd.sock"

/* Generous bounds, for a loaded machine and the sanitizer build. */
#define RETURNS_AT_ONCE_USEC (G_USEC_PER_SEC / 4)
#define PROBE_BOUND_SECONDS 10

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

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_while_unknown (LimberSpeechCues *sink,
                    guint             seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake_up_id = g_timeout_add (20, wake_up_cb, NULL);

  while (limber_speech_cues_get_availability (sink) == LIMBER_SPEECH_AVAILABILITY_UNKNOWN &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up_id);
}

static void
run_main_context_for (guint milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + milliseconds * 1000;
  guint wake_up_id = g_timeout_add (10, wake_up_cb, NULL);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake_up_id);
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

static void
test_speech_off (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(LimberSpeechCues) sink = limber_speech_cues_new (settings);
  LimberSpeechAvailability before = limber_speech_cues_get_availability (sink);
  guint notified = 0;

  g_signal_connect_swapped (sink, "notify::availability", G_CALLBACK (count_cb), &notified);

  g_assert_false (g_settings_get_boolean (settings, "speak-instructions"));
  play_every_cue (LIMBER_CUE_SINK (sink));
  run_main_context_for (200);

  /* Nothing asked speech-dispatcher: had anything, the answer would be in. */
  g_assert_cmpuint (notified, ==, 0);
  g_assert_cmpint (limber_speech_cues_get_availability (sink), ==, before);
#ifdef HAVE_SPEECHD
  g_assert_cmpint (before, ==, LIMBER_SPEECH_AVAILABILITY_UNKNOWN);
#else
  g_assert_cmpint (before, ==, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);
#endif

  g_assert_finalize_object (g_steal_pointer (&sink));
}

static void
test_speech_without_server (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(LimberSpeechCues) sink = limber_speech_cues_new (settings);
  guint notified = 0;
  gint64 start;

  g_signal_connect_swapped (sink, "notify::availability", G_CALLBACK (count_cb), &notified);
  g_settings_set_boolean (settings, "speak-instructions", TRUE);

  start = g_get_monotonic_time ();
  limber_cue_sink_play (LIMBER_CUE_SINK (sink), &step_start);
  g_assert_cmpint (g_get_monotonic_time () - start, <, RETURNS_AT_ONCE_USEC);

  wait_while_unknown (sink, PROBE_BOUND_SECONDS);
  g_assert_cmpint (limber_speech_cues_get_availability (sink), ==, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);

  /* Cues are dropped from now on, at once. */
  notified = 0;
  play_every_cue (LIMBER_CUE_SINK (sink));
  run_main_context_for (100);
  g_assert_cmpint (limber_speech_cues_get_availability (sink), ==, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);
  g_assert_cmpuint (notified, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&sink));
}

static void
test_speech_turned_on (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(LimberSpeechCues) sink = limber_speech_cues_new (settings);

  /* A preferences row learns whether speech works without waiting for a
   * routine. */
  g_settings_set_boolean (settings, "speak-instructions", TRUE);
  wait_while_unknown (sink, PROBE_BOUND_SECONDS);
  g_assert_cmpint (limber_speech_cues_get_availability (sink), ==, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);

  g_assert_finalize_object (g_steal_pointer (&sink));
}

static void
test_speech_dispose_with_cues_queued (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  LimberSpeechCues *first = limber_speech_cues_new (settings);
  g_autoptr(LimberSpeechCues) second = NULL;

  g_settings_set_boolean (settings, "speak-instructions", TRUE);
  play_every_cue (LIMBER_CUE_SINK (first));
  /* Nothing on the speech thread holds the object. */
  g_assert_finalize_object (first);

  /* Speech jobs run in order, so once the second sink has its answer the
   * first one's jobs are over too. */
  second = limber_speech_cues_new (settings);
  limber_cue_sink_play (LIMBER_CUE_SINK (second), &step_start);
  wait_while_unknown (second, PROBE_BOUND_SECONDS);
  g_assert_cmpint (limber_speech_cues_get_availability (second), ==, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);

  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&second));
}

#ifdef HAVE_SPEECHD
/* A server that takes connections and never answers: the worst case for a
 * sink that talked to speech-dispatcher on the main thread. */
typedef struct
{
  char    *folder;
  char    *path;
  GSocket *listener;
} HungServer;

static HungServer *
hung_server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autofree char *speechd_address = NULL;
  HungServer *server = g_new0 (HungServer, 1);

  server->folder = g_dir_make_tmp ("limber-speech-XXXXXX", &error);
  g_assert_no_error (error);
  server->path = g_build_filename (server->folder, "speechd.sock", NULL);

  server->listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                   G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (server->path);
  g_socket_bind (server->listener, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_listen (server->listener, &error);
  g_assert_no_error (error);

  /* No speech job reads the environment now: the earlier tests waited
   * for theirs. */
  speechd_address = g_strconcat ("unix_socket:", server->path, NULL);
  g_setenv ("SPEECHD_ADDRESS", speechd_address, TRUE);

  return server;
}

/* Goes away without a word. */
static void
hung_server_stop (HungServer *server)
{
  g_autoptr(GError) error = NULL;

  g_socket_close (server->listener, &error);
  g_assert_no_error (error);
  g_object_unref (server->listener);
  g_unlink (server->path);
  g_rmdir (server->folder);
  g_free (server->path);
  g_free (server->folder);
  g_free (server);
}

static void
test_speech_server_hangs (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(LimberSpeechCues) sink = limber_speech_cues_new (settings);
  HungServer *server = hung_server_start ();

  g_settings_set_boolean (settings, "speak-instructions", TRUE);
  play_every_cue (LIMBER_CUE_SINK (sink));

  run_main_context_for (300);
  g_assert_cmpint (limber_speech_cues_get_availability (sink), ==, LIMBER_SPEECH_AVAILABILITY_UNKNOWN);

  /* The connection was made, but nothing ever answered on it. */
  hung_server_stop (server);
  wait_while_unknown (sink, PROBE_BOUND_SECONDS);
  g_assert_cmpint (limber_speech_cues_get_availability (sink), ==, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);

  g_setenv ("SPEECHD_ADDRESS", NO_SPEECH_SERVER, TRUE);
  g_assert_finalize_object (g_steal_pointer (&sink));
}

static void
test_speech_dispose_while_probing (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  LimberSpeechCues *first = limber_speech_cues_new (settings);
  g_autoptr(LimberSpeechCues) second = NULL;
  HungServer *server = hung_server_start ();

  g_settings_set_boolean (settings, "speak-instructions", TRUE);
  play_every_cue (LIMBER_CUE_SINK (first));
  run_main_context_for (300);
  g_assert_cmpint (limber_speech_cues_get_availability (first), ==, LIMBER_SPEECH_AVAILABILITY_UNKNOWN);

  /* The speech thread is inside spd_open2() now. */
  g_assert_finalize_object (first);

  /* That thread read the address long ago; the second sink's probe has
   * not started. */
  g_setenv ("SPEECHD_ADDRESS", NO_SPEECH_SERVER, TRUE);
  second = limber_speech_cues_new (settings);
  limber_cue_sink_play (LIMBER_CUE_SINK (second), &step_start);

  /* The first probe ends, its answer goes nowhere, then the second's. */
  hung_server_stop (server);
  wait_while_unknown (second, PROBE_BOUND_SECONDS);
  g_assert_cmpint (limber_speech_cues_get_availability (second), ==, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);

  drain_main_context ();
  g_assert_finalize_object (g_steal_pointer (&second));
}
#endif

int
main (int   argc,
      char *argv[])
{
  /* Before any thread starts. canberra has no null driver on Debian, so
   * this is a sound server that is not there; set CANBERRA_DRIVER to try
   * another. */
  g_setenv ("CANBERRA_DRIVER", "null", FALSE);
  g_setenv ("SPEECHD_ADDRESS", NO_SPEECH_SERVER, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sound-cues/muted", test_sound_muted);
  g_test_add_func ("/sound-cues/countdown", test_sound_countdown);
  g_test_add_func ("/sound-cues/without-server", test_sound_without_server);
  g_test_add_func ("/speech-cues/off", test_speech_off);
  g_test_add_func ("/speech-cues/without-server", test_speech_without_server);
  g_test_add_func ("/speech-cues/turned-on", test_speech_turned_on);
  g_test_add_func ("/speech-cues/dispose-with-cues-queued", test_speech_dispose_with_cues_queued);
#ifdef HAVE_SPEECHD
  g_test_add_func ("/speech-cues/server-hangs", test_speech_server_hangs);
  g_test_add_func ("/speech-cues/dispose-while-probing", test_speech_dispose_while_probing);
#endif

  return g_test_run ();
}
