/* limber-speech-cues.c
 *
 * Every call into libspeechd runs on one speech thread, in the order the
 * cues came: connecting can mean starting speech-dispatcher (seconds), and
 * even spd_say() waits for the server's answer, so none of it may happen on
 * the main thread. The thread sees only a SpeechLine, never the
 * LimberSpeechCues, and reports back through the main context with a weak
 * reference; disposing the object just queues the line's closing.
 *
 * Built without libspeechd, the type is still here and says it is
 * unavailable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-speech-cues"

#include "config.h"

#include <glib/gi18n.h>

#ifdef HAVE_SPEECHD
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <libspeechd.h>
#endif

#include "core/limber-cue.h"
#include "limber-speech-cues.h"

G_DEFINE_ENUM_TYPE (LimberSpeechAvailability, limber_speech_availability,
  G_DEFINE_ENUM_VALUE (LIMBER_SPEECH_AVAILABILITY_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (LIMBER_SPEECH_AVAILABILITY_AVAILABLE, "available"),
  G_DEFINE_ENUM_VALUE (LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE, "unavailable"))

#ifdef HAVE_SPEECHD

/* Starting speech-dispatcher takes a second or two; a server that has not
 * answered by then is as good as none. Should it answer later after all,
 * speech comes back. */
#define PROBE_TIMEOUT_SECONDS 15

typedef struct
{
  GWeakRef       owner;             /* the LimberSpeechCues */
  GMainContext  *main_context;      /* where the speech thread reports */
  int            generation;        /* atomic: bumped by each interrupting cue */
  int            closed;            /* atomic: the owner is gone */

  /* The speech thread's alone. */
  SPDConnection *connection;
  char          *language;
} SpeechLine;

typedef enum
{
  SPEECH_JOB_OPEN,
  SPEECH_JOB_SAY,
  SPEECH_JOB_CANCEL,
  SPEECH_JOB_CLOSE,
} SpeechJobKind;

typedef struct
{
  SpeechJobKind  kind;
  SpeechLine    *line;              /* a reference */
  int            generation;
  gboolean       interrupt;
  char          *language;
  char          *text;
} SpeechJob;

typedef struct
{
  SpeechLine               *line;   /* a reference */
  LimberSpeechAvailability  availability;
} SpeechReport;

#endif /* HAVE_SPEECHD */

struct _LimberSpeechCues
{
  GObject                   parent_instance;

  GSettings                *settings;
  gulong                    changed_id;
  LimberSpeechAvailability  availability;
#ifdef HAVE_SPEECHD
  SpeechLine               *line;
  gboolean                  probing;
  guint                     probe_timeout_id;
#endif
};

static void limber_speech_cues_cue_sink_init (LimberCueSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberSpeechCues, limber_speech_cues, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CUE_SINK,
                                                      limber_speech_cues_cue_sink_init))

enum {
  PROP_0,
  PROP_AVAILABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#ifdef HAVE_SPEECHD

static void
set_availability (LimberSpeechCues         *self,
                  LimberSpeechAvailability  availability)
{
  if (self->availability == availability)
    return;

  self->availability = availability;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABILITY]);
}

static void
speech_line_clear (gpointer data)
{
  SpeechLine *line = data;

  /* Normally closed by its last job already. */
  g_clear_pointer (&line->connection, spd_close);
  g_clear_pointer (&line->language, g_free);
  g_clear_pointer (&line->main_context, g_main_context_unref);
  g_weak_ref_clear (&line->owner);
}

static void
speech_line_unref (SpeechLine *line)
{
  g_atomic_rc_box_release_full (line, speech_line_clear);
}

static void
speech_job_free (SpeechJob *job)
{
  speech_line_unref (job->line);
  g_free (job->language);
  g_free (job->text);
  g_free (job);
}

static void
speech_report_free (gpointer data)
{
  SpeechReport *report = data;

  speech_line_unref (report->line);
  g_free (report);
}

static void
resolve_probe (LimberSpeechCues         *self,
               LimberSpeechAvailability  availability)
{
  self->probing = FALSE;
  g_clear_handle_id (&self->probe_timeout_id, g_source_remove);
  set_availability (self, availability);
}

static gboolean
report_cb (gpointer data)
{
  SpeechReport *report = data;
  g_autoptr(LimberSpeechCues) self = g_weak_ref_get (&report->line->owner);

  if (self != NULL)
    resolve_probe (self, report->availability);

  return G_SOURCE_REMOVE;
}

/* Called on the speech thread. g_main_context_invoke() would run the
 * callback right here when no thread is iterating the main context. */
static void
report (SpeechLine               *line,
        LimberSpeechAvailability  availability)
{
  SpeechReport *report = g_new0 (SpeechReport, 1);
  GSource *source = g_idle_source_new ();

  report->line = g_atomic_rc_box_acquire (line);
  report->availability = availability;

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_cb, report, speech_report_free);
  g_source_set_static_name (source, "[limber] speech availability");
  g_source_attach (source, line->main_context);
  g_source_unref (source);
}

static void
close_line (SpeechLine *line)
{
  g_clear_pointer (&line->connection, spd_close);
  g_clear_pointer (&line->language, g_free);
}

static gboolean
set_language (SpeechLine *line,
              const char *language)
{
  if (g_strcmp0 (line->language, language) == 0)
    return TRUE;

  if (spd_set_language (line->connection, language) != 0)
    return FALSE;

  g_free (line->language);
  line->language = g_strdup (language);
  return TRUE;
}

static void
open_line (SpeechLine *line,
           SpeechJob  *job)
{
  char *error = NULL;

  if (g_atomic_int_get (&line->closed))
    return;

  if (line->connection == NULL)
    {
      /* Autospawn: speech-dispatcher is normally started by its first
       * client. */
      line->connection = spd_open2 ("limber", "cues", NULL, SPD_MODE_THREADED, NULL, TRUE, &error);
      if (line->connection == NULL)
        {
          g_debug ("Speech is not available: %s", error != NULL ? error : "no reason given");
          free (error);
          report (line, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);
          return;
        }

      /* Closed while connecting: the closing job is next. */
      if (g_atomic_int_get (&line->closed))
        return;

      /* spd_open2() returns a connection even when the server never
       * answered; the first real command tells. */
      if (!set_language (line, job->language))
        {
          g_debug ("Speech is not available: speech-dispatcher does not answer");
          close_line (line);
          report (line, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);
          return;
        }
    }

  report (line, LIMBER_SPEECH_AVAILABILITY_AVAILABLE);
}

static void
say (SpeechLine *line,
     SpeechJob  *job)
{
  if (line->connection == NULL || g_atomic_int_get (&line->closed))
    return;

  /* A later cue interrupted this one before it was even said. */
  if (job->generation != g_atomic_int_get (&line->generation))
    return;

  if (job->interrupt)
    spd_cancel (line->connection);

  if (!set_language (line, job->language) ||
      spd_say (line->connection, SPD_MESSAGE, job->text) < 0)
    {
      g_debug ("Speech stopped: lost the connection to speech-dispatcher");
      close_line (line);
      report (line, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);
    }
}

static void
run_speech_job (gpointer data,
                gpointer user_data)
{
  SpeechJob *job = data;
  SpeechLine *line = job->line;

  switch (job->kind)
    {
    case SPEECH_JOB_OPEN:
      open_line (line, job);
      break;

    case SPEECH_JOB_SAY:
      say (line, job);
      break;

    case SPEECH_JOB_CANCEL:
      if (line->connection != NULL)
        spd_cancel (line->connection);
      break;

    case SPEECH_JOB_CLOSE:
      close_line (line);
      break;

    default:
      g_assert_not_reached ();
    }

  speech_job_free (job);
}

static GThreadPool *
get_speech_thread (void)
{
  static GThreadPool *pool = NULL;

  /* One thread for the whole process, so that jobs run in the order they
   * were queued, and a server that hangs holds up one thread, not one per
   * cue. */
  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_speech_job, NULL, 1, FALSE, NULL));

  return pool;
}

/* The language the text is actually in: the first of the person's
 * languages that Limber has a translation for, as gettext picks it, or
 * English. speech-dispatcher takes two-letter codes. */
static char *
dup_text_language (void)
{
  const char * const *names = g_get_language_names ();
  const char *locale_dir = bindtextdomain (GETTEXT_PACKAGE, NULL);

  for (gsize i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      g_autofree char *catalogue = NULL;

      if (strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0)
        break;

      if (!g_ascii_isalpha (name[0]) || !g_ascii_isalpha (name[1]) ||
          (name[2] != '\0' && strchr ("_.@", name[2]) == NULL))
        continue;

      catalogue = g_build_filename (locale_dir, name, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
        return g_ascii_strdown (name, 2);
    }

  return g_strdup ("en");
}

static void
queue_job (LimberSpeechCues *self,
           SpeechJobKind     kind,
           gboolean          interrupt,
           char             *text)
{
  SpeechJob *job = g_new0 (SpeechJob, 1);

  if (self->line == NULL)
    {
      self->line = g_atomic_rc_box_new0 (SpeechLine);
      g_weak_ref_init (&self->line->owner, self);
      self->line->main_context = g_main_context_ref_thread_default ();
    }

  if (interrupt)
    g_atomic_int_inc (&self->line->generation);

  job->kind = kind;
  job->line = g_atomic_rc_box_acquire (self->line);
  job->generation = g_atomic_int_get (&self->line->generation);
  job->interrupt = interrupt;
  job->language = dup_text_language ();
  job->text = text;

  g_thread_pool_push (get_speech_thread (), job, NULL);
}

static gboolean
probe_timed_out_cb (gpointer user_data)
{
  LimberSpeechCues *self = user_data;

  self->probe_timeout_id = 0;
  g_debug ("Speech is not available: speech-dispatcher did not answer in %d s",
           PROBE_TIMEOUT_SECONDS);
  /* Still probing: a late answer still counts. */
  set_availability (self, LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE);

  return G_SOURCE_REMOVE;
}

static void
start_probe (LimberSpeechCues *self)
{
  if (self->probing || self->availability == LIMBER_SPEECH_AVAILABILITY_AVAILABLE)
    return;

  self->probing = TRUE;
  set_availability (self, LIMBER_SPEECH_AVAILABILITY_UNKNOWN);
  queue_job (self, SPEECH_JOB_OPEN, FALSE, NULL);
  self->probe_timeout_id = g_timeout_add_seconds (PROBE_TIMEOUT_SECONDS, probe_timed_out_cb, self);
}

static gboolean
cue_interrupts (LimberCueKind kind)
{
  return kind == LIMBER_CUE_STEP_START ||
         kind == LIMBER_CUE_SWITCH_SIDES ||
         kind == LIMBER_CUE_REST ||
         kind == LIMBER_CUE_DONE;
}

#endif /* HAVE_SPEECHD */

static void
speak_instructions_changed_cb (LimberSpeechCues *self)
{
#ifdef HAVE_SPEECHD
  /* Turning speech on is when a preferences row wants to know whether it
   * works, and a way to try again after a failure; turning it off stops
   * the sentence in progress. */
  if (g_settings_get_boolean (self->settings, "speak-instructions"))
    start_probe (self);
  else if (self->line != NULL)
    queue_job (self, SPEECH_JOB_CANCEL, TRUE, NULL);
#endif
}

static void
limber_speech_cues_play (LimberCueSink   *sink,
                         const LimberCue *cue)
{
#ifdef HAVE_SPEECHD
  LimberSpeechCues *self = LIMBER_SPEECH_CUES (sink);
  g_autofree char *text = NULL;

  if (!g_settings_get_boolean (self->settings, "speak-instructions") ||
      self->availability == LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE)
    return;

  text = limber_cue_dup_spoken_text (cue);
  if (text == NULL || text[0] == '\0')
    return;

  /* Cues that come while the connection opens wait for it in the queue. */
  start_probe (self);
  queue_job (self, SPEECH_JOB_SAY, cue_interrupts (cue->kind), g_steal_pointer (&text));
#endif
}

static void
limber_speech_cues_cue_sink_init (LimberCueSinkInterface *iface)
{
  iface->play = limber_speech_cues_play;
}

static void
limber_speech_cues_dispose (GObject *object)
{
  LimberSpeechCues *self = LIMBER_SPEECH_CUES (object);

  g_clear_signal_handler (&self->changed_id, self->settings);
  g_clear_object (&self->settings);

#ifdef HAVE_SPEECHD
  g_clear_handle_id (&self->probe_timeout_id, g_source_remove);

  if (self->line != NULL)
    {
      /* The speech thread may be in the middle of connecting: it finds the
       * line closed, and closes the connection with the last job. */
      g_weak_ref_set (&self->line->owner, NULL);
      g_atomic_int_set (&self->line->closed, TRUE);
      queue_job (self, SPEECH_JOB_CLOSE, FALSE, NULL);
      g_clear_pointer (&self->line, speech_line_unref);
    }
#endif

  G_OBJECT_CLASS (limber_speech_cues_parent_class)->dispose (object);
}

static void
limber_speech_cues_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberSpeechCues *self = LIMBER_SPEECH_CUES (object);

  switch (prop_id)
    {
    case PROP_AVAILABILITY:
      g_value_set_enum (value, self->availability);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_speech_cues_class_init (LimberSpeechCuesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_speech_cues_dispose;
  object_class->get_property = limber_speech_cues_get_property;

  properties[PROP_AVAILABILITY] =
    g_param_spec_enum ("availability", NULL, NULL,
                       LIMBER_TYPE_SPEECH_AVAILABILITY, LIMBER_SPEECH_AVAILABILITY_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

#ifdef HAVE_SPEECHD
  /* libspeechd writes to its socket with write(): a speech-dispatcher that
   * quits mid-session would take Limber down with SIGPIPE. GLib's GSocket
   * ignores the signal process-wide for the same reason; make sure. */
  signal (SIGPIPE, SIG_IGN);
#endif
}

static void
limber_speech_cues_init (LimberSpeechCues *self)
{
#ifndef HAVE_SPEECHD
  self->availability = LIMBER_SPEECH_AVAILABILITY_UNAVAILABLE;
#endif
}

/**
 * limber_speech_cues_new:
 * @settings: the application's settings; `speak-instructions` is read at
 *   each cue
 *
 * Nothing connects to speech-dispatcher until a cue comes with
 * `speak-instructions` on, or the key is turned on.
 *
 * Returns: (transfer full): a cue sink that reads cues aloud.
 */
LimberSpeechCues *
limber_speech_cues_new (GSettings *settings)
{
  LimberSpeechCues *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_SPEECH_CUES, NULL);
  self->settings = g_object_ref (settings);
  self->changed_id = g_signal_connect_swapped (settings, "changed::speak-instructions",
                                               G_CALLBACK (speak_instructions_changed_cb), self);
  /* GSettings only tells of changes to keys that were read. */
  g_settings_get_boolean (settings, "speak-instructions");

  return self;
}

/**
 * limber_speech_cues_get_availability:
 *
 * Whether cues can be spoken. Unknown until speech is first wanted (or
 * while speech-dispatcher is being reached); always unavailable in a build
 * without libspeechd. Notifies `availability` when it changes.
 */
LimberSpeechAvailability
limber_speech_cues_get_availability (LimberSpeechCues *self)
{
  g_return_val_if_fail (LIMBER_IS_SPEECH_CUES (self), LIMBER_SPEECH_AVAILABILITY_UNKNOWN);

  return self->availability;
}
