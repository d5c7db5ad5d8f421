/* test-timer-ring.c: LimberTimerRing in a window under X
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "limber-test-utils.h"
#include "widgets/limber-timer-ring.h"

/* The time the ring reads; tests move it by hand. */
typedef struct
{
  gint64 remaining_us;
  gint64 duration_us;
  guint  reads;
  guint  destroyed;
} FakeTime;

typedef struct
{
  FakeTime         time;
  LimberTimerRing *ring;
  GtkWindow       *window;
} Fixture;

static gint64
fake_time_func (gpointer  user_data,
                gint64   *duration_us)
{
  FakeTime *time = user_data;

  time->reads++;
  *duration_us = time->duration_us;
  return time->remaining_us;
}

static void
fake_time_destroy (gpointer user_data)
{
  FakeTime *time = user_data;

  time->destroyed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->time = (FakeTime) { 45 * G_USEC_PER_SEC, 60 * G_USEC_PER_SEC, 0, 0 };
  fixture->ring = LIMBER_TIMER_RING (limber_timer_ring_new ());
  limber_timer_ring_set_time_func (fixture->ring, fake_time_func, &fixture->time, fake_time_destroy);

  /* Not presented yet: some tests need the ring unmapped first. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fixture->window, FALSE);
  gtk_window_set_default_size (fixture->window, 400, 400);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->ring));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_window_destroy (fixture->window);
  limber_test_iterate (20);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
present (Fixture *fixture)
{
  gtk_window_present (fixture->window);
  g_assert_true (limber_test_wait_for (is_mapped, fixture->ring, 5000));
  limber_test_iterate (50);
}

static void
test_ticks_only_when_running_and_shown (Fixture       *fixture,
                                        gconstpointer  data)
{
  LimberTimerRing *ring = fixture->ring;

  limber_timer_ring_set_running (ring, TRUE);
  g_assert_true (limber_timer_ring_get_running (ring));
  g_assert_false (limber_timer_ring_get_ticking (ring));

  present (fixture);
  g_assert_true (limber_timer_ring_get_ticking (ring));

  limber_timer_ring_set_running (ring, FALSE);
  g_assert_false (limber_timer_ring_get_ticking (ring));

  limber_timer_ring_set_running (ring, TRUE);
  g_assert_true (limber_timer_ring_get_ticking (ring));

  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  g_assert_true (limber_test_wait_for (is_unmapped, ring, 5000));
  g_assert_false (limber_timer_ring_get_ticking (ring));
  g_assert_true (limber_timer_ring_get_running (ring));

  present (fixture);
  g_assert_true (limber_timer_ring_get_ticking (ring));

  /* The ring itself hidden in a shown window. */
  gtk_widget_set_visible (GTK_WIDGET (ring), FALSE);
  g_assert_false (limber_timer_ring_get_ticking (ring));
  gtk_widget_set_visible (GTK_WIDGET (ring), TRUE);
  g_assert_true (limber_timer_ring_get_ticking (ring));
}

/* While it runs the ring follows the function by itself; stopped, it reads
 * it only when asked. */
static void
test_follows_time (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberTimerRing *ring = fixture->ring;
  guint reads;

  present (fixture);
  g_assert_cmpstr (limber_timer_ring_get_text (ring), ==, "45");

  /* Between two changes the ring dozes; the next change is at most a
   * second away, when the digits would change. */
  limber_timer_ring_set_running (ring, TRUE);
  fixture->time.remaining_us = 30 * G_USEC_PER_SEC;
  limber_test_iterate (1100);
  g_assert_cmpstr (limber_timer_ring_get_text (ring), ==, "30");
  g_assert_cmpuint (fixture->time.reads, >, 1);

  limber_timer_ring_set_running (ring, FALSE);
  reads = fixture->time.reads;
  fixture->time.remaining_us = 20 * G_USEC_PER_SEC;
  limber_test_iterate (200);
  g_assert_cmpstr (limber_timer_ring_get_text (ring), ==, "30");
  g_assert_cmpuint (fixture->time.reads, ==, reads);

  limber_timer_ring_update (ring);
  g_assert_cmpstr (limber_timer_ring_get_text (ring), ==, "20");
  g_assert_cmpuint (fixture->time.reads, ==, reads + 1);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct {
    gint64      remaining_us;
    const char *text;
  } cases[] = {
    { 45200000, "46" },
    { 65000000, "1:05" },
    { 0, "0" },
    { 600000000, "10:00" },
    { 59010000, "1:00" },
    { 60000000, "1:00" },
    { 59000000, "59" },
    { 5000000, "5" },
    { 1, "1" },
    { -3000000, "0" },
    { 3599000000, "59:59" },
    { 3600000001, "60:01" },
  };

  fixture->time.duration_us = 600 * G_USEC_PER_SEC;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      fixture->time.remaining_us = cases[i].remaining_us;
      limber_timer_ring_update (fixture->ring);
      g_assert_cmpstr (limber_timer_ring_get_text (fixture->ring), ==, cases[i].text);
    }
}

static gboolean
is_not_flashing (gpointer data)
{
  return !limber_timer_ring_get_flashing (LIMBER_TIMER_RING (data));
}

/* With animations the flash fades on frames and the frames stop with it;
 * without (reduced motion) it stands still for a second, with no frames. */
static void
test_flash (Fixture       *fixture,
            gconstpointer  data)
{
  LimberTimerRing *ring = fixture->ring;
  gboolean animate = GPOINTER_TO_INT (data);
  guint min_ms = animate ? 600 : 950;
  gint64 start;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", animate, NULL);
  present (fixture);
  g_assert_false (limber_timer_ring_get_ticking (ring));

  start = g_get_monotonic_time ();
  limber_timer_ring_flash (ring);
  g_assert_true (limber_timer_ring_get_flashing (ring));
  g_assert_cmpint (limber_timer_ring_get_ticking (ring), ==, animate);

  limber_test_iterate (min_ms / 2);
  g_assert_true (limber_timer_ring_get_flashing (ring));
  g_assert_cmpint (limber_timer_ring_get_ticking (ring), ==, animate);

  g_assert_true (limber_test_wait_for (is_not_flashing, ring, 3000));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, min_ms * G_TIME_SPAN_MILLISECOND);
  g_assert_false (limber_timer_ring_get_ticking (ring));

  /* A running ring keeps its ticking through a flash. */
  limber_timer_ring_set_running (ring, TRUE);
  limber_timer_ring_flash (ring);
  g_assert_true (limber_test_wait_for (is_not_flashing, ring, 3000));
  g_assert_true (limber_timer_ring_get_ticking (ring));

  /* Flashing again and again installs one callback, gone with the last
   * flash once the ring stops. */
  limber_timer_ring_flash (ring);
  limber_test_iterate (100);
  limber_timer_ring_flash (ring);
  limber_timer_ring_set_running (ring, FALSE);
  g_assert_cmpint (limber_timer_ring_get_ticking (ring), ==, animate);
  g_assert_true (limber_test_wait_for (is_not_flashing, ring, 3000));
  g_assert_false (limber_timer_ring_get_ticking (ring));
}

/* Hiding ends a flash, and a hidden ring does not start one. */
static void
test_flash_hidden (Fixture       *fixture,
                   gconstpointer  data)
{
  LimberTimerRing *ring = fixture->ring;

  limber_timer_ring_flash (ring);
  g_assert_false (limber_timer_ring_get_flashing (ring));
  g_assert_false (limber_timer_ring_get_ticking (ring));

  present (fixture);
  limber_timer_ring_flash (ring);
  g_assert_true (limber_timer_ring_get_ticking (ring));
  gtk_widget_set_visible (GTK_WIDGET (ring), FALSE);
  g_assert_false (limber_timer_ring_get_flashing (ring));
  g_assert_false (limber_timer_ring_get_ticking (ring));

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_widget_set_visible (GTK_WIDGET (ring), TRUE);
  limber_timer_ring_flash (ring);
  g_assert_true (limber_timer_ring_get_flashing (ring));
  gtk_widget_set_visible (GTK_WIDGET (ring), FALSE);
  g_assert_false (limber_timer_ring_get_flashing (ring));
  /* The still flash's timeout went with it: nothing fires later. */
  limber_test_iterate (1200);
  g_assert_false (limber_timer_ring_get_flashing (ring));
}

static guint
count_renders (guint ms)
{
  guint renders = 0;
  gulong hook = limber_test_count_renders_begin (&renders);

  limber_test_iterate (ms);
  limber_test_count_renders_end (hook);

  return renders;
}

/* A running ring whose time stands still draws nothing; one whose arc moves
 * draws. */
static void
test_redraws_only_on_change (Fixture       *fixture,
                             gconstpointer  data)
{
  LimberTimerRing *ring = fixture->ring;
  guint reads;

  present (fixture);
  /* Let the first frames after mapping pass, however slow the machine. */
  for (guint i = 0; i < 50 && count_renders (100) > 0; i++)
    ;
  limber_timer_ring_set_running (ring, TRUE);

  /* Time standing still: nothing drawn, and the ring dozes until the next
   * change would be due (here the arc's next step, about 80 ms away)
   * instead of reading the time on each of some 30 frames. */
  reads = fixture->time.reads;
  g_assert_cmpuint (count_renders (500), ==, 0);
  g_assert_cmpuint (fixture->time.reads, <=, reads + 12);
  g_assert_true (limber_timer_ring_get_ticking (ring));

  /* Under a pixel along the ring: still nothing to draw. */
  fixture->time.remaining_us -= 1000;
  g_assert_cmpuint (count_renders (1100), ==, 0);

  fixture->time.remaining_us -= G_USEC_PER_SEC / 4;
  g_assert_cmpuint (count_renders (1100), >=, 1);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  LimberTimerRing *ring = fixture->ring;

  gtk_test_accessible_assert_role (ring, GTK_ACCESSIBLE_ROLE_TIMER);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_LABEL, "Time left: 45");

  present (fixture);
  fixture->time.duration_us = 180 * G_USEC_PER_SEC;
  fixture->time.remaining_us = 125 * G_USEC_PER_SEC;
  limber_timer_ring_update (ring);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_LABEL, "Time left: 2:05");

  /* Running: the digits follow every second, the label only whole minutes. */
  limber_timer_ring_set_running (ring, TRUE);
  fixture->time.remaining_us = 124 * G_USEC_PER_SEC;
  limber_test_iterate (1100);
  g_assert_cmpstr (limber_timer_ring_get_text (ring), ==, "2:04");
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_LABEL, "Time left: 2:05");

  fixture->time.remaining_us = 120 * G_USEC_PER_SEC;
  limber_test_iterate (1100);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_LABEL, "Time left: 2:00");

  fixture->time.remaining_us = 90 * G_USEC_PER_SEC;
  limber_test_iterate (1100);
  g_assert_cmpstr (limber_timer_ring_get_text (ring), ==, "1:30");
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_LABEL, "Time left: 2:00");

  /* Pausing tells the time as it stands. */
  limber_timer_ring_set_running (ring, FALSE);
  gtk_test_accessible_assert_property (ring, GTK_ACCESSIBLE_PROPERTY_LABEL, "Time left: 1:30");
}

static void
test_caption_and_size (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->ring);
  int min, nat;

  g_assert_null (limber_timer_ring_get_caption (fixture->ring));
  limber_timer_ring_set_caption (fixture->ring, "Rest");
  g_assert_cmpstr (limber_timer_ring_get_caption (fixture->ring), ==, "Rest");

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 160);
  g_assert_cmpint (nat, ==, 320);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 160);
  g_assert_cmpint (nat, ==, 320);

  present (fixture);
  g_assert_cmpint (gtk_widget_get_width (widget), ==, 400);
  g_assert_cmpint (gtk_widget_get_height (widget), ==, 400);
}

static void
test_finalize (void)
{
  FakeTime time = { 10 * G_USEC_PER_SEC, 30 * G_USEC_PER_SEC, 0, 0 };
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *ring = limber_timer_ring_new ();

  g_object_ref (ring);
  limber_timer_ring_set_time_func (LIMBER_TIMER_RING (ring), fake_time_func, &time, fake_time_destroy);
  gtk_window_set_child (window, ring);
  gtk_window_present (window);
  g_assert_true (limber_test_wait_for (is_mapped, ring, 5000));

  limber_timer_ring_set_running (LIMBER_TIMER_RING (ring), TRUE);
  limber_timer_ring_flash (LIMBER_TIMER_RING (ring));
  limber_test_iterate (100);
  g_assert_true (limber_timer_ring_get_ticking (LIMBER_TIMER_RING (ring)));

  gtk_window_destroy (window);
  limber_test_iterate (20);
  g_assert_false (limber_timer_ring_get_ticking (LIMBER_TIMER_RING (ring)));
  g_assert_false (limber_timer_ring_get_flashing (LIMBER_TIMER_RING (ring)));
  g_assert_finalize_object (ring);
  g_assert_cmpuint (time.destroyed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  limber_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/timer-ring/ticks-only-when-running-and-shown", test_ticks_only_when_running_and_shown);
  ADD ("/timer-ring/follows-time", test_follows_time);
  ADD ("/timer-ring/text", test_text);
  g_test_add ("/timer-ring/flash-still", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_flash, fixture_tear_down);
  g_test_add ("/timer-ring/flash-fades", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_flash, fixture_tear_down);
  ADD ("/timer-ring/flash-hidden", test_flash_hidden);
  ADD ("/timer-ring/redraws-only-on-change", test_redraws_only_on_change);
  ADD ("/timer-ring/accessible", test_accessible);
  ADD ("/timer-ring/caption-and-size", test_caption_and_size);
  g_test_add_func ("/timer-ring/finalize", test_finalize);

  return g_test_run ();
}
