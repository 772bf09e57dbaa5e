/*
 * The kiosk's screens. Each draws one whole frame from the view.
 */
#ifndef UL_UI_SCREENS_H
#define UL_UI_SCREENS_H

#include "ui/ui.h"
#include "ui/view.h"

// The screen the view names, and the idle dimming over it.
void screens_draw(Ui *ui, const UiView *v);

// One per screen, in ui/screen_NAME.c.
#define SCREEN_DRAW_DECL(id, name)                                             \
    void screen_##name##_draw(Ui *ui, const UiView *v);
SCREEN_LIST(SCREEN_DRAW_DECL)
#undef SCREEN_DRAW_DECL

// Shared widgets (widgets.c).
void widget_background(Ui *ui);
void widget_flame(Ui *ui, float cx, float base_y, float size, int64_t now_ms,
                  int streak);
void widget_notices(Ui *ui, const UiView *v);
void widget_caption(Ui *ui, const UiView *v);
void widget_pause_menu(Ui *ui, const UiView *v);
void widget_progress(Ui *ui, float x, float y, float w, float h, float frac,
                     SDL_Color c);
void widget_hint(Ui *ui, const char *text);
// Where the hint's top is (one line, or two on a narrow screen).
float widget_hint_top(Ui *ui, const char *text);
// Where the notices above the hint begin (the screen's height when none
// stand there); the width the notice badge takes in a workout's corner.
float widget_notices_top(Ui *ui, const UiView *v);
float widget_notice_badge_w(Ui *ui, const UiView *v);
// Where the clip or the demo figure goes: the caller's stage rectangle.
void widget_stage(Ui *ui, const UiView *v, float x, float y, float w, float h);

#endif
