/*
 * History: a calendar heatmap of the last 16 weeks, current and longest
 * weekly streak, band-work days, and per-exercise sparklines.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "ui/screens.h"
#include "ui/theme.h"

#define HEAT_WEEKS 16

void screen_history_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    ui_text(ui, u * 4, u * 3.5f, 6.5f, true, COL_ACCENT, UI_LEFT, 0, "HISTORY");
    const HistoryView *hv = v->hv;
    if (!hv) {
        ui_text(ui, u * 4, u * 15, 4.5f, true, COL_TEXT, UI_LEFT, W - u * 8,
                "No history available.");
        widget_notices(ui, v);
        return;
    }
    // The figures: top right, or under the title on a portrait screen.
    bool portrait = W < H;
    float fx = portrait ? u * 4 : W - u * 4;
    UiAlign fa = portrait ? UI_LEFT : UI_RIGHT;
    ui_textf(ui, fx, portrait ? u * 12 : u * 3.5f, 4.5f, true, COL_TEXT, fa,
             W - u * 8, "Streak %d week%s  \xc2\xb7  best %d",
             hv->weekly.current, hv->weekly.current == 1 ? "" : "s",
             hv->weekly.longest);
    ui_textf(ui, fx, portrait ? u * 18.5f : u * 10, 3.6f, false, COL_DIM, fa,
             portrait ? W - u * 8 : W - u * 50,
             "%d session%s  \xc2\xb7  level %d  \xc2\xb7  band work: %d day%s "
             "in a row",
             hv->total_sessions, hv->total_sessions == 1 ? "" : "s", hv->level,
             hv->band_current, hv->band_current == 1 ? "" : "s");

    // Heatmap: weeks as columns, Monday at the top.
    float area_w = portrait ? W - u * 8 : W * 0.5f;
    float cell = fminf(area_w / HEAT_WEEKS, u * 6.2f);
    float x0 = u * 4 + u * 6, y0 = portrait ? u * 26 : u * 19;
    int64_t this_monday = hv->today - cal_weekday(hv->today);
    static const char *const d[7] = {"M", "T", "W", "T", "F", "S", "S"};
    for (int r = 0; r < 7; r++)
        ui_text(ui, u * 4, y0 + r * cell + cell * 0.15f, 3.5f, false, COL_DIM,
                UI_LEFT, 0, d[r]);
    for (int c = 0; c < HEAT_WEEKS; c++) {
        int64_t monday = this_monday - 7 * (HEAT_WEEKS - 1 - c);
        for (int r = 0; r < 7; r++) {
            int64_t day = monday + r;
            int lvl = 0;
            for (int k = 0; k < HISTORY_DAYS_MAX && k < hv->ndays; k++)
                if (hv->days[k].day == day)
                    lvl = hv->days[k].level;
            SDL_Color col = day > hv->today ? (SDL_Color){255, 255, 255, 10}
                            : lvl == 2      ? COL_ACCENT
                            : lvl == 1      ? COL_LEFT
                                            : (SDL_Color){255, 255, 255, 30};
            ui_round_rect(ui, x0 + c * cell, y0 + r * cell, cell * 0.86f,
                          cell * 0.86f, cell * 0.18f, col);
        }
    }
    float ly = y0 + 7 * cell + u * 1.5f;
    ui_rect(ui, x0, ly + u * 0.8f, u * 2.5f, u * 2.5f, COL_ACCENT);
    ui_text(ui, x0 + u * 3.5f, ly, 3.5f, false, COL_DIM, UI_LEFT, 0,
            "Ultra Legs");
    ui_rect(ui, x0 + u * 26, ly + u * 0.8f, u * 2.5f, u * 2.5f, COL_LEFT);
    ui_text(ui, x0 + u * 29.5f, ly, 3.5f, false, COL_DIM, UI_LEFT, 0,
            "other routines");

    // Sparklines of the routines that have been done.
    float sx = portrait ? u * 4 : W * 0.58f,
          sy = portrait ? ly + u * 8 : u * 19;
    float sw = portrait ? W - u * 8 : W - sx - u * 4;
    int shown = 0;
    for (int i = 0; i < hv->nprog && shown < 6; i++) {
        const ViewProgression *p = &hv->prog[i];
        if (p->item.sessions == 0 || strcmp(p->routine, "ultra-legs") != 0)
            continue;
        float y = sy + shown * u * 10;
        ui_text(ui, sx, y, 3.6f, true, COL_TEXT, UI_LEFT, sw * 0.72f, p->title);
        ui_textf(ui, sx + sw, y, 3.6f, true, COL_ACCENT2, UI_RIGHT, 0,
                 "next %d", p->item.target);
        int n = p->item.nseries, mx = 1;
        for (int k = 0; k < n; k++)
            if (p->item.series[k] > mx)
                mx = p->item.series[k];
        float bw = sw / PROG_SERIES_MAX;
        for (int k = 0; k < n; k++) {
            float bh = u * 4 * p->item.series[k] / mx;
            ui_rect(ui, sx + k * bw, y + u * 9 - bh, bw * 0.7f, bh, COL_GOOD);
        }
        shown++;
    }
    if (shown == 0)
        ui_text_wrapped(
            ui, sx, sy, 3.8f, false, COL_DIM, sw, 3,
            "Finish an Ultra Legs session to see your progression here.");
    widget_hint(ui, "OK or Back: home");
    widget_notices(ui, v);
}
