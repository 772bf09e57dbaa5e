/*
 * Home: today's plan, the weekly streak flame, this week x/target, the
 * routine picker, the easy-day banner.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/screens.h"
#include "ui/theme.h"

static const char *const day_names[7] = {"Monday", "Tuesday", "Wednesday",
                                         "Thursday", "Friday", "Saturday",
                                         "Sunday"};

static void routine_card(Ui *ui, const UiView *v, int i, float x, float y,
                         float w, float h)
{
    const Routine *rt = v->routines[i];
    float u = ui->u;
    bool sel = i == v->selected;
    if (sel)
        ui_round_rect(ui, x - u * 0.6f, y - u * 0.6f, w + u * 1.2f, h + u * 1.2f,
                      u * 2.4f, COL_ACCENT);
    ui_round_rect(ui, x, y, w, h, u * 2, sel ? COL_PANEL_HI : COL_PANEL);
    float pad = u * 2.2f;
    if (i == v->today_routine) {
        ui_round_rect(ui, x + pad, y + pad, u * 13, u * 4.6f, u * 1.2f, COL_GOOD);
        ui_text(ui, x + pad + u * 6.5f, y + pad + u * 0.4f, 3.6f, true, COL_BG,
                UI_CENTER, 0, "TODAY");
    }
    ui_text(ui, x + pad, y + pad + u * 6, 6.0f, true, COL_TEXT, UI_LEFT,
            w - 2 * pad, rt->title);
    int exercises = 0;
    for (int k = 0; k < rt->nsteps; k++)
        if (k == 0 || strcmp(rt->steps[k].exercise_id, rt->steps[k - 1].exercise_id))
            exercises++;
    ui_textf(ui, x + pad, y + pad + u * 14, 3.8f, false, COL_ACCENT2, UI_LEFT,
             w - 2 * pad, "%d exercises", exercises);
    if (rt->frequency[0])
        ui_text(ui, x + pad, y + pad + u * 19, 3.5f, false, COL_DIM, UI_LEFT,
                w - 2 * pad, rt->frequency);
}

void screen_home_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    bool portrait = W < H;
    ui_text(ui, u * 4, u * 3.5f, 7.0f, true, COL_ACCENT, UI_LEFT, 0, "ULTRA LEGS");
    ui_text(ui, u * 4, u * 12, 4.0f, false, COL_DIM, UI_LEFT, 0, v->date_label);

    // Streak, top right.
    const HistoryView *hv = v->hv;
    int streak = hv ? hv->weekly.current : 0;
    float fx = W - u * 10;
    widget_flame(ui, fx, u * 17, u * 14, v->now_ms, streak);
    if (streak > 0)
        ui_textf(ui, fx - u * 9, u * 4, 5.0f, true, COL_TEXT, UI_RIGHT, 0,
                 "%d-week streak", streak);
    else
        ui_text(ui, fx - u * 9, u * 4, 5.0f, true, COL_TEXT, UI_RIGHT, 0,
                "Start a streak");
    if (hv) {
        ui_textf(ui, fx - u * 9, u * 11, 3.8f, false, COL_DIM, UI_RIGHT, 0,
                 "This week %d/%d", hv->weekly.this_week_sessions, hv->weekly_target);
        for (int k = 0; k < hv->weekly_target && k < 7; k++) {
            bool on = k < hv->weekly.this_week_sessions;
            ui_disc(ui, fx - u * 9 - k * u * 4 - u * 1.5f, u * 18, u * 1.4f,
                    on ? COL_ACCENT : (SDL_Color){255, 255, 255, 50});
        }
    }

    // Today's plan.
    float y = u * 24;
    const PlanDay *pd = &v->lib->plan.days[v->weekday];
    char line[256];
    snprintf(line, sizeof(line), "%s: %s", day_names[v->weekday],
             pd->run[0] ? pd->run : "no run planned");
    ui_text(ui, u * 4, y, 5.0f, true, COL_TEXT, UI_LEFT, W - u * 8, line);
    y += u * 7;
    const Routine *today = v->today_routine >= 0 ? v->routines[v->today_routine] : NULL;
    if (today)
        snprintf(line, sizeof(line), "Strength today: %s", today->title);
    else
        snprintf(line, sizeof(line), "No strength session planned today");
    ui_text(ui, u * 4, y, 4.2f, false, COL_ACCENT2, UI_LEFT, W - u * 8, line);
    y += u * 6.5f;
    if (hv && (hv->easy_day || hv->done_today)) {
        const char *msg = hv->done_today
            ? "Ultra Legs is done for today. Rest well."
            : "Yesterday was Ultra Legs: keep today's running easy.";
        ui_round_rect(ui, u * 4, y, W - u * 8, u * 6, u * 1.5f, (SDL_Color){60, 110, 80, 255});
        ui_text(ui, u * 6, y + u * 0.9f, 4.0f, true, COL_TEXT, UI_LEFT, W - u * 12, msg);
        y += u * 7.5f;
    }

    // Routine picker.
    int n = v->nroutines;
    if (n > 0) {
        float gap = u * 3;
        if (!portrait) {
            float cw = (W - u * 8 - gap * (n - 1)) / n;
            if (cw > u * 60)
                cw = u * 60;
            float total = cw * n + gap * (n - 1);
            float x0 = (W - total) / 2;
            float ch = u * 29;
            float cy = fmaxf(y + u * 2, H - u * 12 - ch);
            for (int i = 0; i < n; i++)
                routine_card(ui, v, i, x0 + i * (cw + gap), cy, cw, ch);
        } else {
            float ch = u * 24, cw = W - u * 8;
            for (int i = 0; i < n; i++)
                routine_card(ui, v, i, u * 4, y + u * 2 + i * (ch + gap), cw, ch);
        }
    }
    widget_hint(ui, "OK: start    \xe2\x97\x80 \xe2\x96\xb6: choose    H: history    S: settings");
    widget_notices(ui, v);
}
