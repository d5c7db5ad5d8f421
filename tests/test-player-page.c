/* test-player-page.c: from a routine page, Start, then pause, resume, next
 * and the finish screen, by touch and by keyboard, on a fake clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-fake-clock.h"
#include "limber-application.h"
#include "limber-test-utils.h"
#include "limber-window.h"
#include "widgets/limber-timer-ring.h"

/* A sink that keeps what it is given instead of playing it. */
#define TEST_TYPE_RECORDER (test_recorder_get_type ())
G_DECLARE_FINAL_TYPE (TestRecorder, test_recorder, TEST, RECORDER, GObject)

struct _TestRecorder
{
  GObject  parent_instance;
  GArray  *kinds;
  GPtrArray *texts;
};

static void test_recorder_sink_init (LimberCueSinkInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestRecorder, test_recorder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LIMBER_TYPE_CUE_SINK, test_recorder_sink_init))

static void
test_recorder_play (LimberCueSink   *sink,
                    const LimberCue *cue)
{
  TestRecorder *self = TEST_RECORDER (sink);

  g_array_append_val (self->kinds, cue->kind);
  g_ptr_array_add (self->texts, limber_cue_dup_spoken_text (cue));
}

static void
test_recorder_sink_init (LimberCueSinkInterface *iface)
{
  iface->play = test_recorder_play;
}

static void
test_recorder_finalize (GObject *object)
{
  TestRecorder *self = TEST_RECORDER (object);

  g_array_unref (self->kinds);
  g_ptr_array_unref (self->texts);
  G_OBJECT_CLASS (test_recorder_parent_class)->finalize (object);
}

static void
test_recorder_class_init (TestRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_recorder_finalize;
}

static void
test_recorder_init (TestRecorder *self)
{
  self->kinds = g_array_new (FALSE, FALSE, sizeof (LimberCueKind));
  self->texts = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
heard (TestRecorder  *recorder,
       LimberCueKind  kind,
       const char    *text)
{
  for (guint i = 0; i < recorder->kinds->len; i++)
    if (g_array_index (recorder->kinds, LimberCueKind, i) == kind
        && (text == NULL || g_strcmp0 (g_ptr_array_index (recorder->texts, i), text) == 0))
      return TRUE;

  return FALSE;
}

typedef struct
{
  LimberApplication *app;
  LimberWindow      *window;
  LimberClock       *clock;
  TestRecorder      *recorder;
  LimberPlayerPage  *page;
} Fixture;

static gboolean
find_tooltip_cb (GtkWidget  *widget,
                 const char *tooltip,
                 GtkWidget **found)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    {
      *found = widget;
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (find_tooltip_cb (child, tooltip, found))
      return TRUE;

  return FALSE;
}

/* Icon buttons are found by what their tooltip says. */
static GtkWidget *
find_button (Fixture    *fixture,
             const char *tooltip_or_label)
{
  GtkWidget *found = NULL;

  if (!find_tooltip_cb (GTK_WIDGET (fixture->window), tooltip_or_label, &found))
    found = limber_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, tooltip_or_label);
  if (found == NULL)
    g_error ("no button “%s” on the %s page", tooltip_or_label, limber_window_get_page_name (fixture->window));

  return found;
}

/* A tap, as a finger would: an X pointer press in the middle of the button. */
static void
tap (Fixture    *fixture,
     const char *tooltip_or_label)
{
  GtkWidget *button = find_button (fixture, tooltip_or_label);

  g_assert_true (gtk_widget_is_sensitive (button));
  limber_test_click (button, gtk_widget_get_width (button) / 2., gtk_widget_get_height (button) / 2.);
  limber_test_iterate (50);
}

static void
advance (Fixture *fixture,
         double   secs)
{
  limber_fake_clock_advance (LIMBER_FAKE_CLOCK (fixture->clock), (gint64)(secs * G_USEC_PER_SEC));
  limber_test_iterate (30);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
flash_is_over (gpointer data)
{
  return !limber_timer_ring_get_flashing (data);
}

static LimberPlayer *
player (Fixture *fixture)
{
  return limber_player_page_get_player (fixture->page);
}

static LimberTimerRing *
ring (Fixture *fixture)
{
  return LIMBER_TIMER_RING (limber_test_find_widget (GTK_WIDGET (fixture->page), LIMBER_TYPE_TIMER_RING, NULL));
}

/* One application for every test: a second one could not register on the
 * session bus in the same process. */
static Fixture shared;

static void
set_up_application (void)
{
  g_autoptr(GError) error = NULL;

  shared.app = limber_application_new ();
  g_application_set_flags (G_APPLICATION (shared.app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (shared.app), NULL, &error));
  g_settings_set_boolean (limber_application_get_settings (shared.app), "safety-notice-seen", TRUE);
  shared.clock = limber_fake_clock_new ();
  limber_application_set_clock (shared.app, shared.clock);
  shared.recorder = g_object_new (TEST_TYPE_RECORDER, NULL);
  limber_application_add_cue_sink (shared.app, LIMBER_CUE_SINK (shared.recorder));

  g_application_activate (G_APPLICATION (shared.app));
  shared.window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (shared.app)));
  gtk_window_set_default_size (GTK_WINDOW (shared.window), 1024, 600);
  g_assert_true (limber_test_wait_for (is_mapped, shared.window, 5000));
  shared.page = limber_window_get_player_page (shared.window);
}

/* As a tap on the response's button: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  limber_test_iterate (50);
}

static gboolean
has_dialog (gpointer data)
{
  return limber_test_find_dialog () != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return limber_test_find_dialog () == NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  *fixture = shared;
  g_array_set_size (fixture->recorder->kinds, 0);
  g_ptr_array_set_size (fixture->recorder->texts, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog = limber_test_find_dialog ();

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  limber_test_iterate (30);
  if ((dialog = limber_test_find_dialog ()) != NULL)
    respond (dialog, "stop");
  limber_test_iterate (30);
}

/* Opens a routine's page as the routine list would. */
static void
open_routine (Fixture    *fixture,
              const char *id)
{
  LimberRoutine *routine = limber_catalogue_lookup_routine (limber_application_get_catalogue (fixture->app), id);

  g_assert_nonnull (routine);
  g_signal_emit_by_name (limber_window_get_routine_list_page (fixture->window), "routine-activated", routine);
  limber_test_iterate (50);
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "routine");
}

static const char *
instruction_of (Fixture *fixture,
                guint    index)
{
  return limber_step_get_instruction (limber_player_get_step (player (fixture), index));
}

static void
test_play_by_touch (Fixture       *fixture,
                    gconstpointer  data)
{
  open_routine (fixture, "calves.roll");
  tap (fixture, "_Start Routine");

  /* The first instruction, in large type, with the side to work. */
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "player");
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_cmpstr (limber_player_page_get_instruction (fixture->page), ==, instruction_of (fixture, 0));
  g_assert_cmpstr (limber_player_page_get_side_text (fixture->page), ==, "Left side");
  g_assert_cmpstr (limber_timer_ring_get_caption (ring (fixture)), ==, "Get ready");
  g_assert_true (limber_player_page_get_inhibiting (fixture->page));
  g_assert_true (limber_timer_ring_get_ticking (ring (fixture)));

  advance (fixture, 3);
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_true (heard (fixture->recorder, LIMBER_CUE_GET_READY, NULL));
  g_assert_true (heard (fixture->recorder, LIMBER_CUE_STEP_START, NULL));
  g_assert_true (limber_timer_ring_get_flashing (ring (fixture)));
  advance (fixture, 10);
  g_assert_cmpstr (limber_timer_ring_get_text (ring (fixture)), ==, "50");

  /* Pause: once the flash is over nothing ticks, and the screen may blank. */
  tap (fixture, "Pause");
  g_assert_true (limber_test_wait_for (flash_is_over, ring (fixture), 3000));
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_PAUSED);
  g_assert_false (limber_timer_ring_get_ticking (ring (fixture)));
  g_assert_false (limber_player_page_get_inhibiting (fixture->page));
  g_assert_cmpuint (limber_fake_clock_get_n_alarms (LIMBER_FAKE_CLOCK (fixture->clock)), ==, 0);
  g_assert_cmpstr (limber_timer_ring_get_caption (ring (fixture)), ==, "Paused");
  advance (fixture, 600);
  g_assert_cmpstr (limber_timer_ring_get_text (ring (fixture)), ==, "50");

  tap (fixture, "Resume");
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_RUNNING);
  g_assert_true (limber_timer_ring_get_ticking (ring (fixture)));
  g_assert_true (limber_player_page_get_inhibiting (fixture->page));

  /* Next: the second step after a moment to get ready. */
  tap (fixture, "Next Step");
  g_assert_cmpuint (limber_player_get_index (player (fixture)), ==, 1);
  g_assert_cmpstr (limber_player_page_get_instruction (fixture->page), ==, instruction_of (fixture, 1));

  /* Its first side to the end: the switch is shown, big. */
  advance (fixture, 3 + limber_step_get_active_seconds (limber_player_get_step (player (fixture), 1)));
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_SWITCH_SIDES);
  g_assert_cmpstr (limber_player_page_get_side_text (fixture->page), ==, "Right side");
  g_assert_cmpstr (limber_player_page_get_instruction (fixture->page), ==, "Switch sides");
  g_assert_true (heard (fixture->recorder, LIMBER_CUE_SWITCH_SIDES, "Switch sides. Now the right side."));

  /* Played to the end, the finish screen says what was done. */
  while (limber_player_get_state (player (fixture)) != LIMBER_PLAYER_STATE_FINISHED)
    advance (fixture, 1);
  g_assert_true (limber_player_page_get_finished_shown (fixture->page));
  g_assert_true (heard (fixture->recorder, LIMBER_CUE_DONE, NULL));
  g_assert_false (limber_player_page_get_inhibiting (fixture->page));
  g_assert_nonnull (limber_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL, "Routine Over"));
  g_assert_cmpuint (limber_player_get_step_status (player (fixture), 0), ==, LIMBER_STEP_STATUS_SKIPPED);
  g_assert_cmpuint (limber_player_get_step_status (player (fixture), 1), ==, LIMBER_STEP_STATUS_DONE);

  tap (fixture, "_Done");
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "routine");
}

static void
test_play_by_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  AdwMessageDialog *dialog;

  open_routine (fixture, "calves.roll");
  gtk_widget_activate_action (widget, "win.start-routine", NULL);
  limber_test_iterate (50);
  advance (fixture, 3);
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_RUNNING);

  limber_test_press_key (widget, GDK_KEY_space, 0);
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_PAUSED);
  limber_test_press_key (widget, GDK_KEY_space, 0);
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_RUNNING);
  limber_test_press_key (widget, GDK_KEY_Right, 0);
  g_assert_cmpuint (limber_player_get_index (player (fixture)), ==, 1);
  limber_test_press_key (widget, GDK_KEY_Left, 0);
  g_assert_cmpuint (limber_player_get_index (player (fixture)), ==, 0);

  /* Escape asks first, and pauses while it asks. */
  limber_test_press_key (widget, GDK_KEY_Escape, 0);
  dialog = limber_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_PAUSED);
  respond (dialog, "continue");
  limber_test_iterate (50);
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "player");
  g_assert_cmpuint (limber_player_get_phase (player (fixture)), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_false (limber_player_get_paused (player (fixture)));

  g_assert_true (limber_test_wait_for (no_dialog, NULL, 3000));
  limber_test_press_key (widget, GDK_KEY_Escape, 0);
  g_assert_true (limber_test_wait_for (has_dialog, NULL, 3000));
  respond (limber_test_find_dialog (), "stop");
  limber_test_iterate (50);
  g_assert_cmpstr (limber_window_get_page_name (fixture->window), ==, "routine");
  g_assert_false (limber_player_page_get_inhibiting (fixture->page));
}

static void
test_this_hurts (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwMessageDialog *dialog;
  LimberRoutine *now_playing;

  open_routine (fixture, "calves.trigger-point");
  tap (fixture, "_Start Routine");
  advance (fixture, 5);

  tap (fixture, "This _Hurts");
  g_assert_cmpuint (limber_player_get_step_status (player (fixture), 0), ==, LIMBER_STEP_STATUS_HURT);
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_PAUSED);
  dialog = limber_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "gentler"));

  respond (dialog, "gentler");
  limber_test_iterate (50);
  now_playing = limber_player_get_routine (player (fixture), limber_player_get_index (player (fixture)));
  g_assert_cmpstr (limber_routine_get_id (now_playing), !=, "calves.trigger-point");
  g_assert_true (limber_routine_works_on (now_playing, "calves", TRUE));
  g_assert_cmpuint (limber_routine_get_level (now_playing), ==, LIMBER_LEVEL_GENTLE);
  g_assert_cmpuint (limber_player_get_state (player (fixture)), ==, LIMBER_PLAYER_STATE_GET_READY);
  g_assert_cmpstr (limber_player_page_get_instruction (fixture->page), ==,
                   instruction_of (fixture, limber_player_get_index (player (fixture))));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  limber_test_init_gui (&argc, &argv);
  set_up_application ();

  g_test_add ("/player-page/touch", Fixture, NULL, fixture_set_up, test_play_by_touch, fixture_tear_down);
  g_test_add ("/player-page/keyboard", Fixture, NULL, fixture_set_up, test_play_by_keyboard, fixture_tear_down);
  g_test_add ("/player-page/this-hurts", Fixture, NULL, fixture_set_up, test_this_hurts, fixture_tear_down);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (shared.window));
  limber_test_iterate (50);
  g_clear_object (&shared.recorder);
  g_clear_object (&shared.clock);
  /* A registered application outlives its last reference here: GLib keeps
   * it for its D-Bus exports. */
  g_clear_object (&shared.app);

  return status;
}
