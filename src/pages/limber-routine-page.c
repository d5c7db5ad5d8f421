/* limber-routine-page.c
 *
 * A routine as a person reads it before starting: what it does, what it
 * needs, its cautions first and in plain sight, then each step with its
 * time and side, and the sources its doses rest on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "limber-routine-page"

#include "config.h"

#include <glib/gi18n.h>

#include "limber-format.h"
#include "limber-favourite-button.h"
#include "limber-routine-page.h"

struct _LimberRoutinePage
{
  GtkWidget          parent_instance;

  /* template */
  GtkScrolledWindow *scroller;
  GtkBox            *title_box;
  GtkLabel          *title_label;
  GtkWidget         *star;
  GtkLabel          *summary_label;
  GtkFlowBox        *facts;
  GtkBox            *caution_box;
  GtkLabel          *total_label;
  GtkListBox        *step_list;
  GtkBox            *source_box;
  GtkLabel          *origin_label;

  LimberRoutine     *routine;
  LimberHistory     *history;
  gboolean           plain_sources;     /* addresses as text, not links */
};

G_DEFINE_FINAL_TYPE (LimberRoutinePage, limber_routine_page, GTK_TYPE_WIDGET)

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_fact (LimberRoutinePage *self,
          const char        *text,
          const char        *icon_name)
{
  GtkWidget *fact = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (fact, "fact");
  gtk_widget_set_halign (fact, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (fact), image);
  gtk_box_append (GTK_BOX (fact), gtk_label_new (text));
  gtk_flow_box_append (self->facts, fact);
  /* Facts to read, not to visit with the keyboard. */
  gtk_widget_set_focusable (gtk_widget_get_parent (fact), FALSE);
}

static void
add_caution (LimberRoutinePage *self,
             const char        *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *label = new_label (text, NULL);

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (self->caution_box, row);
}

static void
fill_facts (LimberRoutinePage *self,
            LimberCatalogue   *catalogue)
{
  LimberRoutine *routine = self->routine;
  const char * const *equipment = limber_routine_get_equipment (routine);
  g_autofree char *total = limber_format_minutes (limber_routine_get_total_seconds (routine));

  remove_children (GTK_WIDGET (self->facts));
  add_fact (self, limber_technique_get_name (limber_routine_get_technique (routine)), "view-list-bullet-symbolic");
  add_fact (self, limber_level_get_name (limber_routine_get_level (routine)), "power-profile-balanced-symbolic");
  add_fact (self, total, "alarm-symbolic");
  for (guint i = 0; equipment[i] != NULL; i++)
    add_fact (self, limber_catalogue_get_equipment_name (catalogue, equipment[i]), "applications-engineering-symbolic");
}

static void
fill_cautions (LimberRoutinePage *self,
               LimberCatalogue   *catalogue)
{
  const char * const *ids = limber_routine_get_caution_ids (self->routine);

  remove_children (GTK_WIDGET (self->caution_box));

  /* The routine's own words first: they are the most specific. */
  for (guint i = 0; i < limber_routine_get_n_own_cautions (self->routine); i++)
    add_caution (self, limber_routine_get_own_caution (self->routine, i));
  for (guint i = 0; ids[i] != NULL; i++)
    add_caution (self, limber_catalogue_get_caution_text (catalogue, ids[i]));
}

static GtkWidget *
create_step_row (LimberStep *step,
                 guint       number)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *timing = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  g_autofree char *amount = limber_format_step_amount (step);
  GtkWidget *badge = gtk_label_new (number_text);
  GtkWidget *amount_label = gtk_label_new (amount);
  const char *side = limber_format_step_side (step);
  const char *detail = limber_step_get_detail (step);

  gtk_widget_add_css_class (row, "step-row");
  gtk_widget_add_css_class (badge, "step-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (text), new_label (limber_step_get_instruction (step), "step-instruction"));
  if (detail != NULL)
    gtk_box_append (GTK_BOX (text), new_label (detail, "dim-label"));

  for (guint i = 0; i < limber_step_get_n_cues (step); i++)
    {
      guint at;
      const char *cue = limber_step_get_cue (step, i, &at);
      g_autofree char *at_text = limber_format_duration (at);
      /* TRANSLATORS: a cue during a step: the time into the step, then
       * what the person hears or reads then */
      g_autofree char *line = g_strdup_printf (_("At %s: %s"), at_text, cue);

      gtk_box_append (GTK_BOX (text), new_label (line, "step-cue"));
    }

  gtk_widget_set_valign (timing, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (amount_label), 1);
  gtk_widget_add_css_class (amount_label, "numeric");
  gtk_widget_add_css_class (amount_label, "heading");
  gtk_box_append (GTK_BOX (timing), amount_label);
  if (side != NULL)
    {
      GtkWidget *side_label = gtk_label_new (side);

      gtk_label_set_xalign (GTK_LABEL (side_label), 1);
      gtk_widget_add_css_class (side_label, "step-side");
      gtk_box_append (GTK_BOX (timing), side_label);
    }
  if (limber_step_get_rest (step) > 0)
    {
      g_autofree char *rest_time = limber_format_duration (limber_step_get_rest (step));
      /* TRANSLATORS: the pause after a step, such as "Rest 10 s" */
      g_autofree char *rest = g_strdup_printf (_("Rest %s"), rest_time);
      GtkWidget *rest_label = gtk_label_new (rest);

      gtk_label_set_xalign (GTK_LABEL (rest_label), 1);
      gtk_widget_add_css_class (rest_label, "dim-label");
      gtk_box_append (GTK_BOX (timing), rest_label);
    }

  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), timing);

  return row;
}

static void
fill_steps (LimberRoutinePage *self)
{
  GListModel *steps = limber_routine_get_steps (self->routine);
  g_autofree char *total = NULL;
  g_autofree char *total_time = limber_format_duration (limber_routine_get_total_seconds (self->routine));

  remove_children (GTK_WIDGET (self->step_list));
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(LimberStep) step = g_list_model_get_item (steps, i);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), create_step_row (step, i + 1));
      gtk_list_box_append (self->step_list, row);
    }

  /* TRANSLATORS: the length of the whole routine, such as "Total 4 min 30 s" */
  total = g_strdup_printf (_("Total %s"), total_time);
  gtk_label_set_text (self->total_label, total);
}

static void
fill_sources (LimberRoutinePage *self,
              LimberCatalogue   *catalogue)
{
  const char * const *ids = limber_routine_get_source_ids (self->routine);

  remove_children (GTK_WIDGET (self->source_box));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *citation = limber_catalogue_get_source_citation (catalogue, ids[i]);
      const char *url = limber_catalogue_get_source_url (catalogue, ids[i]);
      GtkWidget *label = new_label (NULL, "source");

      if (url != NULL && !self->plain_sources)
        {
          g_autofree char *markup = g_markup_printf_escaped ("%s <a href=\"%s\">%s</a>", citation, url, url);

          gtk_label_set_markup (GTK_LABEL (label), markup);
        }
      else if (url != NULL)
        {
          g_autofree char *text = g_strdup_printf ("%s %s", citation, url);

          gtk_label_set_text (GTK_LABEL (label), text);
        }
      else
        gtk_label_set_text (GTK_LABEL (label), citation);

      gtk_box_append (self->source_box, label);
    }
}

static void
limber_routine_page_dispose (GObject *object)
{
  LimberRoutinePage *self = (LimberRoutinePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_ROUTINE_PAGE);
  g_clear_object (&self->routine);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (limber_routine_page_parent_class)->dispose (object);
}

static void
limber_routine_page_class_init (LimberRoutinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_routine_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pages/limber-routine-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, title_box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, facts);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, caution_box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, total_label);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, step_list);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, source_box);
  gtk_widget_class_bind_template_child (widget_class, LimberRoutinePage, origin_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "limberroutinepage");
}

static void
limber_routine_page_init (LimberRoutinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->star = limber_favourite_button_new ();
  gtk_widget_set_valign (self->star, GTK_ALIGN_START);
  gtk_box_append (self->title_box, self->star);
}

GtkWidget *
limber_routine_page_new (void)
{
  return g_object_new (LIMBER_TYPE_ROUTINE_PAGE, NULL);
}

/**
 * limber_routine_page_set_routine:
 *
 * Shows @routine, scrolled to its top.
 */
void
limber_routine_page_set_routine (LimberRoutinePage *self,
                                 LimberCatalogue   *catalogue,
                                 LimberRoutine     *routine)
{
  const char *origin;

  g_return_if_fail (LIMBER_IS_ROUTINE_PAGE (self));
  g_return_if_fail (LIMBER_IS_CATALOGUE (catalogue));
  g_return_if_fail (LIMBER_IS_ROUTINE (routine));

  g_set_object (&self->routine, routine);

  gtk_label_set_text (self->title_label, limber_routine_get_title (routine));
  limber_favourite_button_bind (self->star, self->history, limber_routine_get_id (routine));
  gtk_label_set_text (self->summary_label, limber_routine_get_summary (routine));
  fill_facts (self, catalogue);
  fill_cautions (self, catalogue);
  fill_steps (self);
  fill_sources (self, catalogue);

  /* Routines a gym added say where they come from. */
  origin = limber_routine_get_origin (routine);
  if (origin != NULL && !g_str_equal (origin, "limber.xml"))
    {
      /* TRANSLATORS: %s is the file name of a catalogue a gym or the person added */
      g_autofree char *from = g_strdup_printf (_("From the catalogue %s"), origin);

      gtk_label_set_text (self->origin_label, from);
      gtk_widget_set_visible (GTK_WIDGET (self->origin_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->origin_label), FALSE);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * limber_routine_page_get_routine:
 *
 * Returns: (transfer none) (nullable): the routine shown.
 */
LimberRoutine *
limber_routine_page_get_routine (LimberRoutinePage *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_PAGE (self), NULL);
  return self->routine;
}

GtkListBox *
limber_routine_page_get_steps (LimberRoutinePage *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_PAGE (self), NULL);
  return self->step_list;
}

GtkBox *
limber_routine_page_get_cautions (LimberRoutinePage *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_PAGE (self), NULL);
  return self->caution_box;
}

/**
 * limber_routine_page_set_history:
 * @history: (nullable): where favourites are kept
 */
void
limber_routine_page_set_history (LimberRoutinePage *self,
                                 LimberHistory     *history)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_PAGE (self));
  g_return_if_fail (history == NULL || LIMBER_IS_HISTORY (history));

  g_set_object (&self->history, history);
  limber_favourite_button_bind (self->star, history, self->routine ? limber_routine_get_id (self->routine) : NULL);
}

/**
 * limber_routine_page_get_favourite_button:
 *
 * Returns: (transfer none): the star beside the title.
 */
GtkWidget *
limber_routine_page_get_favourite_button (LimberRoutinePage *self)
{
  g_return_val_if_fail (LIMBER_IS_ROUTINE_PAGE (self), NULL);
  return self->star;
}

/**
 * limber_routine_page_set_show_links:
 *
 * Whether the sources' addresses are links to open, or only text to read
 * (a kiosk, where nothing opens a browser).
 */
void
limber_routine_page_set_show_links (LimberRoutinePage *self,
                                    gboolean           show_links)
{
  g_return_if_fail (LIMBER_IS_ROUTINE_PAGE (self));
  self->plain_sources = !show_links;
}
