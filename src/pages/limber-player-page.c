/* limber-player-page.c
 *
 * The page only shows the player's state and forwards presses; the player
 * keeps the time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-player-page"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-application.h"
#include "limber-figure.h"
#include "limber-format.h"
#include "limber-player-page.h"
#include "widgets/limber-body-map.h"
#include "widgets/limber-timer-ring.h"

/* Side by side when the page is this much wider than tall. */
#define LANDSCAPE_RATIO 1.2
/* Below this height or width, smaller type and a tighter layout. */
#define COMPACT_HEIGHT 720
#define COMPACT_WIDTH  720
/* Beside the words, the ring keeps at least this width, or its caption
 * would be cut short: long words wrap more, or give way (fit_words()). */
#define LANDSCAPE_RING_MIN_WIDTH 240

struct _LimberPlayerPage
{
  GtkWidget        parent_instance;

  /* template */
  GtkStack        *stack;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkBox          *body_box;
  LimberTimerRing *ring;
  GtkBox          *info_box;
  LimberBodyMap   *figure;
  GtkLabel        *side_label;
  GtkLabel        *region_label;
  GtkLabel        *instruction_label;
  GtkLabel        *detail_label;
  GtkLabel        *next_label;
  GtkWidget       *next_card;
  GtkBox          *controls;
  GtkButton       *pause_button;
  GtkLabel        *finish_title;
  GtkLabel        *finish_summary;
  GtkLabel        *hurt_note;
  GtkListBox      *done_list;
  GtkWidget       *after_box;
  LimberSorenessRating *after_rating;
  GtkWidget       *done_button;

  LimberCatalogue *catalogue;
  LimberPlayer    *player;
  GHashTable      *equipment_at_hand;
  GtkWidget       *dialog;
  GtkEventController *keys;         /* on the window while mapped */
  gboolean         inhibiting;
  guint            inhibit_cookie;  /* 0 where no session manager answers */
  LimberRoutine   *shown_routine;
  LimberSide       shown_side;
  int              layout;           /* -1 unknown, else landscape << 1 | compact */
  guint            n_dropped;        /* words left out for room: see fit_words() */
  int              fitted_width;
  int              fitted_height;
  gboolean         escape_stays;     /* a kiosk: Escape does nothing */
};

G_DEFINE_FINAL_TYPE (LimberPlayerPage, limber_player_page, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  PLAY_AGAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
side_text (LimberSide side)
{
  switch (side)
    {
    case LIMBER_SIDE_LEFT:
      return _("Left side");
    case LIMBER_SIDE_RIGHT:
      return _("Right side");
    case LIMBER_SIDE_BOTH:
      return _("Both sides");
    case LIMBER_SIDE_NONE:
    default:
      return NULL;
    }
}

static GtkApplication *
get_application (LimberPlayerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
}

/* The screen stays on while a routine plays, and only then. */
static void
update_inhibit (LimberPlayerPage *self)
{
  GtkApplication *app = get_application (self);
  LimberPlayerState state = self->player ? limber_player_get_state (self->player) : LIMBER_PLAYER_STATE_STOPPED;
  gboolean playing = state != LIMBER_PLAYER_STATE_STOPPED && state != LIMBER_PLAYER_STATE_PAUSED
                     && state != LIMBER_PLAYER_STATE_FINISHED && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (playing == self->inhibiting || (playing && app == NULL))
    return;

  self->inhibiting = playing;
  if (playing)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("A routine is playing"));
  else if (self->inhibit_cookie != 0)
    {
      if (app != NULL)
        gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static gint64
get_remaining_cb (gpointer  user_data,
                  gint64   *duration)
{
  LimberPlayerPage *self = user_data;

  if (self->player == NULL)
    {
      *duration = 0;
      return 0;
    }

  return limber_player_get_remaining (self->player, duration);
}

/* The regions of the routine's muscles, on the side being worked. */
static void
update_figure (LimberPlayerPage *self,
               LimberRoutine    *routine,
               LimberSide        side)
{
  const char * const *groups = limber_routine_get_primary (routine);
  GListModel *regions = limber_catalogue_get_regions (self->catalogue);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *region_text = NULL;
  const char *view = NULL;

  if (routine == self->shown_routine && side == self->shown_side)
    return;
  self->shown_routine = routine;
  self->shown_side = side;

  limber_body_map_unselect_all (self->figure);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(LimberRegion) region = g_list_model_get_item (regions, i);
      LimberSide region_side = limber_region_get_side (region);

      if (!g_strv_contains (groups, limber_region_get_group (region)))
        continue;
      if ((side == LIMBER_SIDE_LEFT || side == LIMBER_SIDE_RIGHT)
          && region_side != LIMBER_SIDE_NONE && region_side != side)
        continue;

      limber_body_map_set_selected (self->figure, limber_region_get_svg_id (region), TRUE);
      if (view == NULL)
        view = limber_view_to_string (limber_region_get_view (region));
    }

  if (view != NULL)
    limber_body_map_set_view (self->figure, view);

  for (guint i = 0; groups[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer)limber_catalogue_get_group_name (self->catalogue, groups[i]));
  g_ptr_array_add (names, NULL);
  region_text = limber_format_list ((const char * const *)names->pdata);
  gtk_label_set_text (self->region_label, region_text);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* On a small screen, and in a language that runs long, the step's detail
 * and then what comes next give way rather than push the instruction off
 * the page: the routine's page showed the details before it started. They
 * come back as soon as they fit. */
static void
fit_words (LimberPlayerPage *self,
           int               width,
           int               height)
{
  const char *detail = gtk_label_get_text (self->detail_label);
  int min_width, min_height;

  self->fitted_width = width;
  self->fitted_height = height;
  if (width <= 0 || height <= 0)
    return;

  for (self->n_dropped = 0; ; self->n_dropped++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->detail_label), *detail != '\0' && self->n_dropped < 1);
      gtk_widget_set_visible (self->next_card, self->n_dropped < 2);
      if (self->n_dropped == 2)
        break;

      gtk_widget_measure (GTK_WIDGET (self->stack), GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->stack), GTK_ORIENTATION_HORIZONTAL, height, &min_width, NULL, NULL, NULL);
      if (min_height <= height && min_width <= width)
        break;
    }
}

static char *
describe_next (LimberPlayerPage *self)
{
  guint index = limber_player_get_index (self->player);
  LimberSide next_side = limber_player_get_next_side (self->player);

  if (limber_player_get_phase (self->player) == LIMBER_PLAYER_STATE_SWITCH_SIDES)
    return g_strdup (limber_step_get_instruction (limber_player_get_step (self->player, index)));
  if (next_side == LIMBER_SIDE_LEFT)
    return g_strdup (_("The same on the left side."));
  if (next_side == LIMBER_SIDE_RIGHT)
    return g_strdup (_("The same on the right side."));
  if (index + 1 < limber_player_get_n_steps (self->player))
    return g_strdup (limber_step_get_instruction (limber_player_get_step (self->player, index + 1)));

  return g_strdup (_("Nothing: this is the last step."));
}

static void
set_ring_state_class (LimberPlayerPage  *self,
                      LimberPlayerState  state)
{
  static const char * const classes[] = { "get-ready", "rest", "switch-sides", "paused" };
  const char *wanted = NULL;

  if (state == LIMBER_PLAYER_STATE_GET_READY)
    wanted = "get-ready";
  else if (state == LIMBER_PLAYER_STATE_REST)
    wanted = "rest";
  else if (state == LIMBER_PLAYER_STATE_SWITCH_SIDES)
    wanted = "switch-sides";
  else if (state == LIMBER_PLAYER_STATE_PAUSED)
    wanted = "paused";

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], wanted) == 0)
      gtk_widget_add_css_class (GTK_WIDGET (self->ring), classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->ring), classes[i]);
}

static void
show_finished (LimberPlayerPage *self)
{
  guint n = limber_player_get_n_steps (self->player);
  guint n_done = 0, n_hurt = 0, n_skipped = 0;
  g_autofree char *active = limber_format_duration (limber_player_get_active_time (self->player) / G_USEC_PER_SEC);
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->done_list))) != NULL)
    gtk_list_box_remove (self->done_list, child);

  for (guint i = 0; i < n; i++)
    {
      LimberStepStatus status = limber_player_get_step_status (self->player, i);
      LimberStep *step = limber_player_get_step (self->player, i);
      const char *icon, *status_text;
      GtkWidget *row;

      switch (status)
        {
        case LIMBER_STEP_STATUS_DONE:
          n_done++;
          icon = "emblem-ok-symbolic";
          status_text = _("Done");
          break;
        case LIMBER_STEP_STATUS_HURT:
          n_hurt++;
          icon = "dialog-warning-symbolic";
          status_text = _("Hurt");
          break;
        case LIMBER_STEP_STATUS_SKIPPED:
        case LIMBER_STEP_STATUS_PENDING:
        default:
          n_skipped++;
          icon = "media-skip-forward-symbolic";
          status_text = _("Skipped");
          break;
        }

      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", limber_step_get_instruction (step),
                          "subtitle", status_text,
                          "activatable", FALSE,
                          "focusable", FALSE,
                          NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", icon,
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      gtk_widget_add_css_class (row, status == LIMBER_STEP_STATUS_DONE ? "step-done"
                                     : status == LIMBER_STEP_STATUS_HURT ? "step-hurt" : "step-skipped");
      gtk_list_box_append (self->done_list, row);
    }

  gtk_label_set_text (self->finish_title, n_skipped == 0 && n_hurt == 0 ? _("Well Done") : _("Routine Over"));
  /* Translators: %s is a duration such as "4 min 10 s" */
  summary = g_strdup_printf (ngettext ("%s of work, %u of %u step done.",
                                       "%s of work, %u of %u steps done.", n),
                             active, n_done, n);
  gtk_label_set_text (self->finish_summary, summary);

  if (n_hurt > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u step hurt. Pain means too much pressure or the wrong "
                                                         "spot: next time press more lightly or choose a gentler "
                                                         "routine. If the pain stays, see a professional.",
                                                         "%u steps hurt. Pain means too much pressure or the wrong "
                                                         "spot: next time press more lightly or choose a gentler "
                                                         "routine. If the pain stays, see a professional.", n_hurt),
                                               n_hurt);
      gtk_label_set_text (self->hurt_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hurt_note), n_hurt > 0);

  gtk_stack_set_visible_child_name (self->stack, "finished");
  gtk_widget_grab_focus (self->done_button);
}

static void
update_actions (LimberPlayerPage  *self,
                LimberPlayerState  state)
{
  gboolean playing = state != LIMBER_PLAYER_STATE_STOPPED && state != LIMBER_PLAYER_STATE_FINISHED;
  LimberPlayerState phase = self->player ? limber_player_get_phase (self->player) : state;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.toggle-pause", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.previous", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.next", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.restart-step",
                                 playing && phase != LIMBER_PLAYER_STATE_REST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.more-time", playing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.this-hurts",
                                 playing && phase != LIMBER_PLAYER_STATE_REST);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.done", state == LIMBER_PLAYER_STATE_FINISHED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.play-again", state == LIMBER_PLAYER_STATE_FINISHED);
}

static void
update (LimberPlayerPage *self)
{
  LimberPlayerState state = limber_player_get_state (self->player);
  LimberPlayerState phase = limber_player_get_phase (self->player);
  guint index = limber_player_get_index (self->player);
  guint n = limber_player_get_n_steps (self->player);
  LimberStep *step;
  LimberRoutine *routine;
  g_autofree char *progress = NULL;
  g_autofree char *next = NULL;
  gint64 planned;

  update_actions (self, state);
  update_inhibit (self);

  if (state == LIMBER_PLAYER_STATE_FINISHED)
    {
      limber_timer_ring_set_running (self->ring, FALSE);
      if (!limber_player_get_stopped_early (self->player))
        show_finished (self);
      return;
    }

  if (state == LIMBER_PLAYER_STATE_STOPPED)
    return;

  gtk_stack_set_visible_child_name (self->stack, "playing");
  step = limber_player_get_step (self->player, index);
  routine = limber_player_get_routine (self->player, index);

  /* Translators: progress through a routine, e.g. "Step 2 of 5" */
  progress = g_strdup_printf (_("Step %u of %u"), MIN (index + 1, n), n);
  gtk_label_set_text (self->progress_label, progress);
  planned = limber_player_get_planned_time (self->player);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 planned > 0 ? (double)limber_player_get_position (self->player) / planned : 0);

  switch (phase)
    {
    case LIMBER_PLAYER_STATE_SWITCH_SIDES:
      set_label (self->instruction_label, _("Switch sides"));
      set_label (self->detail_label, _("Get ready to do the same on the other side."));
      limber_timer_ring_set_caption (self->ring, _("Switch sides"));
      break;

    case LIMBER_PLAYER_STATE_REST:
      set_label (self->instruction_label, _("Rest"));
      set_label (self->detail_label, _("Relax and breathe slowly. The next step starts when the time is up."));
      limber_timer_ring_set_caption (self->ring, _("Rest"));
      break;

    case LIMBER_PLAYER_STATE_GET_READY:
      set_label (self->instruction_label, limber_step_get_instruction (step));
      set_label (self->detail_label, limber_step_get_detail (step));
      limber_timer_ring_set_caption (self->ring, _("Get ready"));
      break;

    case LIMBER_PLAYER_STATE_RUNNING:
    case LIMBER_PLAYER_STATE_STOPPED:
    case LIMBER_PLAYER_STATE_PAUSED:
    case LIMBER_PLAYER_STATE_FINISHED:
    default:
      set_label (self->instruction_label, limber_step_get_instruction (step));
      set_label (self->detail_label, limber_step_get_detail (step));
      if (limber_step_get_reps (step) > 0)
        {
          g_autofree char *reps = g_strdup_printf (ngettext ("%u slow repetition", "%u slow repetitions",
                                                             limber_step_get_reps (step)),
                                                   limber_step_get_reps (step));
          limber_timer_ring_set_caption (self->ring, reps);
        }
      else
        limber_timer_ring_set_caption (self->ring, NULL);
      break;
    }

  if (state == LIMBER_PLAYER_STATE_PAUSED)
    limber_timer_ring_set_caption (self->ring, _("Paused"));

  set_label (self->side_label, phase == LIMBER_PLAYER_STATE_REST ? NULL : side_text (limber_player_get_side (self->player)));
  update_figure (self, routine, limber_player_get_side (self->player));
  next = describe_next (self);
  gtk_label_set_text (self->next_label, next);

  fit_words (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));

  set_ring_state_class (self, state);
  limber_timer_ring_set_running (self->ring, state != LIMBER_PLAYER_STATE_PAUSED);
  limber_timer_ring_update (self->ring);

  gtk_button_set_icon_name (self->pause_button, state == LIMBER_PLAYER_STATE_PAUSED
                                                ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->pause_button),
                               state == LIMBER_PLAYER_STATE_PAUSED ? _("Resume") : _("Pause"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  state == LIMBER_PLAYER_STATE_PAUSED ? _("Resume") : _("Pause"),
                                  -1);
}

static void
on_player_changed_cb (LimberPlayer     *player,
                      LimberPlayerPage *self)
{
  update (self);
}

static void
on_player_cue_cb (LimberPlayer     *player,
                  const LimberCue  *cue,
                  LimberPlayerPage *self)
{
  GtkApplication *app = get_application (self);

  /* Seen as well as heard: for deaf people and noisy gyms. */
  if (cue->kind == LIMBER_CUE_STEP_START || cue->kind == LIMBER_CUE_SWITCH_SIDES
      || cue->kind == LIMBER_CUE_REST || cue->kind == LIMBER_CUE_DONE)
    limber_timer_ring_flash (self->ring);

  if (LIMBER_IS_APPLICATION (app))
    limber_application_play_cue (LIMBER_APPLICATION (app), cue);
}

static void
on_hurt_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LimberPlayerPage *self)
{
  LimberRoutine *gentler = g_object_get_data (G_OBJECT (dialog), "gentler");

  self->dialog = NULL;
  if (self->player == NULL)
    return;

  if (g_str_equal (response, "gentler") && gentler != NULL)
    {
      limber_player_replace_routine (self->player, gentler);
      limber_player_resume (self->player);
    }
  else if (g_str_equal (response, "stop"))
    g_signal_emit (self, signals[LEAVE], 0);
  else
    limber_player_resume (self->player);
}

static void
on_player_hurt_cb (LimberPlayer     *player,
                   LimberRoutine    *routine,
                   LimberStep       *step,
                   LimberPlayerPage *self)
{
  LimberRoutine *gentler;
  AdwMessageDialog *dialog;
  gboolean more = limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED;

  if (!more)
    return;

  gentler = limber_catalogue_find_gentler (self->catalogue, routine, self->equipment_at_hand);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Stop Where It Hurts"), NULL));
  adw_message_dialog_set_body (dialog,
                               gentler != NULL
                               ? _("Pain means too much pressure or the wrong spot. Rest a moment. "
                                   "A gentler routine for the same muscles may suit you better today.")
                               : _("Pain means too much pressure or the wrong spot. Rest a moment, "
                                   "then go on more lightly or stop. If the pain stays, see a professional."));
  adw_message_dialog_add_response (dialog, "stop", _("_Stop Routine"));
  adw_message_dialog_add_response (dialog, "continue", _("_Next Step"));
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  if (gentler != NULL)
    {
      /* Translators: %s is the title of a routine */
      g_autofree char *label = g_strdup_printf (_("Try “%s”"), limber_routine_get_title (gentler));

      adw_message_dialog_add_response (dialog, "gentler", label);
      adw_message_dialog_set_response_appearance (dialog, "gentler", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "gentler");
      g_object_set_data_full (G_OBJECT (dialog), "gentler", g_object_ref (gentler), g_object_unref);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_hurt_response_cb), self);
  self->dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_leave_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      LimberPlayerPage *self)
{
  gboolean was_playing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "was-playing"));

  self->dialog = NULL;
  if (self->player == NULL)
    return;

  if (g_str_equal (response, "stop"))
    {
      limber_player_stop (self->player);
      g_signal_emit (self, signals[LEAVE], 0);
    }
  else if (was_playing)
    limber_player_resume (self->player);
}

/**
 * limber_player_page_request_leave:
 *
 * Leaves at once when the routine is over; otherwise pauses and asks first.
 */
void
limber_player_page_request_leave (LimberPlayerPage *self)
{
  AdwMessageDialog *dialog;
  gboolean was_playing;

  g_return_if_fail (LIMBER_IS_PLAYER_PAGE (self));

  if (self->player == NULL || limber_player_get_state (self->player) == LIMBER_PLAYER_STATE_FINISHED)
    {
      g_signal_emit (self, signals[LEAVE], 0);
      return;
    }
  if (self->dialog != NULL)
    return;

  was_playing = !limber_player_get_paused (self->player);
  limber_player_pause (self->player);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Stop the Routine?"),
                                                       _("The routine stops here. You can start it again "
                                                         "from the beginning at any time.")));
  adw_message_dialog_add_responses (dialog,
                                    "continue", _("_Keep Going"),
                                    "stop", _("_Stop"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "continue");
  g_object_set_data (G_OBJECT (dialog), "was-playing", GINT_TO_POINTER (was_playing));
  g_signal_connect (dialog, "response", G_CALLBACK (on_leave_response_cb), self);
  self->dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toggle_pause_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberPlayerPage *self = LIMBER_PLAYER_PAGE (widget);

  if (limber_player_get_paused (self->player))
    limber_player_resume (self->player);
  else
    limber_player_pause (self->player);
}

static void
previous_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  limber_player_previous (LIMBER_PLAYER_PAGE (widget)->player);
}

static void
next_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  limber_player_next (LIMBER_PLAYER_PAGE (widget)->player);
}

static void
restart_step_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  limber_player_restart_step (LIMBER_PLAYER_PAGE (widget)->player);
}

static void
more_time_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  limber_player_add_time (LIMBER_PLAYER_PAGE (widget)->player, LIMBER_PLAYER_EXTRA_SECONDS);
}

static void
this_hurts_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  limber_player_this_hurts (LIMBER_PLAYER_PAGE (widget)->player);
}

static void
leave_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  limber_player_page_request_leave (LIMBER_PLAYER_PAGE (widget));
}

static void
done_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  g_signal_emit (widget, signals[LEAVE], 0);
}

static void
play_again_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[PLAY_AGAIN], 0);
}

/* Ring beside the words when the page is wide, above them when it is tall;
 * smaller type when the window is small. Decided here rather than by the
 * window so the page also fits a kiosk's portrait screen. */
static void
apply_layout (LimberPlayerPage *self,
              int               width,
              int               height)
{
  gboolean landscape = width >= height * LANDSCAPE_RATIO;
  gboolean compact = height < COMPACT_HEIGHT || width < COMPACT_WIDTH;
  int layout = (landscape << 1) | compact;

  if (layout == self->layout)
    return;
  self->layout = layout;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body_box),
                                  landscape ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self->ring), landscape ? LANDSCAPE_RING_MIN_WIDTH : -1, -1);
  /* On a tall screen the ring takes the spare height, centred, and the
   * words sit just above the controls, within reach of the eye and hand. */
  gtk_widget_set_valign (GTK_WIDGET (self->info_box), landscape ? GTK_ALIGN_CENTER : GTK_ALIGN_END);
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->controls),
                                  width < COMPACT_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
limber_player_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  LimberPlayerPage *self = LIMBER_PLAYER_PAGE (widget);

  apply_layout (self, width, height);
  if (width != self->fitted_width || height != self->fitted_height)
    fit_words (self, width, height);
  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
limber_player_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (LIMBER_PLAYER_PAGE (widget)->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Space, Left, Right and Escape work wherever the focus is in the window
 * (the header's back button, a control), so a focused button never
 * swallows them; only while the page shows. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   LimberPlayerPage      *self)
{
  const char *action;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      action = "player.toggle-pause";
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = "player.previous";
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = "player.next";
      break;
    case GDK_KEY_Escape:
      if (self->escape_stays)
        return GDK_EVENT_PROPAGATE;
      action = "player.leave";
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
limber_player_page_map (GtkWidget *widget)
{
  LimberPlayerPage *self = LIMBER_PLAYER_PAGE (widget);

  GTK_WIDGET_CLASS (limber_player_page_parent_class)->map (widget);

  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect (self->keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (gtk_widget_get_root (widget)), self->keys);

  if (self->player != NULL)
    update_inhibit (self);
  gtk_widget_grab_focus (limber_player_page_get_finished_shown (self) ? self->done_button
                                                                      : GTK_WIDGET (self->pause_button));
}

static void
limber_player_page_unmap (GtkWidget *widget)
{
  LimberPlayerPage *self = LIMBER_PLAYER_PAGE (widget);

  if (self->keys != NULL)
    {
      GtkEventController *keys = g_steal_pointer (&self->keys);

      gtk_widget_remove_controller (gtk_event_controller_get_widget (keys), keys);
    }
  GTK_WIDGET_CLASS (limber_player_page_parent_class)->unmap (widget);
  update_inhibit (self);
}

static void
clear_player (LimberPlayerPage *self)
{
  if (self->player != NULL)
    g_signal_handlers_disconnect_by_data (self->player, self);
  g_clear_object (&self->player);
  self->shown_routine = NULL;
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->dialog)));
}

static void
limber_player_page_dispose (GObject *object)
{
  LimberPlayerPage *self = (LimberPlayerPage *)object;

  clear_player (self);
  update_inhibit (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PLAYER_PAGE);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->equipment_at_hand, g_hash_table_unref);

  G_OBJECT_CLASS (limber_player_page_parent_class)->dispose (object);
}

static void
limber_player_page_class_init (LimberPlayerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_player_page_dispose;
  widget_class->size_allocate = limber_player_page_size_allocate;
  widget_class->measure = limber_player_page_measure;
  widget_class->map = limber_player_page_map;
  widget_class->unmap = limber_player_page_unmap;

  /**
   * LimberPlayerPage::leave:
   *
   * The person is done with the player: finished, or stopped and confirmed.
   */
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PLAY_AGAIN] = g_signal_new ("play-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LIMBER_TYPE_BODY_MAP);
  g_type_ensure (LIMBER_TYPE_TIMER_RING);
  g_type_ensure (LIMBER_TYPE_SORENESS_RATING);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/limber-player-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, body_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, ring);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, info_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, figure);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, side_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, instruction_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, next_card);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, controls);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, finish_title);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, finish_summary);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, hurt_note);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, done_list);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, after_box);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, after_rating);
  gtk_widget_class_bind_template_child (widget_class, LimberPlayerPage, done_button);

  gtk_widget_class_install_action (widget_class, "player.toggle-pause", NULL, toggle_pause_cb);
  gtk_widget_class_install_action (widget_class, "player.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "player.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "player.restart-step", NULL, restart_step_cb);
  gtk_widget_class_install_action (widget_class, "player.more-time", NULL, more_time_cb);
  gtk_widget_class_install_action (widget_class, "player.this-hurts", NULL, this_hurts_cb);
  gtk_widget_class_install_action (widget_class, "player.leave", NULL, leave_cb);
  gtk_widget_class_install_action (widget_class, "player.done", NULL, done_cb);
  gtk_widget_class_install_action (widget_class, "player.play-again", NULL, play_again_cb);

  gtk_widget_class_set_css_name (widget_class, "player-page");
}

static void
limber_player_page_init (LimberPlayerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->layout = -1;
  limber_body_map_set_compact (self->figure, TRUE);
  limber_timer_ring_set_time_func (self->ring, get_remaining_cb, self, NULL);
  update_actions (self, LIMBER_PLAYER_STATE_STOPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.leave", TRUE);
}

GtkWidget *
limber_player_page_new (void)
{
  return g_object_new (LIMBER_TYPE_PLAYER_PAGE, NULL);
}

/**
 * limber_player_page_set_rating_regions:
 * @region_ids: (nullable): the places to rate when the session is over
 *
 * The finished page asks "How do they feel now?" for these places; with
 * none it does not ask.
 */
void
limber_player_page_set_rating_regions (LimberPlayerPage   *self,
                                       LimberCatalogue    *catalogue,
                                       const char * const *region_ids)
{
  g_return_if_fail (LIMBER_IS_PLAYER_PAGE (self));

  limber_soreness_rating_set_regions (self->after_rating, catalogue, region_ids);
  gtk_widget_set_visible (self->after_box, limber_soreness_rating_get_n_regions (self->after_rating) > 0);
}

/**
 * limber_player_page_get_after_rating:
 *
 * Returns: (transfer none): the scales on the finished page.
 */
LimberSorenessRating *
limber_player_page_get_after_rating (LimberPlayerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_PAGE (self), NULL);
  return self->after_rating;
}

/**
 * limber_player_page_set_player:
 * @equipment_at_hand: (nullable): limits what "this hurts" offers
 *
 * Shows @player, which may or may not have started yet.
 */
void
limber_player_page_set_player (LimberPlayerPage *self,
                               LimberCatalogue  *catalogue,
                               LimberPlayer     *player,
                               GHashTable       *equipment_at_hand)
{
  g_return_if_fail (LIMBER_IS_PLAYER_PAGE (self));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));
  g_return_if_fail (LIMBER_IS_PLAYER (player));

  clear_player (self);
  if (self->catalogue == NULL)
    {
      self->catalogue = g_object_ref (catalogue);
      limber_figure_load (self->figure, catalogue);
    }
  g_clear_pointer (&self->equipment_at_hand, g_hash_table_unref);
  if (equipment_at_hand != NULL)
    self->equipment_at_hand = g_hash_table_ref (equipment_at_hand);

  self->player = g_object_ref (player);
  g_signal_connect (player, "changed", G_CALLBACK (on_player_changed_cb), self);
  g_signal_connect (player, "cue", G_CALLBACK (on_player_cue_cb), self);
  g_signal_connect (player, "hurt", G_CALLBACK (on_player_hurt_cb), self);

  gtk_stack_set_visible_child_name (self->stack, "playing");
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

LimberPlayer *
limber_player_page_get_player (LimberPlayerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_PAGE (self), NULL);
  return self->player;
}

/**
 * limber_player_page_get_instruction:
 *
 * Returns: the instruction in large type, as shown.
 */
const char *
limber_player_page_get_instruction (LimberPlayerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_PAGE (self), NULL);
  return gtk_label_get_text (self->instruction_label);
}

/**
 * limber_player_page_get_side_text:
 *
 * Returns: (nullable): the side shown, or %NULL when none is.
 */
const char *
limber_player_page_get_side_text (LimberPlayerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->side_label)) ? gtk_label_get_text (self->side_label) : NULL;
}

gboolean
limber_player_page_get_finished_shown (LimberPlayerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "finished") == 0;
}

/**
 * limber_player_page_get_inhibiting:
 *
 * Returns: whether the page asked the session to keep the screen on.
 */
gboolean
limber_player_page_get_inhibiting (LimberPlayerPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAYER_PAGE (self), FALSE);
  return self->inhibiting;
}

/**
 * limber_player_page_clear:
 *
 * Lets go of the player (stopped first if it still plays) and of any
 * question on screen: for the next person at a kiosk.
 */
void
limber_player_page_clear (LimberPlayerPage *self)
{
  g_return_if_fail (LIMBER_IS_PLAYER_PAGE (self));

  if (self->player != NULL)
    limber_player_stop (self->player);
  clear_player (self);
  if (self->catalogue != NULL)
    limber_player_page_set_rating_regions (self, self->catalogue, NULL);
  gtk_stack_set_visible_child_name (self->stack, "playing");
  update_actions (self, LIMBER_PLAYER_STATE_STOPPED);
  update_inhibit (self);
}

/**
 * limber_player_page_set_escape_leaves:
 *
 * Whether Escape asks to stop the routine (the default). A kiosk turns it
 * off: there Escape does nothing anywhere.
 */
void
limber_player_page_set_escape_leaves (LimberPlayerPage *self,
                                      gboolean          escape_leaves)
{
  g_return_if_fail (LIMBER_IS_PLAYER_PAGE (self));
  self->escape_stays = !escape_leaves;
}
