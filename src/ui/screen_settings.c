/*
 * Settings: volume, voice, tempo, weekly target, units, optional exercises,
 * pausing the streak for this week, and the way to sessions whose date is
 * doubtful.
 */
#include <stdio.h>

#include "ui/screens.h"
#include "ui/theme.h"

void screen_settings_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w;
    ui_text(ui, u * 4, u * 3.5f, 6.5f, true, COL_ACCENT, UI_LEFT, 0, "SETTINGS");
    const Settings *s = v->settings;
    if (!s)
        return;
    char val[SETTINGS_ITEMS][48];
    snprintf(val[0], sizeof(val[0]), "%d%%", s->volume);
    snprintf(val[1], sizeof(val[1]), "%s", s->voice ? "On" : "Off");
    snprintf(val[2], sizeof(val[2]), "%d%%", s->tempo_pct);
    if (s->weekly_target > 0)
        snprintf(val[3], sizeof(val[3]), "%d a week", s->weekly_target);
    else
        snprintf(val[3], sizeof(val[3]), "As planned (%d)", v->lib->plan.weekly_target);
    snprintf(val[4], sizeof(val[4]), "%s", s->units == UNITS_LB ? "lb" : "kg");
    snprintf(val[5], sizeof(val[5]), "%s", s->include_optional ? "Included" : "Skipped");
    snprintf(val[6], sizeof(val[6]), "%s", v->week_paused ? "Paused" : "Counting");
    if (v->suspects_total)
        snprintf(val[7], sizeof(val[7]), "%d to check", v->suspects_total);
    else
        snprintf(val[7], sizeof(val[7]), "None");
    static const char *const names[SETTINGS_ITEMS] = {
        "Volume", "Voice", "Counting tempo", "Streak target", "Weights in",
        "Optional exercises", "This week's streak", "Doubtful dates"};
    float y = u * 13;
    for (int i = 0; i < SETTINGS_ITEMS; i++) {
        bool sel = i == v->settings_sel;
        if (sel)
            ui_round_rect(ui, u * 3, y - u * 0.8f, W - u * 6, u * 8.6f, u * 2, COL_PANEL_HI);
        ui_text(ui, u * 6, y + u * 0.8f, 4.6f, true, sel ? COL_TEXT : COL_DIM, UI_LEFT,
                W * 0.5f, names[i]);
        ui_textf(ui, W - u * 6, y + u * 0.8f, 4.6f, true, sel ? COL_ACCENT2 : COL_TEXT,
                 UI_RIGHT, W * 0.4f, sel ? "\xe2\x97\x80  %s  \xe2\x96\xb6" : "%s", val[i]);
        y += u * 9.5f;
    }
    widget_hint(ui, "\xe2\x96\xb2\xe2\x96\xbc: choose    \xe2\x97\x80 \xe2\x96\xb6: change    Back: save");
    widget_notices(ui, v);
}
