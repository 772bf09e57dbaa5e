/*
 * clipgen: renders the demo clip of every exercise (or those named) into a
 * folder, one rep per clip, named <exercise-id>.mp4.
 *
 *   clipgen [--out DIR] [--missing] [--size WxH] [ID ...]
 *
 * The size is clip_size from config.ini unless --size names one (auto:
 * 720p on a Raspberry Pi, 1080p elsewhere). --missing makes the clips that
 * are not there and remakes demo clips of another size; a file that is
 * not one of ours (a runner's own recording) is left alone. Clips are made
 * side by side, one per core (up to 4).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "data/library_load.h"
#include "data/settings_io.h"
#include "media/demo_clip.h"
#include "media/pose.h"
#include "platform/paths.h"

typedef struct Job {
    const char *id;
    DemoClipSpec spec;
    char path[PATHS_MAX + 64];
} Job;

typedef struct Queue {
    Job *jobs;
    int n, next, made, failed;
    pthread_mutex_t lock;
} Queue;

// Takes clips off the queue until none are left; each clip's line is
// printed whole when it is done.
static void *worker(void *arg)
{
    Queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        int i = q->next < q->n ? q->next++ : -1;
        pthread_mutex_unlock(&q->lock);
        if (i < 0)
            return NULL;
        Job *j = &q->jobs[i];
        int frames;
        char codec[32], err[600];
        bool ok = demo_clip_write(j->path, &j->spec, &frames, codec,
                                  sizeof(codec), err, sizeof(err));
        pthread_mutex_lock(&q->lock);
        if (ok) {
            printf("clipgen: %-22s %3d frames, %s -> %s\n", j->id, frames,
                   codec, j->path);
            q->made++;
        } else {
            printf("clipgen: %-22s FAILED: %s\n", j->id, err);
            q->failed++;
        }
        fflush(stdout);
        pthread_mutex_unlock(&q->lock);
    }
}

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
    int total = 0;
    Job *jobs = calloc((size_t)lib->nexercises + 1, sizeof(Job));
    Queue q = {.jobs = jobs, .lock = PTHREAD_MUTEX_INITIALIZER};
    clock_t c0 = clock();
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; jobs && i < lib->nexercises; i++) {
        const Exercise *ex = &lib->exercises[i];
        if (!ex->active)
            continue;
        bool wanted = nids == 0;
        for (int k = 0; k < nids; k++)
            wanted = wanted || strcmp(ids[k], ex->id) == 0;
        if (!wanted || !pose_known(ex->pose))
            continue;
        total++;
        Job *j = &jobs[q.n];
        snprintf(j->path, sizeof(j->path), "%s/%s.mp4", out, ex->id);
        if (missing_only && file_exists(j->path)) {
            int cw, ch;
            if (!demo_clip_probe(j->path, ex->pose, &cw, &ch) ||
                (cw == w && ch == h))
                continue;
            printf("clipgen: %-22s is %dx%d: remade at %dx%d\n", ex->id, cw, ch,
                   w, h);
        }
        j->id = ex->id;
        j->spec = (DemoClipSpec){
            ex->pose, ex->cadence_ms / 1000.0, ex->per_side, w, h, 30};
        q.n++;
    }
    // One clip per core at a time: the figure is drawn on one thread per
    // clip, so clips side by side keep both cores of a small machine busy.
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int nthreads = cores < 1 ? 1 : cores > 4 ? 4 : (int)cores;
    if (nthreads > q.n)
        nthreads = q.n;
    pthread_t th[4];
    int started = 0;
    for (int i = 1; i < nthreads; i++)
        if (pthread_create(&th[started], NULL, worker, &q) == 0)
            started++;
    worker(&q);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int made = q.made, failed = q.failed;
    free(jobs);
    printf("clipgen: %d of %d clips made (%.1f s of CPU, %.1f s wall, %d "
           "at a time)\n",
           made, total, (double)(clock() - c0) / CLOCKS_PER_SEC,
           (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
           nthreads > 0 ? nthreads : 1);
    library_destroy(lib);
    return failed ? 1 : 0;
}
