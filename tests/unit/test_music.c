/*
 * The runner's music: which files are tracks, .m3u text, the shuffled order
 * (no repeat until all have played), and the player on files made here with
 * ffmpeg in every format the kiosk takes: the sound it gives the mixer
 * (pitch, level, no click at a change or a skip), bad files skipped with one
 * log line each, and a stalled track that never holds the mixer up.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#include "core/playlist.h"
#include "media/music.h"
#include "platform/log.h"

#define RATE 48000

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/ul-music-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "chmod -R u+rw '%s'; rm -rf '%s'", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void sh(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    if (system(cmd) != 0)
        fail_msg("failed: %s", cmd);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_track_names(void **state)
{
    (void)state;
    const char *yes[] = {"a.mp3",  "b.OGG", "c.oga", "d.opus",
                         "e.flac", "f.M4A", "g.aac", "h.wav"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        assert_true(playlist_is_track_name(yes[i]));
    const char *no[] = {"cover.jpg", "notes.txt", "mp3", ".wav", "list.m3u"};
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        assert_false(playlist_is_track_name(no[i]));
    assert_true(playlist_is_m3u_name("run.M3U"));
    assert_true(playlist_is_m3u_name("run.m3u8"));
}

static void test_m3u(void **state)
{
    (void)state;
    const char *text = "\xef\xbb\xbf#EXTM3U\r\n#EXTINF:123,Band - Song\r\n"
                       "Album\\01 Song.mp3\r\n\r\n  /abs/two.flac  \r\n"
                       "http://radio.example/stream\r\n"
                       "file:///abs/three.ogg\n# a note\nfour.wav";
    char out[8][PLAYLIST_PATH_MAX];
    int n = playlist_parse_m3u(text, strlen(text), "/m", out, 8);
    assert_int_equal(n, 4);
    assert_string_equal(out[0], "/m/Album/01 Song.mp3");
    assert_string_equal(out[1], "/abs/two.flac");
    assert_string_equal(out[2], "/abs/three.ogg");
    assert_string_equal(out[3], "/m/four.wav");
    assert_int_equal(playlist_parse_m3u(text, strlen(text), "/m", out, 2), 2);
}

static void test_shuffle_no_repeat(void **state)
{
    (void)state;
    char paths[7][PLAYLIST_PATH_MAX];
    for (int i = 0; i < 7; i++)
        snprintf(paths[i], PLAYLIST_PATH_MAX, "/m/%d.mp3", i);
    int in_order = 0;
    for (uint64_t seed = 1; seed <= 200; seed++) {
        Playlist p;
        assert_true(playlist_init(&p, (const char(*)[PLAYLIST_PATH_MAX])paths,
                                  7, false, seed));
        int last = -1;
        for (int round = 0; round < 4; round++) {
            bool seen[7] = {false};
            bool sorted = true;
            for (int i = 0; i < 7; i++) {
                int t = playlist_next(&p);
                assert_true(t >= 0 && t < 7);
                assert_false(seen[t]); // no repeat within a round
                seen[t] = true;
                if (i == 0 && round > 0)
                    assert_int_not_equal(t, last); // not twice in a row
                if (t != i)
                    sorted = false;
                last = t;
            }
            in_order += sorted;
        }
        playlist_free(&p);
    }
    assert_true(in_order < 5); // shuffled, not the folder's order

    // A playlist keeps its order; a bad track is left out from then on.
    Playlist p;
    assert_true(
        playlist_init(&p, (const char(*)[PLAYLIST_PATH_MAX])paths, 3, true, 9));
    assert_int_equal(playlist_next(&p), 0);
    playlist_mark_bad(&p, 1);
    assert_int_equal(playlist_next(&p), 2);
    assert_int_equal(playlist_next(&p), 0);
    assert_int_equal(playlist_next(&p), 2);
    playlist_mark_bad(&p, 0);
    playlist_mark_bad(&p, 2);
    assert_int_equal(playlist_next(&p), -1);
    playlist_free(&p);
}

typedef struct Heard {
    int16_t *pcm; // stereo
    long frames;
    int serials[16], nserials;
    char titles[16][128];
    double worst_read_ms;
} Heard;

// Drain the player as a mixer would, in 512-frame chunks at real-time pace,
// for seconds of sound (silence while the ring is empty counts as heard).
static void listen(Music *m, double seconds, Heard *h)
{
    long want = (long)(seconds * RATE);
    h->pcm = realloc(h->pcm, (size_t)(h->frames + want) * 4);
    for (long got = 0; got < want; got += 512) {
        int n = want - got < 512 ? (int)(want - got) : 512;
        double t0 = now_s();
        music_read(m, h->pcm + 2 * (h->frames + got), n);
        double ms = (now_s() - t0) * 1000;
        if (ms > h->worst_read_ms)
            h->worst_read_ms = ms;
        int serial;
        char title[128];
        if (music_now_playing(m, title, sizeof(title), &serial) &&
            (h->nserials == 0 || h->serials[h->nserials - 1] != serial) &&
            h->nserials < 16) {
            h->serials[h->nserials] = serial;
            snprintf(h->titles[h->nserials++], 128, "%s", title);
        }
        usleep(1000000 * 512 / RATE);
    }
    h->frames += want;
}

static double rms_at(const Heard *h, double t0, double t1)
{
    long a = (long)(t0 * RATE), b = (long)(t1 * RATE);
    double sum = 0;
    for (long i = a; i < b && i < h->frames; i++)
        sum += pow(h->pcm[2 * i] / 32768.0, 2);
    return b > a ? sqrt(sum / (double)(b - a)) : 0;
}

static double pitch_at(const Heard *h, double t0, double t1)
{
    long a = (long)(t0 * RATE), b = (long)(t1 * RATE), n = 0;
    for (long i = a + 1; i < b && i < h->frames; i++)
        if ((h->pcm[2 * (i - 1)] < 0) != (h->pcm[2 * i] < 0))
            n++;
    return n / 2.0 / (t1 - t0);
}

// The largest step between neighbouring samples: a click is a jump.
static int worst_step(const Heard *h)
{
    int worst = 0;
    for (long i = 1; i < h->frames; i++)
        for (int c = 0; c < 2; c++) {
            int d = abs(h->pcm[2 * i + c] - h->pcm[2 * (i - 1) + c]);
            if (d > worst)
                worst = d;
        }
    return worst;
}

// Wait until the player has sound ready (its thread decodes ahead).
static void wait_ready(Music *m)
{
    for (int i = 0; i < 300; i++) {
        int bad, started;
        music_counts(m, &bad, &started);
        if (started > 0)
            break;
        usleep(10000);
    }
    usleep(200000);
}

// Every format the kiosk takes, at 44.1 kHz mono or stereo: resampled to
// 48 kHz stereo at the right pitch and level.
static void test_formats(void **state)
{
    (void)state;
    static const struct {
        const char *file, *codec;
    } fmts[] = {
        {"t.mp3", "-c:a libmp3lame -b:a 128k"},
        {"t.ogg", "-c:a libvorbis"},
        {"t.opus", "-c:a libopus"},
        {"t.flac", "-c:a flac"},
        {"t.m4a", "-c:a aac"},
        {"t.wav", "-c:a pcm_s16le"},
    };
    for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
        sh("ffmpeg -loglevel error -y -f lavfi -i "
           "aevalsrc='0.25*sin(2*PI*440*t)%s':s=44100:d=3 "
           "%s -metadata title='Tone %zu' %s/%s",
           i % 2 ? "" : "|0.25*sin(2*PI*440*t)", fmts[i].codec, i, dir,
           fmts[i].file);
        char path[1][PLAYLIST_PATH_MAX];
        snprintf(path[0], PLAYLIST_PATH_MAX, "%s/%s", dir, fmts[i].file);
        Music *m =
            music_open((const char(*)[PLAYLIST_PATH_MAX])path, 1, true, 1);
        assert_non_null(m);
        wait_ready(m);
        Heard h = {0};
        listen(m, 1.0, &h);
        double f = pitch_at(&h, 0.2, 0.9), r = rms_at(&h, 0.2, 0.9);
        print_message("%s: %.1f Hz, rms %.3f, '%s'\n", fmts[i].file, f, r,
                      h.nserials ? h.titles[0] : "");
        assert_true(f > 430 && f < 450);
        // 0.25 peak, mono or stereo: as loud in each speaker.
        bool level = r > 0.25 / sqrt(2) * 0.9 && r < 0.25 / sqrt(2) * 1.1;
        char want[32];
        snprintf(want, sizeof(want), "Tone %zu", i);
        bool title = h.nserials == 1 && strcmp(h.titles[0], want) == 0;
        free(h.pcm);
        music_close(m);
        assert_true(level);
        assert_true(title);
        continue;
        music_close(m);
    }
}

// Two tracks one after the other, and a skip in the middle of the second:
// the sound never jumps (a click), and the title follows what is heard.
static void test_changes_without_clicks(void **state)
{
    (void)state;
    // Loud tones that end mid-wave (a hard cut would click).
    sh("ffmpeg -loglevel error -y -f lavfi -i "
       "aevalsrc='0.6*sin(2*PI*300*t)':s=44100:d=0.6013 %s/a.wav && "
       "ffmpeg -loglevel error -y -f lavfi -i "
       "aevalsrc='0.6*sin(2*PI*500*t+1.3)':s=48000:d=5 %s/b.flac && "
       "ffmpeg -loglevel error -y -f lavfi -i "
       "aevalsrc='0.6*sin(2*PI*700*t+2)':s=22050:d=5 %s/c.ogg",
       dir, dir, dir);
    char paths[3][PLAYLIST_PATH_MAX];
    snprintf(paths[0], PLAYLIST_PATH_MAX, "%s/a.wav", dir);
    snprintf(paths[1], PLAYLIST_PATH_MAX, "%s/b.flac", dir);
    snprintf(paths[2], PLAYLIST_PATH_MAX, "%s/c.ogg", dir);
    Music *m = music_open((const char(*)[PLAYLIST_PATH_MAX])paths, 3, true, 1);
    wait_ready(m);
    Heard h = {0};
    listen(m, 1.5, &h);
    music_skip(m);
    listen(m, 1.0, &h);
    int step = worst_step(&h);
    // A 700 Hz wave at 0.6 moves at most 0.6 * 2 pi 700 / 48000 = 0.055 of
    // full scale a sample; a cut would be up to 0.6.
    print_message("largest step between samples: %.3f\n", step / 32768.0);
    assert_true(step / 32768.0 < 0.08);
    assert_true(pitch_at(&h, 0.1, 0.5) > 290 && pitch_at(&h, 0.1, 0.5) < 310);
    assert_true(pitch_at(&h, 0.8, 1.4) > 490 && pitch_at(&h, 0.8, 1.4) < 510);
    assert_true(pitch_at(&h, 1.8, 2.4) > 690 && pitch_at(&h, 1.8, 2.4) < 710);
    for (int i = 0; i < h.nserials; i++)
        print_message("heard '%s' (%d)\n", h.titles[i], h.serials[i]);
    assert_int_equal(h.nserials, 3);
    assert_string_equal(h.titles[0], "a");
    assert_string_equal(h.titles[1], "b");
    assert_string_equal(h.titles[2], "c");
    free(h.pcm);
    music_close(m);
}

// Corrupt, not sound, empty, unreadable, missing, a folder: one log line
// each, naming the file and why; the good track plays.
static void test_bad_files(void **state)
{
    (void)state;
    sh("cd %s && head -c 200000 /dev/urandom > corrupt.mp3 && "
       "printf 'these are my notes\\n' > notes.flac && : > empty.ogg && "
       "head -c 50000 /dev/urandom > locked.wav && chmod 000 locked.wav && "
       "mkdir folder.opus && "
       "ffmpeg -loglevel error -y -f lavfi -i "
       "sine=frequency=440:sample_rate=48000:duration=3 good.m4a",
       dir);
    const char *names[] = {"corrupt.mp3", "notes.flac",  "empty.ogg",
                           "locked.wav",  "missing.mp3", "folder.opus",
                           "good.m4a"};
    char paths[7][PLAYLIST_PATH_MAX];
    for (int i = 0; i < 7; i++)
        snprintf(paths[i], PLAYLIST_PATH_MAX, "%s/%s", dir, names[i]);
    char logpath[128];
    snprintf(logpath, sizeof(logpath), "%s/log.txt", dir);
    FILE *lf = fopen(logpath, "w");
    log_set_stream(lf);
    Music *m = music_open((const char(*)[PLAYLIST_PATH_MAX])paths, 7, true, 1);
    wait_ready(m);
    Heard h = {0};
    listen(m, 0.8, &h);
    assert_true(pitch_at(&h, 0.2, 0.7) > 430 && pitch_at(&h, 0.2, 0.7) < 450);
    int bad, started;
    music_counts(m, &bad, &started);
    music_close(m);
    log_set_stream(NULL);
    fclose(lf);
    char *log = tu_read(logpath, NULL);
    print_message("%s", log);
    assert_int_equal(bad, 6);
    assert_int_equal(started, 1);
    for (int i = 0; i < 6; i++) {
        // As large as the whole array: the arm64 compiler cannot tell that
        // one path ends inside its own row.
        char want[sizeof(paths) + 32];
        snprintf(want, sizeof(want), "music: skipped %s: ", paths[i]);
        const char *at = strstr(log, want);
        if (!at)
            fail_msg("no line for %s", names[i]);
        assert_null(strstr(at + 1, want)); // once
    }
    assert_non_null(strstr(log, "empty.ogg: empty file"));
    assert_non_null(strstr(log, "missing.mp3: No such file or directory"));
    assert_non_null(strstr(log, "folder.opus: not a file"));
    if (geteuid() != 0)
        assert_non_null(strstr(log, "locked.wav: cannot read it"));
    assert_null(strstr(log, "good.m4a"));
    free(log);
    free(h.pcm);
}

// A track that stalls (a slow share: 3 s of waiting after each second of
// sound) leaves silence, never a mixer that waits for it.
static void test_stall_never_blocks(void **state)
{
    (void)state;
    sh("ffmpeg -loglevel error -y -f lavfi -i "
       "sine=frequency=440:sample_rate=48000:duration=10 %s/slow.flac",
       dir);
    char path[1][PLAYLIST_PATH_MAX];
    snprintf(path[0], PLAYLIST_PATH_MAX, "%s/slow.flac", dir);
    Music *m = music_open((const char(*)[PLAYLIST_PATH_MAX])path, 1, true, 1);
    music_set_stall_ms(m, 3000);
    wait_ready(m);
    Heard h = {0};
    listen(m, 2.5, &h);
    print_message("slowest read while stalled: %.2f ms\n", h.worst_read_ms);
    assert_true(rms_at(&h, 0.1, 0.5) > 0.05);  // the sound before the stall
    assert_true(rms_at(&h, 2.0, 2.5) < 0.001); // the stall: silence
    // Generous: a read copies at most 512 frames under a short lock.
    assert_true(h.worst_read_ms < 100);
    double t0 = now_s();
    music_close(m); // quitting does not wait out the stall
    assert_true(now_s() - t0 < 2.0);
    free(h.pcm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_track_names),
        cmocka_unit_test(test_m3u),
        cmocka_unit_test(test_shuffle_no_repeat),
        cmocka_unit_test_setup_teardown(test_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changes_without_clicks, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stall_never_blocks, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
