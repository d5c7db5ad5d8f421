/* limber-soreness-rating.c
 *
 * A 0 to 10 scale, as the numeric rating scales clinicians use, with every
 * number a button: one tap rates a place, and nothing needs a slider drag,
 * which is slow with a finger and fiddly with a keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-soreness-rating"

#include "config.h"

#include <glib/gi18n.h>

#include "core/limber-history.h"
#include "limber-soreness-rating.h"

typedef struct
{
  char      *region_id;
  GtkWidget *buttons[LIMBER_SORENESS_MAX + 1];
} RatingRow;

struct _LimberSorenessRating
{
  GtkWidget  parent_instance;

  GPtrArray *rows;                   /* of RatingRow */
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (LimberSorenessRating, limber_soreness_rating, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rating_row_free (RatingRow *row)
{
  g_free (row->region_id);
  g_free (row);
}

static RatingRow *
find_row (LimberSorenessRating *self,
          const char           *region_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      RatingRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->region_id, region_id) == 0)
        return row;
    }
  return NULL;
}

static void
on_button_toggled_cb (GtkToggleButton      *button,
                      LimberSorenessRating *self)
{
  if (!self->updating && gtk_toggle_button_get_active (button))
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_rows (LimberSorenessRating *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
new_scale_legend (void)
{
  GtkWidget *legend = gtk_center_box_new ();
  GtkWidget *none = gtk_label_new (_("0: not sore"));
  GtkWidget *worst = gtk_label_new (_("10: the worst you can imagine"));

  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_add_css_class (none, "caption");
  gtk_widget_add_css_class (worst, "dim-label");
  gtk_widget_add_css_class (worst, "caption");
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (legend), none);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (legend), worst);
  return legend;
}

static void
add_row (LimberSorenessRating *self,
         const char           *region_id,
         const char           *name)
{
  RatingRow *row = g_new0 (RatingRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *scale = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  row->region_id = g_strdup (region_id);
  gtk_widget_add_css_class (box, "soreness-row");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (scale, "linked");
  gtk_widget_add_css_class (scale, "soreness-scale");
  gtk_box_set_homogeneous (GTK_BOX (scale), TRUE);

  for (int value = 0; value <= LIMBER_SORENESS_MAX; value++)
    {
      g_autofree char *number = g_strdup_printf ("%d", value);
      /* Translators: what a screen reader says for one button of the
       * soreness scale: a body region and a number from 0 to 10 */
      g_autofree char *spoken = g_strdup_printf (_("%s, soreness %d of 10"), name, value);
      GtkWidget *button = gtk_toggle_button_new_with_label (number);

      gtk_widget_add_css_class (button, "soreness-button");
      gtk_widget_add_css_class (button, "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_button_toggled_cb), self);
      row->buttons[value] = button;
      gtk_box_append (GTK_BOX (scale), button);
    }

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scale);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  g_ptr_array_add (self->rows, row);
}

static void
limber_soreness_rating_dispose (GObject *object)
{
  LimberSorenessRating *self = (LimberSorenessRating *)object;

  if (self->rows != NULL)
    remove_rows (self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_soreness_rating_parent_class)->dispose (object);
}

static void
limber_soreness_rating_class_init (LimberSorenessRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_soreness_rating_dispose;

  /**
   * LimberSorenessRating::changed:
   *
   * A place was rated.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sorenessrating");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
limber_soreness_rating_init (LimberSorenessRating *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 18);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)rating_row_free);
}

GtkWidget *
limber_soreness_rating_new (void)
{
  return g_object_new (LIMBER_TYPE_SORENESS_RATING, NULL);
}

/**
 * limber_soreness_rating_set_regions:
 * @region_ids: (nullable): the places to rate, in the order shown
 *
 * Shows one unrated scale per region; unknown ids are left out.
 */
void
limber_soreness_rating_set_regions (LimberSorenessRating *self,
                                    LimberCatalogue      *catalogue,
                                    const char * const   *region_ids)
{
  g_return_if_fail (LIMBER_IS_SORENESS_RATING (self));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));

  remove_rows (self);
  for (guint i = 0; region_ids != NULL && region_ids[i] != NULL; i++)
    {
      LimberRegion *region = limber_catalogue_lookup_region (catalogue, region_ids[i]);

      if (region != NULL && find_row (self, region_ids[i]) == NULL)
        add_row (self, region_ids[i], limber_region_get_name (region));
    }
  if (self->rows->len > 0)
    gtk_widget_set_parent (new_scale_legend (), GTK_WIDGET (self));
}

guint
limber_soreness_rating_get_n_regions (LimberSorenessRating *self)
{
  g_return_val_if_fail (LIMBER_IS_SORENESS_RATING (self), 0);
  return self->rows->len;
}

const char *
limber_soreness_rating_get_region (LimberSorenessRating *self,
                                   guint                 index)
{
  g_return_val_if_fail (LIMBER_IS_SORENESS_RATING (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((RatingRow *)g_ptr_array_index (self->rows, index))->region_id;
}

/**
 * limber_soreness_rating_get:
 *
 * Returns: 0 to 10, or %LIMBER_SORENESS_NOT_RATED.
 */
int
limber_soreness_rating_get (LimberSorenessRating *self,
                            const char           *region_id)
{
  RatingRow *row;

  g_return_val_if_fail (LIMBER_IS_SORENESS_RATING (self), LIMBER_SORENESS_NOT_RATED);

  row = find_row (self, region_id);
  for (int value = 0; row != NULL && value <= LIMBER_SORENESS_MAX; value++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (row->buttons[value])))
      return value;
  return LIMBER_SORENESS_NOT_RATED;
}

/**
 * limber_soreness_rating_set:
 * @soreness: 0 to 10, or %LIMBER_SORENESS_NOT_RATED to clear
 */
void
limber_soreness_rating_set (LimberSorenessRating *self,
                            const char           *region_id,
                            int                   soreness)
{
  RatingRow *row;

  g_return_if_fail (LIMBER_IS_SORENESS_RATING (self));
  g_return_if_fail (soreness >= LIMBER_SORENESS_NOT_RATED && soreness <= LIMBER_SORENESS_MAX);

  row = find_row (self, region_id);
  if (row == NULL)
    return;

  self->updating = TRUE;
  for (int value = 0; value <= LIMBER_SORENESS_MAX; value++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->buttons[value]), value == soreness);
  self->updating = FALSE;
}

/**
 * limber_soreness_rating_get_button:
 *
 * Returns: (transfer none) (nullable): the button that rates @region_id
 *   @soreness, for tests that tap it.
 */
GtkWidget *
limber_soreness_rating_get_button (LimberSorenessRating *self,
                                   const char           *region_id,
                                   int                   soreness)
{
  RatingRow *row;

  g_return_val_if_fail (LIMBER_IS_SORENESS_RATING (self), NULL);

  row = find_row (self, region_id);
  if (row == NULL || soreness < 0 || soreness > LIMBER_SORENESS_MAX)
    return NULL;
  return row->buttons[soreness];
}
