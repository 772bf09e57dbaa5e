/*
 * Home: today's plan, the weekly streak flame, this week x/target, the
 * easy-day banner and the routine picker: a carousel with the selected
 * routine large and centred, its neighbours peeking from the sides, a
 * position indicator, sliding one card per left/right.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/screens.h"
#include "ui/theme.h"

#define SLIDE_MS 250
#define HOME_HINT                                                              \
    "OK: start    \xe2\x97\x80 \xe2\x96\xb6: choose    H: history    S: "      \
    "settings"
#define HOME_HINT_RUNNERS HOME_HINT "    Back: runners"

static const char *const day_names[7] = {"Monday",   "Tuesday", "Wednesday",
                                         "Thursday", "Friday",  "Saturday",
                                         "Sunday"};

static int exercise_count(const Routine *rt)
{
    int n = 0;
    for (int k = 0; k < rt->nsteps; k++)
        if (k == 0 ||
            strcmp(rt->steps[k].exercise_id, rt->steps[k - 1].exercise_id))
            n++;
    return n;
}

// Today's planned routine is a streak routine.
static bool plan_streak_today(const UiView *v)
{
    const Routine *today =
        v->today_routine >= 0 ? v->routines[v->today_routine] : NULL;
    bool yes = false;
    for (int i = 0; today && v->hv && i < v->lib->plan.nstreak; i++)
        yes = yes || strcmp(v->lib->plan.streak_routines[i], today->id) == 0;
    return yes;
}

// The week is met only if a streak routine is done today as well.
static bool week_needs_today(const HistoryView *hv)
{
    return hv && hv->weekly.status == STREAK_OPEN && hv->weekly.needed > 0 &&
           hv->weekly.deadline - hv->today + 1 <= hv->weekly.needed;
}

// The plan's strength, the easy-day rule and what the week still needs say
// one thing: a streak routine the day after one is for a week that needs it
// today; otherwise today is an easy day, and no card says TODAY.
static bool resting_today(const UiView *v)
{
    return plan_streak_today(v) && v->hv->easy_day && !v->hv->done_today &&
           !week_needs_today(v->hv);
}

// Every word of the text fits on a line of width w (no word is broken).
static bool words_fit(Ui *ui, float size, float w, const char *text)
{
    char word[RT_NAME_MAX];
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        if (n >= sizeof(word))
            return false;
        memcpy(word, p, n);
        word[n] = '\0';
        if (n && ui_text_width(ui, size, true, word) > w)
            return false;
        p += n;
        p += strspn(p, " ");
    }
    return true;
}

// One card. The selected card's texts only when the whole card is on the
// screen; a card peeking from the edge shows its title in its visible part
// when the title fits there whole, never half a title.
static void routine_card(Ui *ui, const UiView *v, int i, float x, float y,
                         float w, float h, bool sel)
{
    const Routine *rt = v->routines[i];
    float u = ui->u;
    if (sel)
        ui_round_rect(ui, x - u * 0.6f, y - u * 0.6f, w + u * 1.2f,
                      h + u * 1.2f, u * 2.4f, COL_ACCENT);
    ui_round_rect(ui, x, y, w, h, u * 2, sel ? COL_PANEL_HI : COL_PANEL);
    if (!sel) {
        // A neighbour says what it is: its title, in the part of the card
        // on the screen, when it fits there whole.
        float pad = u * 2.5f, vx = fmaxf(x, 0) + pad,
              vw = fminf(x + w, ui->w) - pad - vx;
        if (vw >= u * 12 && words_fit(ui, 4.5f, vw, rt->title) &&
            ui_text_lines(ui, 4.5f, true, vw, rt->title) > 0 &&
            ui_text_lines(ui, 4.5f, true, vw, rt->title) <= 3) {
            float th = ui_text_block(ui, vx, y, 4.5f, true, COL_DIM, UI_LEFT,
                                     vw, h, 3, rt->title, false);
            ui_text_block(ui, vx, y + (h - th) / 2, 4.5f, true, COL_DIM,
                          UI_LEFT, vw, h, 3, rt->title, true);
        }
        return;
    }
    if (x < 0 || x + w > ui->w)
        return;
    float pad = u * 2.5f, tw = w - 2 * pad;
    bool today = i == v->today_routine && !resting_today(v);
    // Below the title: the count and how often; the title takes the rest.
    float badge = today ? u * 7 : 0, below = u * (rt->frequency[0] ? 12 : 6.5f);
    float th = fminf(h - 2 * pad - badge - below, u * 30);
    float title_h = ui_text_block(ui, x + pad, y, 8.0f, true, COL_TEXT, UI_LEFT,
                                  tw, th, 4, rt->title, false);
    // What it is, where there is room for it.
    float blurb_line = u * 3.8f * 1.25f;
    int room =
        (int)((h - 2 * pad - badge - title_h - below - u * 1.5f) / blurb_line);
    int need = rt->blurb[0] ? ui_text_lines(ui, 3.8f, false, tw, rt->blurb) : 0;
    if (need > room)
        need = 0;
    float content =
        badge + title_h + below + (need ? u * 1.5f + need * blurb_line : 0);
    // The whole block centred in the card.
    float ty = y + pad + fmaxf(0, (h - 2 * pad - content) / 2);
    if (today) {
        int bw = ui_text_width(ui, 3.6f, true, "TODAY");
        ui_round_rect(ui, x + pad, ty, bw + u * 3, u * 5.4f, u * 1.2f,
                      COL_GOOD);
        ui_text(ui, x + pad + u * 1.5f, ty + u * 0.6f, 3.6f, true, COL_BG,
                UI_LEFT, 0, "TODAY");
        ty += badge;
    }
    ty += ui_text_block(ui, x + pad, ty, 8.0f, true, COL_TEXT, UI_LEFT, tw, th,
                        4, rt->title, true);
    ty += u * 1.5f;
    int n = exercise_count(rt);
    ui_textf(ui, x + pad, ty, 4.0f, false, COL_ACCENT2, UI_LEFT, tw,
             "%d exercise%s", n, n == 1 ? "" : "s");
    if (rt->frequency[0])
        ui_text(ui, x + pad, ty + u * 5.5f, 3.5f, false, COL_DIM, UI_LEFT, tw,
                rt->frequency);
    if (need)
        ui_text_wrapped(ui, x + pad, ty + below + u * 0.5f, 3.8f, false,
                        COL_TEXT, tw, need, rt->blurb);
}

// Dots for a few routines, "7 / 60" for many.
static void position_indicator(Ui *ui, const UiView *v, float cy)
{
    float u = ui->u, W = (float)ui->w;
    int n = v->nroutines;
    if (n <= 1)
        return;
    float step = u * 3.2f;
    if (n <= 12 && step * n < W - u * 8) {
        float x0 = W / 2 - step * (n - 1) / 2;
        for (int i = 0; i < n; i++)
            ui_disc(
                ui, x0 + i * step, cy, i == v->selected ? u * 1.1f : u * 0.7f,
                i == v->selected ? COL_ACCENT : (SDL_Color){255, 255, 255, 70});
        return;
    }
    ui_textf(ui, W / 2, cy - u * 2.2f, 3.6f, true, COL_DIM, UI_CENTER, 0,
             "%d / %d", v->selected + 1, n);
}

static void carousel(Ui *ui, const UiView *v, float top, float bottom)
{
    float u = ui->u, W = (float)ui->w;
    int n = v->nroutines;
    if (n == 0)
        return;
    float ch = fminf(bottom - top, W >= ui->h ? u * 52 : u * 90);
    float cw = W >= ui->h ? fminf(W * 0.52f, u * 92) : W - u * 22;
    float gap = u * 4;
    // Where the row stands: sliding from the previous card to this one.
    float t = (float)(v->now_ms - v->selected_ms) / SLIDE_MS;
    float pos = (float)v->selected;
    if (v->scroll_dir && t >= 0 && t < 1) {
        float ease = 1 - (1 - t) * (1 - t);
        pos -= v->scroll_dir * (1 - ease);
    }
    float cy = top + (bottom - top - ch) / 2;
    // Each routine once: the neighbours wrap around the ends of the list.
    int dmin = -((n - 1) / 2 < 3 ? (n - 1) / 2 : 3),
        dmax = n / 2 < 3 ? n / 2 : 3;
    for (int d = dmin; d <= dmax; d++) {
        int i = ((v->selected + d) % n + n) % n;
        float off = (float)(v->selected + d) - pos;
        float x = W / 2 + off * (cw + gap) - cw / 2;
        if (x + cw < 0 || x > W)
            continue;
        bool sel = d == 0 && fabsf(off) < 0.5f;
        float shrink = sel ? 0 : ch * 0.08f;
        routine_card(ui, v, i, x, cy + shrink, cw, ch - 2 * shrink, sel);
    }
}

// Whose kiosk it is, when the household has several runners: their colour
// and name under the date (top right on a tall screen, clear of the streak).
static void runner_chip(Ui *ui, const UiView *v, bool portrait)
{
    if (!v->runner[0])
        return;
    float u = ui->u, W = (float)ui->w;
    uint32_t rgb = profile_rgb(v->runner_colour);
    SDL_Color c = {(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255};
    float x = portrait ? W / 2 : u * 4, y = portrait ? u * 4 : u * 17;
    float max_w = portrait ? W / 2 - u * 8 : W - u * 58;
    ui_disc(ui, x + u * 1.6f, y + u * 2.6f, u * 1.6f, c);
    ui_text_block(ui, x + u * 4.5f, y, 4.5f, true, c, UI_LEFT, max_w, u * 10,
                  portrait ? 2 : 1, v->runner, true);
}

void screen_home_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    bool portrait = W < H;
    ui_text(ui, u * 4, u * 3.5f, 7.0f, true, COL_ACCENT, UI_LEFT, 0,
            "ULTRA LEGS");
    ui_text(ui, u * 4, u * 12, 4.0f, false, COL_DIM, UI_LEFT, 0, v->date_label);
    runner_chip(ui, v, portrait);

    // Streak: top right, or under the name on a portrait screen.
    const HistoryView *hv = v->hv;
    int streak = hv ? hv->weekly.current : 0;
    float fx = W - u * 10, fy = portrait ? u * 36 : u * 17;
    float sx = portrait ? u * 4 : fx - u * 9, sy = portrait ? u * 19 : u * 4;
    UiAlign sa = portrait ? UI_LEFT : UI_RIGHT;
    widget_flame(ui, fx, fy, u * 14, v->now_ms, streak);
    if (streak > 0)
        ui_textf(ui, sx, sy, 5.0f, true, COL_TEXT, sa, 0, "%d-week streak",
                 streak);
    else
        ui_text(ui, sx, sy, 5.0f, true, COL_TEXT, sa, 0, "Start a streak");
    if (hv) {
        ui_textf(ui, sx, sy + u * 7, 3.8f, false, COL_DIM, sa, 0,
                 "This week %d/%d", hv->weekly.this_week_sessions,
                 hv->weekly_target);
        for (int k = 0; k < hv->weekly_target && k < 7; k++) {
            bool on = k < hv->weekly.this_week_sessions;
            float dx = portrait ? sx + u * 1.5f + k * u * 4
                                : sx - k * u * 4 - u * 1.5f;
            ui_disc(ui, dx, sy + u * 14, u * 1.4f,
                    on ? COL_ACCENT : (SDL_Color){255, 255, 255, 50});
        }
    }

    // Today's plan.
    float y = portrait ? u * 40 : u * 23;
    const PlanDay *pd = &v->lib->plan.days[v->weekday];
    char line[512];
    snprintf(line, sizeof(line), "%s: %s", day_names[v->weekday],
             pd->run[0] ? pd->run : "no run planned");
    y += ui_text_block(ui, u * 4, y, 5.0f, true, COL_TEXT, UI_LEFT, W - u * 8,
                       u * 12, 2, line, true);
    y += u * 0.5f;
    const Routine *today =
        v->today_routine >= 0 ? v->routines[v->today_routine] : NULL;
    bool streak_today = plan_streak_today(v);
    bool needed_today = week_needs_today(hv);
    bool rest_today = resting_today(v);
    if (streak_today && hv->done_today)
        snprintf(line, sizeof(line), "Strength today: %s, done", today->title);
    else if (rest_today)
        snprintf(line, sizeof(line), "Strength today: none, %s was yesterday",
                 today->title);
    else if (today)
        snprintf(line, sizeof(line), "Strength today: %s", today->title);
    else
        snprintf(line, sizeof(line), "No strength session planned today");
    y += ui_text_block(ui, u * 4, y, 4.2f, false, COL_ACCENT2, UI_LEFT,
                       W - u * 8, u * 10, 2, line, true);
    if (hv) {
        history_view_week_need(hv, line, sizeof(line));
        y += u * 0.5f;
        y += ui_text_block(ui, u * 4, y, 4.2f, true,
                           hv->weekly.status == STREAK_OPEN ? COL_TEXT
                                                            : COL_GOOD,
                           UI_LEFT, W - u * 8, u * 10, 2, line, true);
    }
    y += u * 1.5f;
    if (hv && (hv->easy_day || hv->done_today)) {
        const char *what =
            hv->streak_title[0] ? hv->streak_title : "a streak routine";
        char msg[RT_NAME_MAX + 64];
        if (hv->done_today && !hv->streak_title[0])
            snprintf(msg, sizeof(msg),
                     "Strength is done for today. Rest well.");
        else if (hv->done_today)
            snprintf(msg, sizeof(msg), "%s is done for today. Rest well.",
                     what);
        else if (needed_today && streak_today)
            snprintf(msg, sizeof(msg),
                     "Yesterday was %s too: keep today's running very easy.",
                     what);
        else
            snprintf(msg, sizeof(msg),
                     "Yesterday was %s: keep today's running easy.", what);
        float mh = ui_text_block(ui, u * 6, y + u * 1, 4.0f, true, COL_TEXT,
                                 UI_LEFT, W - u * 12, u * 10, 2, msg, false);
        ui_round_rect(ui, u * 4, y, W - u * 8, mh + u * 2, u * 1.5f,
                      (SDL_Color){60, 110, 80, 255});
        ui_text_block(ui, u * 6, y + u * 1, 4.0f, true, COL_TEXT, UI_LEFT,
                      W - u * 12, u * 10, 2, msg, true);
        y += mh + u * 3.5f;
    }

    // The routines, then where we are among them, above the hint.
    const char *hint = v->nprofiles > 1 ? HOME_HINT_RUNNERS : HOME_HINT;
    float hint_top = widget_hint_top(ui, hint);
    // Notices stand above the hint: the dots and cards stay clear of them.
    float ind_y = fminf(hint_top, widget_notices_top(ui, v) - u * 0.5f) - u * 4;
    carousel(ui, v, y + u * 1, ind_y - u * 3.5f);
    position_indicator(ui, v, ind_y);
    widget_hint(ui, hint);
    widget_notices(ui, v);
}
