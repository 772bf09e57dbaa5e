/*
 * Probing the clips for --check.
 */
#include "app/clip_check.h"

#include <stdio.h>
#include <string.h>

#include "media/clip.h"

int clip_check_library(Library *lib, const Paths *paths)
{
    int bad = 0;
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        char path[PATHS_MAX + 64], err[400];
        if (!ex->active ||
            !paths_find_clip(paths, ex->clip, path, sizeof(path)))
            continue; // a missing clip is reported when the library loads
        // One probe per file and part: the coach's video serves many.
        bool seen = false;
        for (int j = 0; j < i && !seen; j++) {
            const Exercise *o = &lib->exercises[j];
            seen = o->active && strcmp(o->clip, ex->clip) == 0 &&
                   o->clip_start == ex->clip_start &&
                   o->clip_end == ex->clip_end;
        }
        if (seen ||
            clip_probe(path, ex->clip_start, ex->clip_end, err, sizeof(err)))
            continue;
        diag_add(&lib->diags, DIAG_WARNING, ex->file, ex->line, ex->id,
                 "clip '%s' cannot play (%s): the demo is shown instead",
                 ex->clip, err);
        bad++;
    }
    return bad;
}
