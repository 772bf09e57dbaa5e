/*
 * The kiosk in a garage, week after week: bad situations, the settings
 * screen, dimming when left alone, a controller unplugged and a window
 * resized, a slow renderer, the easy-day guard, and running as a service.
 */
#include "kiosk_util.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <sys/stat.h>

#include "media/demo_clip.h"

#define BIN ULTRALEGS_BIN
#define CLIPGEN CLIPGEN_BIN
// The kiosk reads a fresh user: no config, no clips, its own data folder.
#define ENV                                                                    \
    "env HOME=%s XDG_CONFIG_HOME=%s/cfg XDG_DATA_HOME=%s/data "                \
    "ULTRALEGS_VIDEOS_DIR=%s/novideos "

static void test_bad_situations(void **state)
{
    (void)state;
    // No font.
    assert_int_equal(ku_run(NULL,
                            ENV "ULTRALEGS_FONT_DIR=%s " BIN
                                " --headless --virtual-clock --auto 2> %s/err1",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     1);
    char *err = ku_read("%s/err1", ku_dir);
    assert_non_null(
        strstr(err, "install the Debian package fonts-dejavu-core"));
    free(err);
    // No display.
    assert_int_equal(ku_run(NULL,
                            ENV "SDL_VIDEODRIVER=no-such-driver " BIN
                                " --virtual-clock --auto 2> %s/err2",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     1);
    err = ku_read("%s/err2", ku_dir);
    assert_non_null(strstr(err, "ultralegs: cannot start the display"));
    free(err);
    // A history folder that cannot be written: coaching goes on, the screen
    // says why.
    assert_int_equal(ku_run(NULL, "touch %s/notadir", ku_dir), 0);
    assert_int_equal(
        ku_run(NULL,
               ENV BIN " --headless --virtual-clock --routine daily-hips"
                       " --data-dir %s/notadir/x --auto --cue-log %s/c.tsv"
                       " --screenshot 10:%s/nosave.png 2>/dev/null",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/c.tsv", ku_dir);
    assert_non_null(
        strstr(log, "\tnotice\tHistory unavailable (cannot create"));
    assert_non_null(strstr(log, "\tdone\tDaily Hips done:"));
    free(log);
    KuImage im = ku_load("%s/nosave.png", ku_dir);
    // During the workout the notice is a dark red badge in the bottom-right
    // corner (it covers nothing); the left of the bottom stays free of it.
    int red = 0, red_left = 0;
    for (int y = im.h * 9 / 10; y < im.h; y++)
        for (int x = 0; x < im.w; x++) {
            const Uint8 *p =
                (const Uint8 *)im.s->pixels + (size_t)y * im.s->pitch + x * 4;
            if (p[0] > 100 && p[1] < 50 && p[2] < 50)
                x > im.w * 8 / 10 ? red++ : red_left++;
        }
    assert_true(red > 100);
    assert_int_equal(red_left, 0);
    ku_free(&im);
    // A bad script line: file:line and what is wrong.
    assert_int_equal(
        ku_run(NULL, "printf '1 ok\\n2 jump\\n' > %s/bad.txt", ku_dir), 0);
    assert_int_equal(ku_run(NULL,
                            ENV BIN
                            " --headless --virtual-clock --script %s/bad.txt"
                            " 2> %s/err3",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     2);
    err = ku_read("%s/err3", ku_dir);
    assert_non_null(strstr(err, "bad.txt:2: unknown action 'jump'"));
    free(err);
}

// The settings screen: change the streak target, pause this week; saved.
static void test_settings_screen(void **state)
{
    (void)state;
    ku_write("set.txt", "1 settings\n2 down\n2.5 down\n3 down\n3.5 right\n"
                        "3.6 right\n4 down\n4.5 down\n4.6 down\n5 ok\n"
                        "5.5 up\n6 back\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN " --headless --virtual-clock --script %s/set.txt"
                       " --cue-log %s/set.tsv --screenshot 5.2:%s/settings.png"
                       " --now 2026-11-25T18:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *ini = ku_read("%s/cfg/ultralegs/config.ini", ku_dir);
    assert_non_null(ini);
    assert_non_null(strstr(ini, "weekly_target = 2\n"));
    free(ini);
    char *log = ku_read("%s/set.tsv", ku_dir);
    assert_non_null(strstr(log, "5.000\tsettings\tStreak paused this week\n"));
    free(log);
    assert_int_equal(ku_run(NULL,
                            ENV BIN
                            " --history --json --now 2026-11-26T10:00:00-07:00"
                            " > %s/h.json",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    char path[400];
    snprintf(path, sizeof(path), "%s/h.json", ku_dir);
    cJSON *h = ku_json(path);
    assert_non_null(h);
    const cJSON *streak = cJSON_GetObjectItemCaseSensitive(h, "weekly_streak");
    const cJSON *status = cJSON_GetObjectItemCaseSensitive(streak, "status");
    assert_true(cJSON_IsString(status));
    assert_string_equal(status->valuestring, "paused");
    cJSON_Delete(h);
    KuImage im = ku_load("%s/settings.png", ku_dir);
    assert_true(ku_frac(&im, 0.01, 0.03, 0.4, 0.13, ku_orange, NULL) >
                0.04); // title
    assert_true(ku_frac(&im, 0.0, 0.12, 1.0, 0.85, ku_bright, NULL) >
                0.008); // items
    ku_free(&im);
}

// Left alone on the home screen, the kiosk dims itself; a key wakes it.
static void test_idle_dim(void **state)
{
    (void)state;
    ku_write("idle.txt", "400 ok\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN
               " --headless --virtual-clock --script %s/idle.txt"
               " --screenshot 10:%s/awake.png --screenshot 350:%s/dim.png"
               " --screenshot 401:%s/woke.png --now 2026-11-25T18:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    KuImage a = ku_load("%s/awake.png", ku_dir),
            d = ku_load("%s/dim.png", ku_dir),
            w = ku_load("%s/woke.png", ku_dir);
    double fa = ku_frac(&a, 0, 0, 1, 1, ku_bright, NULL);
    double fd = ku_frac(&d, 0, 0, 1, 1, ku_bright, NULL);
    double fw = ku_frac(&w, 0, 0, 1, 1, ku_bright, NULL);
    assert_true(fa > 0.01);
    assert_true(fd < fa / 5);
    assert_true(fw > fa / 2); // woken, still home (the press did not start)
    ku_free(&a);
    ku_free(&d);
    ku_free(&w);
}

// A controller unplugged mid-set, a window resized: coaching goes on.
static void test_unplug_and_resize(void **state)
{
    (void)state;
    ku_write("pad.txt", "0.5 pad-plug\n20 pad-unplug\n25 resize\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN
               " --headless --virtual-clock --auto --routine daily-hips"
               " --script %s/pad.txt --cue-log %s/pad.tsv --screenshot "
               "24:%s/before.png"
               " --screenshot 26:%s/after.png --now 2026-11-25T07:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/pad.tsv", ku_dir);
    // Noticed on the frame after it happened.
    const char *n = strstr(log, "\tnotice\tController disconnected");
    assert_non_null(n);
    while (n > log && n[-1] != '\n')
        n--;
    assert_true(atof(n) >= 20.0 && atof(n) < 20.1);
    assert_non_null(strstr(log, "\tdone\tDaily Hips done:"));
    free(log);
    KuImage b = ku_load("%s/before.png", ku_dir),
            a = ku_load("%s/after.png", ku_dir);
    assert_int_equal(b.w, 1280);
    assert_int_equal(a.w, 1920);
    assert_int_equal(a.h, 1080);
    double bb;
    ku_frac(&a, 0.0, 0.45, 0.3, 0.99, ku_bright,
            &bb); // the counter, re-laid out
    assert_true(bb >= 0.25);
    ku_free(&b);
    ku_free(&a);
}

// A renderer that manages one frame a second, on the real clock: every cue
// still comes at its own time.
static void test_one_fps(void **state)
{
    (void)state;
    char dir[400];
    snprintf(dir, sizeof(dir), "%s/cfg/ultralegs/routines", ku_dir);
    assert_int_equal(ku_run(NULL, "mkdir -p %s", dir), 0);
    ku_write(
        "cfg/ultralegs/routines/quick.ini",
        "[routine]\ntitle = Quick\n[step]\nexercise = band-work\nreps = 4\n");
    ku_write("q.txt", "1 ok\n12 quit\n");
    double secs;
    assert_int_equal(ku_run(&secs,
                            ENV "ULTRALEGS_SLOW_FRAME_MS=1000 " BIN
                                " --headless --routine quick"
                                " --script %s/q.txt --cue-log %s/q.tsv --now "
                                "2026-11-25T18:00:00-07:00",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    char *log = ku_read("%s/q.tsv", ku_dir);
    assert_non_null(log);
    // OK lands on a frame near 1 s; from there the countdown and the reps
    // keep their spacing although frames are a second apart.
    double t3 = -1, t2 = -1, go = -1, r4 = -1;
    for (const char *l = log; l && *l;
         l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        double t = atof(l);
        if (strstr(l, "\tcountdown\t3") == strchr(l, '\t'))
            t3 = t;
        else if (strstr(l, "\tcountdown\t2") == strchr(l, '\t'))
            t2 = t;
        else if (strstr(l, "\tgo\t") == strchr(l, '\t'))
            go = t;
        else if (strstr(l, "\trep\t4") == strchr(l, '\t'))
            r4 = t;
    }
    assert_true(t3 >= 0 && t2 >= 0 && go >= 0 && r4 >= 0);
    assert_true(t2 - t3 > 0.999 && t2 - t3 < 1.001);
    assert_true(go - t3 > 2.999 && go - t3 < 3.001);
    assert_true(r4 - go > 4.799 && r4 - go < 4.801); // 4 steps at 1.2 s
    assert_non_null(strstr(log, "\tdone\tQuick done: 4 reps"));
    free(log);
    print_message("1 fps run: %.1f s wall\n", secs);
}

// The day after Ultra Legs: home says easy day; starting it again asks first.
static void test_easy_day_guard(void **state)
{
    (void)state;
    ku_write("y.csv", "started_at,routine,completed,duration_s\n"
                      "2026-11-26T18:00:00-07:00,ultra-legs,yes,900\n");
    assert_int_equal(ku_run(NULL,
                            ENV BIN " --import-history %s/y.csv > /dev/null",
                            ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
                     0);
    ku_write("e.txt", "2 start\n4 back\n6 start\n8 ok\n12 quit\n");
    assert_int_equal(
        ku_run(NULL,
               ENV BIN
               " --headless --virtual-clock --script %s/e.txt"
               " --cue-log %s/e.tsv --screenshot 1:%s/home.png"
               " --screenshot 3:%s/confirm.png --now 2026-11-27T09:00:00-07:00",
               ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir, ku_dir),
        0);
    char *log = ku_read("%s/e.tsv", ku_dir);
    // Back at 4 s cancelled; only the OK at 8 s started the session.
    assert_non_null(strstr(log, "8.000\tstart\tUltra Legs:"));
    assert_int_equal(ku_count(log, "\tstart\t"), 1);
    free(log);
    KuImage im = ku_load("%s/home.png", ku_dir);
    // The green easy-day banner under today's plan.
    int green = 0;
    for (int y = im.h / 3; y < im.h / 2; y++) {
        const Uint8 *p = (const Uint8 *)im.s->pixels + (size_t)y * im.s->pitch +
                         (im.w / 2) * 4;
        if (p[0] > 50 && p[0] < 70 && p[1] > 100 && p[1] < 120 && p[2] > 70 &&
            p[2] < 90)
            green++;
    }
    assert_true(green > 5);
    ku_free(&im);
    im = ku_load("%s/confirm.png", ku_dir);
    assert_true(ku_frac(&im, 0.05, 0.3, 0.95, 0.7, ku_bright, NULL) >
                0.02); // the question
    ku_free(&im);
}

// As a service: READY once running, then watchdog pings from the frame loop.
static void test_service_notify(void **state)
{
    (void)state;
    char sock[300];
    snprintf(sock, sizeof(sock), "%s/notify", ku_dir);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un sa = {0};
    sa.sun_family = AF_UNIX;
    snprintf(sa.sun_path, sizeof(sa.sun_path), "%.100s", sock);
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    // Few enough messages for the socket's queue: this test reads them after.
    ku_write("n.txt", "3.5 quit\n");
    assert_int_equal(ku_run(NULL,
                            ENV "NOTIFY_SOCKET=%s WATCHDOG_USEC=2000000 " BIN
                                " --headless --script %s/n.txt",
                            ku_dir, ku_dir, ku_dir, ku_dir, sock, ku_dir),
                     0);
    int ready = 0, pings = 0, stopping = 0;
    char msg[256];
    ssize_t n;
    while ((n = recv(fd, msg, sizeof(msg) - 1, MSG_DONTWAIT)) > 0) {
        msg[n] = '\0';
        ready += strstr(msg, "READY=1") != NULL;
        pings += strcmp(msg, "WATCHDOG=1") == 0;
        stopping += strcmp(msg, "STOPPING=1") == 0;
    }
    close(fd);
    print_message(
        "service: READY %d, %d watchdog pings in 3.5 s, STOPPING %d\n", ready,
        pings, stopping);
    assert_int_equal(ready, 1);
    assert_true(pings >= 2 && pings <= 4); // every second
    assert_int_equal(stopping, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bad_situations, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_settings_screen, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_idle_dim, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_unplug_and_resize, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_one_fps, ku_setup, ku_teardown),
        cmocka_unit_test_setup_teardown(test_easy_day_guard, ku_setup,
                                        ku_teardown),
        cmocka_unit_test_setup_teardown(test_service_notify, ku_setup,
                                        ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
