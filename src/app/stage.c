/*
 * Stage drawing: the demo figure for the exercise, animated in time with the
 * session's rep cadence.
 */
#include "app/stage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "media/pose.h"
#include "ui/theme.h"

void stage_init(Stage *st, const Paths *paths, const Library *lib, SDL_Renderer *r)
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
    memset(st, 0, sizeof(*st));
}

void stage_prepare(Stage *st, const SessionPlan *plan, int step)
{
    (void)plan;
    st->prepared_step = step;
}

void stage_draw(Stage *st, Ui *ui, const Session *s, int step, int64_t now_ms,
                float x, float y, float w, float h)
{
    if (!s || step < 0 || step >= s->plan.nsteps)
        return;
    const SessionStep *ss = &s->plan.steps[step];
    const Exercise *ex = library_exercise(st->lib, ss->exercise_id);
    // Render the figure at a modest resolution and scale it up: the
    // rasteriser anti-aliases, so it stays smooth.
    // The figure's frame takes the stage's shape, so nothing is letterboxed.
    int fh = 360;
    int fw = (int)(fh * w / h + 0.5f);
    if (fw < 160)
        fw = 160;
    if (fw > 1280)
        fw = 1280;
    if (!st->figure || st->fig_w != fw || st->fig_h != fh) {
        if (st->figure)
            SDL_DestroyTexture(st->figure);
        free(st->pixels);
        st->figure = SDL_CreateTexture(st->r, SDL_PIXELFORMAT_ARGB8888,
                                       SDL_TEXTUREACCESS_STREAMING, fw, fh);
        st->pixels = malloc((size_t)fw * fh * 4);
        st->fig_w = fw;
        st->fig_h = fh;
        if (!st->figure || !st->pixels)
            return;
    }
    // One rep of the animation per cadence; still between sets.
    double phase = 0;
    int cad = session_cadence_ms(s, step);
    if (s->phase == SESSION_WORK && step == s->step && cad > 0)
        phase = fmod((double)s->phase_t / cad, 1.0);
    else
        phase = fmod((double)now_ms / 2500.0, 1.0);
    PoseSide side = POSE_SIDE_NONE;
    if (ss->per_side)
        side = s->step == step && s->side == SIDE_RIGHT ? POSE_SIDE_RIGHT
                                                        : POSE_SIDE_LEFT;
    const char *pose = ex && ex->pose[0] ? ex->pose : ss->exercise_id;
    PoseFrame pf = {st->pixels, fw, fh, fw};
    pose_render(&pf, pose, phase, side, ss->block == STEP_BLOCK_SINGLE);
    SDL_UpdateTexture(st->figure, NULL, st->pixels, fw * 4);
    // Fit (letterbox) the figure into the stage.
    float scale = fminf(w / fw, h / fh);
    float dw = fw * scale, dh = fh * scale;
    ui_rect(ui, x, y, w, h, (SDL_Color){22, 28, 48, 255});
    SDL_FRect dst = {x + (w - dw) / 2, y + (h - dh) / 2, dw, dh};
    SDL_RenderCopyF(st->r, st->figure, NULL, &dst);
}
