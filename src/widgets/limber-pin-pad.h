/* limber-pin-pad.h: digits to tap, for a PIN on a touch screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_PIN_PAD (limber_pin_pad_get_type ())
G_DECLARE_FINAL_TYPE (LimberPinPad, limber_pin_pad, LIMBER, PIN_PAD, GtkWidget)

GtkWidget *limber_pin_pad_new          (void);
void       limber_pin_pad_set_lengths  (LimberPinPad *self,
                                        guint         min_length,
                                        guint         max_length);
guint      limber_pin_pad_get_length   (LimberPinPad *self);
void       limber_pin_pad_clear        (LimberPinPad *self);
void       limber_pin_pad_shake        (LimberPinPad *self);
GtkWidget *limber_pin_pad_get_key      (LimberPinPad *self,
                                        const char   *name);

G_END_DECLS
