/*
 * The coach's one long video, cut into the exercises: every active exercise
 * with a coach_video offset plays the part of the video from its offset to
 * the next offset in the video (the last one to the end), unless the
 * runner gave it a clip of their own.
 */
#include <stdio.h>

#include "core/routine.h"
#include "core/strutil.h"

// The next offset after `at` among the active exercises, or -1.
static double next_offset(const Library *lib, double at)
{
    double next = -1;
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *o = &lib->exercises[i];
        if (o->active && o->coach_video_s > at &&
            (next < 0 || o->coach_video_s < next))
            next = o->coach_video_s;
    }
    return next;
}

int library_use_coach_video(Library *lib, const char *file)
{
    if (!file || !file[0])
        return 0;
    int used = 0;
    for (int i = 0; i < lib->nexercises; i++) {
        Exercise *ex = &lib->exercises[i];
        if (!ex->active || ex->coach_video_s < 0)
            continue;
        // A clip of the runner's own (or a part they chose) wins.
        if (ex->user &&
            (ex->keys & ((1u << EX_KEY_CLIP) | (1u << EX_KEY_CLIP_START) |
                         (1u << EX_KEY_CLIP_END))))
            continue;
        str_copy(ex->clip, sizeof(ex->clip), file);
        ex->clip_start = ex->coach_video_s;
        ex->clip_end = next_offset(lib, ex->coach_video_s);
        ex->from_coach_video = true;
        used++;
    }
    return used;
}
