/*
 * The easy-day question: home, darkened, under a panel asking whether to
 * start the routine anyway.
 */
#include "ui/screens.h"
#include "ui/theme.h"

void screen_confirm_draw(Ui *ui, const UiView *v)
{
    screen_home_draw(ui, v);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    ui_rect(ui, 0, 0, W, H, (SDL_Color){0, 0, 0, 170});
    ui_cover(ui);
    float bw = W - u * 16, bh = u * 34;
    ui_round_rect(ui, u * 8, (H - bh) / 2, bw, bh, u * 3, COL_PANEL);
    ui_text_wrapped(ui, u * 12, (H - bh) / 2 + u * 4, 5.0f, true, COL_TEXT,
                    bw - u * 8, 3, v->confirm_text ? v->confirm_text : "");
    ui_text(ui, W / 2, (H + bh) / 2 - u * 9, 4.2f, true, COL_ACCENT2, UI_CENTER,
            0, "OK: start anyway    Back: not today");
}
