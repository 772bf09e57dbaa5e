/*
 * Doubtful dates: the sessions whose clock was wrong (before 2020, before an
 * earlier session, or in the future), kept out of the streak until the
 * runner moves one to its right day or deletes it.
 */
#include <stdio.h>

#include "ui/screens.h"
#include "ui/theme.h"

void screen_suspects_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    ui_text(ui, u * 4, u * 3.5f, 6.5f, true, COL_ACCENT, UI_LEFT, 0,
            "DOUBTFUL DATES");
    ui_text(ui, u * 4, u * 12, 3.6f, false, COL_DIM, UI_LEFT, W - u * 8,
            "The clock was wrong for these: they do not count for the streak.");
    if (v->nsuspects == 0) {
        ui_text(ui, W / 2, H * 0.45f, 5.0f, true, COL_GOOD, UI_CENTER,
                W - u * 8, "Every session has a sane date");
        widget_hint(ui, "Back: settings");
        widget_notices(ui, v);
        return;
    }
    float y = u * 19;
    for (int i = 0; i < v->nsuspects; i++) {
        bool sel = i == v->suspect_sel;
        float h = sel ? u * 15 : u * 8.6f;
        if (sel)
            ui_round_rect(ui, u * 3, y - u * 0.8f, W - u * 6, h, u * 2,
                          COL_PANEL_HI);
        ui_textf(ui, u * 6, y + u * 0.6f, 4.2f, true, sel ? COL_TEXT : COL_DIM,
                 UI_LEFT, W * 0.55f, "%s  %s", v->suspects[i].when,
                 v->suspects[i].title);
        ui_text(ui, W - u * 6, y + u * 0.6f, 3.8f, false, COL_ACCENT2, UI_RIGHT,
                W * 0.35f, v->suspects[i].why);
        if (sel)
            ui_textf(ui, u * 6, y + u * 7.2f, 4.2f, true, COL_ACCENT2, UI_LEFT,
                     W - u * 12, "Move to  \xe2\x97\x80  %s  \xe2\x96\xb6",
                     v->suspect_new_when);
        y += h + u * 1.2f;
    }
    if (v->suspects_total > v->nsuspects)
        ui_textf(ui, u * 6, y, 3.6f, false, COL_DIM, UI_LEFT, W - u * 12,
                 "and %d more (ultralegs --suspect-sessions lists them all)",
                 v->suspects_total - v->nsuspects);
    widget_hint(ui, "\xe2\x97\x80 \xe2\x96\xb6: a day earlier/later    OK: "
                    "save the date    "
                    "Pause: delete    Back: settings");
    if (v->suspect_confirm) {
        ui_rect(ui, 0, 0, W, H, (SDL_Color){0, 0, 0, 170});
        float bw = W - u * 16, bh = u * 30;
        ui_round_rect(ui, u * 8, (H - bh) / 2, bw, bh, u * 3, COL_PANEL);
        char ask[160];
        snprintf(ask, sizeof(ask), "Delete %s of %s for good?",
                 v->suspects[v->suspect_sel].title,
                 v->suspects[v->suspect_sel].when);
        ui_text_wrapped(ui, u * 12, (H - bh) / 2 + u * 4, 5.0f, true, COL_TEXT,
                        bw - u * 8, 2, ask);
        ui_text(ui, W / 2, (H + bh) / 2 - u * 9, 4.2f, true, COL_ACCENT2,
                UI_CENTER, bw - u * 4, "OK: delete    Back: keep it");
    }
    widget_notices(ui, v);
}
