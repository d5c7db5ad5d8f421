/* limber-application.c
 *
 * The application owns the models (catalogue, history, settings); windows receive
 * them and never reach for globals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-application"
#define G_SETTINGS_ENABLE_BACKEND

#include "config.h"

#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <gio/gsettingsbackend.h>
#include <glib/gi18n.h>

#include "core/limber-catalogue-loader.h"
#include "core/limber-history.h"
#include "core/limber-real-clock.h"
#include "limber-application-private.h"
#include "limber-language.h"
#include "limber-kiosk-guard.h"
#include "limber-pin.h"
#include "limber-sound-cues.h"
#include "limber-speech-cues.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication   parent_instance;

  LimberCatalogue *catalogue;
  char            *catalogue_problem;
  GStrv            extra_catalogues;   /* --catalogue, in the order given */
  GPtrArray       *drop_in_problems;   /* per skipped file: "file:line: reason" lines */
  GSettings       *settings;
  LimberHistory   *history;
  LimberClock     *clock;
  GPtrArray       *cue_sinks;          /* LimberCueSink */
  LimberSoundCues *sound_cues;
  LimberSpeechCues *speech_cues;
  char            *language;           /* NULL: the environment's */
  char            *environment_language;  /* LANGUAGE as Limber started */

  /* Kiosk mode: set for the whole run at start-up. */
  gboolean          kiosk_requested;   /* --kiosk */
  LimberKiosk      *kiosk;
  LimberKioskGuard *kiosk_guard;
  GSettings        *member_settings;   /* a person's choices; in memory in a kiosk */
  GtkCssProvider   *accent_provider;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

/* The choices a person makes as they go, remembered between runs at home;
 * a kiosk keeps them in memory and forgets them for the next person. */
static const char * const member_keys[] = { "body-view", "equipment-at-hand", "plan-minutes", NULL };

static const GOptionEntry options[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run as an unattended touch kiosk: full screen, no way out without the staff PIN, nothing personal kept"),
    NULL },
  { "hash-pin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Read a staff PIN (4 to 12 digits) from standard input, print the value to store in the kiosk-pin "
       "setting, and exit"),
    NULL },
  { "catalogue", 'c', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Load routines from this catalogue file or folder as well (may be given more than once)"),
    /* TRANSLATORS: placeholder in --help: a file or folder */
    N_("PATH") },
  { NULL }
};

/* One line from standard input, without echo on a terminal. */
static char *
read_pin_line (void)
{
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  char line[64];
  char *read;

  if (terminal)
    {
      g_printerr ("%s", _("Staff PIN: "));
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t)ECHO;
          tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
        }
      else
        terminal = FALSE;
    }

  read = fgets (line, sizeof line, stdin);

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (read == NULL)
    return NULL;
  /* A line too long for the buffer is no PIN either. */
  if (strchr (line, '\n') == NULL && !feof (stdin))
    return g_strdup ("");

  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* limber --hash-pin: what an administrator stores in kiosk-pin. */
static int
hash_pin (void)
{
  g_autofree char *pin = read_pin_line ();
  g_autofree char *stored = NULL;

  if (!limber_pin_is_valid (pin))
    {
      g_printerr (_("A staff PIN is 4 to 12 digits (0 to 9) and nothing else.\n"));
      if (pin != NULL)
        explicit_bzero (pin, strlen (pin));
      return 2;
    }

  stored = limber_pin_hash (pin);
  explicit_bzero (pin, strlen (pin));
  g_print ("%s\n", stored);

  return 0;
}

static int
limber_application_handle_local_options (GApplication *app,
                                         GVariantDict *dict)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("limber %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (dict, "hash-pin"))
    return hash_pin ();

  /* g_settings_new() aborts on a missing schema; say what is wrong instead. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr (_("The settings schema %s is not installed. Install Limber, or run it with "
                    "build-aux/run.sh from its source tree.\n"), APP_ID);
      return 1;
    }

  g_variant_dict_lookup (dict, "catalogue", "^aay", &self->extra_catalogues);
  self->kiosk_requested = g_variant_dict_contains (dict, "kiosk");

  return -1;
}

static void
on_safety_notice_response_cb (AdwMessageDialog  *dialog,
                              const char        *response,
                              LimberApplication *self)
{
  g_settings_set_boolean (self->settings, "safety-notice-seen", TRUE);
}

/* Said once on first run, and always in About. */
static void
show_safety_notice (LimberApplication *self,
                    GtkWindow         *parent)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Before You Start"), limber_application_get_safety_notice ());
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_I Understand"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_safety_notice_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
limber_application_activate (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (limber_window_new (self));
      if (self->kiosk_guard != NULL)
        limber_kiosk_guard_set_main_window (self->kiosk_guard, window);
      else
        /* The map is where people start, with the keyboard too. */
        gtk_widget_grab_focus (GTK_WIDGET (limber_map_page_get_body_map (limber_window_get_map_page (LIMBER_WINDOW (window)))));
    }

  gtk_window_present (window);

  /* A kiosk's welcome screen says it to every person instead. */
  if (self->kiosk == NULL && !g_settings_get_boolean (self->settings, "safety-notice-seen"))
    show_safety_notice (self, window);
}

static void
load_extra_catalogues (LimberApplication *self,
                       GPtrArray         *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (limber_catalogue_load_file (self->catalogue, g_ptr_array_index (files, i), &error))
        continue;

      /* Skipped, and everything else still loads. */
      g_printerr ("%s\n", error->message);
      g_ptr_array_add (self->drop_in_problems, g_strdup (error->message));
    }
}

/* Shipped first, then the system's and the user's drop-in folders, then
 * the command line: a later catalogue replaces a routine of the same id. */
static void
load_catalogues (LimberApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drop_ins = NULL;

  self->catalogue = limber_catalogue_new ();
  if (!limber_catalogue_load_resource (self->catalogue, LIMBER_CATALOGUE_RESOURCE, &error))
    {
      g_printerr ("%s\n", error->message);
      self->catalogue_problem = g_strdup (error->message);
      return;
    }

  drop_ins = limber_catalogue_list_drop_ins (g_get_system_data_dirs (), g_get_user_data_dir ());
  load_extra_catalogues (self, drop_ins);

  for (guint i = 0; self->extra_catalogues != NULL && self->extra_catalogues[i] != NULL; i++)
    {
      g_autoptr(GFile) path = g_file_new_for_commandline_arg (self->extra_catalogues[i]);
      g_autoptr(GPtrArray) files = limber_catalogue_list_files (path);

      load_extra_catalogues (self, files);
    }
}

static void
open_history (LimberApplication *self)
{
  g_autofree char *path = limber_history_default_path ();

  self->history = limber_history_open (path);
  if (limber_history_get_message (self->history) != NULL)
    g_printerr ("%s\n", limber_history_get_message (self->history));
}

static void
remove_accent (LimberApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (self->accent_provider != NULL && display != NULL)
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->accent_provider));
  g_clear_object (&self->accent_provider);
}

/* The gym's colour, from kiosk-accent, for buttons, selections and the
 * welcome screen; text on it stays readable when the colour is light. */
static void
apply_accent (LimberApplication *self)
{
  g_autofree char *accent = g_settings_get_string (self->settings, "kiosk-accent");
  g_autofree char *colour = NULL;
  g_autofree char *css = NULL;
  GdkRGBA rgba;
  double luminance;

  remove_accent (self);

  if (*accent == '\0')
    return;
  if (!gdk_rgba_parse (&rgba, accent))
    {
      g_warning ("The kiosk-accent setting “%s” is not a CSS colour; keeping Limber’s own", accent);
      return;
    }

  rgba.alpha = 1.0;
  colour = gdk_rgba_to_string (&rgba);
  luminance = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;
  css = g_strdup_printf ("@define-color accent_bg_color %s;\n"
                         "@define-color accent_color %s;\n"
                         "@define-color accent_fg_color %s;\n",
                         colour,
                         luminance > 0.5 ? "shade(@accent_bg_color, 0.55)" : colour,
                         luminance > 0.6 ? "rgba(0, 0, 0, 0.8)" : "white");

  self->accent_provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (self->accent_provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->accent_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

static void
on_accent_changed_cb (GSettings         *settings,
                      const char        *key,
                      LimberApplication *self)
{
  apply_accent (self);
}

/* Kiosk mode: no history, a person's choices in memory only, the idle
 * timing, and every window guarded from the first. */
/* The language a kiosk speaks to whoever comes next: kiosk-language, or
 * the environment's when it is empty. */
static void
use_kiosk_language (LimberApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "kiosk-language");

  limber_application_set_language (self, *language != '\0' ? language : NULL);
}

static void
start_kiosk (LimberApplication *self)
{
  g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();

  self->history = limber_history_new_disabled ();
  self->member_settings = g_settings_new_with_backend (APP_ID, memory);
  limber_application_reset_member_settings (self);

  self->kiosk = limber_kiosk_new (self->clock);
  g_settings_bind (self->settings, "kiosk-idle-seconds", self->kiosk, "idle-seconds", G_SETTINGS_BIND_GET);
  self->kiosk_guard = limber_kiosk_guard_new (self->kiosk);

  g_signal_connect (self->settings, "changed::kiosk-accent", G_CALLBACK (on_accent_changed_cb), self);
  apply_accent (self);

  /* The gym's language before any window shows, and again for each next
   * person: after the windows have started over, as it builds them anew. */
  use_kiosk_language (self);
  g_signal_connect_object (self->kiosk, "reset", G_CALLBACK (use_kiosk_language), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
limber_application_startup (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  gtk_widget_set_default_direction (limber_language_get_direction ());
  self->settings = g_settings_new (APP_ID);
  self->sound_cues = limber_sound_cues_new (self->settings);
  self->speech_cues = limber_speech_cues_new (self->settings);
  limber_application_add_cue_sink (self, LIMBER_CUE_SINK (self->sound_cues));
  limber_application_add_cue_sink (self, LIMBER_CUE_SINK (self->speech_cues));
  load_catalogues (self);

  /* Read once: a kiosk is one for the whole run. */
  if (self->kiosk_requested || g_settings_get_boolean (self->settings, "kiosk-mode"))
    start_kiosk (self);
  else
    {
      open_history (self);
      self->member_settings = g_object_ref (self->settings);
    }

  _limber_application_add_actions (self);
}

/* Every queued write lands before the process ends. */
static void
limber_application_shutdown (GApplication *app)
{
  LimberApplication *self = LIMBER_APPLICATION (app);

  if (self->history != NULL)
    limber_history_flush (self->history);

  G_APPLICATION_CLASS (limber_application_parent_class)->shutdown (app);
}

static void
limber_application_finalize (GObject *object)
{
  LimberApplication *self = (LimberApplication *)object;

  remove_accent (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->kiosk_guard);
  g_clear_object (&self->kiosk);
  g_clear_object (&self->member_settings);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_pointer (&self->catalogue_problem, g_free);
  g_clear_pointer (&self->extra_catalogues, g_strfreev);
  g_clear_pointer (&self->drop_in_problems, g_ptr_array_unref);
  g_clear_pointer (&self->cue_sinks, g_ptr_array_unref);
  g_clear_object (&self->sound_cues);
  g_clear_object (&self->speech_cues);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->environment_language, g_free);

  G_OBJECT_CLASS (limber_application_parent_class)->finalize (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = limber_application_finalize;
  app_class->activate = limber_application_activate;
  app_class->startup = limber_application_startup;
  app_class->shutdown = limber_application_shutdown;
  app_class->handle_local_options = limber_application_handle_local_options;
}

/* LIMBER_CLOCK_SPEED makes routines play faster than life: for
 * demonstrations, screenshots and endurance runs, never for a person. */
static LimberClock *
create_clock (void)
{
  const char *speed = g_getenv ("LIMBER_CLOCK_SPEED");

  return limber_real_clock_new (speed != NULL ? g_ascii_strtod (speed, NULL) : 1.0);
}

static void
limber_application_init (LimberApplication *self)
{
  self->drop_in_problems = g_ptr_array_new_with_free_func (g_free);
  self->cue_sinks = g_ptr_array_new_with_free_func (g_object_unref);
  self->clock = create_clock ();
  self->environment_language = g_strdup (g_getenv ("LANGUAGE"));
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Guided self-massage for sore muscles: foam rolling, "
                                              "stretching and trigger point routines."));
}

LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * limber_application_get_catalogue:
 *
 * Returns: (transfer none): the catalogue, kept for the application's lifetime.
 */
LimberCatalogue *
limber_application_get_catalogue (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->catalogue;
}

/**
 * limber_application_get_history:
 *
 * Returns: (transfer none): where sessions, ratings and favourites are kept;
 *   a history that keeps nothing when it cannot be opened.
 */
LimberHistory *
limber_application_get_history (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->history;
}

/**
 * limber_application_get_catalogue_problem:
 *
 * Returns: (nullable): why the shipped catalogue could not be loaded.
 */
const char *
limber_application_get_catalogue_problem (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->catalogue_problem;
}

GSettings *
limber_application_get_settings (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * limber_application_take_drop_in_problems:
 * @n_files: (out) (optional): how many files were skipped
 *
 * The problems of the extra catalogues that were skipped, to be shown once.
 *
 * Returns: (transfer full) (nullable): one "file:line: reason" per line, or
 * %NULL when there is nothing (left) to show.
 */
char *
limber_application_take_drop_in_problems (LimberApplication *self,
                                          guint             *n_files)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (n_files != NULL)
    *n_files = self->drop_in_problems->len;

  if (self->drop_in_problems->len == 0)
    return NULL;

  g_ptr_array_add (self->drop_in_problems, NULL);
  joined = g_strjoinv ("\n", (char **)self->drop_in_problems->pdata);
  g_ptr_array_set_size (self->drop_in_problems, 0);

  return g_steal_pointer (&joined);
}

/**
 * limber_application_get_clock:
 *
 * Returns: (transfer none): the clock routines play by.
 */
LimberClock *
limber_application_get_clock (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->clock;
}

/**
 * limber_application_set_clock:
 *
 * Replaces the clock, for tests; players already made keep theirs.
 */
void
limber_application_set_clock (LimberApplication *self,
                              LimberClock       *clock)
{
  g_return_if_fail (LIMBER_IS_APPLICATION (self));
  g_return_if_fail (LIMBER_IS_CLOCK (clock));
  g_set_object (&self->clock, clock);
  if (self->kiosk != NULL)
    limber_kiosk_set_clock (self->kiosk, clock);
}

/**
 * limber_application_add_cue_sink:
 *
 * Adds somewhere for the player's cues to go: sound, speech, a test's
 * recorder.
 */
void
limber_application_add_cue_sink (LimberApplication *self,
                                 LimberCueSink     *sink)
{
  g_return_if_fail (LIMBER_IS_APPLICATION (self));
  g_return_if_fail (LIMBER_IS_CUE_SINK (sink));
  g_ptr_array_add (self->cue_sinks, g_object_ref (sink));
}

/**
 * limber_application_play_cue:
 *
 * Hands @cue to every sink.
 */
void
limber_application_play_cue (LimberApplication *self,
                             const LimberCue   *cue)
{
  g_return_if_fail (LIMBER_IS_APPLICATION (self));

  for (guint i = 0; i < self->cue_sinks->len; i++)
    limber_cue_sink_play (g_ptr_array_index (self->cue_sinks, i), cue);
}

LimberSoundCues *
limber_application_get_sound_cues (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->sound_cues;
}

LimberSpeechCues *
limber_application_get_speech_cues (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->speech_cues;
}

/**
 * limber_application_set_language:
 * @language: (nullable): a language such as "de", or a list such as
 *   "de:fr", best first; %NULL or "" for the environment's
 *
 * Switches Limber to @language while it runs, the catalogue's text
 * included, and lays the windows out right to left when the language is
 * written so. The windows are built again, showing what they showed: GTK
 * widgets keep the words they were made with. What Limber has no
 * translation for stays English. The "app.language" action does the same.
 */
void
limber_application_set_language (LimberApplication *self,
                                 const char        *language)
{
  g_autoptr(GList) windows = NULL;
  GAction *action;

  g_return_if_fail (LIMBER_IS_APPLICATION (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (g_strcmp0 (language, self->language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);

  limber_language_set (self->language != NULL ? self->language : self->environment_language);
  gtk_widget_set_default_direction (limber_language_get_direction ());
  if (self->catalogue != NULL)
    limber_catalogue_set_languages (self->catalogue, NULL);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      LimberWindow *old = l->data;
      LimberWindow *window;

      if (!LIMBER_IS_WINDOW (old))
        continue;

      window = limber_window_new (self);
      if (self->kiosk_guard != NULL)
        limber_kiosk_guard_set_main_window (self->kiosk_guard, GTK_WINDOW (window));
      limber_window_take_state (window, old);
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_destroy (GTK_WINDOW (old));

      /* The notice went with the old window, unread: say it again, in the
       * new language (a kiosk's welcome screen says it instead). */
      if (self->kiosk == NULL && self->settings != NULL && !g_settings_get_boolean (self->settings, "safety-notice-seen"))
        show_safety_notice (self, GTK_WINDOW (window));
    }

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "language");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (self->language ? self->language : ""));
}

/**
 * limber_application_get_language:
 *
 * Returns: (nullable): the language set with
 * limber_application_set_language(), or %NULL for the environment's.
 */
const char *
limber_application_get_language (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->language;
}

/**
 * limber_application_get_safety_notice:
 *
 * Returns: that Limber is no substitute for a clinician, in a paragraph
 *   or two: said on first run, and on a kiosk's welcome screen.
 */
const char *
limber_application_get_safety_notice (void)
{
  return _("Limber guides self-massage and stretching. It is not medical advice "
           "and no substitute for a clinician.\n\n"
           "Discomfort is fine; pain is not: ease off if anything hurts. Never "
           "work on a fresh injury, and see a professional for pain that "
           "persists, numbness or swelling.");
}

/**
 * limber_application_get_kiosk:
 *
 * Returns: (transfer none) (nullable): the kiosk's timing and PIN tries in
 *   kiosk mode (--kiosk or the kiosk-mode setting), else %NULL.
 */
LimberKiosk *
limber_application_get_kiosk (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->kiosk;
}

/**
 * limber_application_get_member_settings:
 *
 * Returns: (transfer none): where the map's view, the equipment at hand
 *   and the planner's minutes are remembered: the application's settings,
 *   or in kiosk mode settings in memory that start from them and never
 *   write back.
 */
GSettings *
limber_application_get_member_settings (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);
  return self->member_settings;
}

/**
 * limber_application_reset_member_settings:
 *
 * In kiosk mode, forgets the last person's choices: the settings in memory
 * take the values of the real ones (an administrator's defaults) again.
 */
void
limber_application_reset_member_settings (LimberApplication *self)
{
  g_return_if_fail (LIMBER_IS_APPLICATION (self));

  if (self->member_settings == NULL || self->member_settings == self->settings)
    return;

  for (guint i = 0; member_keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (self->settings, member_keys[i]);

      g_settings_set_value (self->member_settings, member_keys[i], value);
    }
}

/**
 * limber_application_quit_kiosk:
 *
 * The staff's way out: closes every window without asking and quits. A
 * kiosk session that restarts Limber brings it straight back.
 */
void
limber_application_quit_kiosk (LimberApplication *self)
{
  GList *windows;

  g_return_if_fail (LIMBER_IS_APPLICATION (self));

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_quit (G_APPLICATION (self));
}
