/* limber-application-private.h: shared by the application's source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "limber-application.h"

G_BEGIN_DECLS

void _limber_application_add_actions (LimberApplication *self);

G_END_DECLS
