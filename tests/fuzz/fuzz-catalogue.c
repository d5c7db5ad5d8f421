/* fuzz-catalogue.c: libFuzzer target over the catalogue loader
 *
 * Built with -fsanitize=fuzzer when meson's fuzzing option is on (clang
 * only); fuzz-replay.c drives the same function over the seed corpus in
 * every `meson test` run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/limber-catalogue-loader.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(LimberCatalogue) catalogue = limber_catalogue_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;

  if (limber_catalogue_load_bytes (catalogue, bytes, "fuzz.xml", &error))
    {
      /* Whatever loads must read back without trouble. */
      GListModel *routines = limber_catalogue_get_routines (catalogue);

      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (routines); i++)
        {
          g_autoptr(LimberRoutine) routine = g_list_model_get_item (routines, i);
          GListModel *steps = limber_routine_get_steps (routine);

          g_assert_nonnull (limber_routine_get_title (routine));
          for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
            {
              g_autoptr(LimberStep) step = g_list_model_get_item (steps, j);

              g_assert_cmpuint (limber_step_get_active_seconds (step), >, 0);
              for (guint k = 0; k < limber_step_get_n_cues (step); k++)
                g_assert_nonnull (limber_step_get_cue (step, k, NULL));
            }
        }
    }
  else
    {
      /* Every refusal is located. */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.xml:"));
    }

  return 0;
}
