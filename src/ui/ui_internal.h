/*
 * What ui.c and ui_text.c share and no screen needs.
 */
#ifndef UL_UI_UI_INTERNAL_H
#define UL_UI_UI_INTERNAL_H

#include "ui/ui.h"

// Drop every cached text texture (the size changed, or the end).
void ui_text_forget(Ui *ui);
// Let go of the texts not drawn lately (UI_TEXT_KEEP_FRAMES); once a frame.
void ui_text_trim(Ui *ui);

// ui_sprite.c: shapes copied from pre-coloured textures on the software
// renderer. False when not used (another renderer): draw the shape itself.
bool ui_sprite_rect(Ui *ui, float x, float y, float w, float h, SDL_Color c);
bool ui_sprite_disc(Ui *ui, float cx, float cy, float radius, SDL_Color c);
// A ring's arc from the top, clockwise over `fraction` of the circle.
bool ui_sprite_ring(Ui *ui, float cx, float cy, float radius, float thickness,
                    float fraction, SDL_Color c);
// The four round corners of a rectangle (whole pixels), its sides left to
// the caller.
bool ui_sprite_corners(Ui *ui, int x, int y, int w, int h, int radius,
                       SDL_Color c);
void ui_sprites_forget(Ui *ui);
// Let go of the shapes not drawn lately (as texts); once a frame.
void ui_sprites_trim(Ui *ui);

#endif
