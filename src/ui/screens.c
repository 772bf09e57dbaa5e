/*
 * Screen dispatch: the draw function of every screen in SCREEN_LIST
 * (ui/view.h), and the idle dimming over whichever is shown.
 */
#include "ui/screens.h"
#include "ui/theme.h"

typedef void (*ScreenDrawFn)(Ui *ui, const UiView *v);

#define SCREEN_DRAW_ENTRY(id, name) [id] = screen_##name##_draw,
static const ScreenDrawFn DRAW[SCREEN_COUNT] = {SCREEN_LIST(SCREEN_DRAW_ENTRY)};
#undef SCREEN_DRAW_ENTRY

void screens_draw(Ui *ui, const UiView *v)
{
    if ((unsigned)v->screen < SCREEN_COUNT)
        DRAW[v->screen](ui, v);
    if (v->dimmed) {
        // Idle: darken the screen, keep a small reminder.
        ui_rect(ui, 0, 0, (float)ui->w, (float)ui->h,
                (SDL_Color){0, 0, 0, 200});
        ui_cover(ui);
        ui_text(ui, ui->w / 2.0f, ui->h * 0.45f, 4.0f, true, COL_DIM, UI_CENTER,
                0, "Press OK to wake");
    }
}
