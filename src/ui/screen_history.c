/*
 * History: the weekly streak's story. The current and longest streak with
 * their dates, what this week still needs, a calendar of weeks that pages
 * back through the whole history (history_calendar.c), band-work days, and
 * the Ultra Legs progression as sparklines.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "ui/history_calendar.h"
#include "ui/screens.h"
#include "ui/theme.h"

// The keys that do something on this page: no paging on a history that
// fits one page, no "forward" on this week's page, no "back" on the oldest.
static const char *history_hint(int page, int pages)
{
    if (pages <= 1)
        return "OK or Back: home";
    if (page == 0)
        return "\xe2\x97\x80: 16 weeks back    OK or Back: home";
    if (page >= pages - 1)
        return "\xe2\x96\xb6: 16 weeks forward    OK or Back: home";
    return "\xe2\x97\x80 \xe2\x96\xb6: 16 weeks back / forward    OK or "
           "Back: home";
}

// The streak in words, one text per line, wrapped in width w; returns the
// height used.
static float figures(Ui *ui, const HistoryView *hv, float x, float y, float w)
{
    float u = ui->u, y0 = y;
    const WeeklyStreak *ws = &hv->weekly;
    char line[RT_NAME_MAX + 96], when[32], range[64];
    if (ws->current > 0) {
        cal_format_day(ws->current_from, true, when, sizeof(when));
        snprintf(line, sizeof(line), "Streak %d week%s since %s", ws->current,
                 ws->current == 1 ? "" : "s", when);
    } else {
        snprintf(line, sizeof(line), "No streak yet");
    }
    y += ui_text_wrapped(ui, x, y, 4.8f, true, COL_TEXT, w, 2, line);
    if (ws->longest > 0) {
        cal_format_range(ws->longest_from, ws->longest_to, range,
                         sizeof(range));
        snprintf(line, sizeof(line), "best %d week%s: %s", ws->longest,
                 ws->longest == 1 ? "" : "s", range);
        y += ui_text_wrapped(ui, x, y, 3.8f, false, COL_DIM, w, 2, line);
    }
    y += u * 1.0f;
    history_view_week_need(hv, line, sizeof(line));
    y += ui_text_wrapped(ui, x, y, 4.2f, true,
                         ws->status == STREAK_OPEN ? COL_ACCENT2 : COL_GOOD, w,
                         2, line);
    snprintf(line, sizeof(line),
             "%d session%s  \xc2\xb7  level %d  \xc2\xb7  band work: %d day%s "
             "in a row",
             hv->total_sessions, hv->total_sessions == 1 ? "" : "s", hv->level,
             hv->band_current, hv->band_current == 1 ? "" : "s");
    y += u * 0.5f;
    y += ui_text_wrapped(ui, x, y, 3.6f, false, COL_DIM, w, 2, line);
    return y - y0;
}

// Sparklines of the Ultra Legs steps done, or why there are none.
static void progression(Ui *ui, const HistoryView *hv, float sx, float sy,
                        float sw, float bottom)
{
    float u = ui->u;
    int shown = 0;
    for (int i = 0; i < hv->nprog; i++) {
        const ViewProgression *p = &hv->prog[i];
        float y = sy + shown * u * 10;
        if (y + u * 10 > bottom)
            break;
        if (p->item.sessions == 0 || strcmp(p->routine, "ultra-legs") != 0)
            continue;
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
            ui, sx, sy, 3.8f, false, COL_DIM, sw, 8,
            hv->no_detail_sessions
                ? HISTORY_NO_DETAIL_TEXT
                : "Finish an Ultra Legs session to see your progression here.");
}

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
    // Landscape: the streak and the calendar on the left, the progression
    // on the right. Portrait: one under the other.
    bool portrait = W < H;
    float lw = portrait ? W - u * 8 : W * 0.58f - u * 4;
    int page = v->history_page, pages = history_calendar_pages(hv);
    if (page >= pages)
        page = pages - 1;
    const char *hint = history_hint(page, pages);
    float bottom =
        fminf(widget_hint_top(ui, hint), widget_notices_top(ui, v)) - u * 1.5f;
    float y = u * 12;
    y += figures(ui, hv, u * 4, y, W - u * 8);
    y += u * 2.5f;
    float top = y;
    float cal_h =
        portrait ? fminf(bottom - y - u * 24, lw * 0.75f) : bottom - y;
    // A portrait screen has room for the 16 weeks before too, above.
    if (portrait && page + 1 < pages && bottom - y > u * 140) {
        y += history_calendar_draw(ui, hv, page + 1, u * 4, y, lw, u * 56,
                                   false) +
             u * 2;
        cal_h = fminf(cal_h, bottom - y - u * 14);
    }
    y += history_calendar_draw(ui, hv, page, u * 4, y, lw, cal_h, true);
    float sx = portrait ? u * 4 : W * 0.62f, sy = portrait ? y + u * 2 : top;
    float sw = portrait ? W - u * 8 : W - sx - u * 4;
    progression(ui, hv, sx, sy, sw, bottom);
    widget_hint(ui, hint);
    widget_notices(ui, v);
}
