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

#endif
