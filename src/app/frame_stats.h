/*
 * The kiosk's own figures for a run (--stats FILE): peak heap as the
 * allocator counts it, sampled every frame; peak resident memory; the CPU
 * each drawn frame cost, split into decoding (the decoder threads), the
 * clip's upload (texture update, colour conversion, scaling) and the HUD
 * (everything else drawn); and the time from the process's start to the
 * first frame drawn (the home screen). Written as one JSON document at the
 * end. Used by scripts/bench-kiosk and the memory budget test.
 */
#ifndef UL_APP_FRAME_STATS_H
#define UL_APP_FRAME_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

// CPU ms per frame in buckets of FRAME_STATS_BUCKET_MS; the last bucket
// takes everything slower.
#define FRAME_STATS_BUCKET_MS 0.02
#define FRAME_STATS_BUCKETS 5000

typedef struct FrameCost {
    uint32_t count[FRAME_STATS_BUCKETS];
    double sum, max;
} FrameCost;

#define FRAME_STATS_SCREENS 16
// The heap's peak in each 10 s of the app's clock, for two hours.
#define FRAME_STATS_SPAN_S 10
#define FRAME_STATS_SPANS 720

typedef struct FrameStats {
    FrameCost decode, upload, hud;
    // The HUD's mean by screen (home, intro, work, rest ...).
    struct {
        char name[24];
        double sum, max;
        long n;
    } screens[FRAME_STATS_SCREENS];
    int nscreens;
    long frames_drawn, frames;
    double startup_ms; // process start to the first drawn frame; <0 none yet
    double startup_cpu_ms; // CPU the process used until then (all threads)
    uint64_t peak_heap;
    double peak_heap_at_s; // app clock of the peak
    char peak_heap_screen[32];
    // Peak heap (MB) by span of FRAME_STATS_SPAN_S; nspans used.
    float heap_by_span[FRAME_STATS_SPANS];
    int nspans;
    // Running CPU clocks at the last drawn frame.
    double proc_ms, main_ms, side_ms;
    bool started;
} FrameStats;

void frame_stats_init(FrameStats *fs);

// Before a frame is drawn: the clocks its cost is measured from.
void frame_stats_begin(FrameStats *fs);

// After it is drawn and flushed: draw_ms is the main thread's CPU for the
// whole drawing, upload_ms the part of it that put the clip on screen.
void frame_stats_drawn(FrameStats *fs, double draw_ms, double upload_ms,
                       const char *screen);

// Every frame, drawn or not: the heap in use, and where the app is.
void frame_stats_sample(FrameStats *fs, double now_s, const char *screen);

// The figures as JSON; false when f cannot be written.
bool frame_stats_write(const FrameStats *fs, FILE *f);
// The same into the file at path; false (and logged) when it cannot be.
bool frame_stats_save(const FrameStats *fs, const char *path);

#endif
