/*
 * Clip playback on clips made here with ffmpeg: codecs and pixel formats,
 * odd sizes, rotation, long GOPs, seamless loops, segments, and every kind
 * of bad input; and many open/close cycles (run under ASan/LSan).
 */
#include "testutil.h"

#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "media/clip.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/ul-clip-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void make(const char *name, const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof(cmd), "ffmpeg -loglevel error -y %s '%s/%s'", args,
             dir, name);
    if (system(cmd) != 0)
        fail_msg("could not make %s", name);
}

static Clip *open_ok(const char *name, double start, double end)
{
    char path[400], err[400];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    Clip *c = clip_open(path, start, end, err, sizeof(err));
    if (!c)
        fail_msg("%s: %s", name, err);
    return c;
}

// Play `seconds` of clip time at the clip's frame rate; returns frames seen.
static int play(Clip *c, double seconds, double *max_gap, int *loops)
{
    ClipPicture p;
    bool changed;
    double fps = clip_info(c)->fps, prev = -1;
    int frames = 0;
    *max_gap = 0;
    *loops = 0;
    for (double t = 0; t < seconds; t += 1.0 / fps) {
        if (!clip_picture(c, t, true, &p, &changed))
            continue;
        if (changed) {
            frames++;
            if (prev >= 0 && p.t - prev > *max_gap)
                *max_gap = p.t - prev;
            prev = p.t;
            *loops = p.loop;
        }
    }
    return frames;
}

static void test_formats(void **state)
{
    (void)state;
    struct {
        const char *name, *args;
        int w, h;
        const char *codec;
    } cases[] = {
        {"h264.mp4",
         "-f lavfi -i testsrc2=size=640x360:rate=30 -t 2 -c:v libx264 -bf 3 "
         "-pix_fmt yuv420p",
         640, 360, "h264"},
        {"vp9.webm",
         "-f lavfi -i testsrc2=size=320x240:rate=25 -t 2 -c:v libvpx-vp9 "
         "-deadline realtime",
         320, 240, "vp9"},
        {"mpeg4.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 2 -c:v mpeg4", 320, 240,
         "mpeg4"},
        {"odd.mkv",
         "-f lavfi -i testsrc=size=721x405:rate=30 -t 1 -c:v ffv1 -pix_fmt "
         "yuv444p",
         721, 405, "ffv1"},
        {"full.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 1 -c:v mjpeg -pix_fmt "
         "yuvj420p",
         320, 240, "mjpeg"},
        {"10bit.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 1 -c:v libx264 -pix_fmt "
         "yuv420p10le",
         320, 240, "h264"},
        {"rgb.avi", "-f lavfi -i testsrc2=size=160x120:rate=10 -t 1 -c:v png",
         160, 120, "png"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        make(cases[i].name, cases[i].args);
        Clip *c = open_ok(cases[i].name, -1, -1);
        const ClipInfo *in = clip_info(c);
        assert_int_equal(in->w, cases[i].w);
        assert_int_equal(in->h, cases[i].h);
        assert_string_equal(in->codec, cases[i].codec);
        ClipPicture p;
        bool changed;
        assert_true(clip_picture(c, 0.5, true, &p, &changed));
        // What reaches SDL is 4:2:0 with even sizes.
        assert_true(p.format == CLIP_FMT_YUV420P || p.format == CLIP_FMT_NV12);
        assert_int_equal(p.w % 2, 0);
        assert_true(p.w >= cases[i].w - 1 && p.w <= cases[i].w);
        if (strcmp(cases[i].name, "full.mp4") == 0)
            assert_true(p.full_range);
        clip_close(c);
    }
}

static void test_rotation(void **state)
{
    (void)state;
    make("plain.mp4",
         "-f lavfi -i testsrc2=size=320x180:rate=30 -t 1 -c:v libx264");
    char cmd[800];
    // A phone clip: the rotate tag becomes a display matrix.
    snprintf(cmd, sizeof(cmd),
             "ffmpeg -loglevel error -y -i '%s/plain.mp4' -c copy "
             "-metadata:s:v:0 rotate=90 '%s/rotated.mp4'",
             dir, dir);
    assert_int_equal(system(cmd), 0);
    Clip *c = open_ok("rotated.mp4", -1, -1);
    assert_int_equal(clip_info(c)->rotation, 270);
    clip_close(c);
    c = open_ok("plain.mp4", -1, -1);
    assert_int_equal(clip_info(c)->rotation, 0);
    clip_close(c);
}

// Loops: no gap longer than one frame period at the seam, also with a long
// GOP (a keyframe only at the start).
static void test_seamless_loop(void **state)
{
    (void)state;
    make("loop.mp4", "-f lavfi -i testsrc2=size=320x240:rate=30 -t 1 -c:v "
                     "libx264 -bf 2 -g 300");
    Clip *c = open_ok("loop.mp4", -1, -1);
    double gap;
    int loops;
    int frames = play(c, 5.0, &gap, &loops);
    print_message(
        "5 s of a 1 s clip: %d frames, %d loops, largest gap %.1f ms\n", frames,
        loops, gap * 1000);
    assert_true(loops >= 4);
    assert_true(frames >= 148);
    assert_true(gap <= 1.0 / 30 + 1e-3);
    double seam, first;
    long decoded;
    clip_stats(c, &seam, &first, &loops, &decoded);
    assert_true(seam <= 1.0 / 30 + 1e-3);
    clip_close(c);
}

// A segment [2, 3) of a 5 s clip plays exactly its 30 frames, looped.
static void test_segment(void **state)
{
    (void)state;
    make("long.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 5 -c:v libx264 -g 60");
    Clip *c = open_ok("long.mp4", 2.0, 3.0);
    assert_true(clip_info(c)->duration > 0.99 && clip_info(c)->duration < 1.01);
    ClipPicture p;
    bool changed;
    int first_loop = 0;
    double tmin = 1e9, tmax = -1;
    for (double t = 0; t < 0.999; t += 1.0 / 30) {
        assert_true(clip_picture(c, t, true, &p, &changed));
        if (p.loop == 0) {
            first_loop++;
            if (p.t < tmin)
                tmin = p.t;
            if (p.t > tmax)
                tmax = p.t;
        }
    }
    assert_int_equal(first_loop, 30);
    assert_true(tmin < 0.001 && tmax > 0.95 && tmax < 0.97);
    assert_true(clip_picture(c, 1.0, true, &p, &changed));
    assert_int_equal(p.loop, 1); // then it starts again
    clip_close(c);
    // A segment after the end.
    char path[400], err[400];
    snprintf(path, sizeof(path), "%s/long.mp4", dir);
    assert_null(clip_open(path, 9.0, 10.0, err, sizeof(err)));
    assert_non_null(strstr(err, "segment starts at 9.00 s, after the end"));
}

static void expect_error(const char *path, const char *want)
{
    char err[400];
    Clip *c = clip_open(path, -1, -1, err, sizeof(err));
    if (c) {
        // Opened: then it must report the failure without a picture.
        ClipPicture p;
        bool changed;
        bool have = clip_picture(c, 0.5, true, &p, &changed);
        assert_false(have);
        assert_non_null(strstr(clip_error(c), want));
        clip_close(c);
        return;
    }
    if (!strstr(err, want))
        fail_msg("%s: '%s' lacks '%s'", path, err, want);
}

static void test_bad_input(void **state)
{
    (void)state;
    char p[400];
    snprintf(p, sizeof(p), "%s/missing.mp4", dir);
    expect_error(p, "no such file");
    snprintf(p, sizeof(p), "%s/empty.mp4", dir);
    fclose(fopen(p, "w"));
    expect_error(p, "empty file");
    snprintf(p, sizeof(p), "%s/random.mp4", dir);
    FILE *f = fopen(p, "wb");
    for (int i = 0; i < 100000; i++)
        fputc((i * 7919 + 13) & 0xff, f);
    fclose(f);
    expect_error(p, "cannot");
    snprintf(p, sizeof(p), "%s/text.mp4", dir);
    f = fopen(p, "w");
    fputs("this is not a video\n", f);
    fclose(f);
    expect_error(p, "cannot");
    expect_error(dir, "not a file");
    snprintf(p, sizeof(p), "%s/dangling.mp4", dir);
    assert_int_equal(symlink("/nonexistent/x.mp4", p), 0);
    expect_error(p, "no such file");
    make("audio.m4a", "-f lavfi -i sine=frequency=440 -t 1");
    snprintf(p, sizeof(p), "%s/audio.m4a", dir);
    expect_error(p, "no video stream");
    // Truncated head and tail.
    make("whole.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 2 -c:v libx264");
    char cmd[1200];
    snprintf(cmd, sizeof(cmd),
             "head -c 20000 '%s/whole.mp4' > '%s/tail-cut.mp4'; "
             "tail -c +30000 '%s/whole.mp4' > '%s/head-cut.mp4'",
             dir, dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    snprintf(p, sizeof(p), "%s/head-cut.mp4", dir);
    expect_error(p, "cannot");
    snprintf(p, sizeof(p), "%s/tail-cut.mp4", dir);
    char err[400];
    Clip *c = clip_open(p, -1, -1, err, sizeof(err));
    if (c) { // the moov is at the end unless faststart: either way no crash
        ClipPicture pic;
        bool changed;
        clip_picture(c, 0.2, true, &pic, &changed);
        clip_close(c);
    }
    // Damaged in the middle: still plays what it can.
    make("mid.ts",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 3 -c:v libx264 -g 15");
    snprintf(cmd, sizeof(cmd),
             "dd if=/dev/urandom of='%s/mid.ts' bs=1 seek=60000 count=20000 "
             "conv=notrunc 2>/dev/null",
             dir);
    assert_int_equal(system(cmd), 0);
    c = open_ok("mid.ts", -1, -1);
    double gap;
    int loops;
    int frames = play(c, 3.0, &gap, &loops);
    print_message("damaged clip: %d of 90 frames played\n", frames);
    assert_true(frames > 30);
    clip_close(c);
    // Absurd dimensions.
    make("huge.mkv", "-f lavfi -i color=size=8192x4096:rate=1 -t 1 -c:v "
                     "libx264 -preset ultrafast");
    snprintf(p, sizeof(p), "%s/huge.mkv", dir);
    expect_error(p, "picture size 8192x4096 is not playable");
}

// A demuxer that hangs: reading a FIFO nobody writes. The deadline ends it.
static void test_hanging_input(void **state)
{
    (void)state;
    char p[400], err[400];
    snprintf(p, sizeof(p), "%s/fifo.mp4", dir);
    assert_int_equal(mkfifo(p, 0644), 0);
    Clip *c = clip_open(p, -1, -1, err, sizeof(err));
    assert_null(c); // not a regular file: refused before it can hang
    assert_non_null(strstr(err, "not a file"));
}

// A hardware decoder that is not there (no V4L2 device here): software
// takes over and the clip plays.
static void test_hardware_fallback(void **state)
{
    (void)state;
    make("hw.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 1 -c:v libx264");
    const char *names[] = {"h264_v4l2m2m", "no-such-decoder", "no"};
    for (int i = 0; i < 3; i++) {
        setenv("ULTRALEGS_HWDEC", names[i], 1);
        Clip *c = open_ok("hw.mp4", -1, -1);
        ClipPicture p;
        bool changed;
        assert_true(clip_picture(c, 0.5, true, &p, &changed));
        assert_int_equal(p.w, 320);
        if (!clip_info(c)->hardware)
            assert_string_equal(clip_info(c)->codec, "h264");
        clip_close(c);
    }
    unsetenv("ULTRALEGS_HWDEC");
}

// On a 60 Hz refresh, every frame of a 30 fps (or 29.97 fps) clip is shown,
// on the refresh its time belongs to: WebM and Matroska store millisecond
// stamps (33, 67, 100 ms) that fall a hair after that refresh.
static void present_at_60hz(const char *name, int nframes)
{
    Clip *c = open_ok(name, -1, -1);
    double fps = clip_info(c)->fps;
    ClipPicture p;
    bool changed;
    int shown = 0, late = 0;
    double prev = -1, max_step = 0;
    long refreshes = (long)ceil(nframes * 60 / fps - 1e-9);
    for (long k = 0; k < refreshes; k++) {
        assert_true(clip_picture(c, k / 60.0, true, &p, &changed));
        if (!changed)
            continue;
        shown++;
        if (k > (long)ceil(p.t * 60 - 1e-6) && k > 0)
            late++;
        if (prev >= 0 && p.t - prev > max_step)
            max_step = p.t - prev;
        prev = p.t;
    }
    print_message(
        "%s at 60 Hz: %d of %d frames, %d late, %ld dropped, largest step "
        "%.1f ms\n",
        name, shown, nframes, late, clip_frames_skipped(c), max_step * 1000);
    assert_int_equal(shown, nframes);
    assert_int_equal(late, 0);
    assert_int_equal(clip_frames_skipped(c), 0);
    assert_true(max_step < 1.5 / fps);
    clip_close(c);
}

static void test_presented_at_60hz(void **state)
{
    (void)state;
    make("vp8.webm", "-f lavfi -i testsrc2=size=320x240:rate=30 -t 3 -c:v "
                     "libvpx -deadline realtime");
    make("h264.mkv",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 3 -c:v libx264");
    make("h264.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 3 -c:v libx264");
    make("ntsc.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30000/1001 -t 3 -c:v libx264");
    make("ntsc.webm", "-f lavfi -i testsrc2=size=320x240:rate=30000/1001 -t 3 "
                      "-c:v libvpx-vp9 -deadline realtime");
    present_at_60hz("vp8.webm", 90);
    present_at_60hz("h264.mkv", 90);
    present_at_60hz("h264.mp4", 90);
    present_at_60hz("ntsc.mp4", 89);
    present_at_60hz("ntsc.webm", 89);
}

static void test_snap_time(void **state)
{
    (void)state;
    assert_true(fabs(clip_snap_time(0.067, 30) - 2.0 / 30) < 1e-12);
    assert_true(fabs(clip_snap_time(0.033, 30) - 1.0 / 30) < 1e-12);
    assert_true(fabs(clip_snap_time(0.133, 30000 / 1001.0) -
                     4 * 1001 / 30000.0) < 1e-12);
    // Far from the grid (a clip of uneven frame times): left as it is.
    assert_true(clip_snap_time(0.050, 30) == 0.050);
    assert_true(clip_snap_time(0.050, 0) == 0.050);
}

// Energy of the clip's sound, read through the ring over about a second.
static double sound_energy(Clip *c)
{
    int16_t buf[2 * 1024];
    double sum = 0;
    long n = 0;
    for (int i = 0; i < 200 && n < 48000; i++) {
        int got = clip_audio_read(c, buf, 1024);
        for (int k = 0; k < 2 * got; k++)
            sum += (double)buf[k] * buf[k];
        n += got;
        if (got == 0)
            usleep(5000);
    }
    return n ? sqrt(sum / (2.0 * n)) : 0;
}

// Sound of any layout: the picture plays whether or not the sound is wanted,
// and wanted sound comes out as stereo.
static void test_sound_layouts(void **state)
{
    (void)state;
    struct {
        const char *name, *args;
    } cases[] = {
        {"opus51.webm",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -f lavfi -i "
         "sine=f=440:r=48000 -t 2 "
         "-filter_complex [1]aformat=channel_layouts=5.1[a] -map 0 -map [a] "
         "-c:v libvpx -deadline realtime -c:a libopus"},
        {"aac-mono.mp4", "-f lavfi -i testsrc2=size=320x240:rate=30 -f lavfi "
                         "-i sine=f=440:r=44100 -t 2 "
                         "-c:v libx264 -c:a aac -ac 1"},
        {"aac51.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -f lavfi -i "
         "sine=f=440:r=48000 -t 2 "
         "-filter_complex [1]aformat=channel_layouts=5.1[a] -map 0 -map [a] "
         "-c:v libx264 -c:a aac"},
        {"pcm71.mkv",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -f lavfi -i "
         "sine=f=440:r=48000 -t 2 "
         "-filter_complex [1]aformat=channel_layouts=7.1[a] -map 0 -map [a] "
         "-c:v libx264 -c:a pcm_s16le"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        make(cases[i].name, cases[i].args);
        // Without sound: the sound stream is dropped; pictures from the start.
        Clip *c = open_ok(cases[i].name, -1, -1);
        ClipPicture p;
        bool changed;
        for (int k = 0; k < 30; k++) {
            if (!clip_picture(c, k / 30.0, true, &p, &changed))
                fail_msg("%s: no picture at frame %d: %s", cases[i].name, k,
                         clip_error(c));
        }
        assert_true(p.t > 0.9);
        clip_close(c);
        // With sound: stereo with the tone in it.
        char path[400], err[400];
        snprintf(path, sizeof(path), "%s/%s", dir, cases[i].name);
        c = clip_open_with_audio(path, -1, -1, err, sizeof(err));
        assert_non_null(c);
        assert_true(clip_has_audio(c));
        assert_true(clip_picture(c, 0, true, &p, &changed));
        double rms = sound_energy(c);
        print_message("%s: sound rms %.0f\n", cases[i].name, rms);
        if (rms < 300)
            fail_msg("%s: no sound came through (rms %.0f)", cases[i].name,
                     rms);
        // A phone's mono recording plays as loud in each speaker as it was
        // recorded: the tone (amplitude 4096) has an RMS of 2896; spread at
        // -3 dB a side it would be 2048.
        if (strcmp(cases[i].name, "aac-mono.mp4") == 0 &&
            fabs(20 * log10(rms / 2896.0)) > 1)
            fail_msg("mono clip at %.1f dB of its recorded level",
                     20 * log10(rms / 2896.0));
        clip_close(c);
    }
}

// The check's probe: a short, bounded open that says why a file cannot play.
static void test_probe(void **state)
{
    (void)state;
    make("good.webm", "-f lavfi -i testsrc2=size=320x240:rate=30 -t 1 -c:v "
                      "libvpx -deadline realtime");
    char p[400], err[400];
    snprintf(p, sizeof(p), "%s/good.webm", dir);
    assert_true(clip_probe(p, -1, -1, err, sizeof(err)));
    assert_false(clip_probe(p, 5, 6, err, sizeof(err)));
    assert_non_null(strstr(err, "after the end"));
    snprintf(p, sizeof(p), "%s/zero.mp4", dir);
    fclose(fopen(p, "w"));
    assert_false(clip_probe(p, -1, -1, err, sizeof(err)));
    assert_non_null(strstr(err, "empty file"));
    snprintf(p, sizeof(p), "%s/notes.mp4", dir);
    FILE *f = fopen(p, "w");
    fputs("step-ups: the coach's clip goes here\n", f);
    fclose(f);
    assert_false(clip_probe(p, -1, -1, err, sizeof(err)));
    assert_non_null(strstr(err, "cannot open"));
    // Cut short after its header: it opens, but no picture ever comes.
    char cmd[1200];
    snprintf(cmd, sizeof(cmd), "head -c 600 '%s/good.webm' > '%s/short.webm'",
             dir, dir);
    assert_int_equal(system(cmd), 0);
    snprintf(p, sizeof(p), "%s/short.webm", dir);
    assert_false(clip_probe(p, -1, -1, err, sizeof(err)));
    print_message("cut-short clip: %s\n", err);
    assert_non_null(strstr(err, "short.webm: "));
}

static void test_open_close_cycles(void **state)
{
    (void)state;
    make("cycle.mp4",
         "-f lavfi -i testsrc2=size=320x240:rate=30 -t 1 -c:v libx264");
    for (int i = 0; i < 100; i++) {
        Clip *c = open_ok("cycle.mp4", -1, -1);
        if (i % 3 == 0) {
            ClipPicture p;
            bool changed;
            assert_true(clip_picture(c, 0.1 * (i % 10), true, &p, &changed));
        }
        clip_close(c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rotation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seamless_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_segment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hanging_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hardware_fallback, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_open_close_cycles, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_presented_at_60hz, setup,
                                        teardown),
        cmocka_unit_test(test_snap_time),
        cmocka_unit_test_setup_teardown(test_sound_layouts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_probe, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
