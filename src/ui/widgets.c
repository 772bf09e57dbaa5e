/*
 * Widgets shared by the screens: background, streak flame, notices, caption
 * bar, progress bar, hints, the stage for the clip or demo.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/screens.h"
#include "ui/theme.h"

void widget_background(Ui *ui)
{
    ui_vgradient(ui, 0, 0, (float)ui->w, (float)ui->h, COL_BG, COL_BG2);
}

void widget_flame(Ui *ui, float cx, float base_y, float size, int64_t now_ms,
                  int streak)
{
    // The flame grows with the streak (capped) and flickers gently.
    float grow = 0.55f + 0.45f * fminf(1.0f, streak / 12.0f);
    float s = size * grow;
    float t = (float)(now_ms % 100000) / 1000.0f;
    float flick = 1.0f + 0.04f * sinf(t * 9.0f) + 0.03f * sinf(t * 13.7f);
    SDL_Color outer = streak > 0 ? COL_ACCENT : (SDL_Color){90, 96, 120, 255};
    SDL_Color inner =
        streak > 0 ? COL_ACCENT2 : (SDL_Color){140, 146, 170, 255};
    float r = s * 0.36f;
    ui_disc(ui, cx, base_y - r, r, outer);
    ui_triangle(ui, cx - r * 0.98f, base_y - r * 1.15f, cx + r * 0.98f,
                base_y - r * 1.15f, cx + r * 0.15f * sinf(t * 3),
                base_y - s * flick, outer);
    float r2 = r * 0.55f;
    ui_disc(ui, cx, base_y - r2 * 1.05f, r2, inner);
    ui_triangle(ui, cx - r2, base_y - r2 * 1.2f, cx + r2, base_y - r2 * 1.2f,
                cx - r * 0.1f * sinf(t * 4), base_y - s * 0.62f * flick, inner);
}

// How many lines each notice takes, and the height of them all with the
// hint line under them.
static float notices_layout(Ui *ui, const UiView *v, int *lines)
{
    float u = ui->u;
    float avail = ui->w - u * 7;
    float line_h = 3.5f * u * 1.25f;
    float total = u * 7.5f;
    for (int i = 0; i < v->nnotices; i++) {
        float w = (float)ui_text_width(ui, 3.5f, false, v->notices[i]);
        lines[i] = w <= avail ? 1 : w * 1.15f <= 2 * avail ? 2 : 3;
        total += u * 5.2f + (float)(lines[i] - 1) * line_h;
    }
    return total;
}

// During a workout a standing notice would hide the counter and what comes
// next: it shrinks to a small badge in the bottom-right corner, which every
// coaching screen leaves free (the notice itself was on home before).
static bool notices_as_badge(const UiView *v)
{
    return v->screen == SCREEN_SESSION && !v->pause_menu;
}

float widget_notices_top(Ui *ui, const UiView *v)
{
    int lines[VIEW_NOTICES_MAX];
    if (v->nnotices == 0 || notices_as_badge(v))
        return (float)ui->h;
    return ui->h - notices_layout(ui, v, lines) + ui->u * 7.5f;
}

float widget_notice_badge_w(Ui *ui, const UiView *v)
{
    if (v->nnotices == 0 || !notices_as_badge(v))
        return 0;
    char text[32];
    snprintf(text, sizeof(text), "\xe2\x9a\xa0 %d", v->nnotices);
    return (float)ui_text_width(ui, 3.5f, true, text) + ui->u * 5;
}

void widget_notices(Ui *ui, const UiView *v)
{
    if (v->nnotices == 0)
        return;
    float u = ui->u;
    if (notices_as_badge(v)) {
        char text[32];
        snprintf(text, sizeof(text), "\xe2\x9a\xa0 %d", v->nnotices);
        float bw = widget_notice_badge_w(ui, v) - u * 2, bh = u * 5.4f;
        float bx = ui->w - u * 2 - bw, by = ui->h - u * 1.5f - bh;
        ui_round_rect(ui, bx, by, bw, bh, u * 1.2f,
                      (SDL_Color){120, 30, 30, 230});
        ui_text(ui, bx + bw / 2, by + u * 0.7f, 3.5f, true, COL_TEXT, UI_CENTER,
                0, text);
        return;
    }
    float avail = ui->w - u * 7;
    float line_h = 3.5f * u * 1.25f;
    // A notice too long for one line wraps (up to three) rather than being
    // cut mid-sentence on a narrow (portrait) screen.
    int lines[VIEW_NOTICES_MAX];
    // Above the hint line, so both can be read.
    float y = ui->h - notices_layout(ui, v, lines);
    for (int i = 0; i < v->nnotices; i++) {
        float h = u * 4.6f + (float)(lines[i] - 1) * line_h;
        ui_round_rect(ui, u * 2, y, ui->w - u * 4, h, u,
                      (SDL_Color){120, 30, 30, 230});
        if (lines[i] == 1)
            ui_text(ui, u * 3.5f, y + u * 0.5f, 3.5f, false, COL_TEXT, UI_LEFT,
                    avail, v->notices[i]);
        else
            ui_text_wrapped(ui, u * 3.5f, y + u * 0.5f, 3.5f, false, COL_TEXT,
                            avail, lines[i], v->notices[i]);
        y += h + u * 0.6f;
    }
}

void widget_caption(Ui *ui, const UiView *v)
{
    if (!v->caption[0] || v->now_ms - v->caption_ms > 4000 ||
        v->caption_is_count)
        return; // the big counter already shows the count
    if (v->session && v->session->phase == SESSION_INTRO)
        return; // the intro card says it in full
    float u = ui->u;
    int w = ui_text_width(ui, 4.5f, true, v->caption);
    // Clear of the notice badge in the corner.
    float room = ui->w - u * 4 - 2 * widget_notice_badge_w(ui, v);
    float bw = fminf((float)w + u * 4, room);
    // Above the hint line, except over the clip where the bottom is free.
    bool low = v->session && (v->session->phase == SESSION_WORK ||
                              v->session->phase == SESSION_COUNTDOWN ||
                              v->session->phase == SESSION_SWITCH);
    float y = ui->h - u * (low ? 9 : 15);
    ui_round_rect(ui, (ui->w - bw) / 2, y, bw, u * 7, u * 1.5f, COL_SHADE);
    ui_text(ui, ui->w / 2.0f, y + u * 0.9f, 4.5f, true, COL_TEXT, UI_CENTER,
            room - u * 4, v->caption);
}

void widget_progress(Ui *ui, float x, float y, float w, float h, float frac,
                     SDL_Color c)
{
    if (frac < 0)
        frac = 0;
    if (frac > 1)
        frac = 1;
    ui_round_rect(ui, x, y, w, h, h / 2, (SDL_Color){255, 255, 255, 40});
    if (frac > 0)
        ui_round_rect(ui, x, y, fmaxf(w * frac, h), h, h / 2, c);
}

// The hint sits on the bottom line; on a narrow screen it takes two.
static int hint_lines(Ui *ui, const char *text)
{
    return ui_text_width(ui, 3.5f, false, text) > ui->w - ui->u * 6 ? 2 : 1;
}

float widget_hint_top(Ui *ui, const char *text)
{
    return ui->h - ui->u * (hint_lines(ui, text) == 2 ? 11.5f : 6.5f);
}

void widget_hint(Ui *ui, const char *text)
{
    if (hint_lines(ui, text) == 1) {
        ui_text(ui, ui->w / 2.0f, ui->h - ui->u * 5.5f, 3.5f, false, COL_DIM,
                UI_CENTER, ui->w - ui->u * 4, text);
        return;
    }
    ui_text_block(ui, ui->w / 2.0f, widget_hint_top(ui, text) + ui->u, 3.5f,
                  false, COL_DIM, UI_CENTER, ui->w - ui->u * 6, ui->u * 10, 2,
                  text, true);
}

void widget_stage(Ui *ui, const UiView *v, float x, float y, float w, float h)
{
    // The app draws the clip or the demo figure into this rectangle before
    // the HUD; here only the frame around it.
    (void)v;
    SDL_Color edge = {255, 255, 255, 28};
    ui_rect(ui, x, y, w, 2, edge);
    ui_rect(ui, x, y + h - 2, w, 2, edge);
}

// The session's pause menu over a shaded screen.
void widget_pause_menu(Ui *ui, const UiView *v)
{
    int n = v->npause_items;
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    ui_rect(ui, 0, 0, W, H, (SDL_Color){0, 0, 0, 170});
    ui_cover(ui);
    float bw = fminf(u * 80, W - u * 6), bh = u * (12 + 9 * n);
    float x = (W - bw) / 2, y = (H - bh) / 2;
    ui_round_rect(ui, x, y, bw, bh, u * 3, COL_PANEL);
    ui_text(ui, W / 2, y + u * 2.5f, 6.0f, true, COL_ACCENT2, UI_CENTER, 0,
            "Paused");
    for (int i = 0; i < n; i++) {
        float iy = y + u * (11 + 9 * i);
        if (i == v->pause_sel)
            ui_round_rect(ui, x + u * 3, iy, bw - u * 6, u * 7.5f, u * 1.5f,
                          COL_ACCENT);
        ui_text(ui, W / 2, iy + u * 1.2f, 4.6f, true,
                i == v->pause_sel ? COL_BG : COL_TEXT, UI_CENTER, 0,
                v->pause_items[i]);
    }
}
