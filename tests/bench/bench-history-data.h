/* bench-history-data.h: a history of years of daily sessions, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/limber-history.h"

G_BEGIN_DECLS

guint bench_history_fill (LimberHistory      *history,
                          GDateTime          *now,
                          guint               n_days,
                          GRand              *rand,
                          const char * const *routine_ids,
                          const char * const *region_ids);

G_END_DECLS
