/*
 * Summary: time, reps, XP, streak change, new badges; for a whole session
 * the after-care reminder and what tomorrow should be, with confetti.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/screens.h"
#include "ui/theme.h"

static void confetti(Ui *ui, int64_t now_ms)
{
    static const SDL_Color cols[5] = {COL_ACCENT, COL_ACCENT2, COL_GOOD,
                                      COL_LEFT, COL_RIGHT};
    float t = (float)(now_ms % 6000) / 1000.0f;
    for (int i = 0; i < 70; i++) {
        uint32_t h = (uint32_t)i * 2654435761u;
        float x0 = (float)(h % 1000) / 1000.0f * ui->w;
        float speed = 0.12f + (float)((h >> 10) % 100) / 400.0f;
        float y =
            fmodf((float)((h >> 3) % 1000) / 1000.0f + t * speed, 1.0f) * ui->h;
        float x = x0 + sinf(t * 2 + i) * ui->u * 2;
        float s = ui->u * (0.6f + (float)((h >> 20) % 10) / 10.0f);
        ui_rect(ui, x, y, s, s * 1.6f, cols[i % 5]);
    }
    ui_record_picture(ui, "confetti", 0, 0, (float)ui->w, (float)ui->h);
}

static void stat(Ui *ui, float x, float y, const char *label, const char *value,
                 SDL_Color c)
{
    ui_text(ui, x, y, 3.6f, true, COL_DIM, UI_CENTER, 0, label);
    ui_text(ui, x, y + ui->u * 5, 9.0f, true, c, UI_CENTER, 0, value);
}

void screen_summary_draw(Ui *ui, const UiView *v)
{
    widget_background(ui);
    // A workout ended early earns no celebration and no after-care
    // reminder: the runner may come back to it.
    if (v->summary.completed)
        confetti(ui, v->now_ms);
    const Session *s = v->session;
    float u = ui->u, W = (float)ui->w;
    char buf[512];
    // Whose session it was, when several runners share the kiosk.
    if (v->runner[0])
        snprintf(buf, sizeof(buf), "%s %s, %s%s", s ? s->plan.title : "Workout",
                 v->summary.completed ? "done" : "ended", v->runner,
                 v->summary.completed ? "!" : "");
    else
        snprintf(buf, sizeof(buf), "%s %s", s ? s->plan.title : "Workout",
                 v->summary.completed ? "done!" : "ended");
    ui_text(ui, W / 2, u * 5, 9.0f, true, COL_ACCENT, UI_CENTER, W - u * 6,
            buf);

    float y = u * 20;
    int secs = (int)(v->summary.active_ms / 1000);
    char t[32], reps[32], xp[32], streak[32];
    snprintf(t, sizeof(t), "%d:%02d", secs / 60, secs % 60);
    snprintf(reps, sizeof(reps), "%d", v->summary.reps_total);
    snprintf(xp, sizeof(xp), "+%lld", (long long)v->xp_gained);
    stat(ui, W * 0.14f, y, "TIME", t, COL_TEXT);
    stat(ui, W * 0.38f, y, "REPS", reps, COL_TEXT);
    stat(ui, W * 0.62f, y, "XP", xp, COL_ACCENT2);
    if (v->hv) {
        snprintf(streak, sizeof(streak), "%d/%d",
                 v->hv->weekly.this_week_sessions, v->hv->weekly_target);
        stat(ui, W * 0.86f, y, "THIS WEEK", streak, COL_ACCENT);
        // Under THIS WEEK, kept on the screen (a portrait one is narrow).
        // A streak that just grew is said by the week's line below ("Week
        // done: streak 8 weeks"), so only a standing streak is named here.
        char up[48];
        snprintf(up, sizeof(up), "streak: %d week%s", v->streak_after,
                 v->streak_after == 1 ? "" : "s");
        float cx = fminf(W * 0.86f,
                         W - u * 2 - ui_text_width(ui, 3.6f, true, up) / 2.0f);
        if (v->streak_after > 0 && v->streak_after <= v->streak_before)
            ui_text(ui, cx, y + u * 16, 3.6f, true, COL_DIM, UI_CENTER, 0, up);
    }
    y += u * 22;
    if (v->hv) {
        const HistoryView *hv = v->hv;
        float frac = hv->next_level_xp > hv->level_start_xp
                         ? (float)(hv->xp - hv->level_start_xp) /
                               (float)(hv->next_level_xp - hv->level_start_xp)
                         : 0;
        ui_textf(ui, u * 6, y, 3.8f, true, COL_TEXT, UI_LEFT, 0, "Level %d",
                 hv->level);
        widget_progress(ui, u * 26, y + u * 1, W - u * 32, u * 3, frac,
                        COL_ACCENT2);
        y += u * 7;
        // What the week still needs now, counting this session if it counts.
        char need[RT_NAME_MAX + 96];
        history_view_week_need(hv, need, sizeof(need));
        y += ui_text_wrapped(ui, u * 6, y, 4.2f, true,
                             hv->weekly.status == STREAK_OPEN ? COL_TEXT
                                                              : COL_GOOD,
                             W - u * 12, 2, need);
        y += u * 1.5f;
    }
    if (v->nnew_badges > 0) {
        for (int i = 0; i < v->nnew_badges && i < 3; i++) {
            ui_round_rect(ui, u * 6, y, W - u * 12, u * 6.5f, u * 2,
                          COL_PANEL_HI);
            ui_disc(ui, u * 10, y + u * 3.25f, u * 2.2f, COL_ACCENT2);
            ui_textf(ui, u * 14, y + u * 1, 4.2f, true, COL_TEXT, UI_LEFT,
                     W - u * 22, "New badge: %s", v->new_badges[i].title);
            y += u * 7.5f;
        }
    }
    y += u * 1;
    if (s && s->plan.finish[0] && v->summary.completed)
        y += ui_text_wrapped(ui, u * 6, y, 4.2f, true, COL_GOOD, W - u * 12, 2,
                             s->plan.finish);
    // The easy day follows a whole session, not one cut short.
    if (s && s->plan.after[0] && v->summary.completed) {
        snprintf(buf, sizeof(buf), "Tomorrow: %s", s->plan.after);
        ui_text(ui, u * 6, y + u * 1, 4.2f, true, COL_ACCENT2, UI_LEFT,
                W - u * 12, buf);
        y += u * 7;
    }
    if (!v->saved)
        ui_textf(ui, u * 6, y + u * 1, 3.6f, true, COL_WARN, UI_LEFT,
                 W - u * 12, "Not saved: %s",
                 v->save_error[0] ? v->save_error : "no history file");
    widget_hint(ui, "OK: home    H: history");
    widget_notices(ui, v);
}
