/* test-player-fit.c: in German and in Spanish, every routine plays on a
 * 1024x600 window without a word cut off
 *
 * German and Spanish run longer than English. Each routine is played from
 * start to finish on a fake clock; at every change of step, side or phase,
 * and on the finish screen, each label of the player page must have the
 * room it asks for (not clipped), show its whole text (not ellipsized) and
 * lie within the page; the ring's caption must not be cut short either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-fake-clock.h"
#include "limber-application.h"
#include "limber-language.h"
#include "limber-test-utils.h"
#include "limber-window.h"
#include "widgets/limber-timer-ring.h"

#define WIDTH  1024
#define HEIGHT 600

static LimberApplication *limber;
static LimberClock *fake_clock;

typedef struct
{
  GtkWidget *page;
  GPtrArray *problems;
  const char *where;
} Check;

static void
add_problem (Check      *check,
             GtkWidget  *widget,
             const char *what,
             const char *text)
{
  g_autofree char *problem = g_strdup_printf ("%s: %s %s “%s”", check->where, G_OBJECT_TYPE_NAME (widget),
                                              what, text);

  g_ptr_array_add (check->problems, g_steal_pointer (&problem));
}

static void
check_label (Check     *check,
             GtkLabel  *label)
{
  GtkWidget *widget = GTK_WIDGET (label);
  const char *text = gtk_label_get_text (label);
  int margin_x = gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
  int margin_y = gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
  graphene_rect_t bounds;
  int min_width, min_height;

  if (text == NULL || *text == '\0')
    return;

  if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    add_problem (check, widget, "is ellipsized:", text);

  /* The border box against what the label asks for, margins aside. */
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, (int)bounds.size.width + margin_x,
                      &min_height, NULL, NULL, NULL);
  if (bounds.size.width + 0.5 < min_width - margin_x || bounds.size.height + 0.5 < min_height - margin_y)
    add_problem (check, widget, "is clipped:", text);

  /* Nothing pushed past the page's edge, unless it scrolls into view. */
  g_assert_true (gtk_widget_compute_bounds (widget, check->page, &bounds));
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) == NULL &&
      (bounds.origin.x < -0.5 || bounds.origin.y < -0.5 ||
       bounds.origin.x + bounds.size.width > gtk_widget_get_width (check->page) + 0.5 ||
       bounds.origin.y + bounds.size.height > gtk_widget_get_height (check->page) + 0.5))
    add_problem (check, widget, "runs off the page:", text);
}

static void
check_tree (Check     *check,
            GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    check_label (check, GTK_LABEL (widget));
  if (LIMBER_IS_TIMER_RING (widget) && limber_timer_ring_get_caption_shortened (LIMBER_TIMER_RING (widget)))
    add_problem (check, widget, "caption is ellipsized:", limber_timer_ring_get_caption (LIMBER_TIMER_RING (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_tree (check, child);
}

static void
check_page (Check        *check,
            LimberWindow *window,
            const char   *where)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Check now = { check->page, found, where };
  GdkSurface *surface;

  /* Time for the page to be laid out anew: a change of text may take more
   * than one frame to settle (the page picks its layout as it is sized),
   * so what looks wrong is looked at again a little later. */
  limber_test_iterate (20);
  check_tree (&now, check->page);
  if (found->len > 0)
    {
      g_ptr_array_set_size (found, 0);
      limber_test_iterate (300);
      check_tree (&now, check->page);
    }

  /* A window that grew past the screen would hide what does not fit. The
   * surface is the screen's size; the window inside it is a little
   * smaller still, by the border it can be resized by. */
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, WIDTH);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, HEIGHT);

  for (guint i = 0; i < found->len; i++)
    if (!g_ptr_array_find_with_equal_func (check->problems, g_ptr_array_index (found, i), g_str_equal, NULL))
      g_ptr_array_add (check->problems, g_strdup (g_ptr_array_index (found, i)));
}

static void
play_every_routine (const char *language)
{
  LimberCatalogue *catalogue = limber_application_get_catalogue (limber);
  GListModel *routines = limber_catalogue_get_routines (catalogue);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  LimberWindow *window;
  Check check = { NULL, problems, NULL };
  guint n_checks = 0;

  limber_application_set_language (limber, language);
  limber_test_iterate (200);
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (limber)));
  check.page = GTK_WIDGET (limber_window_get_player_page (window));

  for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
    {
      g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
      LimberPlayer *player;
      LimberPlayerState shown_phase = LIMBER_PLAYER_STATE_STOPPED;
      guint shown_index = G_MAXUINT;
      LimberSide shown_side = LIMBER_SIDE_NONE;

      limber_routine_page_set_routine (limber_window_get_routine_page (window), catalogue, routine);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.start-routine", NULL);
      player = limber_player_page_get_player (limber_window_get_player_page (window));
      g_assert_nonnull (player);

      while (limber_player_get_state (player) != LIMBER_PLAYER_STATE_FINISHED)
        {
          LimberPlayerState phase = limber_player_get_phase (player);
          guint index = limber_player_get_index (player);
          LimberSide side = limber_player_get_side (player);

          if (phase != shown_phase || index != shown_index || side != shown_side)
            {
              g_autofree char *where = g_strdup_printf ("%s, %s, step %u, %s", language,
                                                        limber_routine_get_id (routine), index + 1,
                                                        limber_player_state_to_string (phase));

              check_page (&check, window, where);
              n_checks++;
              shown_phase = phase;
              shown_index = index;
              shown_side = side;
            }

          g_assert_true (limber_fake_clock_run_next (LIMBER_FAKE_CLOCK (fake_clock)));
        }

      {
        g_autofree char *where = g_strdup_printf ("%s, %s, finished", language, limber_routine_get_id (routine));

        g_assert_true (limber_player_page_get_finished_shown (limber_window_get_player_page (window)));
        check_page (&check, window, where);
        n_checks++;
      }
      gtk_widget_activate_action (GTK_WIDGET (limber_window_get_player_page (window)), "player.done", NULL);
    }

  g_test_message ("%s: %u pages checked", language, n_checks);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (const char *)g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_german (void)
{
  play_every_routine ("de");
}

static void
test_spanish (void)
{
  play_every_routine ("es");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  LimberWindow *window;
  int status;

  limber_language_init ();
  limber_test_init_gui (&argc, &argv);
  /* A page in mid-transition shows two at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  limber = limber_application_new ();
  g_application_set_flags (G_APPLICATION (limber), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (limber), NULL, &error));
  g_settings_set_boolean (limber_application_get_settings (limber), "safety-notice-seen", TRUE);
  fake_clock = limber_fake_clock_new ();
  limber_application_set_clock (limber, fake_clock);
  g_application_activate (G_APPLICATION (limber));
  limber_test_iterate (100);
  window = LIMBER_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (limber)));
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  limber_test_iterate (200);

  g_test_add_func ("/player-fit/german", test_german);
  g_test_add_func ("/player-fit/spanish", test_spanish);

  status = g_test_run ();
  g_clear_object (&limber);
  g_clear_object (&fake_clock);

  return status;
}
