/*
 * The runner's music under the coach, heard through SDL's disk audio
 * driver. The music is a tone in the side channel only (left = -right),
 * and everything the kiosk says or rings is the same in both channels:
 * so (L - R) / 2 of the capture is the music alone and (L + R) / 2 the
 * cues alone. With the disk driver the kiosk's clock is the capture's own
 * position, and every check is made by position in the capture (speech
 * found in it, not assumed from the cue log's times), so a busy machine
 * shifts nothing that is measured.
 */
#include <math.h>
#include <stdbool.h>

#include "kiosk_util.h"
#include "music_capture.h"

#define BIN ULTRALEGS_BIN
static void make_tone(const char *path, int hz, double seconds,
                      const char *title)
{
    assert_int_equal(
        ku_run(NULL,
               "mkdir -p \"$(dirname %s)\" && ffmpeg -loglevel error -y -f "
               "lavfi -i \"aevalsrc='0.5*sin(2*PI*%d*t)|-0.5*sin(2*PI*%d*t)'"
               ":s=44100:d=%g\" -metadata title='%s' %s",
               path, hz, hz, seconds, title, path),
        0);
}

// The quick routine (3 reps a leg at 2 s), driven by a script; extra
// options after env's.
static void run_kiosk_with(const char *script, const char *env,
                           const char *extra)
{
    assert_int_equal(
        ku_run(NULL,
               "mkdir -p %s/d/routines && printf '[routine]\\ntitle = "
               "Quick\\n[step]\\nexercise = step-ups\\nreps = 3\\n' > "
               "%s/d/routines/quick.ini && printf '%s' > %s/q.txt",
               ku_dir, ku_dir, script, ku_dir),
        0);
    int st = ku_run(
        NULL,
        "env SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s/cap.raw "
        "ULTRALEGS_MOUNT_ROOTS=%s/media ULTRALEGS_AUDIO_STATS=1 %s " BIN
        " --headless --routine quick --data-dir %s/d --script %s/q.txt"
        " --cue-log %s/q.tsv --now 2026-11-25T18:00:00-07:00 %s 2> %s/err.txt",
        ku_dir, ku_dir, env, ku_dir, ku_dir, ku_dir, extra, ku_dir);
    if (st != 0) {
        char *err = ku_read("%s/err.txt", ku_dir);
        fail_msg("kiosk exit %d: %s", st, err ? err : "");
    }
}

static void run_kiosk(const char *script, const char *env)
{
    run_kiosk_with(script, env, "");
}

typedef struct Box {
    double x, y, w, h;
    bool cut;
} Box;

// The boxes of the texts of one layout-log line; returns how many, and
// which is the one starting with prefix in *found (-1: none).
static int layout_boxes(const char *line, const char *prefix, Box *out, int max,
                        int *found)
{
    int n = 0;
    *found = -1;
    const char *end = strchr(line, '\n');
    for (const char *p = strstr(line, "{\"text\":\"");
         p && (!end || p < end) && n < max; p = strstr(p + 1, "{\"text\":\"")) {
        const char *nums = strstr(p, "\"x\":");
        Box b = {0};
        if (!nums || sscanf(nums, "\"x\":%lf,\"y\":%lf,\"w\":%lf,\"h\":%lf",
                            &b.x, &b.y, &b.w, &b.h) != 4)
            continue;
        b.cut = strstr(nums, "\"cut\":true") &&
                strstr(nums, "\"cut\":true") < strchr(nums, '}');
        if (strncmp(p + 9, prefix, strlen(prefix)) == 0)
            *found = n;
        out[n++] = b;
    }
    return n;
}

// A session with a tone as music: the tone is there between cues, at
// least 9 dB lower under speech, back within 0.5 s of the voice's end;
// beeps leave it alone; it fades out after the workout.
static void test_ducking(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/d/music/tone.flac", ku_dir);
    make_tone(path, 1000, 60, "Side Tone");
    char extra[1600];
    snprintf(extra, sizeof(extra),
             "--screenshot 2:%s/a.png --screenshot 4:%s/b.png "
             "--screenshot 6:%s/c.png --screenshot 15:%s/d.png "
             "--layout-log %s/layout.json",
             ku_dir, ku_dir, ku_dir, ku_dir, ku_dir);
    run_kiosk_with("9 ok\\n35 quit\\n", "", extra);
    char *log = ku_read("%s/q.tsv", ku_dir);
    char *err = ku_read("%s/err.txt", ku_dir);
    print_message("%s", strstr(err, "audio:") ? strstr(err, "audio:") : err);
    assert_non_null(strstr(log, "\tmusic\tNow playing: Side Tone\n"));
    // On screen: the title, small and whole, over no other text, on the
    // intro card while it is new (4 s from the track's start, which a
    // loaded machine may delay: the shots at 2, 4 and 6 s are judged by
    // it), and no longer at 15 s (a count).
    double np[2];
    assert_int_equal(times_of(log, "music", np, 2), 1);
    print_message("now playing from %.3f s\n", np[0]);
    assert_true(np[0] < 5.5); // one shot shows it
    const double shot_at[4] = {2, 4, 6, 15};
    int shown = 0;
    char *layout = ku_read("%s/layout.json", ku_dir);
    const char *line = layout;
    for (int shot = 0; shot < 4; shot++) {
        assert_non_null(line);
        Box b[64];
        int found;
        int n = layout_boxes(line, "Now playing: Side Tone", b, 64, &found);
        assert_true(n > 3);
        double since = shot_at[shot] - np[0];
        if (since < 0.3 || (since > 3.7 && since < 4.3)) {
            // too close to its start or end to say
        } else if (since >= 4.3) {
            assert_int_equal(found, -1);
        } else {
            shown++;
            assert_true(found >= 0);
            Box t = b[found];
            assert_false(t.cut);
            assert_true(t.h < 720 * 0.05); // small: under 5 % of the height
            for (int i = 0; i < n; i++)
                if (i != found && t.x < b[i].x + b[i].w && b[i].x < t.x + t.w &&
                    t.y < b[i].y + b[i].h && b[i].y < t.y + t.h)
                    fail_msg("the title overlaps text %d", i);
        }
        line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL;
    }
    assert_true(shown >= 1);
    free(layout);
    Capture c = load_capture();
    double rep[8], cd[8], done[2];
    assert_int_equal(times_of(log, "rep", rep, 8), 6);
    assert_int_equal(times_of(log, "countdown", cd, 8), 6); // 3 a leg
    assert_int_equal(times_of(log, "done", done, 2), 1);
    assert_true(c.frames > (long)((done[0] + 4) * RATE));

    // Between cues: the tone, at its pitch (before a count, once the
    // words before it are over; the go and the count after it may leave
    // no such time).
    double base = 0;
    int heard = 0;
    for (int i = 0; i < 6; i++) {
        double m = quiet_music(&c, rep[i] - 1.6, rep[i] - 0.05);
        double f = music_pitch(&c, rep[i] - 0.35, rep[i] - 0.05);
        print_message("before rep %d: music %.4f at %.0f Hz\n", i + 1, m, f);
        assert_true(f > 980 && f < 1020);
        if (m < 0)
            continue;
        assert_true(m > 0.05);
        heard++;
        if (m > base)
            base = m;
    }
    assert_true(heard >= 3);
    // Under the spoken count and after it (the counts of each leg but its
    // last, which the set's end follows).
    double worst_duck = -100, worst_back = 0; // the shallowest, the slowest
    int spoken = 0;
    for (int i = 0; i < 6; i++) {
        if (i % 3 == 2)
            continue;
        double s, e;
        // A loaded machine may drop a count as stale: nothing to measure.
        if (!speech_span(&c, rep[i], &s, &e)) {
            print_message("rep %d at %.3f: not said\n", i + 1, rep[i]);
            continue;
        }
        spoken++;
        assert_true(e - s > 0.15);
        // After the 80 ms attack, to the voice's end.
        double under = music_at(&c, s + 0.09, e - 0.01);
        double duck = db(under / base);
        // The first 10 ms step at or above 1 dB under the level before.
        double back = -1;
        for (double x = e; x < e + 1.0; x += WIN)
            if (db(music_at(&c, x, x + WIN) / base) > -1) {
                back = x - e;
                break;
            }
        print_message("rep %d: speech %.3f-%.3f s, music %.1f dB under it, "
                      "back %.0f ms after\n",
                      i + 1, s, e, duck, back * 1000);
        assert_true(duck <= -9);
        assert_true(back >= 0 && back <= 0.5);
        if (duck > worst_duck)
            worst_duck = duck;
        if (back > worst_back)
            worst_back = back;
    }
    assert_true(spoken >= 2);
    print_message("ducking: at least %.1f dB under speech, back within %.0f "
                  "ms\n",
                  -worst_duck, worst_back * 1000);
    // Countdown beeps do not duck it.
    for (int i = 0; i < 3; i++) {
        double on = beep_onset(&c, cd[i]);
        assert_true(on > 0);
        double m = music_at(&c, on + 0.01, on + 0.15);
        print_message("countdown beep %d at %.3f s: music %.1f dB\n", 3 - i, on,
                      db(m / base));
        assert_true(cues_at(&c, on + 0.01, on + 0.1) > 0.02); // a beep
        assert_true(db(m / base) > -1);
    }
    // The end: faded out over 3 s, then silent.
    double mid_fade = music_at(&c, done[0] + 1.4, done[0] + 1.6);
    // (The end is taken by the frame loop, which a loaded machine may run
    // a little late: the silence is asked for a second after the fade.)
    double after = music_at(&c, done[0] + 4.3, done[0] + 4.8);
    print_message("after the workout: %.1f dB at 1.5 s, %.1f dB at 4.5 s\n",
                  db(mid_fade / base), db(after / base));
    assert_true(db(mid_fade / base) < -3 && db(mid_fade / base) > -30);
    assert_true(after < 0.0005);
    free(c.pcm);
    free(log);
    free(err);
}

// Pause silences it (and keeps its place); resuming brings it back.
static void test_pause(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/d/music/tone.flac", ku_dir);
    make_tone(path, 1000, 60, "Side Tone");
    run_kiosk("9.5 pause\\n12 pause\\n15 quit\\n", "");
    char *log = ku_read("%s/q.tsv", ku_dir);
    print_message("%s", log);
    double tp[2], tr[2];
    assert_int_equal(times_of(log, "paused", tp, 2), 1);
    assert_int_equal(times_of(log, "resumed", tr, 2), 1);
    free(log);
    Capture c = load_capture();
    // "Paused" and "Let's go on" are said as it pauses and resumes.
    double before = music_in_quiet(&c, 5.5, tp[0] - 0.05);
    // (The logged times are when the frame loop took the key; a loaded
    // machine may run the rest of that frame late: half a second of slack.)
    double paused = music_at(&c, tp[0] + 0.5, tr[0] - 0.02);
    double again = music_in_quiet(&c, tr[0] + 0.5, tr[0] + 2.9);
    print_message("music before %.4f, paused (%.3f-%.3f s) %.5f, resumed "
                  "%.4f\n",
                  before, tp[0], tr[0], paused, again);
    assert_true(before > 0.05);
    assert_true(paused < 0.0005);
    assert_true(db(again / before) > -1);
    free(c.pcm);
}

// A folder of bad files and one good track: each bad file named once in
// the log, the good one plays, the workout goes on.
static void test_bad_files(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/d/music/good.flac", ku_dir);
    make_tone(path, 1000, 1, "Good");
    assert_int_equal(
        ku_run(NULL,
               "cd %s/d/music && head -c 100000 /dev/urandom > corrupt.mp3 && "
               "printf 'not a song\\n' > notes.ogg && : > empty.opus && "
               "head -c 9000 /dev/urandom > locked.wav && chmod 000 locked.wav",
               ku_dir),
        0);
    run_kiosk("9 quit\\n", "");
    char *err = ku_read("%s/err.txt", ku_dir);
    char *log = ku_read("%s/q.tsv", ku_dir);
    print_message("%s", err);
    const char *bad[] = {"corrupt.mp3", "notes.ogg", "empty.opus",
                         "locked.wav"};
    for (int i = 0; i < 4; i++) {
        char want[600];
        snprintf(want, sizeof(want), "music: skipped %s/d/music/%s: ", ku_dir,
                 bad[i]);
        assert_int_equal(ku_count(err, want), 1);
    }
    assert_int_equal(ku_count(err, "music: skipped"), 4);
    assert_non_null(strstr(log, "\tmusic\tNow playing: Good\n"));
    Capture c = load_capture();
    assert_true(music_in_quiet(&c, 5.5, 8.8) > 0.05);
    free(c.pcm);
    free(log);
    free(err);
}

// No folder, or an empty one: no music and not a word about it.
static void test_no_music(void **state)
{
    (void)state;
    run_kiosk("4 quit\\n", "");
    char *err = ku_read("%s/err.txt", ku_dir);
    char *log = ku_read("%s/q.tsv", ku_dir);
    assert_null(strstr(err, "music"));
    assert_null(strstr(log, "music"));
    assert_null(strstr(log, "notice"));
    assert_int_equal(ku_run(NULL, "mkdir -p %s/d/music", ku_dir), 0);
    run_kiosk("4 quit\\n", "");
    free(err);
    free(log);
    err = ku_read("%s/err.txt", ku_dir);
    log = ku_read("%s/q.tsv", ku_dir);
    assert_null(strstr(err, "music"));
    assert_null(strstr(log, "notice"));
    Capture c = load_capture();
    assert_true(music_at(&c, 0, 4) < 0.0005);
    free(c.pcm);
    free(err);
    free(log);
}

// A USB stick's music/ folder with a playlist: its tracks in its order,
// and a file it does not list is not played; the remote skips a track.
static void test_stick_playlist(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/media/runner/STICK/music/b.flac", ku_dir);
    make_tone(path, 500, 1.5, "Bee");
    snprintf(path, sizeof(path), "%s/media/runner/STICK/music/a.flac", ku_dir);
    make_tone(path, 700, 30, "Ay");
    snprintf(path, sizeof(path), "%s/media/runner/STICK/music/c.flac", ku_dir);
    make_tone(path, 900, 1.5, "Sea");
    assert_int_equal(
        ku_run(
            NULL,
            "printf '#EXTM3U\\r\\n#EXTINF:2,Bee\\r\\nb.flac\\r\\na.flac\\r\\n'"
            " > %s/media/runner/STICK/music/run.m3u",
            ku_dir),
        0);
    // Ay plays from 1.5 s; the remote's next-track key at 4 s.
    run_kiosk("4 track\\n7 quit\\n", "");
    char *log = ku_read("%s/q.tsv", ku_dir);
    print_message("%s", log);
    const char *b = strstr(log, "\tmusic\tNow playing: Bee\n");
    const char *a = strstr(log, "\tmusic\tNow playing: Ay\n");
    assert_non_null(b);
    assert_non_null(a);
    assert_true(b < a);
    const char *b2 = strstr(a + 1, "\tmusic\tNow playing: Bee\n"); // skip
    assert_non_null(b2);
    assert_null(strstr(log, "Sea"));
    // Where each was heard: the log's time is the capture's position.
    double tb = line_time(log, b), ta = line_time(log, a),
           tb2 = line_time(log, b2);
    print_message("Bee at %.3f s, Ay at %.3f s, Bee again at %.3f s\n", tb, ta,
                  tb2);
    assert_true(tb2 > 4.0 && tb2 < 5.0); // the skip at 4 s
    Capture c = load_capture();
    double f1 = music_pitch(&c, tb + 0.2, ta - 0.1),
           f2 = music_pitch(&c, ta + 0.2, 3.95), // silent from the skip
        f3 = music_pitch(&c, tb2 + 0.2, tb2 + 0.9);
    print_message("pitches: %.0f, %.0f, then %.0f Hz after the skip\n", f1, f2,
                  f3);
    assert_true(f1 > 490 && f1 < 510);
    assert_true(f2 > 690 && f2 < 710);
    assert_true(f3 > 490 && f3 < 510);
    free(c.pcm);
    free(log);
}

// A track that stalls (a minute of waiting after its first second of
// sound) leaves the music silent, never the cues late. The countdown comes
// after the intro's words (so each beep starts in quiet).
static void test_stall(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/d/music/tone.flac", ku_dir);
    make_tone(path, 1000, 60, "Side Tone");
    run_kiosk("8.5 ok\\n11.5 quit\\n", "ULTRALEGS_MUSIC_STALL_MS=60000");
    char *log = ku_read("%s/q.tsv", ku_dir);
    Capture c = load_capture();
    double cd[4];
    assert_int_equal(times_of(log, "countdown", cd, 4), 3);
    // The first second (ducked under the intro's words), then the stall.
    assert_true(music_at(&c, 0, 5) > 0.01);
    assert_true(music_at(&c, cd[0], cd[2] + 0.9) < 0.0005);
    for (int i = 0; i < 3; i++) {
        assert_no_cues(&c, cd[i] - 0.3, cd[i] - 0.01);
        double x = beep_onset(&c, cd[i]);
        print_message("beep %d: event %.3f s, heard %.3f s\n", 3 - i, cd[i], x);
        // Late by a stall would be seconds; a busy machine, milliseconds.
        assert_true(x >= cd[i] - 0.005 && x <= cd[i] + 0.15);
    }
    free(c.pcm);
    free(log);
}

// An exercise whose clip's own sound is on (clip_audio = yes) silences the
// music while the clip plays (its intro to its last rep); the music is back
// in the rest after it.
static void test_clip_sound_ducks_fully(void **state)
{
    (void)state;
    char path[400];
    snprintf(path, sizeof(path), "%s/d/music/tone.flac", ku_dir);
    make_tone(path, 1000, 60, "Side Tone");
    assert_int_equal(
        ku_run(NULL,
               "mkdir -p %s/v %s/d/routines && ffmpeg -loglevel error -y -f "
               "lavfi -i testsrc2=size=320x240:rate=30 -f lavfi "
               "-i sine=frequency=500:sample_rate=44100 -t 3 -c:v libx264 "
               "-c:a aac -shortest %s/v/band-work.mp4 && "
               "printf '[band-work]\\nname = Band work\\ncadence = 2\\n"
               "clip_audio = yes\\n' > %s/d/exercises.ini && "
               "printf '[routine]\\ntitle = Quick\\n[step]\\nexercise = "
               "band-work\\nreps = 2\\n[step]\\nexercise = step-ups\\n"
               "reps = 1\\n' > %s/d/routines/quick.ini && "
               "printf '2 ok\\n18 quit\\n' > %s/q.txt",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    assert_int_equal(
        ku_run(NULL,
               "env SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE=%s/cap.raw " BIN
               " --headless --routine quick --data-dir %s/d --videos-dir %s/v"
               " --script %s/q.txt --cue-log %s/q.tsv --now "
               "2026-11-25T18:00:00-07:00 2> %s/err.txt",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/q.tsv", ku_dir);
    double rep[8], rest[2];
    assert_int_equal(times_of(log, "rep", rep, 8), 2);
    assert_int_equal(times_of(log, "rest", rest, 2), 1);
    Capture c = load_capture();
    double with_clip = music_at(&c, rep[0] + 0.5, rep[1] - 0.1);
    double clip = cues_at(&c, rep[0] + 0.5, rep[1] - 0.1);
    double after = music_in_quiet(&c, rest[0] + 0.5, rest[0] + 8.5);
    print_message("music %.5f under the clip's sound (%.3f), %.4f in the rest "
                  "after it\n",
                  with_clip, clip, after);
    assert_true(clip > 0.02);
    assert_true(with_clip < 0.0005);
    assert_true(after > 0.05);
    free(c.pcm);
    free(log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_ducking, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_pause, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_bad_files, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_no_music, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_stick_playlist, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_stall, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_clip_sound_ducks_fully, ku_setup,
                                        ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
