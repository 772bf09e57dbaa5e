/*
 * Settings: the rows the app lists (label and value), the selected one
 * with its arrows.
 */
#include "ui/screens.h"
#include "ui/theme.h"

void screen_settings_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w;
    ui_text(ui, u * 4, u * 3.5f, 6.5f, true, COL_ACCENT, UI_LEFT, 0,
            "SETTINGS");
    if (!v->settings)
        return;
    float y = u * 13;
    // Nine rows and more share the space above the hint.
    float step =
        v->nsettings_rows > 8 ? u * 76 / (float)v->nsettings_rows : u * 9.5f;
    for (int i = 0; i < v->nsettings_rows; i++) {
        bool sel = i == v->settings_sel;
        if (sel)
            ui_round_rect(ui, u * 3, y - u * 0.8f, W - u * 6, step - u * 0.9f,
                          u * 2, COL_PANEL_HI);
        ui_text(ui, u * 6, y + u * 0.8f, 4.6f, true, sel ? COL_TEXT : COL_DIM,
                UI_LEFT, W * 0.5f, v->settings_rows[i].label);
        ui_textf(ui, W - u * 6, y + u * 0.8f, 4.6f, true,
                 sel ? COL_ACCENT2 : COL_TEXT, UI_RIGHT, W * 0.4f,
                 sel ? "\xe2\x97\x80  %s  \xe2\x96\xb6" : "%s",
                 v->settings_rows[i].value);
        y += step;
    }
    widget_hint(ui, "\xe2\x96\xb2\xe2\x96\xbc: choose    \xe2\x97\x80 "
                    "\xe2\x96\xb6: change    Back: save");
    widget_notices(ui, v);
}
