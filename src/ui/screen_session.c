/*
 * The coaching screens: intro card, countdown, work HUD over the clip,
 * switch sides, rest with the next-up preview, and the pause menu.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ui/screens.h"
#include "ui/stage.h"
#include "ui/theme.h"

#define NOW_PLAYING_MS 4000

static SDL_Color side_color(SessionSide s)
{
    return s == SIDE_LEFT ? COL_LEFT : s == SIDE_RIGHT ? COL_RIGHT : COL_ACCENT;
}

static const char *side_word(SessionSide s)
{
    return s == SIDE_LEFT ? "LEFT LEG" : s == SIDE_RIGHT ? "RIGHT LEG" : "";
}

// Thin routine progress bar along the top.
static void progress_top(Ui *ui, const Session *s)
{
    float frac = s->plan.nsteps ? (float)s->step / s->plan.nsteps : 0;
    if (s->phase == SESSION_DONE)
        frac = 1;
    widget_progress(ui, ui->u * 2, ui->u * 1.2f, ui->w - ui->u * 4,
                    ui->u * 1.2f, frac, COL_GOOD);
}

static void dose_line(const SessionStep *st, char *buf, size_t size)
{
    if (st->reps_max > st->reps_min)
        snprintf(buf, size, "%d %s%s  (range %d-%d)", st->reps_target, st->unit,
                 st->per_side ? " each leg" : "", st->reps_min, st->reps_max);
    else
        snprintf(buf, size, "%s", st->dose);
}

static const Exercise *exercise_of(const UiView *v, const SessionStep *st)
{
    return library_exercise(v->lib, st->exercise_id);
}

static void draw_intro(Ui *ui, const UiView *v, float split, float bottom)
{
    const Session *s = v->session;
    const SessionStep *st = &s->plan.steps[s->step];
    const Exercise *ex = exercise_of(v, st);
    float u = ui->u, W = (float)ui->w;
    float x = u * 4, maxw = split - u * 6;
    // Counted as the start announces them ("8 exercises"): the two parts
    // of one exercise's block share its number.
    int part, parts;
    int num = session_plan_exercise_at(&s->plan, s->step, &part, &parts);
    int total = session_plan_exercises(&s->plan);
    const char *opt = st->optional ? "  \xc2\xb7  OPTIONAL" : "";
    // The longest form that fits at its size: "EXERCISE 5 OF 8  ·  PART 2
    // OF 2", "EXERCISE 5 OF 8 (2/2)", then "5/8 (2/2)".
    char forms[3][96], part_long[32] = "", part_short[16] = "";
    if (parts > 1) {
        snprintf(part_long, sizeof(part_long), "  \xc2\xb7  PART %d OF %d",
                 part, parts);
        snprintf(part_short, sizeof(part_short), " (%d/%d)", part, parts);
    }
    snprintf(forms[0], sizeof(forms[0]), "EXERCISE %d OF %d%s%s", num, total,
             part_long, opt);
    snprintf(forms[1], sizeof(forms[1]), "EXERCISE %d OF %d%s%s", num, total,
             part_short, opt);
    snprintf(forms[2], sizeof(forms[2]), "%d/%d%s%s", num, total, part_short,
             opt);
    const char *head = forms[2];
    for (int k = 0; k < 2; k++)
        if (ui_text_width(ui, 3.6f, true, forms[k]) <= maxw) {
            head = forms[k];
            break;
        }
    ui_text(ui, x, u * 5, 3.6f, true, COL_DIM, UI_LEFT, maxw, head);
    ui_text(ui, x, u * 10, 7.5f, true, COL_TEXT, UI_LEFT, maxw, st->title);
    char dose[96];
    dose_line(st, dose, sizeof(dose));
    ui_text(ui, x, u * 20, 5.5f, true, COL_ACCENT, UI_LEFT, maxw, dose);
    float y = u * 29;
    int nx = session_following_step(s);
    char next[600] = "", need[256] = "";
    if (nx >= 0)
        snprintf(next, sizeof(next), "Next up: %s", s->plan.steps[nx].title);
    if (ex && ex->equipment[0])
        snprintf(need, sizeof(need), "You need: %s", ex->equipment);
    // What must be seen (equipment, weight) has its room kept first; the
    // coaching points take what is left, each whole (wrapped, never cut).
    float need_h = need[0]
                       ? ui_text_block(ui, x, 0, 3.6f, false, COL_DIM, UI_LEFT,
                                       maxw, u * 12, 3, need, false) +
                             u * 1.5f
                       : 0;
    float load_h = st->load_kg > 0 ? u * 5.5f : 0;
    if (ex) {
        float pw = maxw - u * 3.5f;
        for (int i = 0; i < ex->npoints && i < 4; i++) {
            float room = bottom - y - need_h - load_h;
            int lines =
                ui_text_lines(ui, UI_TEXT_MIN, false, pw, ex->points[i]);
            if (lines < 1 || lines > 3)
                break;
            float h = ui_text_block(ui, x + u * 3.5f, y, 3.8f, false, COL_TEXT,
                                    UI_LEFT, pw, room, 3, ex->points[i], false);
            if (h > room)
                break; // no room for this point whole
            ui_disc(ui, x + u * 1, y + u * 2.2f, u * 0.8f, COL_ACCENT2);
            ui_text_block(ui, x + u * 3.5f, y, 3.8f, false, COL_TEXT, UI_LEFT,
                          pw, room, 3, ex->points[i], true);
            y += h + u * 1.2f;
        }
    }
    if (need[0]) {
        y += u * 0.5f;
        y += ui_text_block(ui, x, y, 3.6f, false, COL_DIM, UI_LEFT, maxw,
                           u * 12, 3, need, true) +
             u * 1.0f;
    }
    if (st->load_kg > 0)
        ui_textf(ui, x, y, 4.0f, true, COL_ACCENT2, UI_LEFT, maxw,
                 "Weight: %g kg", st->load_kg);
    if (nx >= 0 && W < ui->h) // under the demo
        ui_text_block(ui, u * 4, ui->h * 0.875f, 3.6f, false, COL_DIM, UI_LEFT,
                      W - u * 8, u * 9, 2, next, true);
    else if (nx >= 0) // under the demo, two lines when long
        ui_text_block(ui, split + u * 2, ui->h - u * 17, 3.6f, false, COL_DIM,
                      UI_LEFT, W - split - u * 4, u * 9.5f, 2, next, true);
    if (W < ui->h)
        widget_hint(ui, s->opt.auto_advance ? "Starting shortly" : "OK: ready");
    else
        widget_hint(ui, s->opt.auto_advance
                            ? "Starting shortly    \xe2\x96\xb6: skip    "
                              "\xe2\x96\xb2\xe2\x96\xbc: weight"
                            : "OK: ready    \xe2\x96\xb6: skip    "
                              "\xe2\x96\xb2\xe2\x96\xbc: weight");
}

// On a portrait screen the clip spans the width at 16:9 under the title
// bar; the counter takes the rest. Where the clip ends:
static float portrait_stage_h(Ui *ui)
{
    return fminf(ui->w * 9.0f / 16.0f, ui->h * 0.46f);
}

static void draw_counter(Ui *ui, const UiView *v, const SessionStep *st)
{
    const Session *s = v->session;
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    float since = (float)(v->now_ms - v->last_rep_ms);
    float pop = since >= 0 && since < 350 ? 1.0f - since / 350.0f : 0;
    char num[16], of[16];
    snprintf(num, sizeof(num), "%d", s->reps);
    snprintf(of, sizeof(of), "/ %d", st->reps_target);
    // A 36-unit font: its digits stand more than a quarter of the screen
    // tall; on a portrait screen (a smaller unit) 70 units, unless too wide.
    bool portrait = W < H;
    float big = portrait ? 70.0f : 36.0f, small = portrait ? 11.0f : 8.0f;
    int tw = ui_text_width(ui, big, true, num);
    if (portrait && tw > W - u * 10) {
        big *= (W - u * 10) / tw;
        tw = ui_text_width(ui, big, true, num);
    }
    int ow = ui_text_width(ui, small, true, of);
    SDL_Color c = pop > 0.5f ? COL_ACCENT2 : COL_TEXT;
    float bx, by, bw, bh, nx, ny, ox, oy;
    if (W >= H * 1.5f) { // wide: "/ 20" beside the number
        bx = u * 2.5f, by = H - u * 47, bw = tw + ow + u * 6, bh = u * 44;
        nx = u * 4, ny = by - u * 2, ox = nx + tw + u * 1.5f, oy = by + u * 27;
    } else if (W >= H) { // 4:3: "/ 20" under the number, clip to the right
        bx = u * 2.5f, by = H - u * 55, bw = fmaxf(tw, ow) + u * 5, bh = u * 52;
        nx = u * 4, ny = by - u * 2, ox = nx, oy = by + u * 41;
    } else { // portrait: centred under the clip, "/ 20" at its bottom right
        bw = W - u * 4, bx = u * 2,
        by = H * 0.07f + portrait_stage_h(ui) + u * 2;
        bh = H - u * 2 - by;
        float block = big * u * 1.17f + small * u * 1.17f;
        nx = (W - tw) / 2, ny = by + fmaxf(0, (bh - block) / 2);
        ox = (W - ow) / 2, oy = ny + big * u * 1.17f;
    }
    ui_round_rect(ui, bx, by, bw, bh, u * 3, COL_SHADE);
    if (pop > 0) {
        // The ring grows from the number to the panel's edge, never past it.
        float cx = nx + tw / 2.0f, cy = ny + big * u * 0.6f;
        float rmax =
            fminf(fminf(cx - bx, bx + bw - cx), fminf(cy - by, by + bh - cy)) -
            u * 0.5f;
        if (portrait) // "/ 20" stands under the number: the ring stops short of
                      // it
            rmax = fminf(rmax, oy + small * u * 0.25f - cy - u * 0.5f);
        ui_ring(ui, cx, cy, rmax * (0.75f + 0.25f * (1 - pop)), u * 1.2f, 1,
                (SDL_Color){255, 196, 61, (Uint8)(200 * pop)});
    }
    ui_text(ui, nx, ny, big, true, c, UI_LEFT, 0, num);
    ui_text(ui, ox, oy, small, true, COL_DIM, UI_LEFT, 0, of);
}

static void draw_tempo(Ui *ui, const UiView *v, const SessionStep *st, float cx,
                       float cy, float r)
{
    const Session *s = v->session;
    int cad = session_cadence_ms(s, s->step);
    float frac = 0;
    int64_t to_next = session_ms_to_next_rep(s);
    if (to_next >= 0 && cad > 0)
        frac = 1.0f - (float)to_next / cad;
    ui_disc(ui, cx, cy, r, COL_SHADE);
    ui_ring(ui, cx, cy, r, ui->u * 1.4f, 1, (SDL_Color){255, 255, 255, 40});
    ui_ring(ui, cx, cy, r, ui->u * 1.4f, frac, side_color(s->side));
    ui_textf(ui, cx, cy - ui->u * 3, 3.6f, true, COL_TEXT, UI_CENTER, 0, "%d%%",
             s->opt.tempo_pct);
    (void)st;
}

static void draw_work(Ui *ui, const UiView *v)
{
    const Session *s = v->session;
    const SessionStep *st = &s->plan.steps[s->step];
    float u = ui->u, W = (float)ui->w;
    ui_round_rect(ui, u * 2, u * 3.5f, W - u * 4, u * 9, u * 2, COL_SHADE);
    // A long name takes two smaller lines of the bar rather than an ellipsis.
    // Whose session: the runner's initials in their colour, first in the
    // bar, when several runners share the kiosk.
    float lead = 0;
    if (v->runner[0]) {
        char initials[16];
        profile_initials(v->runner, initials, sizeof(initials));
        uint32_t rgb = profile_rgb(v->runner_colour);
        ui_disc(ui, u * 7.5f, u * 8, u * 3.6f,
                (SDL_Color){(Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb,
                            255});
        ui_text(ui, u * 7.5f, u * 6.1f, UI_TEXT_MIN, true, COL_BG, UI_CENTER,
                u * 6.4f, initials);
        lead = u * 8;
    }
    float name_w =
        W - u * 12 - lead - ui_text_width(ui, 4.5f, true, "Set 10/10");
    float name_h = ui_text_block(ui, 0, 0, 5.5f, true, COL_TEXT, UI_LEFT,
                                 name_w, u * 8.5f, 2, st->title, false);
    ui_text_block(ui, u * 4 + lead, u * 3.5f + (u * 9 - name_h) / 2, 5.5f, true,
                  COL_TEXT, UI_LEFT, name_w, u * 8.5f, 2, st->title, true);
    char right[64];
    if (st->sets > 1)
        snprintf(right, sizeof(right), "Set %d/%d", s->set + 1, st->sets);
    else
        snprintf(right, sizeof(right), "Set 1/1");
    ui_text(ui, W - u * 4, u * 5, 4.5f, true, COL_DIM, UI_RIGHT, 0, right);
    if (s->side != SIDE_NONE) {
        SDL_Color c = side_color(s->side);
        float bx = W - u * 16, by = u * 24;
        ui_disc(ui, bx, by, u * 8, c);
        ui_text(ui, bx, by - u * 6, 11.0f, true, COL_BG, UI_CENTER, 0,
                s->side == SIDE_LEFT ? "L" : "R");
        ui_text(ui, bx, by + u * 9, 4.0f, true, c, UI_CENTER, 0,
                side_word(s->side));
    }
    draw_counter(ui, v, st);
    bool portrait = W < ui->h;
    if (portrait)
        draw_tempo(ui, v, st, W - u * 11,
                   ui->h * 0.07f + portrait_stage_h(ui) - u * 9, u * 7);
    else
        draw_tempo(ui, v, st, W - u * 13, ui->h - u * 24, u * 8);
    int nx = session_following_step(s);
    if (nx >= 0 && !portrait) {
        // On a plate, as the other HUD texts: a bright clip would drown it.
        char next[600];
        snprintf(next, sizeof(next), "Next: %s", s->plan.steps[nx].title);
        float maxw = W >= ui->h * 1.5f ? W * 0.4f : W * 0.6f;
        float tw = fminf((float)ui_text_width(ui, 3.6f, false, next), maxw);
        // Above the caption's line, under the tempo disc.
        ui_round_rect(ui, W - u * 5.5f - tw, ui->h - u * 14.8f, tw + u * 3,
                      u * 5.6f, u * 1.2f, COL_SHADE);
        ui_text(ui, W - u * 4, ui->h - u * 14, 3.6f, false, COL_TEXT, UI_RIGHT,
                maxw, next);
    }
    if (s->paused && !v->pause_menu)
        ui_text(ui, W / 2, ui->h / 2 - u * 6, 10.0f, true, COL_ACCENT2,
                UI_CENTER, 0, "PAUSED");
}

static void draw_countdown(Ui *ui, const UiView *v)
{
    const Session *s = v->session;
    float u = ui->u;
    int n = session_countdown_number(s);
    if (n > s->opt.countdown_s)
        n = s->opt.countdown_s;
    float in = (float)(session_phase_elapsed_ms(s) % 1000) / 1000.0f;
    // The clip shaded inside the ring only: shading the whole screen cost
    // 7 ms a frame at 1080p on the software renderer.
    ui_disc(ui, ui->w / 2.0f, ui->h / 2.0f, u * 29, (SDL_Color){0, 0, 0, 130});
    ui_ring(ui, ui->w / 2.0f, ui->h / 2.0f, u * 30, u * 2.2f, 1 - in,
            side_color(s->side));
    char num[16];
    snprintf(num, sizeof(num), "%d", n < 1 ? 1 : n);
    ui_text(ui, ui->w / 2.0f, ui->h / 2.0f - u * 25, 42.0f, true, COL_TEXT,
            UI_CENTER, 0, num);
    const char *side = side_word(s->side);
    if (side[0])
        ui_text(ui, ui->w / 2.0f, ui->h / 2.0f + u * 32, 6.0f, true,
                side_color(s->side), UI_CENTER, 0, side);
}

static void draw_switch(Ui *ui, const UiView *v)
{
    const Session *s = v->session;
    const SessionStep *st = &s->plan.steps[s->step];
    // On a plate around the words (a shade over the whole screen cost 7 ms a
    // frame at 1080p on the software renderer).
    float u = ui->u,
          tw = fminf((float)ui_text_width(ui, 12.0f, true, st->switch_cue),
                     ui->w - u * 6);
    tw = fmaxf(tw, (float)ui_text_width(ui, 5.0f, true, "Right leg next"));
    ui_round_rect(ui, (ui->w - tw) / 2 - u * 3, ui->h / 2.0f - u * 12,
                  tw + u * 6, u * 26, u * 3, (SDL_Color){0, 0, 0, 170});
    ui_text(ui, ui->w / 2.0f, ui->h / 2.0f - ui->u * 10, 12.0f, true, COL_RIGHT,
            UI_CENTER, ui->w - ui->u * 6, st->switch_cue);
    ui_text(ui, ui->w / 2.0f, ui->h / 2.0f + ui->u * 6, 5.0f, true, COL_TEXT,
            UI_CENTER, 0, "Right leg next");
}

#define REST_HINT "OK: go now    \xe2\x97\x80: back    \xe2\x96\xb6: skip next"

// The rest's timer: where its ring stands.
static void rest_ring_at(const Ui *ui, float *cx, float *cy)
{
    float W = (float)ui->w, H = (float)ui->h;
    *cx = W < H ? W / 2 : W * 0.27f;
    *cy = W < H ? H * 0.3f : H * 0.5f;
}

// What moves on the rest screen: the ring emptying and the seconds left.
static void rest_timer(Ui *ui, const UiView *v)
{
    const Session *s = v->session;
    float u = ui->u, cx, cy;
    rest_ring_at(ui, &cx, &cy);
    int64_t left_ms = session_phase_remaining_ms(s);
    float left = (float)left_ms / 1000.0f;
    float frac =
        left_ms > 0 ? 1.0f - session_phase_progress(s) : 0; // the ring empties
    ui_ring(ui, cx, cy, u * 24, u * 3, frac, COL_GOOD);
    ui_textf(ui, cx, cy - u * 12, 22.0f, true, COL_TEXT, UI_CENTER, 0, "%d",
             (int)ceilf(left));
}

// The rest screen's still part: the ring's track, what comes next.
static void draw_rest(Ui *ui, const UiView *v)
{
    const Session *s = v->session;
    float u = ui->u, W = (float)ui->w, H = (float)ui->h, cx, cy;
    widget_background(ui);
    rest_ring_at(ui, &cx, &cy);
    ui_text(ui, cx, cy - u * 33, 6.0f, true, COL_DIM, UI_CENTER, 0, "REST");
    ui_ring(ui, cx, cy, u * 24, u * 3, 1, (SDL_Color){255, 255, 255, 35});
    // Next up.
    int nx = session_next_step(s); // this step again for its next set
    if (nx < 0)
        return;
    const SessionStep *st = &s->plan.steps[nx];
    const Exercise *ex = exercise_of(v, st);
    float x = W < H ? u * 5 : W * 0.52f, y = W < H ? H * 0.55f : u * 16;
    float maxw = W - x - u * 5;
    ui_text(ui, x, y, 4.0f, true, COL_ACCENT2, UI_LEFT, maxw,
            nx == s->step ? "NEXT SET" : "NEXT UP");
    // One text under the other, each wrapped where long: a line never
    // lands on the one before it.
    float bottom = widget_hint_top(ui, REST_HINT) - u * 1;
    y += u * 6;
    y += ui_text_block(ui, x, y, 7.0f, true, COL_TEXT, UI_LEFT, maxw, u * 17, 2,
                       st->title, true) +
         u * 1.5f;
    char dose[96];
    dose_line(st, dose, sizeof(dose));
    y += ui_text_block(ui, x, y, 4.8f, true, COL_ACCENT, UI_LEFT, maxw, u * 12,
                       2, dose, true) +
         u * 2;
    if (ex && ex->npoints > 0) {
        float h = ui_text_block(ui, x, y, 3.8f, false, COL_DIM, UI_LEFT, maxw,
                                bottom - y, 4, ex->points[0], false);
        int lines = ui_text_lines(ui, UI_TEXT_MIN, false, maxw, ex->points[0]);
        if (lines >= 1 && lines <= 4 && y + h <= bottom) {
            ui_text_block(ui, x, y, 3.8f, false, COL_DIM, UI_LEFT, maxw,
                          bottom - y, 4, ex->points[0], true);
            y += h + u * 1.5f;
        }
    }
    if (ex && ex->equipment[0]) {
        float h = ui_text_block(ui, x, y, 3.5f, false, COL_DIM, UI_LEFT, maxw,
                                bottom - y, 3, ex->equipment, false);
        if (y + h <= bottom)
            ui_text_block(ui, x, y, 3.5f, false, COL_DIM, UI_LEFT, maxw,
                          bottom - y, 3, ex->equipment, true);
    }
    widget_hint(ui, REST_HINT);
}

static void stage(Ui *ui, const UiView *v, int step, float x, float y, float w,
                  float h)
{
    if (v->stage)
        stage_draw(v->stage, ui, v->session, step, v->now_ms, x, y, w, h);
    widget_stage(ui, v, x, y, w, h);
    ui_record_picture(ui, "stage", x, y, w, h);
}

// Where the intro's clip comes from, when it is the coach's own video:
// a label in the stage's top-left corner.
static void clip_source_label(Ui *ui, const UiView *v, float x, float y)
{
    const SessionStep *st = &v->session->plan.steps[v->session->step];
    const Exercise *ex = exercise_of(v, st);
    if (!ex || !ex->from_coach_video)
        return;
    const char *text = "From the coach's video";
    float u = ui->u;
    float tw = (float)ui_text_width(ui, 3.5f, true, text);
    ui_round_rect(ui, x + u * 1.5f, y + u * 1.5f, tw + u * 3, u * 5.2f,
                  u * 1.2f, COL_PANEL);
    ui_text(ui, x + u * 3, y + u * 2.2f, 3.5f, true, COL_TEXT, UI_LEFT, 0,
            text);
}

// Full-bleed on wide screens; on 4:3 the clip moves right of the counter,
// on portrait screens above it.
static void work_stage(Ui *ui, const UiView *v, int step)
{
    float W = (float)ui->w, H = (float)ui->h;
    if (W >= H * 1.5f) {
        stage(ui, v, step, 0, 0, W, H);
        return;
    }
    widget_background(ui);
    if (W >= H)
        stage(ui, v, step, W * 0.4f, 0, W * 0.6f, H);
    else
        stage(ui, v, step, 0, H * 0.07f, W, portrait_stage_h(ui));
}

// Height of the body map's row above the demo on a tall screen.
static float portrait_map_h(const Ui *ui)
{
    return ui->u * 16;
}

// What the exercise works, as a small body map with its list: under the
// demo on a wide screen, in a row of its own above it on a tall one (never
// over the demo).
static void intro_muscle_map(Ui *ui, const UiView *v, float sx, float sy)
{
    if (!v->stage)
        return;
    const SessionStep *st = &v->session->plan.steps[v->session->step];
    const Exercise *ex = exercise_of(v, st);
    const char *pose = ex && ex->pose[0] ? ex->pose : st->exercise_id;
    float u = ui->u, W = (float)ui->w, H = (float)ui->h;
    if (W < H) {
        float h = portrait_map_h(ui);
        muscle_map_draw(&v->stage->map, ui, pose, u * 4, sy - h - u * 2,
                        W - u * 8, h);
        return;
    }
    float top = sy + fminf(W * 0.46f * 9 / 16, H * 0.66f) + u * 2;
    float h = fminf(H - u * 19 - top, H * 0.2f);
    if (h > u * 10)
        muscle_map_draw(&v->stage->map, ui, pose, sx, top, W * 0.46f, h);
}

// A new track of the runner's music: its title, small, for a few seconds:
// top right on the cards, under the exercise's bar (left, clear of the
// set count and the side) while the clip plays.
static void now_playing(Ui *ui, const UiView *v)
{
    if (v->music_since < 0 || !v->music_title[0] ||
        v->now_ms - v->music_since >= NOW_PLAYING_MS)
        return;
    char text[160];
    snprintf(text, sizeof(text), "Now playing: %s", v->music_title);
    float u = ui->u, W = (float)ui->w;
    float maxw = W * 0.45f;
    float tw = fminf((float)ui_text_width(ui, UI_TEXT_MIN, false, text), maxw);
    SessionPhase ph = v->session->phase;
    bool on_clip =
        ph == SESSION_WORK || ph == SESSION_COUNTDOWN || ph == SESSION_SWITCH;
    float x = on_clip ? u * 2 : W - u * 2 - tw - u * 3,
          y = on_clip ? u * 13.5f : u * 3.4f;
    ui_round_rect(ui, x, y, tw + u * 3, u * 5.4f, u * 1.2f, COL_PANEL);
    ui_text(ui, x + u * 1.5f, y + u * 0.8f, UI_TEXT_MIN, false, COL_DIM,
            UI_LEFT, maxw, text);
}

// Where the introduction's demo stands: the right half, at 16:9 like the
// clips so nothing is letterboxed (the bottom part when portrait).
static void intro_stage_box(const Ui *ui, float *x, float *y, float *w,
                            float *h)
{
    float W = (float)ui->w, H = (float)ui->h;
    if (W < H) {
        *x = 0, *y = H * 0.6f, *w = W, *h = H * 0.26f;
    } else {
        *x = W * 0.52f, *y = H * 0.12f, *w = W * 0.46f;
        *h = fminf(W * 0.46f * 9 / 16, H * 0.66f);
    }
}

// The bar, music title and caption every session screen has.
static void chrome(Ui *ui, const UiView *v)
{
    progress_top(ui, v->session);
    now_playing(ui, v);
    widget_caption(ui, v);
}

// The introduction's still part: all but the demo and its label.
static void intro_still(Ui *ui, const void *arg)
{
    const UiView *v = arg;
    float W = (float)ui->w, H = (float)ui->h, sx, sy, sw, sh;
    intro_stage_box(ui, &sx, &sy, &sw, &sh);
    widget_background(ui);
    float text_bottom = H * 0.88f;
    if (W < H) // the coaching points end above the body map's row
        text_bottom = sy - (v->stage ? portrait_map_h(ui) + ui->u * 3 : 0);
    draw_intro(ui, v, W < H ? W : W * 0.52f, text_bottom);
    intro_muscle_map(ui, v, sx, sy);
    chrome(ui, v);
}

static void rest_still(Ui *ui, const void *arg)
{
    const UiView *v = arg;
    draw_rest(ui, v);
    chrome(ui, v);
}

void screen_session_draw(Ui *ui, const UiView *v)
{
    const Session *s = v->session;
    if (!s)
        return;
    switch (s->phase) {
    case SESSION_INTRO: {
        // The still part is kept whole; the demo moves over it.
        ui_backdrop(ui, intro_still, v);
        float sx, sy, sw, sh;
        intro_stage_box(ui, &sx, &sy, &sw, &sh);
        stage(ui, v, s->step, sx, sy, sw, sh);
        clip_source_label(ui, v, sx, sy);
        break;
    }
    case SESSION_REST:
        ui_backdrop(ui, rest_still, v);
        rest_timer(ui, v);
        break;
    case SESSION_COUNTDOWN:
        work_stage(ui, v, s->step);
        draw_countdown(ui, v);
        chrome(ui, v);
        break;
    case SESSION_WORK:
        work_stage(ui, v, s->step);
        draw_work(ui, v);
        chrome(ui, v);
        break;
    case SESSION_SWITCH:
        work_stage(ui, v, s->step);
        draw_switch(ui, v);
        chrome(ui, v);
        break;
    case SESSION_DONE:
    case SESSION_IDLE:
        widget_background(ui);
        chrome(ui, v);
        break;
    }
    if (v->pause_menu)
        widget_pause_menu(ui, v);
    widget_notices(ui, v);
}
