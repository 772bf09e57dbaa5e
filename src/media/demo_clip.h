/*
 * Writing the demo clips: the pose animation of one rep, encoded with
 * libavcodec as H.264 (libx264) in MP4 with faststart, yuv420p, BT.709
 * limited range, one closed GOP per clip; MPEG-4 Part 2 when libx264 is
 * not there. Deterministic: the same input gives the same file.
 */
#ifndef UL_MEDIA_DEMO_CLIP_H
#define UL_MEDIA_DEMO_CLIP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct DemoClipSpec {
    const char *pose; // pose id
    double rep_s;     // seconds for one rep (the exercise's cadence)
    bool per_side;    // highlight the working leg
    int w, h, fps;    // 1280x720 at 30 by default
} DemoClipSpec;

// Write the clip; *frames gets the frame count. False with err.
bool demo_clip_write(const char *path, const DemoClipSpec *spec, int *frames,
                     char *codec_used, size_t codec_size, char *err,
                     size_t errsize);

// Is the file at path a demo clip this program made for pose (its title
// says so)? When it is, *w and *h get its size. A runner's own recording
// is never one, so it is never remade.
bool demo_clip_probe(const char *path, const char *pose, int *w, int *h);

#endif
