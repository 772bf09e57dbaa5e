/*
 * The calendar of weeks on the history screen (see history_calendar.h).
 */
#include "ui/history_calendar.h"

#include <math.h>
#include <stdio.h>

#include "core/calendar.h"
#include "ui/theme.h"

#define COL_EMPTY ((SDL_Color){255, 255, 255, 30})
#define COL_FUTURE ((SDL_Color){255, 255, 255, 10})
#define COL_PAUSED ((SDL_Color){130, 140, 175, 150})
#define COL_SUSPECT ((SDL_Color){255, 90, 80, 110})
#define COL_MISSED ((SDL_Color){255, 110, 100, 255})
#define TICK "\xe2\x9c\x93"  // ✓
#define CROSS "\xe2\x9c\x97" // ✗

int history_calendar_pages(const HistoryView *hv)
{
    int n = hv->nweeks > 0 ? hv->nweeks : 1;
    return (n + HISTORY_PAGE_WEEKS - 1) / HISTORY_PAGE_WEEKS;
}

// The pause sign: two bars, drawn (no font has to have it).
static void pause_sign(Ui *ui, float cx, float cy, float h, SDL_Color c)
{
    ui_rect(ui, cx - h * 0.32f, cy - h / 2, h * 0.22f, h, c);
    ui_rect(ui, cx + h * 0.1f, cy - h / 2, h * 0.22f, h, c);
}

static void outline(Ui *ui, float x, float y, float w, float h, float t,
                    SDL_Color c)
{
    ui_rect(ui, x, y, w, t, c);
    ui_rect(ui, x, y + h - t, w, t, c);
    ui_rect(ui, x, y, t, h, c);
    ui_rect(ui, x + w - t, y, t, h, c);
}

// One item of the legend: a swatch (or a sign) and its label; returns the
// x after it.
static float legend_item(Ui *ui, float x, float y, const char *sign,
                         SDL_Color c, bool paused, const char *label)
{
    float u = ui->u, s = u * 3.0f;
    if (paused) {
        ui_rect(ui, x, y + u * 0.7f, s, s, COL_PAUSED);
        pause_sign(ui, x + s / 2, y + u * 0.7f + s / 2, s * 0.6f, COL_TEXT);
        x += s + u * 1.2f;
    } else if (sign) {
        x += ui_text_width(ui, 3.5f, true, sign) + u * 1.0f;
        ui_text(ui, x - u * 1.0f, y, 3.5f, true, c, UI_RIGHT, 0, sign);
    } else {
        ui_round_rect(ui, x, y + u * 0.7f, s, s, s * 0.2f, c);
        x += s + u * 1.2f;
    }
    return x + ui_text(ui, x, y, 3.5f, false, COL_DIM, UI_LEFT, 0, label);
}

// The legend in as many rows as the width needs; returns its height (and
// draws nothing when draw is false).
static float legend(Ui *ui, const HistoryView *hv, float x, float y, float w,
                    bool draw)
{
    float u = ui->u, row = u * 5.2f;
    const char *streak = hv->streak_title[0] ? hv->streak_title : "streak";
    struct {
        const char *sign;
        SDL_Color c;
        bool paused;
        const char *label;
    } items[] = {
        {NULL, COL_ACCENT, false, streak},
        {NULL, COL_LEFT, false, "other routines"},
        {TICK, COL_GOOD, false, "week met"},
        {CROSS, COL_MISSED, false, "missed"},
        {NULL, COL_PAUSED, true, "paused"},
        {"?", COL_WARN, false, "doubtful date"},
    };
    float cx = x, cy = y;
    for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
        // Measure first: an item that does not fit starts a new row.
        float iw = (items[i].sign && !items[i].paused
                        ? ui_text_width(ui, 3.5f, true, items[i].sign) + u
                        : u * 4.2f) +
                   ui_text_width(ui, 3.5f, false, items[i].label);
        if (cx > x && cx + iw > x + w) {
            cx = x;
            cy += row;
        }
        if (draw)
            legend_item(ui, cx, cy, items[i].sign, items[i].c, items[i].paused,
                        items[i].label);
        cx += iw + u * 4.5f;
    }
    return cy + row - y;
}

float history_calendar_draw(Ui *ui, const HistoryView *hv, int page, float x,
                            float y, float w, float h, bool with_legend)
{
    float u = ui->u;
    int pages = history_calendar_pages(hv);
    if (page >= pages)
        page = pages - 1;
    if (page < 0)
        page = 0;
    static const char *const letters[7] = {"M", "T", "W", "T", "F", "S", "S"};
    float lab_w = u * 4.5f, gx = x + lab_w;
    float months_h = u * 5.0f, marks_h = u * 6.0f, gy = y + months_h;
    float legend_h = with_legend ? legend(ui, hv, x, 0, w, false) : 0;
    float cell = fminf((w - lab_w) / HISTORY_PAGE_WEEKS, u * 6.2f);
    cell = fminf(cell, (h - months_h - marks_h - legend_h) / 7);
    float box = cell * 0.84f;
    // The page's last column is this week, or 16 weeks back per page.
    int last = hv->nweeks - 1 - page * HISTORY_PAGE_WEEKS;
    int64_t last_monday = cal_week_monday(cal_week_index(hv->today)) -
                          7 * (int64_t)page * HISTORY_PAGE_WEEKS;
    for (int r = 0; r < 7; r++)
        ui_text(ui, x, gy + r * cell + (box - u * 4.4f) / 2, 3.5f, false,
                COL_DIM, UI_LEFT, 0, letters[r]);
    float label_end = -1e9f;
    int prev_month = 0;
    for (int c = 0; c < HISTORY_PAGE_WEEKS; c++) {
        int k = last - (HISTORY_PAGE_WEEKS - 1 - c);
        int64_t monday = last_monday - 7 * (HISTORY_PAGE_WEEKS - 1 - c);
        const ViewWeek *wk = k >= 0 ? &hv->weeks[k] : NULL;
        float cx = gx + c * cell;
        // A month's label over the week its first day falls in (the first
        // column names its month too), with the year on January and on the
        // page's first label.
        int yy, mm, dd;
        cal_civil_from_days(monday + 6, &yy, &mm, &dd);
        if (mm != prev_month && (c > 0 || dd <= 10)) {
            char lab[16];
            if (label_end < 0 || mm == 1)
                snprintf(lab, sizeof(lab), "%s %d", cal_month_short(mm), yy);
            else
                snprintf(lab, sizeof(lab), "%s", cal_month_short(mm));
            if (cx >= label_end && cx + ui_text_width(ui, 3.5f, false, lab) <=
                                       gx + HISTORY_PAGE_WEEKS * cell + u * 4)
                label_end =
                    cx +
                    ui_text(ui, cx, y, 3.5f, false, COL_TEXT, UI_LEFT, 0, lab) +
                    u * 1.5f;
        }
        prev_month = mm;
        for (int r = 0; r < 7; r++) {
            int64_t day = monday + r;
            unsigned bits = wk ? wk->day[r] : 0;
            SDL_Color col = day > hv->today                       ? COL_FUTURE
                            : bits & VIEW_DAY_STREAK              ? COL_ACCENT
                            : bits & VIEW_DAY_OTHER               ? COL_LEFT
                            : wk && wk->state == VIEW_WEEK_PAUSED ? COL_PAUSED
                            : bits & VIEW_DAY_SUSPECT             ? COL_SUSPECT
                                                                  : COL_EMPTY;
            float cy = gy + r * cell;
            ui_round_rect(ui, cx, cy, box, box, box * 0.2f, col);
            if (bits & VIEW_DAY_SUSPECT)
                ui_text(ui, cx + box / 2, cy + (box - u * 4.4f) / 2, 3.5f, true,
                        COL_TEXT, UI_CENTER, 0, "?");
        }
        float my = gy + 7 * cell + u * 0.3f;
        if (!wk)
            continue;
        if (wk->state == VIEW_WEEK_OPEN || k == hv->nweeks - 1)
            outline(ui, cx - cell * 0.08f, gy - cell * 0.08f,
                    box + cell * 0.16f, 7 * cell, fmaxf(2, u * 0.45f),
                    COL_ACCENT2);
        if (wk->state == VIEW_WEEK_MET)
            ui_text(ui, cx + box / 2, my, 3.5f, true, COL_GOOD, UI_CENTER, 0,
                    TICK);
        else if (wk->state == VIEW_WEEK_MISSED)
            ui_text(ui, cx + box / 2, my, 3.5f, true, COL_MISSED, UI_CENTER, 0,
                    CROSS);
        else if (wk->state == VIEW_WEEK_PAUSED)
            pause_sign(ui, cx + box / 2, my + u * 2.2f, u * 2.6f, COL_DIM);
    }
    float ly = gy + 7 * cell + marks_h;
    if (with_legend)
        ly += legend(ui, hv, x, ly, w, true);
    return ly - y;
}
