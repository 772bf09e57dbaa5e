/*
 * The video benchmark. The clip is presented on a simulated 60 Hz refresh
 * (as fast as the machine can, each refresh asking for the frame due then,
 * as the kiosk does), so besides the cost per frame it counts the frames a
 * screen would have dropped or shown a refresh late.
 */
#include "app/bench.h"
#include "platform/clock.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "app/json.h"
#include "media/clip.h"
#include "platform/log.h"
#include "platform/stop.h"
#include "platform/video.h"
#include "ui/picture.h"

#define BENCH_REFRESH_HZ 60
// The default run, and the most a run may ask for: 1000 loops of a
// 12-second 30 fps clip (the figure for memory growth over 1000 loops).
#define BENCH_FRAMES_DEFAULT 300
#define BENCH_FRAMES_MAX 360000L

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

int bench_run(const CliOptions *opt)
{
    char err[600];
    SDL_SetHint(SDL_HINT_RENDER_VSYNC, "0"); // as fast as it can
    Video v;
    if (!video_open(&v, opt->headless, opt->windowed,
                    opt->win_w ? opt->win_w : 1920,
                    opt->win_h ? opt->win_h : 1080, err, sizeof(err))) {
        log_error("bench", "%s", err);
        return 1;
    }
    long frames =
        opt->bench_frames > 0 ? opt->bench_frames : BENCH_FRAMES_DEFAULT;
    if (frames > BENCH_FRAMES_MAX) {
        log_warn("bench",
                 "--frames %ld is more than %ld: running %ld "
                 "(Ctrl+C stops a run early and prints what it has)",
                 frames, BENCH_FRAMES_MAX, BENCH_FRAMES_MAX);
        frames = BENCH_FRAMES_MAX;
    }
    stop_install();
    double t_open = wall(), c0 = cpu_s();
    Clip *c = clip_open(opt->bench_clip, -1, -1, err, sizeof(err));
    if (!c) {
        log_error("bench", "%s", err);
        video_close(&v);
        return 1;
    }
    const ClipInfo *info = clip_info(c);
    PictureTexture pt = {0};
    double first_ms = -1, rss_first_loop = 0;
    long shown = 0, late = 0;
    int status = 0;
    bool interrupted = false;
    long loop_frames = (long)(info->duration * info->fps + 0.5);
    // RSS after warming up (a hundred loops in for long runs, else the first
    // loop): growth after that would be a leak.
    int warm = loop_frames > 0 && frames >= 300 * loop_frames ? 100 : 1;
    long refreshes = (long)ceil(frames * BENCH_REFRESH_HZ / info->fps - 1e-9);
    for (long k = 0; k < refreshes; k++) {
        if (stop_requested()) {
            interrupted = true;
            break;
        }
        double t = (double)k / BENCH_REFRESH_HZ;
        ClipPicture pic;
        bool changed;
        if (!clip_picture(c, t, true, &pic, &changed)) {
            // A clip's own failure is in the log already (media logs it).
            if (!clip_error(c)[0])
                log_error("bench", "no picture decoded in time");
            status = 1;
            break;
        }
        if (first_ms < 0)
            first_ms = (wall() - t_open) * 1000;
        if (pic.loop == warm && rss_first_loop == 0)
            rss_first_loop = clock_rss_mb();
        if (!changed)
            continue; // the screen would show the same picture again
        // The refresh this frame belongs to: the first at or after its time.
        long due = (long)ceil(pic.t * BENCH_REFRESH_HZ - 1e-6);
        if (k > due && shown > 0)
            late++;
        if (!picture_upload(v.renderer, &pt, &pic, err, sizeof(err))) {
            log_error("bench", "%s", err);
            status = 1;
            break;
        }
        shown++;
        SDL_SetRenderDrawColor(v.renderer, 0, 0, 0, 255);
        SDL_RenderClear(v.renderer);
        picture_draw(v.renderer, &pt, info->rotation, 0, 0, (float)v.w,
                     (float)v.h, false);
        SDL_RenderPresent(v.renderer);
        SDL_PumpEvents();
    }
    long dropped = clip_frames_skipped(c);
    double wall_s = wall() - t_open, cpu = cpu_s() - c0;
    double seam, ff;
    int loops;
    long decoded;
    clip_stats(c, &seam, &ff, &loops, &decoded);
    double rss_end = clock_rss_mb();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double peak = ru.ru_maxrss / 1024.0;
    if (status == 0) {
        double frame_ms = 1000.0 / info->fps;
        if (opt->json) {
            cJSON *o = cJSON_CreateObject();
            json_add_string(o, "clip", opt->bench_clip);
            json_add_string(o, "codec", info->codec);
            json_add_string(o, "pixel_format", info->pixfmt);
            json_add_int(o, "width", info->w);
            json_add_int(o, "height", info->h);
            json_add_fixed(o, "fps", info->fps, 3);
            json_add_string(o, "video_driver", v.driver);
            json_add_int(o, "frames", shown);
            json_add_int(o, "frames_asked", frames);
            json_add_int(o, "refresh_hz", BENCH_REFRESH_HZ);
            json_add_int(o, "dropped_frames", dropped);
            json_add_int(o, "late_frames", late);
            cJSON_AddBoolToObject(o, "interrupted", interrupted);
            json_add_int(o, "loops", loops);
            json_add_fixed(o, "cpu_ms_per_frame",
                           shown ? cpu * 1000 / shown : 0, 3);
            json_add_fixed(o, "wall_s", wall_s, 3);
            json_add_fixed(o, "first_frame_ms", first_ms, 1);
            json_add_fixed(o, "max_seam_ms", seam * 1000, 1);
            json_add_fixed(o, "frame_period_ms", frame_ms, 1);
            json_add_fixed(o, "peak_rss_mb", peak, 1);
            json_add_fixed(o, "rss_growth_mb",
                           rss_first_loop > 0 ? rss_end - rss_first_loop : 0,
                           1);
            if (!json_write(stdout, o, true))
                status = 1;
            cJSON_Delete(o);
        } else {
            printf("clip            %s (%s %s %dx%d @ %.2f fps, driver %s)\n",
                   opt->bench_clip, info->codec, info->pixfmt, info->w, info->h,
                   info->fps, v.driver);
            printf("frames          %ld of %ld (%d loops)%s\n", shown, frames,
                   loops, interrupted ? ", interrupted" : "");
            printf("at %d Hz        %ld dropped, %ld late\n", BENCH_REFRESH_HZ,
                   dropped, late);
            printf("cpu_ms_per_frame %.3f\n", shown ? cpu * 1000 / shown : 0);
            printf("wall_s          %.3f\n", wall_s);
            printf("first_frame_ms  %.1f\n", first_ms);
            printf("max_seam_ms     %.1f (frame period %.1f)\n", seam * 1000,
                   frame_ms);
            printf("peak_rss_mb     %.1f\n", peak);
            printf("rss_growth_mb   %.1f (after warming up)\n",
                   rss_first_loop > 0 ? rss_end - rss_first_loop : 0);
        }
    }
    picture_free(&pt);
    clip_close(c);
    video_close(&v);
    return status;
}
