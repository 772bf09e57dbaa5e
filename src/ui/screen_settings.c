/*
 * Settings: the rows the app lists (label and value), the selected one
 * with its arrows.
 */
#include "ui/screens.h"
#include "ui/theme.h"

// Deleting a runner, asked twice over the shaded settings.
static void ask_panel(Ui *ui, const UiView *v)
{
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    ui_rect(ui, 0, 0, W, H, (SDL_Color){0, 0, 0, 170});
    ui_cover(ui);
    float bw = W - u * 16, bh = u * 36;
    ui_round_rect(ui, u * 8, (H - bh) / 2, bw, bh, u * 3, COL_PANEL);
    ui_text_block(ui, u * 12, (H - bh) / 2 + u * 4, 5.0f, true, COL_TEXT,
                  UI_LEFT, bw - u * 8, u * 20, 3, v->runner_ask_text, true);
    ui_text_block(ui, W / 2, (H + bh) / 2 - u * 10, 4.2f, true,
                  v->runner_ask == 2 ? COL_WARN : COL_ACCENT2, UI_CENTER,
                  bw - u * 8, u * 9, 2,
                  v->runner_ask == 2 ? "OK: delete    Back: keep"
                                     : "OK: go on    Back: keep",
                  true);
}

void screen_settings_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w;
    ui_text(ui, u * 4, u * 3.5f, 6.5f, true, COL_ACCENT, UI_LEFT, 0,
            "SETTINGS");
    if (!v->settings)
        return;
    // As many rows as fit above the hint; more scroll with the selection,
    // and a dim arrow says there are more above or below.
    float y = u * 13, pitch = u * 9.5f;
    int fit = (int)((ui->h - u * 9 - y) / pitch);
    int n = v->nsettings_rows, first = 0;
    if (fit < 1)
        fit = 1;
    if (n > fit) {
        first = v->settings_sel - fit / 2;
        first = first < 0 ? 0 : first > n - fit ? n - fit : first;
        // At the right edge: clear of the title and of long labels.
        if (first > 0)
            ui_text(ui, W - u * 6, u * 4.5f, 4.0f, true, COL_DIM, UI_RIGHT, 0,
                    "\xe2\x96\xb2");
        if (first + fit < n)
            ui_text(ui, W - u * 6, y + fit * pitch - u * 0.9f, 4.0f, true,
                    COL_DIM, UI_RIGHT, 0, "\xe2\x96\xbc");
    }
    for (int i = first; i < n && i < first + fit; i++) {
        bool sel = i == v->settings_sel;
        if (sel)
            ui_round_rect(ui, u * 3, y - u * 0.8f, W - u * 6, pitch - u * 0.9f,
                          u * 2, COL_PANEL_HI);
        ui_text(ui, u * 6, y + u * 0.8f, 4.6f, true, sel ? COL_TEXT : COL_DIM,
                UI_LEFT, W * 0.5f, v->settings_rows[i].label);
        ui_textf(ui, W - u * 6, y + u * 0.8f, 4.6f, true,
                 sel ? COL_ACCENT2 : COL_TEXT, UI_RIGHT, W * 0.4f,
                 sel ? "\xe2\x97\x80  %s  \xe2\x96\xb6" : "%s",
                 v->settings_rows[i].value);
        y += pitch;
    }
    widget_hint(ui, "\xe2\x96\xb2\xe2\x96\xbc: choose    \xe2\x97\x80 "
                    "\xe2\x96\xb6: change    Back: save");
    widget_notices(ui, v);
    if (v->runner_ask)
        ask_panel(ui, v);
}
