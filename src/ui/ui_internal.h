/*
 * What ui.c and ui_text.c share and no screen needs.
 */
#ifndef UL_UI_UI_INTERNAL_H
#define UL_UI_UI_INTERNAL_H

#include "ui/ui.h"

// Drop every cached text texture (the size changed, or the end).
void ui_text_forget(Ui *ui);

#endif
