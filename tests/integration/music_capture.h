/*
 * The music test's reading of a disk-audio capture: the music alone is
 * (L - R) / 2, the cues alone (L + R) / 2; levels, pitch, speech spans and
 * beep onsets found by position in the capture.
 */
#ifndef UL_MUSIC_CAPTURE_H
#define UL_MUSIC_CAPTURE_H

#include <math.h>
#include <stdbool.h>

#include "kiosk_util.h"

#define RATE 48000
#define WIN 0.01 // seconds: the steps speech is looked for in

typedef struct Capture {
    int16_t *pcm; // stereo
    long frames;
} Capture;

static Capture load_capture(void)
{
    Capture c = {0};
    char path[400];
    snprintf(path, sizeof(path), "%s/cap.raw", ku_dir);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("no capture %s", path);
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fseek(f, 0, SEEK_SET);
    c.pcm = malloc((size_t)bytes + 4);
    c.frames = (long)fread(c.pcm, 4, (size_t)bytes / 4, f);
    fclose(f);
    return c;
}

// RMS (0..1) between two times in seconds of the music (side) or of the
// cues (mid).
static double level(const Capture *c, bool music, double t0, double t1)
{
    long a = (long)(t0 * RATE), b = (long)(t1 * RATE);
    if (a < 0)
        a = 0;
    if (b > c->frames)
        b = c->frames;
    if (b <= a)
        return 0;
    double sum = 0;
    for (long i = a; i < b; i++) {
        double l = c->pcm[2 * i] / 32768.0, r = c->pcm[2 * i + 1] / 32768.0;
        double v = music ? (l - r) / 2 : (l + r) / 2;
        sum += v * v;
    }
    return sqrt(sum / (double)(b - a));
}

static double music_at(const Capture *c, double t0, double t1)
{
    return level(c, true, t0, t1);
}

static double cues_at(const Capture *c, double t0, double t1)
{
    return level(c, false, t0, t1);
}

static double db(double ratio)
{
    return 20 * log10(ratio > 1e-9 ? ratio : 1e-9);
}

// The music's pitch (zero crossings of the side channel).
static double music_pitch(const Capture *c, double t0, double t1)
{
    long a = (long)(t0 * RATE), b = (long)(t1 * RATE), n = 0;
    for (long i = a + 1; i < b && i < c->frames; i++) {
        int prev = c->pcm[2 * (i - 1)] - c->pcm[2 * (i - 1) + 1];
        int cur = c->pcm[2 * i] - c->pcm[2 * i + 1];
        if ((prev < 0) != (cur < 0))
            n++;
    }
    return n / 2.0 / (t1 - t0);
}

// Speech found in the capture near t: from the first sound after t - 0.05
// to the start of the first 150 ms of quiet. False when there is none.
static bool speech_span(const Capture *c, double t, double *start, double *end)
{
    double x = t - 0.05;
    while (x < t + 0.5 && cues_at(c, x, x + WIN) < 0.01)
        x += WIN;
    if (x >= t + 0.5)
        return false;
    *start = x;
    for (double quiet = 0; x < *start + 3; x += WIN) {
        if (cues_at(c, x, x + WIN) < 0.003) {
            quiet += WIN;
            if (quiet >= 0.15) {
                *end = x + WIN - quiet;
                return true;
            }
        } else {
            quiet = 0;
        }
    }
    return false;
}

// Times of the cue log lines of one kind.
static int times_of(const char *log, const char *kind, double *out, int max)
{
    int n = 0;
    char needle[64];
    snprintf(needle, sizeof(needle), "\t%s\t", kind);
    for (const char *l = log; l && *l && n < max;
         l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        const char *tab = strchr(l, '\t');
        if (tab && strncmp(tab, needle, strlen(needle)) == 0)
            out[n++] = atof(l);
    }
    return n;
}

// A window of the capture the cues leave quiet (else the music is ducked).
static void assert_no_cues(const Capture *c, double t0, double t1)
{
    if (cues_at(c, t0, t1) > 0.003)
        fail_msg("cues between %.2f and %.2f s (%.4f): the check needs quiet",
                 t0, t1, cues_at(c, t0, t1));
}

// The music where nothing has been said for a while: the part of [t0, t1]
// from 450 ms after the last cue sound in it (or before it) on. Where the
// cues fall depends on how busy the machine was, so they are found in the
// capture; at least 300 ms must be left, else -1.
static double quiet_music(const Capture *c, double t0, double t1)
{
    double from = t0;
    for (double x = t0 - 0.5; x < t1; x += WIN)
        if (cues_at(c, x, x + WIN) > 0.003)
            from = x + WIN + 0.45;
    return t1 - from < 0.3 ? -1 : music_at(c, from, t1);
}

static double music_in_quiet(const Capture *c, double t0, double t1)
{
    double m = quiet_music(c, t0, t1);
    if (m < 0)
        fail_msg("no quiet between %.2f and %.2f s to hear the music in", t0,
                 t1);
    return m;
}

// Where a beep starts: the first 2 ms of sound from t - 50 ms on.
static double beep_onset(const Capture *c, double t)
{
    double x = t - 0.05;
    while (x < t + 0.5 && cues_at(c, x, x + 0.002) < 0.05)
        x += 0.001;
    return x < t + 0.5 ? x : -1;
}

// The time at the start of the cue-log line that at is in.
static double line_time(const char *log, const char *at)
{
    while (at > log && at[-1] != '\n')
        at--;
    return atof(at);
}

// A side-channel tone: the music the tests listen for.
#endif
