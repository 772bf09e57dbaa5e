/*
 * The stage: the exercise's clip when it plays, else the demo figure
 * animated in time with the session's rep cadence. Clips for the next step
 * are opened during the intro or the rest, so their first frame is decoded
 * before they are shown.
 */
#include "ui/stage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media/pose.h"
#include "platform/meter.h"
#include "ui/theme.h"

void stage_init(Stage *st, const Paths *paths, const Library *lib,
                SDL_Renderer *r)
{
    memset(st, 0, sizeof(*st));
    st->paths = paths;
    st->lib = lib;
    st->r = r;
    st->prepared_step = -1;
}

void stage_deinit(Stage *st)
{
    if (st->figure)
        SDL_DestroyTexture(st->figure);
    free(st->pixels);
    free(st->set_pixels);
    muscle_map_free(&st->map);
    for (int i = 0; i < STAGE_CLIPS; i++) {
        if (st->clips[i].clip && st->before_close)
            st->before_close(st->close_ctx, st->clips[i].clip);
        clip_close(st->clips[i].clip);
    }
    picture_free(&st->pic);
    memset(st, 0, sizeof(*st));
}

// The clip slot for a step (opened on first use when may_open); NULL when
// the exercise has no clip file at all, or (drawing) it is not open yet.
static StageClip *clip_for(Stage *st, const SessionPlan *plan, int step,
                           double now_s, bool may_open)
{
    if (step < 0 || step >= plan->nsteps)
        return NULL;
    const Exercise *ex =
        library_exercise(st->lib, plan->steps[step].exercise_id);
    if (!ex)
        return NULL;
    const char *path = NULL;
    for (int i = 0; i < st->nfound && !path; i++)
        if (strcmp(st->found[i].id, ex->id) == 0)
            path = st->found[i].path;
    if (!path && !may_open)
        return NULL;
    if (!path && st->nfound < RT_EXERCISES_MAX) {
        int k = st->nfound++;
        snprintf(st->found[k].id, sizeof(st->found[k].id), "%s", ex->id);
        paths_find_clip(st->paths, ex->clip, st->found[k].path,
                        sizeof(st->found[k].path));
        path = st->found[k].path;
    }
    if (!path || !path[0])
        return NULL;
    StageClip *victim = &st->clips[0];
    for (int i = 0; i < STAGE_CLIPS; i++) {
        StageClip *c = &st->clips[i];
        if (c->path[0] && strcmp(c->path, path) == 0 &&
            c->start == ex->clip_start && c->end == ex->clip_end) {
            c->used = ++st->tick;
            return c;
        }
        if (c->used < victim->used)
            victim = c;
    }
    if (!may_open)
        return NULL;
    if (st->shown == victim)
        st->shown = NULL;
    if (victim->clip && st->before_close)
        st->before_close(st->close_ctx, victim->clip);
    clip_close(victim->clip);
    memset(victim, 0, sizeof(*victim));
    snprintf(victim->path, sizeof(victim->path), "%s", path);
    victim->start = ex->clip_start;
    victim->end = ex->clip_end;
    victim->used = ++st->tick;
    victim->t0 = now_s;
    victim->audio = ex->clip_audio;
    victim->clip =
        ex->clip_audio
            ? clip_open_with_audio(path, ex->clip_start, ex->clip_end,
                                   victim->error, sizeof(victim->error))
            : clip_open(path, ex->clip_start, ex->clip_end, victim->error,
                        sizeof(victim->error));
    // Made ready ahead: its first frames only, until it is on stage.
    if (victim->clip && st->shown != victim)
        clip_set_queue(victim->clip, CLIP_QUEUE_STANDBY);
    return victim;
}

void stage_prepare(Stage *st, const SessionPlan *plan, int step)
{
    st->prepared_step = step;
    st->plan = plan;
    clip_for(st, plan, step, 0, true);
}

Clip *stage_sound(const Stage *st, int64_t now_ms)
{
    const StageClip *sc = st->shown;
    if (!sc || !sc->clip || !sc->audio || !clip_has_audio(sc->clip) ||
        now_ms - sc->drawn_ms > 1000) // a slow frame is not a reason to cut it
        return NULL;
    return sc->clip;
}

const char *stage_problem(const Stage *st)
{
    return st->problem;
}

// The clip's time now. A clip put on stage again after a while (or for the
// first time) carries on from where it was rather than decode through the
// time it was hidden; on the real clock a frame late by more than a second
// does not make it decode through the gap either.
static double clip_time(Stage *st, StageClip *sc, double now_s)
{
    if (st->shown != sc) {
        sc->t0 = now_s - sc->last_t;
        st->shown = sc;
    }
    double t = now_s - sc->t0;
    if (!st->wait_frames && t - sc->last_t > 1.0) {
        sc->t0 = now_s - sc->last_t - 1.0 / 30;
        t = now_s - sc->t0;
    }
    sc->last_t = t;
    return t;
}

void stage_follow(Stage *st, const Session *s, int64_t now_ms)
{
    bool on_stage =
        s && s->step >= 0 && s->step < s->plan.nsteps &&
        (s->phase == SESSION_INTRO || s->phase == SESSION_COUNTDOWN ||
         s->phase == SESSION_WORK || s->phase == SESSION_SWITCH);
    if (!on_stage) {
        st->shown = NULL;
        return;
    }
    StageClip *sc = clip_for(st, &s->plan, s->step, now_ms / 1000.0, true);
    if (sc && sc->clip)
        clip_time(st, sc, now_ms / 1000.0);
    else
        st->shown = NULL;
    // The clip on stage decodes further ahead than those made ready.
    for (int i = 0; i < STAGE_CLIPS; i++)
        if (st->clips[i].clip)
            clip_set_queue(st->clips[i].clip, &st->clips[i] == st->shown
                                                  ? CLIP_QUEUE_SHOWN
                                                  : CLIP_QUEUE_STANDBY);
    st->problem[0] = '\0';
    if (!sc)
        return;
    if (sc->clip && clip_error(sc->clip)[0] && !sc->error[0])
        snprintf(sc->error, sizeof(sc->error), "%s", clip_error(sc->clip));
    if (sc->error[0]) {
        const char *base = strrchr(sc->path, '/');
        snprintf(st->problem, sizeof(st->problem),
                 "Clip %.200s cannot play: showing the demo",
                 base ? base + 1 : sc->path);
    }
}

static bool draw_clip(Stage *st, StageClip *sc, double now_s, float x, float y,
                      float w, float h)
{
    if (!sc->clip)
        return false;
    // On the virtual clock this waits (bounded) for the frame due now, so a
    // screenshot shows exactly the frame a screen would.
    double t = clip_time(st, sc, now_s);
    ClipPicture pic;
    bool changed;
    if (!clip_picture(sc->clip, t, st->wait_frames, &pic, &changed))
        return false;
    char err[200];
    if (st->measure)
        SDL_RenderFlush(st->r); // what was drawn before is not the clip's
    double cpu0 = st->measure ? meter_thread_cpu_ms() : 0;
    if ((changed || !st->pic.tex) &&
        !picture_upload(st->r, &st->pic, &pic, err, sizeof(err))) {
        snprintf(sc->error, sizeof(sc->error), "%s", err);
        return false;
    }
    // Black behind a letterboxed clip: an opaque fill, not blended (on the
    // software renderer a blended fill of a 1080p stage took 7 ms a frame).
    SDL_SetRenderDrawColor(st->r, 0, 0, 0, 255);
    SDL_SetRenderDrawBlendMode(st->r, SDL_BLENDMODE_NONE);
    SDL_FRect bg = {x, y, w, h};
    SDL_RenderFillRectF(st->r, &bg);
    SDL_SetRenderDrawBlendMode(st->r, SDL_BLENDMODE_BLEND);
    picture_draw(st->r, &st->pic, clip_info(sc->clip)->rotation, x, y, w, h,
                 st->cover);
    if (st->measure) {
        SDL_RenderFlush(st->r);
        st->upload_ms += meter_thread_cpu_ms() - cpu0;
    }
    return true;
}

static void draw_demo(Stage *st, Ui *ui, const Session *s, int step,
                      int64_t now_ms, float x, float y, float w, float h)
{
    const SessionStep *ss = &s->plan.steps[step];
    const Exercise *ex = library_exercise(st->lib, ss->exercise_id);
    // The figure's frame takes the stage's shape, so nothing is letterboxed,
    // at up to 540 lines: smooth on a TV, cheap enough for every frame.
    int fh = h < 540 ? (int)(h > 180 ? h : 180) : 540;
    int fw = (int)(fh * w / h + 0.5f);
    if (fw < 160)
        fw = 160;
    if (fw > 1920)
        fw = 1920;
    if (!st->figure || st->fig_w != fw || st->fig_h != fh) {
        if (st->figure)
            SDL_DestroyTexture(st->figure);
        free(st->pixels);
        free(st->set_pixels);
        st->figure = SDL_CreateTexture(st->r, SDL_PIXELFORMAT_ARGB8888,
                                       SDL_TEXTUREACCESS_STREAMING, fw, fh);
        st->pixels = malloc((size_t)fw * fh * 4);
        st->set_pixels = malloc((size_t)fw * fh * 4);
        st->set_pose[0] = '\0';
        st->fig_w = fw;
        st->fig_h = fh;
        if (!st->figure || !st->pixels || !st->set_pixels)
            return;
    }
    // One rep of the animation per cadence; a slow loop between sets.
    double phase = 0;
    int cad = session_cadence_ms(s, step);
    if (s->phase == SESSION_WORK && step == s->step && cad > 0)
        phase = fmod((double)session_phase_elapsed_ms(s) / cad, 1.0);
    else
        phase = fmod((double)now_ms / 2500.0, 1.0);
    PoseSide side = POSE_SIDE_NONE;
    if (ss->per_side)
        side = s->step == step && s->side == SIDE_RIGHT ? POSE_SIDE_RIGHT
                                                        : POSE_SIDE_LEFT;
    const char *pose = ex && ex->pose[0] ? ex->pose : ss->exercise_id;
    // The camera is steady for an exercise: its set is drawn once.
    bool single = ss->block == STEP_BLOCK_SINGLE;
    PoseFrame pf = {st->pixels, fw, fh, fw};
    if (strcmp(st->set_pose, pose) != 0 || st->set_single != single) {
        PoseFrame sf = {st->set_pixels, fw, fh, fw};
        pose_render_layers(&sf, pose, 0, POSE_SIDE_NONE, single,
                           POSE_LAYER_SET);
        snprintf(st->set_pose, sizeof(st->set_pose), "%s", pose);
        st->set_single = single;
    }
    memcpy(st->pixels, st->set_pixels, (size_t)fw * fh * 4);
    pose_render_layers(&pf, pose, phase, side, single,
                       POSE_LAYER_SHADOW | POSE_LAYER_FIGURE);
    SDL_UpdateTexture(st->figure, NULL, st->pixels, fw * 4);
    float scale = fminf(w / fw, h / fh);
    float dw = fw * scale, dh = fh * scale;
    ui_rect(ui, x, y, w, h, (SDL_Color){22, 28, 48, 255});
    SDL_FRect dst = {x + (w - dw) / 2, y + (h - dh) / 2, dw, dh};
    SDL_RenderCopyF(st->r, st->figure, NULL, &dst);
}

bool stage_draw(Stage *st, Ui *ui, const Session *s, int step, int64_t now_ms,
                float x, float y, float w, float h)
{
    if (!s || step < 0 || step >= s->plan.nsteps)
        return false;
    double now_s = now_ms / 1000.0;
    StageClip *sc = clip_for(st, &s->plan, step, now_s, false);
    if (sc && draw_clip(st, sc, now_s, x, y, w, h)) {
        sc->drawn_ms = now_ms;
        return true;
    }
    draw_demo(st, ui, s, step, now_ms, x, y, w, h);
    if (sc && sc->error[0] && st->problem[0])
        // A small, quiet label in the stage corner.
        ui_text(ui, x + ui->u * 2, y + h - ui->u * 6, 3.5f, false, COL_DIM,
                UI_LEFT, w - ui->u * 4, st->problem);
    return false;
}
