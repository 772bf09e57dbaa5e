/*
 * posesheet: pictures of the demo coach, to look at.
 *
 *   posesheet --frames DIR [--size WxH] [ID ...]
 *       every frame of one rep of each exercise (30 per second at its
 *       cadence), as DIR/<exercise-id>-NNN.png
 *   posesheet --sheet FILE.png [--size WxH] [--cols N]
 *       a contact sheet: one row per exercise, N moments of its rep
 *
 * It draws what clipgen encodes (the same pose_render call), before the
 * video encoder touches it.
 */
#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/library_load.h"
#include "media/pose.h"
#include "platform/paths.h"

static bool save_png(const uint32_t *px, int w, int h, const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(
        (void *)px, w, h, 32, w * 4, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return false;
    bool ok = IMG_SavePNG(s, path) == 0;
    SDL_FreeSurface(s);
    if (!ok)
        fprintf(stderr, "posesheet: cannot write %s: %s\n", path,
                IMG_GetError());
    return ok;
}

static bool wanted(const char *id, char **ids, int nids)
{
    for (int k = 0; k < nids; k++)
        if (strcmp(ids[k], id) == 0)
            return true;
    return nids == 0;
}

int main(int argc, char **argv)
{
    const char *frames_dir = NULL, *sheet = NULL;
    int w = 1280, h = 720, cols = 6, nids = 0;
    char *ids[64];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--frames") == 0 && i + 1 < argc)
            frames_dir = argv[++i];
        else if (strcmp(argv[i], "--sheet") == 0 && i + 1 < argc)
            sheet = argv[++i];
        else if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d", &w, &h) != 2 || w < 16 || h < 16)
                return 2;
        } else if (strcmp(argv[i], "--cols") == 0 && i + 1 < argc)
            cols = atoi(argv[++i]);
        else if (argv[i][0] != '-' && nids < 64)
            ids[nids++] = argv[i];
        else {
            fprintf(stderr, "usage: posesheet --frames DIR | --sheet FILE.png "
                            "[--size WxH] [--cols N] [ID ...]\n");
            return 2;
        }
    }
    if ((!frames_dir && !sheet) || cols < 1 || cols > 16) {
        fprintf(stderr, "posesheet: --frames DIR or --sheet FILE.png\n");
        return 2;
    }
    Paths paths;
    char err[600];
    if (!paths_resolve(&paths, NULL, NULL, err, sizeof(err))) {
        fprintf(stderr, "posesheet: %s\n", err);
        return 1;
    }
    Library *lib = library_load(&paths);
    if (!lib)
        return 1;
    uint32_t *px = malloc((size_t)w * h * 4);
    int rows = 0;
    for (int i = 0; i < lib->nexercises; i++)
        rows += lib->exercises[i].active && pose_known(lib->exercises[i].pose);
    int sw = w * cols, sh = h * rows;
    uint32_t *big = sheet ? calloc((size_t)sw * sh, 4) : NULL;
    if (!px || (sheet && !big))
        return 1;
    int row = 0, status = 0;
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        if (!ex->active || !pose_known(ex->pose))
            continue;
        PoseSide side = ex->per_side ? POSE_SIDE_WORKING : POSE_SIDE_NONE;
        PoseFrame f = {px, w, h, w};
        if (frames_dir && wanted(ex->id, ids, nids)) {
            int n = (int)(ex->cadence_ms * 30 / 1000);
            for (int k = 0; k < n; k++) {
                pose_render(&f, ex->pose, (double)k / n, side, false);
                char path[PATHS_MAX + 100];
                snprintf(path, sizeof(path), "%s/%s-%03d.png", frames_dir,
                         ex->id, k);
                if (!save_png(px, w, h, path))
                    status = 1;
            }
        }
        if (sheet) {
            for (int c = 0; c < cols; c++) {
                pose_render(&f, ex->pose, (double)c / cols, side, false);
                for (int y = 0; y < h; y++)
                    memcpy(big + (size_t)(row * h + y) * sw + (size_t)c * w,
                           px + (size_t)y * w, (size_t)w * 4);
            }
        }
        row++;
    }
    if (sheet && !save_png(big, sw, sh, sheet))
        status = 1;
    free(px);
    free(big);
    library_destroy(lib);
    return status;
}
