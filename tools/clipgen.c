/*
 * clipgen: renders the demo clip of every exercise (or those named) into a
 * folder, one rep per clip, named <exercise-id>.mp4.
 *
 *   clipgen [--out DIR] [--missing] [--size WxH] [ID ...]
 *
 * The size is clip_size from config.ini unless --size names one (auto:
 * 720p on a Raspberry Pi, 1080p elsewhere). --missing makes the clips that
 * are not there and remakes demo clips of another size; a file that is
 * not one of ours (a runner's own recording) is left alone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data/library_load.h"
#include "data/settings_io.h"
#include "media/demo_clip.h"
#include "media/pose.h"
#include "platform/paths.h"

int main(int argc, char **argv)
{
    const char *out = NULL;
    bool missing_only = false;
    int w = 0, h = 0;
    const char *ids[64];
    int nids = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--missing") == 0)
            missing_only = true;
        else if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d", &w, &h) != 2 || w < 64 || h < 64 ||
                w % 2 || h % 2) {
                fprintf(stderr,
                        "clipgen: --size wants an even WxH, like 1280x720\n");
                return 2;
            }
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: clipgen [--out DIR] [--missing] [--size "
                            "WxH] [ID ...]\n");
            return 2;
        } else if (nids < 64)
            ids[nids++] = argv[i];
    }
    Paths paths;
    char err[600];
    if (!paths_resolve(&paths, NULL, NULL, err, sizeof(err))) {
        fprintf(stderr, "clipgen: %s\n", err);
        return 1;
    }
    if (!out)
        out = paths.builtin_videos;
    if (!w) {
        Settings set;
        DiagList sd = {0};
        settings_load_file(&set, &paths, &sd);
        for (int i = 0; i < sd.count; i++) {
            char line[800];
            diag_format(&sd.items[i], line, sizeof(line));
            fprintf(stderr, "clipgen: %s\n", line);
        }
        diag_list_free(&sd);
        settings_clip_size(&set, settings_host_is_arm(), &w, &h);
        printf("clipgen: %dx%d (clip_size = %s in config.ini)\n", w, h,
               set.clip_height ? (set.clip_height == 720 ? "720p" : "1080p")
                               : "auto");
    }
    if (!paths_mkdirs(out)) {
        fprintf(stderr, "clipgen: cannot create %s\n", out);
        return 1;
    }
    Library *lib = library_load(&paths);
    if (!lib)
        return 1;
    for (int k = 0; k < nids; k++)
        if (!library_exercise(lib, ids[k])) {
            fprintf(stderr,
                    "clipgen: unknown exercise '%s' (see ultralegs --check)\n",
                    ids[k]);
            library_destroy(lib);
            return 2;
        }
    int made = 0, failed = 0, total = 0;
    clock_t c0 = clock();
    for (int i = 0; i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        if (!ex->active)
            continue;
        bool wanted = nids == 0;
        for (int k = 0; k < nids; k++)
            wanted = wanted || strcmp(ids[k], ex->id) == 0;
        if (!wanted || !pose_known(ex->pose))
            continue;
        total++;
        char path[PATHS_MAX + 64];
        snprintf(path, sizeof(path), "%s/%s.mp4", out, ex->id);
        if (missing_only && file_exists(path)) {
            int cw, ch;
            if (!demo_clip_probe(path, ex->pose, &cw, &ch) ||
                (cw == w && ch == h))
                continue;
            printf("clipgen: %-22s is %dx%d: remade at %dx%d\n", ex->id, cw, ch,
                   w, h);
        }
        DemoClipSpec spec = {
            ex->pose, ex->cadence_ms / 1000.0, ex->per_side, w, h, 30};
        int frames;
        char codec[32];
        printf("clipgen: %-22s ", ex->id);
        fflush(stdout);
        if (demo_clip_write(path, &spec, &frames, codec, sizeof(codec), err,
                            sizeof(err))) {
            printf("%3d frames, %s -> %s\n", frames, codec, path);
            made++;
        } else {
            printf("FAILED: %s\n", err);
            failed++;
        }
    }
    printf("clipgen: %d of %d clips made (%.1f s of CPU)\n", made, total,
           (double)(clock() - c0) / CLOCKS_PER_SEC);
    library_destroy(lib);
    return failed ? 1 : 0;
}
