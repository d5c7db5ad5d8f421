/* limber-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/limber-session.h"
#include "limber-format.h"
#include "limber-kiosk-panel.h"
#include "limber-window.h"
#include "pages/limber-region-choice.h"
#include "pages/limber-welcome-page.h"

/* The staff's hidden corner, held for LIMBER_KIOSK_HOLD_SECONDS: top
 * right on the screen as it is, whatever the direction of the language. */
#define STAFF_CORNER_SIZE 64
#define KIOSK_PLANNER_SIDE_BY_SIDE_WIDTH 1200


struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwHeaderBar         *header_bar;
  GtkWidget            *menu_button;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *start_button;
  GtkWidget            *history_button;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  LimberMapPage        *map_page;
  LimberRoutineListPage *routine_list_page;
  LimberRoutinePage    *routine_page;
  LimberPlannerPage    *planner_page;
  LimberPlayerPage     *player_page;
  LimberHistoryPage    *history_page;
  LimberSorenessRating *before_rating;
  AdwStatusPage        *broken_page;

  LimberCatalogue      *catalogue;
  LimberHistory        *history;
  GSettings            *settings;
  GSettings            *member_settings;   /* a person's choices: in memory in a kiosk */
  char                 *catalogue_problems;
  guint                 n_problem_files;
  char                 *player_return;     /* the page the player goes back to */

  /* The session being played, until it is kept in the history. */
  LimberPlayer         *pending_player;    /* waiting for the before rating */
  char                 *pending_title;
  GStrv                 session_regions;   /* the places rated before and after */
  LimberSessionRecord  *session;
  gint64                session_started;   /* Unix seconds */
  gboolean              session_kept;
  gboolean              replaying;         /* Play Again: no before rating */

  /* Kiosk mode only. */
  LimberKiosk          *kiosk;
  LimberWelcomePage    *welcome_page;
  LimberKioskPanel     *kiosk_panel;
  GtkWidget            *staff_corner;
  guint                 staff_hold;        /* an alarm on the kiosk's clock */
};

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

static void
save_window_state (LimberWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  save_window_state (LIMBER_WINDOW (window));

  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

/* Built when first asked for rather than with every window, as GTK would
 * do for gtk/help-overlay.ui: it is rarely opened and costs start-up time. */
static void
show_shortcuts_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/limber-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void update_kiosk_busy (LimberWindow *self);

/* Each page says where the person is; every page but the map has a way
 * back. A kiosk's welcome screen stands alone, without a header. */
static void
show_page (LimberWindow *self,
           const char   *name)
{
  gboolean on_map = g_str_equal (name, "map");
  gboolean on_welcome = g_str_equal (name, "welcome");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !on_welcome);
  gtk_widget_set_visible (self->back_button, !on_map && !on_welcome);
  gtk_widget_set_visible (self->start_button, g_str_equal (name, "routine") || g_str_equal (name, "planner"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->start_button),
                                  g_str_equal (name, "planner") ? "win.start-plan" : "win.start-routine");
  gtk_widget_set_tooltip_text (self->start_button, g_str_equal (name, "planner") ? _("Start Session") : _("Start Routine"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", !on_map && !on_welcome);

  if (on_map || on_welcome)
    {
      adw_window_title_set_title (self->window_title, "Limber");
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  else if (g_str_equal (name, "routines"))
    adw_window_title_set_title (self->window_title, _("Routines"));
  else if (g_str_equal (name, "routine"))
    adw_window_title_set_title (self->window_title, _("Routine"));
  else if (g_str_equal (name, "planner"))
    adw_window_title_set_title (self->window_title, _("Plan a Session"));
  else if (g_str_equal (name, "history"))
    {
      adw_window_title_set_title (self->window_title, _("History"));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
  gtk_widget_set_visible (self->history_button, on_map && self->kiosk == NULL);
  update_kiosk_busy (self);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "player") == 0)
    limber_player_page_request_leave (self->player_page);
  else if (g_strcmp0 (page, "rate") == 0)
    {
      g_clear_object (&self->pending_player);
      show_page (self, self->player_return != NULL ? self->player_return : "map");
    }
  else if (g_strcmp0 (page, "routine") == 0)
    show_page (self, "routines");
  else if (g_strcmp0 (page, "routines") == 0 || g_strcmp0 (page, "planner") == 0
           || g_strcmp0 (page, "history") == 0)
    show_page (self, "map");
}

/* The muscle groups of the selected regions, each once, in map order, and
 * their names for the subtitle. */
static GStrv
collect_selected_groups (LimberWindow *self,
                         char        **names)
{
  g_auto(GStrv) region_ids = limber_map_page_dup_selected_ids (self->map_page);
  g_autoptr(GStrvBuilder) groups = g_strv_builder_new ();
  g_autoptr(GPtrArray) group_names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; region_ids[i] != NULL; i++)
    {
      LimberRegion *region = limber_catalogue_lookup_region (self->catalogue, region_ids[i]);
      const char *group = region ? limber_region_get_group (region) : NULL;

      if (group == NULL || !g_hash_table_add (seen, (gpointer)group))
        continue;

      g_strv_builder_add (groups, group);
      g_ptr_array_add (group_names, (gpointer)limber_catalogue_get_group_name (self->catalogue, group));
    }

  g_ptr_array_add (group_names, NULL);
  *names = limber_format_list ((const char * const *)group_names->pdata);

  return g_strv_builder_end (groups);
}

static void
show_routines_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autofree char *names = NULL;
  g_auto(GStrv) groups = collect_selected_groups (self, &names);

  limber_routine_list_page_set_groups (self->routine_list_page, (const char * const *)groups);
  show_page (self, "routines");
  adw_window_title_set_subtitle (self->window_title, names);
}

static void
on_routine_activated_cb (LimberRoutineListPage *page,
                         LimberRoutine         *routine,
                         LimberWindow          *self)
{
  const char * const *groups = limber_routine_get_primary (routine);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  for (guint i = 0; groups[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer)limber_catalogue_get_group_name (self->catalogue, groups[i]));
  g_ptr_array_add (names, NULL);
  subtitle = limber_format_list ((const char * const *)names->pdata);

  limber_routine_page_set_routine (self->routine_page, self->catalogue, routine);
  show_page (self, "routine");
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static GHashTable *
dup_equipment_at_hand (LimberWindow *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->member_settings, "equipment-at-hand");
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (ids[i]));

  return set;
}

static LimberPlayer *
new_player (LimberWindow *self)
{
  LimberApplication *app = LIMBER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  LimberPlayer *player = limber_player_new (limber_application_get_clock (app));

  limber_player_set_get_ready_seconds (player, g_settings_get_uint (self->settings, "get-ready-seconds"));
  return player;
}

/* Ratings matter only to the history: none are asked for when nothing is
 * kept, or when no place was chosen on the map. */
static gboolean
keeps_history (LimberWindow *self)
{
  return self->history != NULL && limber_history_get_writable (self->history)
         && g_settings_get_boolean (self->settings, "keep-history");
}

static void
clear_session (LimberWindow *self)
{
  g_clear_pointer (&self->session, limber_session_record_unref);
  g_clear_pointer (&self->session_regions, g_strfreev);
  self->session_kept = FALSE;
}

/* Kept when it ends, finished or stopped, so that nothing played is lost
 * even if the after rating is never given. */
static void
keep_session (LimberWindow *self,
              LimberPlayer *player)
{
  g_autoptr(LimberSessionRecord) record = NULL;
  gint64 ended = g_get_real_time () / G_USEC_PER_SEC;

  if (self->session_kept || !keeps_history (self) || !limber_session_worth_keeping (player))
    return;

  record = limber_session_from_player (player, self->session_started, ended);
  for (guint i = 0; self->session_regions != NULL && self->session_regions[i] != NULL; i++)
    {
      int before = self->session != NULL ? limber_session_record_get_before (self->session, self->session_regions[i])
                                         : LIMBER_SORENESS_NOT_RATED;

      if (before != LIMBER_SORENESS_NOT_RATED)
        limber_session_record_set_before (record, self->session_regions[i], before);
    }
  limber_history_add_session (self->history, record);
  g_clear_pointer (&self->session, limber_session_record_unref);
  self->session = g_steal_pointer (&record);
  self->session_kept = TRUE;
}

static void
on_session_player_changed_cb (LimberPlayer *player,
                              LimberWindow *self)
{
  if (limber_player_get_state (player) == LIMBER_PLAYER_STATE_FINISHED)
    keep_session (self, player);
  update_kiosk_busy (self);
}

/* Shows @player on the player page, as it is: playing it is up to the
 * caller. */
static void
show_player (LimberWindow *self,
             LimberPlayer *player,
             const char   *title)
{
  g_autoptr(GHashTable) equipment = dup_equipment_at_hand (self);
  gboolean rate_after = keeps_history (self) && self->session_regions != NULL && self->session_regions[0] != NULL;

  g_signal_connect_object (player, "changed", G_CALLBACK (on_session_player_changed_cb), self, 0);
  limber_player_page_set_player (self->player_page, self->catalogue, player, equipment);
  limber_player_page_set_rating_regions (self->player_page, self->catalogue,
                                         rate_after ? (const char * const *)self->session_regions : NULL);
  show_page (self, "player");
  adw_window_title_set_title (self->window_title, title);
}

static void
play_now (LimberWindow *self,
          LimberPlayer *player,
          const char   *title)
{
  self->session_started = g_get_real_time () / G_USEC_PER_SEC;
  self->session_kept = FALSE;
  show_player (self, player, title);
  limber_player_start (player);
}

/* Asks how sore the chosen places are first, when the history keeps it,
 * unless @ratings (region id -> soreness) already say: the planner's
 * sliders are that question, and asking twice would cost a tap. */
static void
play (LimberWindow       *self,
      LimberPlayer       *player,
      const char         *title,
      const char         *return_page,
      const char * const *regions,
      GHashTable         *ratings)
{
  gboolean ask_before = !self->replaying && ratings == NULL;

  self->replaying = FALSE;
  g_free (self->player_return);
  self->player_return = g_strdup (return_page);
  clear_session (self);
  self->session_regions = g_strdupv ((char **)regions);

  if (ratings != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      self->session = limber_session_record_new (0, 0, FALSE);
      g_hash_table_iter_init (&iter, ratings);
      while (g_hash_table_iter_next (&iter, &key, &value))
        limber_session_record_set_before (self->session, key, CLAMP (GPOINTER_TO_INT (value), 0, LIMBER_SORENESS_MAX));
    }

  if (ask_before && keeps_history (self) && regions != NULL && regions[0] != NULL)
    {
      g_set_object (&self->pending_player, player);
      g_free (self->pending_title);
      self->pending_title = g_strdup (title);
      limber_soreness_rating_set_regions (self->before_rating, self->catalogue, regions);
      show_page (self, "rate");
      adw_window_title_set_title (self->window_title, title);
      gtk_widget_grab_focus (limber_soreness_rating_get_button (self->before_rating, regions[0], 0));
      return;
    }

  play_now (self, player, title);
}

static void
start_rated (LimberWindow *self,
             gboolean      keep_ratings)
{
  g_autoptr(LimberPlayer) player = g_steal_pointer (&self->pending_player);
  g_autofree char *title = g_steal_pointer (&self->pending_title);

  if (player == NULL)
    return;

  g_clear_pointer (&self->session, limber_session_record_unref);
  self->session = limber_session_record_new (0, 0, FALSE);
  for (guint i = 0; keep_ratings && self->session_regions[i] != NULL; i++)
    {
      int before = limber_soreness_rating_get (self->before_rating, self->session_regions[i]);

      if (before != LIMBER_SORENESS_NOT_RATED)
        limber_session_record_set_before (self->session, self->session_regions[i], before);
    }
  play_now (self, player, title);
}

static void
rate_start_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_rated (LIMBER_WINDOW (widget), TRUE);
}

static void
rate_skip_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_rated (LIMBER_WINDOW (widget), FALSE);
}

/* The chosen places that @routine works, primary or secondary. */
static GStrv
dup_regions_for_routine (LimberWindow  *self,
                         LimberRoutine *routine)
{
  g_auto(GStrv) selected = limber_map_page_dup_selected_ids (self->map_page);
  g_autoptr(GStrvBuilder) regions = g_strv_builder_new ();

  for (guint i = 0; selected[i] != NULL; i++)
    {
      LimberRegion *region = limber_catalogue_lookup_region (self->catalogue, selected[i]);
      const char *group = region != NULL ? limber_region_get_group (region) : NULL;

      if (group != NULL && (g_strv_contains (limber_routine_get_primary (routine), group)
                            || g_strv_contains (limber_routine_get_secondary (routine), group)))
        g_strv_builder_add (regions, selected[i]);
    }
  return g_strv_builder_end (regions);
}

/* Plays the routine the routine page shows, from its first step. */
static void
start_routine_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  LimberRoutine *routine = limber_routine_page_get_routine (self->routine_page);
  g_autoptr(LimberPlayer) player = NULL;
  g_auto(GStrv) regions = NULL;

  if (routine == NULL || gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  player = new_player (self);
  limber_player_add_routine (player, routine);
  regions = dup_regions_for_routine (self, routine);
  play (self, player, limber_routine_get_title (routine), "routine", (const char * const *)regions, NULL);
}

/* Plays the planned session, every routine in turn, as one. */
static void
start_plan_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  LimberPlan *plan = limber_planner_page_get_plan (self->planner_page);
  g_autoptr(LimberPlayer) player = NULL;
  g_auto(GStrv) regions = NULL;
  g_autoptr(GHashTable) ratings = NULL;

  if (plan == NULL || limber_plan_get_n_items (plan) == 0 || gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  player = new_player (self);
  limber_plan_add_to_player (plan, player);
  regions = limber_map_page_dup_selected_ids (self->map_page);
  ratings = limber_planner_page_dup_ratings (self->planner_page);
  play (self, player, _("Your Session"), "planner", (const char * const *)regions, ratings);
}

/* Plans a session for the regions chosen on the map. */
static void
plan_session_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_auto(GStrv) region_ids = limber_map_page_dup_selected_ids (self->map_page);
  g_autoptr(GHashTable) injured = limber_map_page_dup_injured (self->map_page);
  g_autofree char *names = NULL;
  g_auto(GStrv) groups = collect_selected_groups (self, &names);

  limber_planner_page_set_regions (self->planner_page, (const char * const *)region_ids, injured);
  show_page (self, "planner");
  adw_window_title_set_subtitle (self->window_title, names);
}

static void
on_planner_injured_changed_cb (LimberPlannerPage *page,
                               const char        *region_id,
                               gboolean           injured,
                               LimberWindow      *self)
{
  limber_map_page_set_injured (self->map_page, region_id, injured);
}

/* The answers to "How do they feel now?", added to the kept session. */
static void
save_after_ratings (LimberWindow *self)
{
  LimberSorenessRating *rating = limber_player_page_get_after_rating (self->player_page);

  if (!self->session_kept || self->session == NULL)
    return;

  for (guint i = 0; i < limber_soreness_rating_get_n_regions (rating); i++)
    {
      const char *region_id = limber_soreness_rating_get_region (rating, i);
      int after = limber_soreness_rating_get (rating, region_id);

      if (after != LIMBER_SORENESS_NOT_RATED)
        limber_history_rate_after (self->history, limber_session_record_get_uuid (self->session), region_id, after);
    }
  clear_session (self);
}

static void
on_player_leave_cb (LimberPlayerPage *page,
                    LimberWindow     *self)
{
  LimberPlayer *player = limber_player_page_get_player (page);

  if (player != NULL)
    {
      limber_player_stop (player);
      keep_session (self, player);
      save_after_ratings (self);
    }
  show_page (self, self->player_return != NULL ? self->player_return : "routine");
}

/* Played again at once: the after rating of this round is kept, and the
 * next round is not asked about again. */
static void
on_player_play_again_cb (LimberPlayerPage *page,
                         LimberWindow     *self)
{
  save_after_ratings (self);
  self->replaying = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self),
                              g_strcmp0 (self->player_return, "planner") == 0 ? "win.start-plan" : "win.start-routine",
                              NULL);
  self->replaying = FALSE;
}

static void
show_history_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->catalogue == NULL)
    return;
  show_page (self, "history");
}

static void
show_catalogue_problems_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Extra Routines Not Loaded"),
                                   _("These catalogue files were skipped. Everything else was loaded. "
                                     "Fix the lines named below and start Limber again."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      g_object_new (GTK_TYPE_LABEL,
                                                    "label", self->catalogue_problems,
                                                    "selectable", TRUE,
                                                    "wrap", TRUE,
                                                    "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                                    "xalign", 0.0f,
                                                    "css-classes", (const char *[]) { "monospace", NULL },
                                                    NULL));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_banner_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (LIMBER_WINDOW (widget)->banner, FALSE);
}

/* Takes @problems: one "file:line: reason" per line. */
static void
show_catalogue_problems_banner (LimberWindow *self,
                                char         *problems,
                                guint         n_files)
{
  g_autofree char *text = NULL;

  self->catalogue_problems = problems;
  self->n_problem_files = n_files;
  text = g_strdup_printf (ngettext ("%u catalogue of extra routines could not be loaded.",
                                    "%u catalogues of extra routines could not be loaded.", n_files), n_files);
  gtk_label_set_text (self->banner_label, text);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  if (self->kiosk != NULL)
    {
      if (self->staff_hold != 0)
        limber_clock_remove_alarm (limber_kiosk_get_clock (self->kiosk), self->staff_hold);
      self->staff_hold = 0;
      g_signal_handlers_disconnect_by_data (self->kiosk, self);
    }
  g_clear_object (&self->kiosk);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->member_settings);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->catalogue_problems, g_free);
  g_clear_pointer (&self->player_return, g_free);
  g_clear_pointer (&self->pending_title, g_free);
  g_clear_object (&self->pending_player);
  g_clear_object (&self->history);
  clear_session (self);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = limber_window_dispose;
  window_class->close_request = limber_window_close_request;

  g_type_ensure (LIMBER_TYPE_MAP_PAGE);
  g_type_ensure (LIMBER_TYPE_ROUTINE_LIST_PAGE);
  g_type_ensure (LIMBER_TYPE_ROUTINE_PAGE);
  g_type_ensure (LIMBER_TYPE_PLANNER_PAGE);
  g_type_ensure (LIMBER_TYPE_PLAYER_PAGE);
  g_type_ensure (LIMBER_TYPE_HISTORY_PAGE);
  g_type_ensure (LIMBER_TYPE_SORENESS_RATING);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, history_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, before_rating);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, routine_list_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, routine_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, planner_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, player_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, map_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, broken_page);

  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "win.show-routines", NULL, show_routines_cb);
  gtk_widget_class_install_action (widget_class, "win.start-routine", NULL, start_routine_cb);
  gtk_widget_class_install_action (widget_class, "win.plan-session", NULL, plan_session_cb);
  gtk_widget_class_install_action (widget_class, "win.start-plan", NULL, start_plan_cb);
  gtk_widget_class_install_action (widget_class, "win.show-catalogue-problems", NULL, show_catalogue_problems_cb);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL, dismiss_banner_cb);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_cb);
  gtk_widget_class_install_action (widget_class, "win.rate-start", NULL, rate_start_cb);
  gtk_widget_class_install_action (widget_class, "win.rate-skip", NULL, rate_skip_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.show-history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-shortcuts", NULL);
}

static void
limber_window_init (LimberWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->routine_list_page, "routine-activated", G_CALLBACK (on_routine_activated_cb), self);
  g_signal_connect (self->player_page, "leave", G_CALLBACK (on_player_leave_cb), self);
  g_signal_connect (self->player_page, "play-again", G_CALLBACK (on_player_play_again_cb), self);
  g_signal_connect (self->planner_page, "injured-changed", G_CALLBACK (on_planner_injured_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
}

/* The history page says it in full; the toast points there and stays until
 * dismissed, because a file set aside is something to know about. */
static void
tell_history_status (LimberWindow *self)
{
  const char *title;
  AdwToast *toast;

  switch (limber_history_get_status (self->history))
    {
    case LIMBER_HISTORY_STATUS_RECOVERED:
      title = _("Your history file was damaged and has been set aside");
      break;
    case LIMBER_HISTORY_STATUS_NEWER:
      title = _("Your history is from a newer Limber and is read-only");
      break;
    case LIMBER_HISTORY_STATUS_UNAVAILABLE:
      title = _("Your history could not be opened");
      break;
    case LIMBER_HISTORY_STATUS_OK:
    case LIMBER_HISTORY_STATUS_DISABLED:
    default:
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-history");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- kiosk mode ---- */

/* Idle time does not count while a routine plays; paused, finished or
 * not shown, it does. */
static void
update_kiosk_busy (LimberWindow *self)
{
  LimberPlayer *player;
  LimberPlayerState state;

  if (self->kiosk == NULL)
    return;

  player = limber_player_page_get_player (self->player_page);
  state = player != NULL ? limber_player_get_state (player) : LIMBER_PLAYER_STATE_STOPPED;
  limber_kiosk_set_busy (self->kiosk,
                         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "player") == 0
                         && (state == LIMBER_PLAYER_STATE_GET_READY || state == LIMBER_PLAYER_STATE_RUNNING
                             || state == LIMBER_PLAYER_STATE_SWITCH_SIDES || state == LIMBER_PLAYER_STATE_REST));
}

static void
cancel_staff_hold (LimberWindow *self)
{
  if (self->staff_hold != 0)
    limber_clock_remove_alarm (limber_kiosk_get_clock (self->kiosk), self->staff_hold);
  self->staff_hold = 0;
}

/* Nobody answered "Still there?": everything the last person did goes, and
 * the welcome screen comes back. Their choices were never written to the
 * real settings; the ones in memory take the real values again. */
static void
on_kiosk_reset_cb (LimberKiosk  *kiosk,
                   LimberWindow *self)
{
  LimberApplication *app = LIMBER_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GList *windows;

  cancel_staff_hold (self);
  limber_kiosk_panel_close (self->kiosk_panel);
  if (self->catalogue == NULL)
    return;

  /* The player page closes its own question first, then anything else
   * left open goes. */
  limber_player_page_clear (self->player_page);
  windows = app != NULL ? gtk_application_get_windows (GTK_APPLICATION (app)) : NULL;
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (window != GTK_WINDOW (self))
        gtk_window_destroy (window);
    }

  g_clear_object (&self->pending_player);
  g_clear_pointer (&self->pending_title, g_free);
  g_clear_pointer (&self->player_return, g_free);
  clear_session (self);
  self->replaying = FALSE;

  if (app != NULL)
    limber_application_reset_member_settings (app);
  limber_map_page_reset (self->map_page);
  limber_planner_page_set_regions (self->planner_page, NULL, NULL);
  limber_planner_page_reset (self->planner_page);
  limber_planner_page_set_minutes (self->planner_page, g_settings_get_uint (self->member_settings, "plan-minutes"));
  limber_routine_list_page_reset (self->routine_list_page);

  show_page (self, "welcome");
  gtk_widget_grab_focus (limber_welcome_page_get_start_button (self->welcome_page));
}

static void
on_language_chosen_cb (LimberLanguagePicker *picker,
                       const char           *language,
                       LimberWindow         *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    limber_application_set_language (LIMBER_APPLICATION (app), language);
}

/* The language spoken now: the one chosen, else the environment's first
 * that Limber has, else English. */
static void
show_current_language (LimberWindow      *self,
                       LimberApplication *application)
{
  LimberLanguagePicker *picker = limber_welcome_page_get_language_picker (self->welcome_page);
  const char * const *names = g_get_language_names ();

  limber_language_picker_set_current (picker, limber_application_get_language (application));
  for (guint i = 0; limber_language_picker_get_current (picker) == NULL && names[i] != NULL; i++)
    limber_language_picker_set_current (picker, names[i]);
  if (limber_language_picker_get_current (picker) == NULL)
    limber_language_picker_set_current (picker, "en");
}

static void
on_welcome_start_cb (LimberWelcomePage *page,
                     LimberWindow      *self)
{
  show_page (self, "map");
  gtk_widget_grab_focus (GTK_WIDGET (limber_map_page_get_body_map (self->map_page)));
}

static void
on_kiosk_exit_cb (LimberKioskPanel *panel,
                  LimberWindow     *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    limber_application_quit_kiosk (LIMBER_APPLICATION (app));
}

static void
on_staff_hold_cb (gpointer user_data)
{
  LimberWindow *self = user_data;

  self->staff_hold = 0;
  limber_kiosk_panel_open_pin (self->kiosk_panel);
}

static void
on_staff_press_cb (GtkGestureDrag *gesture,
                   double          x,
                   double          y,
                   LimberWindow   *self)
{
  LimberClock *clock = limber_kiosk_get_clock (self->kiosk);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  cancel_staff_hold (self);
  self->staff_hold = limber_clock_add_alarm (clock,
                                             limber_clock_get_now (clock)
                                             + LIMBER_KIOSK_HOLD_SECONDS * G_USEC_PER_SEC,
                                             on_staff_hold_cb, self);
}

/* Held still: a finger that slides off the corner lets go. */
static void
on_staff_drag_cb (GtkGestureDrag *gesture,
                  double          dx,
                  double          dy,
                  LimberWindow   *self)
{
  if (ABS (dx) > STAFF_CORNER_SIZE / 2 || ABS (dy) > STAFF_CORNER_SIZE / 2)
    cancel_staff_hold (self);
}

static void
on_staff_release_cb (GtkGestureDrag *gesture,
                     double          dx,
                     double          dy,
                     LimberWindow   *self)
{
  cancel_staff_hold (self);
}

static void
on_staff_cancel_cb (GtkGesture       *gesture,
                    GdkEventSequence *sequence,
                    LimberWindow     *self)
{
  cancel_staff_hold (self);
}

static GtkWidget *
new_staff_corner (LimberWindow *self)
{
  GtkWidget *corner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkGesture *hold = gtk_gesture_drag_new ();

  gtk_widget_set_size_request (corner, STAFF_CORNER_SIZE, STAFF_CORNER_SIZE);
  gtk_widget_set_halign (corner, GTK_ALIGN_END);
  gtk_widget_set_valign (corner, GTK_ALIGN_START);
  /* Physical top right in every language: staff learn one place. */
  gtk_widget_set_direction (corner, GTK_TEXT_DIR_LTR);
  gtk_widget_add_css_class (corner, "staff-corner");

  g_signal_connect (hold, "drag-begin", G_CALLBACK (on_staff_press_cb), self);
  g_signal_connect (hold, "drag-update", G_CALLBACK (on_staff_drag_cb), self);
  g_signal_connect (hold, "drag-end", G_CALLBACK (on_staff_release_cb), self);
  g_signal_connect (hold, "cancel", G_CALLBACK (on_staff_cancel_cb), self);
  gtk_widget_add_controller (corner, GTK_EVENT_CONTROLLER (hold));

  return corner;
}

/* Full screen at the screen's size (also where no window manager honours
 * full screen), no window buttons or menus, no history, no search field
 * to type in, no links to open; a welcome page; the panel for "still
 * there?" and the staff over everything, and the staff's corner over
 * that. The application's guard keeps keys, clicks and closing away. */
static void
setup_kiosk (LimberWindow      *self,
             LimberApplication *application)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  g_autoptr(GtkWidget) content = NULL;
  GtkWidget *overlay;

  self->kiosk = g_object_ref (limber_application_get_kiosk (application));
  gtk_widget_add_css_class (GTK_WIDGET (self), "kiosk");
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
    }

  adw_header_bar_set_show_start_title_buttons (self->header_bar, FALSE);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, FALSE);
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (self->menu_button), FALSE);
  gtk_widget_set_visible (self->menu_button, FALSE);
  gtk_widget_set_visible (self->history_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-shortcuts", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-catalogue-problems", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->history_page), "history.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->history_page), "history.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->history_page), "history.delete-all", FALSE);
  limber_map_page_set_searchable (self->map_page, FALSE);
  limber_routine_page_set_show_links (self->routine_page, FALSE);
  limber_player_page_set_escape_leaves (self->player_page, FALSE);
  /* Kiosk type is larger: the plan needs more room beside the inputs. */
  limber_planner_page_set_side_by_side_width (self->planner_page, KIOSK_PLANNER_SIDE_BY_SIDE_WIDTH);

  self->welcome_page = LIMBER_WELCOME_PAGE (limber_welcome_page_new ());
  limber_welcome_page_set_settings (self->welcome_page, self->settings);
  g_signal_connect (self->welcome_page, "start", G_CALLBACK (on_welcome_start_cb), self);
  show_current_language (self, application);
  g_signal_connect (limber_welcome_page_get_language_picker (self->welcome_page), "language-chosen",
                    G_CALLBACK (on_language_chosen_cb), self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->welcome_page), "welcome");

  /* The window's content goes under an overlay, built here rather than in
   * the template so that a window at home has none. */
  content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), NULL);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), content);

  self->kiosk_panel = LIMBER_KIOSK_PANEL (limber_kiosk_panel_new ());
  limber_kiosk_panel_setup (self->kiosk_panel, self->kiosk, self->settings,
                            limber_application_get_sound_cues (application));
  g_signal_connect (self->kiosk_panel, "exit", G_CALLBACK (on_kiosk_exit_cb), self);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->kiosk_panel));

  self->staff_corner = new_staff_corner (self);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->staff_corner);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), overlay);

  g_signal_connect (self->kiosk, "reset", G_CALLBACK (on_kiosk_reset_cb), self);
}

/**
 * limber_window_new:
 *
 * Creates a window showing the application's catalogue.
 */
LimberWindow *
limber_window_new (LimberApplication *application)
{
  LimberWindow *self;
  LimberCatalogue *catalogue;
  const char *problem;
  char *problems;
  guint n_files;

  g_return_val_if_fail (LIMBER_IS_APPLICATION (application), NULL);

  self = g_object_new (LIMBER_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (limber_application_get_settings (application));
  self->member_settings = g_object_ref (limber_application_get_member_settings (application));

  if (limber_application_get_kiosk (application) != NULL)
    setup_kiosk (self, application);
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  catalogue = limber_application_get_catalogue (application);
  problem = limber_application_get_catalogue_problem (application);
  if (problem != NULL)
    {
      gtk_widget_set_visible (self->history_button, FALSE);
      adw_status_page_set_description (self->broken_page, problem);
      gtk_stack_set_visible_child_name (self->stack, "broken");
      return self;
    }

  self->catalogue = g_object_ref (catalogue);
  limber_map_page_set_catalogue (self->map_page, catalogue);
  limber_routine_list_page_set_catalogue (self->routine_list_page, catalogue, self->member_settings);
  limber_planner_page_set_catalogue (self->planner_page, catalogue, self->member_settings);
  g_settings_bind (self->member_settings, "body-view", self->map_page, "view", G_SETTINGS_BIND_DEFAULT);

  self->history = g_object_ref (limber_application_get_history (application));
  limber_history_page_set_models (self->history_page, catalogue, self->history, self->settings);
  limber_routine_list_page_set_history (self->routine_list_page, self->history);
  limber_routine_page_set_history (self->routine_page, self->history);
  tell_history_status (self);

  /* A kiosk's visitors cannot mend a catalogue: its problems are on
   * standard error (the journal) for the staff. */
  problems = limber_application_take_drop_in_problems (application, &n_files);
  if (problems != NULL && self->kiosk == NULL)
    show_catalogue_problems_banner (self, problems, n_files);
  else
    g_free (problems);

  if (self->kiosk != NULL)
    show_page (self, "welcome");

  return self;
}

LimberMapPage *
limber_window_get_map_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->map_page;
}

void
limber_window_add_toast (LimberWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * limber_window_get_routine_list_page:
 *
 * Returns: (transfer none): the page listing routines for the selection.
 */
LimberRoutineListPage *
limber_window_get_routine_list_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->routine_list_page;
}

LimberRoutinePage *
limber_window_get_routine_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->routine_page;
}

LimberPlayerPage *
limber_window_get_player_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->player_page;
}

/**
 * limber_window_get_page_name:
 *
 * Returns: which page shows: "welcome" (a kiosk), "map", "routines",
 *   "routine", "planner", "rate", "history", "player" or "broken".
 */
const char *
limber_window_get_page_name (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * limber_window_get_banner_text:
 *
 * Returns: (nullable): the banner's text while it is shown.
 */
const char *
limber_window_get_banner_text (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}

LimberHistoryPage *
limber_window_get_history_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->history_page;
}

/**
 * limber_window_get_before_rating:
 *
 * Returns: (transfer none): the scales asked before a session.
 */
LimberSorenessRating *
limber_window_get_before_rating (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->before_rating;
}

LimberPlannerPage *
limber_window_get_planner_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->planner_page;
}

static void
select_regions (LimberWindow       *self,
                const char * const *region_ids)
{
  GListModel *choices = limber_map_page_get_choices (self->map_page);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(LimberRegionChoice) choice = g_list_model_get_item (choices, i);
      LimberRegion *region = limber_region_choice_get_region (choice);

      if (g_strv_contains (region_ids, limber_region_get_id (region)))
        limber_region_choice_set_selected (choice, TRUE);
    }
}

/**
 * limber_window_take_state:
 * @from: a window about to be destroyed
 *
 * Makes @self show what @from shows: its size, the regions chosen and
 * marked injured on the map, the view, the page, and the routine or the
 * session on it, a playing one included (it goes on playing here). Filters
 * and the planner's soreness start afresh.
 *
 * Widgets keep the words they were built with, so the application builds
 * its windows again this way when the language changes.
 */
void
limber_window_take_state (LimberWindow *self,
                          LimberWindow *from)
{
  g_autofree char *view = NULL;
  g_auto(GStrv) selected = NULL;
  g_autoptr(GHashTable) injured = NULL;
  LimberRoutine *routine;
  LimberPlayer *player;
  GHashTableIter iter;
  gpointer region_id;
  const char *page;
  const char *title;
  int width, height;

  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (LIMBER_IS_WINDOW (from));

  gtk_window_get_default_size (GTK_WINDOW (from), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (from)))
    gtk_window_maximize (GTK_WINDOW (self));
  if (gtk_window_is_fullscreen (GTK_WINDOW (from)))
    gtk_window_fullscreen (GTK_WINDOW (self));

  if (self->catalogue == NULL || from->catalogue == NULL)
    return;

  /* A kiosk's new window opens on the welcome screen. */
  if (self->kiosk != NULL && !g_str_equal (limber_window_get_page_name (from), "welcome"))
    show_page (self, "map");

  if (from->catalogue_problems != NULL && gtk_revealer_get_reveal_child (from->banner))
    show_catalogue_problems_banner (self, g_strdup (from->catalogue_problems), from->n_problem_files);

  /* Choosing from the list turns the map to the region; the view comes
   * back after. */
  g_object_get (from->map_page, "view", &view, NULL);
  selected = limber_map_page_dup_selected_ids (from->map_page);
  select_regions (self, (const char * const *)selected);
  injured = limber_map_page_dup_injured (from->map_page);
  g_hash_table_iter_init (&iter, injured);
  while (g_hash_table_iter_next (&iter, &region_id, NULL))
    limber_map_page_set_injured (self->map_page, region_id, TRUE);
  g_object_set (self->map_page, "view", view, NULL);

  page = limber_window_get_page_name (from);
  routine = limber_routine_page_get_routine (from->routine_page);
  player = limber_player_page_get_player (from->player_page);
  if ((g_str_equal (page, "player") && player != NULL) || g_str_equal (page, "rate"))
    page = g_strcmp0 (from->player_return, "planner") == 0 ? "planner" : "routine";

  if (g_str_equal (page, "planner"))
    plan_session_cb (GTK_WIDGET (self), NULL, NULL);
  else if (g_str_equal (page, "routines") || g_str_equal (page, "routine"))
    show_routines_cb (GTK_WIDGET (self), NULL, NULL);
  if (g_str_equal (page, "routine") && routine != NULL)
    on_routine_activated_cb (self->routine_list_page, routine, self);

  if (g_str_equal (limber_window_get_page_name (from), "history"))
    show_history_cb (GTK_WIDGET (self), NULL, NULL);

  /* The session under way, and what it will keep, move here whole. */
  g_free (self->player_return);
  self->player_return = g_strdup (from->player_return);
  self->session_regions = g_strdupv (from->session_regions);
  self->session = from->session != NULL ? limber_session_record_ref (from->session) : NULL;
  self->session_started = from->session_started;
  self->session_kept = from->session_kept;
  title = g_strcmp0 (from->player_return, "planner") == 0 || routine == NULL
          ? _("Your Session") : limber_routine_get_title (routine);

  if (g_str_equal (limber_window_get_page_name (from), "rate") && from->pending_player != NULL)
    {
      LimberSorenessRating *rating = from->before_rating;

      g_set_object (&self->pending_player, from->pending_player);
      self->pending_title = g_strdup (title);
      limber_soreness_rating_set_regions (self->before_rating, self->catalogue,
                                          (const char * const *)self->session_regions);
      for (guint i = 0; i < limber_soreness_rating_get_n_regions (rating); i++)
        {
          const char *id = limber_soreness_rating_get_region (rating, i);

          limber_soreness_rating_set (self->before_rating, id, limber_soreness_rating_get (rating, id));
        }
      show_page (self, "rate");
      adw_window_title_set_title (self->window_title, title);
    }

  if (g_str_equal (limber_window_get_page_name (from), "player") && player != NULL)
    {
      /* Kept once, by this window. */
      g_signal_handlers_disconnect_by_data (player, from);
      show_player (self, player, title);
    }
}

/**
 * limber_window_get_welcome_page:
 *
 * Returns: (transfer none) (nullable): a kiosk's welcome page; %NULL at
 *   home.
 */
LimberWelcomePage *
limber_window_get_welcome_page (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->welcome_page;
}

/**
 * limber_window_get_kiosk_panel:
 *
 * Returns: (transfer none) (nullable): a kiosk's warning and staff panel;
 *   %NULL at home.
 */
LimberKioskPanel *
limber_window_get_kiosk_panel (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->kiosk_panel;
}

/**
 * limber_window_get_staff_corner:
 *
 * Returns: (transfer none) (nullable): the corner staff hold to open the
 *   PIN pad, in a kiosk.
 */
GtkWidget *
limber_window_get_staff_corner (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);
  return self->staff_corner;
}
