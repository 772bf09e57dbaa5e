/*
 * The stage: what fills the screen behind the HUD for an exercise, its clip
 * or, when there is no playable clip, the live demo figure.
 */
#ifndef UL_UI_STAGE_H
#define UL_UI_STAGE_H

#include <SDL.h>
#include <stdint.h>

#include "core/routine.h"
#include "core/session.h"
#include "platform/paths.h"
#include "ui/muscle_map.h"
#include "ui/picture.h"
#include "ui/ui.h"

// Clips held open: the one on stage and the one made ready for the next
// exercise. Each open clip holds its decoder's frames (some 20 MB at 720p,
// 45 MB at 1080p), so a third one kept for going back is not worth it: a
// clip gone back to is opened again, the demo figure showing meanwhile.
#define STAGE_CLIPS 2

typedef struct StageClip {
    char path[PATHS_MAX + 64];
    double start, end;
    Clip *clip;
    char error[300]; // why it cannot play ("" when it can)
    double t0;       // stage time when it started
    double last_t;   // clip time last drawn
    uint64_t used;
    bool audio;       // the exercise plays the clip's sound
    int64_t drawn_ms; // when it was last on screen
} StageClip;

typedef struct Stage {
    const Paths *paths;
    const Library *lib;
    SDL_Renderer *r;
    bool wait_frames; // virtual clock: wait for the decoder
    bool cover;       // clips fill the stage (cropped) instead of fitting
    StageClip clips[STAGE_CLIPS];
    uint64_t tick;
    PictureTexture pic;
    const StageClip *shown; // the clip on screen last frame
    const SessionPlan *plan;
    char problem[400];
    // Where each exercise's clip file is (or that it has none), looked up
    // once rather than on every frame.
    struct {
        char id[RT_ID_MAX];
        char path[PATHS_MAX + 64]; // "" when there is no clip
    } found[RT_EXERCISES_MAX];
    int nfound;
    // Told before a clip closes (so its sound can be let go first).
    void (*before_close)(void *ctx, Clip *c);
    void *close_ctx;
    SDL_Texture *figure; // streaming texture the demo is drawn into
    int fig_w, fig_h;
    uint32_t *pixels;
    uint32_t *set_pixels; // the demo's set, drawn once per exercise
    char set_pose[64];    // for this pose ("" none yet)
    bool set_single;
    int prepared_step;
    MuscleMap map; // the intro card's, for the exercise shown last
    // --stats: CPU ms this frame spent putting the clip on screen (its
    // upload, colour conversion and scaling, flushed to be counted).
    bool measure;
    double upload_ms;
} Stage;

void stage_init(Stage *st, const Paths *paths, const Library *lib,
                SDL_Renderer *r);
void stage_deinit(Stage *st);

// Get step ready ahead of time (during the intro or the rest).
void stage_prepare(Stage *st, const SessionPlan *plan, int step);

// Every frame, drawn or not, in the logic step: which clip is on stage now
// (opened here, never while drawing) and its time, so the frame a clip
// shows depends on the clock alone (a headless run that draws only its
// screenshots shows the frames a screen would have shown); and whether it
// cannot play (stage_problem).
void stage_follow(Stage *st, const Session *s, int64_t now_ms);

// Draws the step's clip (as opened by stage_follow or stage_prepare), or
// the demo figure (and says why) without one; opens nothing, tells no one.
// Returns true when the clip was drawn.
bool stage_draw(Stage *st, Ui *ui, const Session *s, int step, int64_t now_ms,
                float x, float y, float w, float h);

// The clip whose sound should play now (on screen this frame, its exercise
// asks for sound), or NULL.
Clip *stage_sound(const Stage *st, int64_t now_ms);

// Why the clip on stage cannot play, to show the runner, or "" (decided by
// stage_follow; a picture that could not be shown counts from the next).
const char *stage_problem(const Stage *st);

#endif
