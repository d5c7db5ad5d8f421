/* limber-test-files.h: temporary folders for display-free tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void limber_test_remove_tree (const char *path);

G_END_DECLS
