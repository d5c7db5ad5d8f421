/* limber-format.h: durations and sides in words a person reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/limber-step.h"

G_BEGIN_DECLS

char       *limber_format_duration      (guint       seconds);
char       *limber_format_minutes       (guint       seconds);
char       *limber_format_step_amount   (LimberStep *step);
const char *limber_format_step_side     (LimberStep *step);
char       *limber_format_list          (const char * const *names);

G_END_DECLS
