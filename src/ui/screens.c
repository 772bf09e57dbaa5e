/*
 * Screen dispatch.
 */
#include "ui/screens.h"
#include "ui/theme.h"

static void draw_confirm(Ui *ui, const UiView *v)
{
    screen_home_draw(ui, v);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    ui_rect(ui, 0, 0, W, H, (SDL_Color){0, 0, 0, 170});
    ui_cover(ui);
    float bw = W - u * 16, bh = u * 34;
    ui_round_rect(ui, u * 8, (H - bh) / 2, bw, bh, u * 3, COL_PANEL);
    ui_text_wrapped(ui, u * 12, (H - bh) / 2 + u * 4, 5.0f, true, COL_TEXT,
                    bw - u * 8, 3, v->confirm_text ? v->confirm_text : "");
    ui_text(ui, W / 2, (H + bh) / 2 - u * 9, 4.2f, true, COL_ACCENT2, UI_CENTER, 0,
            "OK: start anyway    Back: not today");
}

void screens_draw(Ui *ui, const UiView *v)
{
    switch (v->screen) {
    case SCREEN_HOME: screen_home_draw(ui, v); break;
    case SCREEN_CONFIRM: draw_confirm(ui, v); break;
    case SCREEN_SESSION: screen_session_draw(ui, v); break;
    case SCREEN_SUMMARY: screen_summary_draw(ui, v); break;
    case SCREEN_HISTORY: screen_history_draw(ui, v); break;
    case SCREEN_SETTINGS: screen_settings_draw(ui, v); break;
    case SCREEN_SUSPECTS: screen_suspects_draw(ui, v); break;
    }
    if (v->dimmed) {
        // Idle: darken the screen, keep a small reminder.
        ui_rect(ui, 0, 0, (float)ui->w, (float)ui->h, (SDL_Color){0, 0, 0, 200});
        ui_cover(ui);
        ui_text(ui, ui->w / 2.0f, ui->h * 0.45f, 4.0f, true, COL_DIM, UI_CENTER, 0,
                "Press OK to wake");
    }
}
