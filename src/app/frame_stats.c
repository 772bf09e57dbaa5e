/*
 * Frame cost histograms, heap peak and start-up time for --stats.
 */
#include "app/frame_stats.h"

#include <math.h>
#include <string.h>

#include "app/json.h"
#include "platform/log.h"
#include "platform/meter.h"

// Threads whose CPU is not decoding: speech synthesis and SDL's audio
// mixing. Everything else besides the main thread decodes video (the clip
// threads and libavcodec's own).
static const char *const side_threads[] = {"speech", "SDLAudio"};

void frame_stats_init(FrameStats *fs)
{
    memset(fs, 0, sizeof(*fs));
    fs->startup_ms = -1;
}

void frame_stats_begin(FrameStats *fs)
{
    if (fs->started)
        return;
    fs->proc_ms = meter_process_cpu_ms();
    fs->main_ms = meter_thread_cpu_ms();
    fs->side_ms = meter_named_threads_cpu_ms(side_threads, 2);
    fs->started = true;
}

static void add(FrameCost *c, double ms)
{
    if (ms < 0)
        ms = 0;
    int b = (int)(ms / FRAME_STATS_BUCKET_MS);
    c->count[b < FRAME_STATS_BUCKETS ? b : FRAME_STATS_BUCKETS - 1]++;
    c->sum += ms;
    if (ms > c->max)
        c->max = ms;
}

static void add_screen(FrameStats *fs, const char *screen, double ms)
{
    int i = 0;
    while (i < fs->nscreens && strcmp(fs->screens[i].name, screen) != 0)
        i++;
    if (i == fs->nscreens) {
        if (i == FRAME_STATS_SCREENS)
            return;
        fs->nscreens++;
        snprintf(fs->screens[i].name, sizeof(fs->screens[i].name), "%s",
                 screen);
    }
    fs->screens[i].sum += ms;
    fs->screens[i].n++;
    if (ms > fs->screens[i].max)
        fs->screens[i].max = ms;
}

void frame_stats_drawn(FrameStats *fs, double draw_ms, double upload_ms,
                       const char *screen)
{
    add_screen(fs, screen, draw_ms - upload_ms);
    double proc = meter_process_cpu_ms(), main = meter_thread_cpu_ms();
    double side = meter_named_threads_cpu_ms(side_threads, 2);
    // Since the last drawn frame, what the other threads used: decoding.
    add(&fs->decode,
        (proc - fs->proc_ms) - (main - fs->main_ms) - (side - fs->side_ms));
    add(&fs->upload, upload_ms);
    add(&fs->hud, draw_ms - upload_ms);
    fs->proc_ms = proc;
    fs->main_ms = meter_thread_cpu_ms(); // the measuring itself left out
    fs->side_ms = side;
    if (fs->frames_drawn++ == 0) {
        fs->startup_ms = meter_since_start_ms();
        fs->startup_cpu_ms = proc;
    }
}

void frame_stats_sample(FrameStats *fs, double now_s, const char *screen)
{
    fs->frames++;
    uint64_t h = meter_heap_bytes();
    if (h > fs->peak_heap) {
        fs->peak_heap = h;
        fs->peak_heap_at_s = now_s;
        snprintf(fs->peak_heap_screen, sizeof(fs->peak_heap_screen), "%s",
                 screen);
    }
    int span = (int)(now_s / FRAME_STATS_SPAN_S);
    if (span >= 0 && span < FRAME_STATS_SPANS) {
        float mb = (float)(h / 1048576.0);
        if (mb > fs->heap_by_span[span])
            fs->heap_by_span[span] = mb;
        if (span >= fs->nspans)
            fs->nspans = span + 1;
    }
}

static double percentile(const FrameCost *c, long n, double p)
{
    long want = (long)(n * p + 0.999999), seen = 0;
    for (int b = 0; b < FRAME_STATS_BUCKETS; b++) {
        seen += c->count[b];
        if (seen >= want && want > 0) {
            // The bucket's top, never above the slowest frame seen.
            double top = (b + 1) * FRAME_STATS_BUCKET_MS;
            return b == FRAME_STATS_BUCKETS - 1 || top > c->max ? c->max : top;
        }
    }
    return 0;
}

static void add_cost(cJSON *o, const char *key, const FrameCost *c, long n)
{
    cJSON *k = json_add(o, key, cJSON_CreateObject());
    json_add_fixed(k, "mean", n ? c->sum / n : 0, 3);
    json_add_fixed(k, "p99", percentile(c, n, 0.99), 3);
    json_add_fixed(k, "max", c->max, 3);
}

bool frame_stats_write(const FrameStats *fs, FILE *f)
{
    cJSON *root = cJSON_CreateObject();
    json_add_fixed(root, "peak_rss_mb", meter_peak_rss_mb(), 1);
    json_add_fixed(root, "peak_heap_mb", fs->peak_heap / 1048576.0, 1);
    json_add_string(root, "heap_counted_by", meter_heap_source());
    json_add_fixed(root, "peak_heap_at_s", fs->peak_heap_at_s, 2);
    json_add_string(root, "peak_heap_screen", fs->peak_heap_screen);
    json_add_fixed(root, "startup_ms", fs->startup_ms, 1);
    json_add_fixed(root, "startup_cpu_ms", fs->startup_cpu_ms, 1);
    json_add_int(root, "frames", fs->frames);
    json_add_int(root, "frames_drawn", fs->frames_drawn);
    cJSON *cpu = json_add(root, "cpu_ms_per_drawn_frame", cJSON_CreateObject());
    add_cost(cpu, "decode", &fs->decode, fs->frames_drawn);
    add_cost(cpu, "upload", &fs->upload, fs->frames_drawn);
    add_cost(cpu, "hud", &fs->hud, fs->frames_drawn);
    // Where the peak is reached: a shorter run that passes its span holds
    // the same peak.
    cJSON *spans = json_add(root, "peak_heap_mb_by_10s", cJSON_CreateArray());
    for (int i = 0; i < fs->nspans; i++)
        cJSON_AddItemToArray(
            spans, cJSON_CreateNumber(round(fs->heap_by_span[i] * 10) / 10));
    cJSON *by = json_add(root, "hud_ms_by_screen", cJSON_CreateObject());
    for (int i = 0; i < fs->nscreens; i++) {
        cJSON *o = json_add(by, fs->screens[i].name, cJSON_CreateObject());
        json_add_fixed(o, "mean", fs->screens[i].sum / fs->screens[i].n, 3);
        json_add_fixed(o, "max", fs->screens[i].max, 3);
        json_add_int(o, "frames", fs->screens[i].n);
    }
    bool ok = json_write(f, root, true);
    cJSON_Delete(root);
    return ok;
}

bool frame_stats_save(const FrameStats *fs, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        log_error("ultralegs", "cannot write the stats %s", path);
        return false;
    }
    bool ok = frame_stats_write(fs, f);
    return fclose(f) == 0 && ok;
}
