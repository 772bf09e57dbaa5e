/*
 * The stage: what fills the screen behind the HUD for an exercise, its clip
 * or, when there is no playable clip, the live demo figure.
 */
#ifndef UL_APP_STAGE_H
#define UL_APP_STAGE_H

#include <SDL.h>
#include <stdint.h>

#include "core/routine.h"
#include "core/session.h"
#include "platform/paths.h"
#include "ui/ui.h"

typedef struct Stage {
    const Paths *paths;
    const Library *lib;
    SDL_Renderer *r;
    SDL_Texture *figure;     // streaming texture the demo is drawn into
    int fig_w, fig_h;
    uint32_t *pixels;
    int prepared_step;
} Stage;

void stage_init(Stage *st, const Paths *paths, const Library *lib,
                SDL_Renderer *r);
void stage_deinit(Stage *st);

// Get step ready ahead of time (during the intro or the rest).
void stage_prepare(Stage *st, const SessionPlan *plan, int step);

void stage_draw(Stage *st, Ui *ui, const Session *s, int step, int64_t now_ms,
                float x, float y, float w, float h);

#endif
