/*
 * Listening to the kiosk: a short session played in real time through SDL's
 * disk audio driver, the capture checked against the cue log: beeps where
 * the countdown is (pitch and timing), speech where a count is due, silence
 * between; and the fallbacks without a sound device or without espeak-ng.
 */
#include <stdbool.h>

#include "kiosk_util.h"

#define BIN ULTRALEGS_BIN
#define RATE 48000

typedef struct Capture {
    int16_t *pcm; // stereo
    long frames;
} Capture;

static Capture load_capture(const char *path)
{
    Capture c = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("no capture %s", path);
    fseek(f, 0, SEEK_END);
    long bytes = ftell(f);
    fseek(f, 0, SEEK_SET);
    c.pcm = malloc((size_t)bytes);
    c.frames = (long)fread(c.pcm, 4, (size_t)bytes / 4, f);
    fclose(f);
    return c;
}

// RMS (0..1) of the left channel between two times in seconds.
static double rms(const Capture *c, double t0, double t1)
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
        double v = c->pcm[2 * i] / 32768.0;
        sum += v * v;
    }
    return sqrt(sum / (b - a));
}

// When sound starts after t (seconds), in 1 ms steps; -1 if not within 0.3 s.
static double onset(const Capture *c, double t)
{
    for (double x = t - 0.05; x < t + 0.3; x += 0.001)
        if (rms(c, x, x + 0.002) > 0.05)
            return x;
    return -1;
}

static double pitch(const Capture *c, double t0, double t1)
{
    long a = (long)(t0 * RATE), b = (long)(t1 * RATE), n = 0;
    for (long i = a + 1; i < b && i < c->frames; i++)
        if ((c->pcm[2 * (i - 1)] < 0) != (c->pcm[2 * i] < 0))
            n++;
    return n / 2.0 / (t1 - t0);
}

// Times of the cue log lines of one kind (and optional text).
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

static void write_quick(void)
{
    char cmd[2048];
    snprintf(cmd, sizeof(cmd),
             "mkdir -p %s/d/routines && printf '[routine]\\ntitle = Quick\\n"
             "[step]\\nexercise = step-ups\\nreps = 3\\n' > "
             "%s/d/routines/quick.ini && "
             "printf '9 ok\\n31 quit\\n' > %s/q.txt",
             ku_dir, ku_dir, ku_dir);
    assert_int_equal(ku_run(NULL, "%s", cmd), 0);
}

static void run_capture(const char *extra_env)
{
    write_quick();
    int st = ku_run(
        NULL,
        "env SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s/cap.raw %s "
        "ULTRALEGS_AUDIO_STATS=1 " BIN
        " --headless --routine quick --data-dir %s/d"
        " --script %s/q.txt --cue-log %s/q.tsv --now 2026-11-25T18:00:00-07:00"
        " 2> %s/err.txt",
        ku_dir, extra_env, ku_dir, ku_dir, ku_dir, ku_dir);
    assert_int_equal(st, 0);
}

static void test_capture(void **state)
{
    (void)state;
    // A voice pack: the runner's own recording of "one" (here a 300 Hz tone).
    assert_int_equal(ku_run(NULL,
                            "mkdir -p %s/d/voice && sox -n -r 48000 -c 2 -b 16 "
                            "%s/d/voice/1.wav synth 0.5 sine 300 vol 0.5",
                            ku_dir, ku_dir),
                     0);
    run_capture("");
    char *log = ku_read("%s/q.tsv", ku_dir);
    char *err = ku_read("%s/err.txt", ku_dir);
    print_message("%s", strstr(err, "audio:") ? strstr(err, "audio:") : err);
    char path[400];
    snprintf(path, sizeof(path), "%s/cap.raw", ku_dir);
    Capture c = load_capture(path);
    assert_true(c.frames > RATE * 25);

    // The countdown: three beeps on time (within 50 ms), at 880 Hz, with
    // silence between them; then the higher, longer go beep.
    double cd[3], go[4], rep[16];
    assert_int_equal(times_of(log, "countdown", cd, 3), 3);
    assert_true(times_of(log, "go", go, 4) >= 1);
    for (int i = 0; i < 3; i++) {
        double on = onset(&c, cd[i]);
        print_message(
            "countdown beep %d: event %.3f s, audible %.3f s (+%.0f ms)\n",
            3 - i, cd[i], on, (on - cd[i]) * 1000);
        assert_true(on >= cd[i] - 0.005 && on <= cd[i] + 0.05);
        double f = pitch(&c, on + 0.02, on + 0.12);
        assert_true(f > 820 && f < 940);
        assert_true(rms(&c, on + 0.25, on + 0.9) < 0.01); // silence between
    }
    double g = onset(&c, go[0]);
    assert_true(g >= go[0] - 0.005 && g <= go[0] + 0.05);
    double fg = pitch(&c, g + 0.02, g + 0.1);
    print_message("go beep: %.0f Hz\n", fg);
    assert_true(fg > 1000); // higher than the countdown (speech may join it)
    assert_true(rms(&c, g + 0.2, g + 0.4) > 0.02); // and longer

    // A count is spoken: energy well after the 40 ms tick.
    int nrep = times_of(log, "rep", rep, 16);
    assert_int_equal(nrep, 6); // 3 a leg
    for (int i = 0; i < nrep; i++) {
        double on = onset(&c, rep[i]);
        assert_true(on >= rep[i] - 0.005 && on <= rep[i] + 0.05);
        double speech = rms(&c, rep[i] + 0.12, rep[i] + 0.35);
        if (speech < 0.02)
            fail_msg("rep %d at %.3f: no speech (rms %.4f)", i + 1, rep[i],
                     speech);
    }
    // Rep 1 of each side is the voice pack's recording, not espeak-ng.
    for (int i = 0; i < nrep; i += 3) {
        double f = pitch(&c, rep[i] + 0.1, rep[i] + 0.4);
        print_message("rep %d: voice pack clip at %.0f Hz\n", i + 1, f);
        assert_true(f > 270 && f < 330);
    }
    // sox reads the capture too.
    assert_int_equal(
        ku_run(NULL,
               "sox -t raw -r 48000 -e signed -b 16 -c 2 %s/cap.raw -n stat"
               " 2> %s/sox.txt",
               ku_dir, ku_dir),
        0);
    char *sox = ku_read("%s/sox.txt", ku_dir);
    const char *rmsline = strstr(sox, "RMS     amplitude:");
    assert_non_null(rmsline);
    assert_true(atof(rmsline + 18) > 0.005);
    free(sox);
    free(c.pcm);
    free(log);
    free(err);
}

static void test_no_espeak(void **state)
{
    (void)state;
    // espeak-ng's data is missing.
    run_capture("ULTRALEGS_ESPEAK_DATA=/nonexistent");
    char *err = ku_read("%s/err.txt", ku_dir);
    assert_non_null(
        strstr(err, "espeak-ng did not start: sounds and captions only"));
    free(err);
    char *log = ku_read("%s/q.tsv", ku_dir);
    assert_non_null(strstr(log, "\tdone\tQuick done: 6 reps"));
    double rep[16];
    int n = times_of(log, "rep", rep, 16);
    char path[400];
    snprintf(path, sizeof(path), "%s/cap.raw", ku_dir);
    Capture c = load_capture(path);
    assert_int_equal(n, 6);
    for (int i = 0; i < n; i++) {
        assert_true(onset(&c, rep[i]) >= 0); // the tick
        if (i % 3 == 2)
            continue; // the last rep of a side rings the set-done chime
        assert_true(rms(&c, rep[i] + 0.12, rep[i] + 0.35) < 0.01); // no words
    }
    free(c.pcm);
    free(log);
}

static void test_no_device(void **state)
{
    (void)state;
    write_quick();
    assert_int_equal(
        ku_run(
            NULL,
            "env SDL_AUDIODRIVER=no-such-device " BIN " --headless"
            " --virtual-clock --routine quick --data-dir %s/d --script %s/q.txt"
            " --cue-log %s/q.tsv --now 2026-11-25T18:00:00-07:00 2>/dev/null",
            ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/q.tsv", ku_dir);
    assert_non_null(strstr(log, "\tnotice\tNo sound: no sound device"));
    assert_non_null(
        strstr(log, "\tdone\tQuick done: 6 reps")); // coaching went on
    free(log);
}

// A clip's own sound plays when its exercise asks for it, and only then.
static void clip_sound_run(bool enabled, double *work_rms, double *work_pitch)
{
    char cmd[3000];
    snprintf(cmd, sizeof(cmd),
             "mkdir -p %s/d/routines %s/v && "
             "ffmpeg -loglevel error -y -f lavfi -i "
             "testsrc2=size=320x240:rate=30 -f lavfi "
             "-i sine=frequency=500:sample_rate=44100 -t 3 -c:v libx264 -c:a "
             "aac -shortest "
             "%s/v/band-work.mp4 && "
             "printf '[routine]\ntitle = Quick\n[step]\nexercise = "
             "band-work\nreps = 6\n' "
             "> %s/d/routines/quick.ini && "
             "printf '[band-work]\nname = Band work\ncadence = 2\nclip_audio = "
             "%s\n' "
             "> %s/d/exercises.ini && printf '2 ok\n19 quit\n' > %s/q.txt",
             ku_dir, ku_dir, ku_dir, ku_dir, enabled ? "yes" : "no", ku_dir,
             ku_dir);
    assert_int_equal(ku_run(NULL, "%s", cmd), 0);
    assert_int_equal(
        ku_run(NULL,
               "env SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s/cap.raw " BIN
               " --headless --routine quick --data-dir %s/d --videos-dir %s/v"
               " --script %s/q.txt --cue-log %s/q.tsv --now "
               "2026-11-25T18:00:00-07:00"
               " 2> %s/err.txt",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/q.tsv", ku_dir);
    double rep[8];
    int n = times_of(log, "rep", rep, 8);
    assert_true(n >= 4);
    char path[400];
    snprintf(path, sizeof(path), "%s/cap.raw", ku_dir);
    Capture c = load_capture(path);
    // Between counts (after the spoken number, before the next tick).
    *work_rms = rms(&c, rep[1] + 0.8, rep[1] + 1.8);
    *work_pitch = pitch(&c, rep[1] + 0.8, rep[1] + 1.8);
    free(c.pcm);
    free(log);
}

static void test_clip_sound(void **state)
{
    (void)state;
    double r, f;
    clip_sound_run(true, &r, &f);
    print_message("clip sound on: rms %.3f at %.0f Hz\n", r, f);
    assert_true(r > 0.02);
    assert_true(f > 470 && f < 530);
    clip_sound_run(false, &r, &f);
    print_message("clip sound off: rms %.4f\n", r);
    assert_true(r < 0.005);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_capture, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_no_espeak, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_no_device, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_clip_sound, ku_setup, ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
