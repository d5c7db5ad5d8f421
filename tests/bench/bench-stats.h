/* bench-stats.h: the median the benchmarks report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* Sorts @samples (doubles) and returns the middle one. */
double bench_median (GArray *samples);
