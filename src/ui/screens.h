/*
 * The kiosk's screens. Each draws one whole frame from the view.
 */
#ifndef UL_UI_SCREENS_H
#define UL_UI_SCREENS_H

#include "ui/ui.h"
#include "ui/view.h"

void screens_draw(Ui *ui, const UiView *v);

void screen_home_draw(Ui *ui, const UiView *v);
void screen_session_draw(Ui *ui, const UiView *v);
void screen_summary_draw(Ui *ui, const UiView *v);
void screen_history_draw(Ui *ui, const UiView *v);
void screen_settings_draw(Ui *ui, const UiView *v);
void screen_suspects_draw(Ui *ui, const UiView *v);

// Shared widgets (widgets.c).
void widget_background(Ui *ui);
void widget_flame(Ui *ui, float cx, float base_y, float size, int64_t now_ms,
                  int streak);
void widget_notices(Ui *ui, const UiView *v);
void widget_caption(Ui *ui, const UiView *v);
void widget_progress(Ui *ui, float x, float y, float w, float h, float frac,
                     SDL_Color c);
void widget_hint(Ui *ui, const char *text);
// Where the hint's top is (one line, or two on a narrow screen).
float widget_hint_top(Ui *ui, const char *text);
// Where the clip or the demo figure goes: the caller's stage rectangle.
void widget_stage(Ui *ui, const UiView *v, float x, float y, float w, float h);

#endif
