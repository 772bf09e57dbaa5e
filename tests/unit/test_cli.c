/*
 * The command line: every documented option, and clear errors.
 */
#include "testutil.h"

#include "app/cli.h"
#include "platform/clock.h"

static bool parse(CliOptions *o, char *err, int argc, ...)
{
    char *argv[32] = {"ultralegs"};
    va_list ap;
    va_start(ap, argc);
    for (int i = 1; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    return cli_parse(o, argc, argv, err, 256);
}

static void test_kiosk_options(void **state)
{
    (void)state;
    CliOptions o;
    char err[256];
    assert_true(parse(&o, err, 14, "--headless", "--virtual-clock", "--auto",
                      "--routine", "ultra-legs", "--windowed=1920x1080",
                      "--screenshot", "12.5:work.png", "--cue-log=cues.tsv",
                      "--now", "2026-11-25T18:02:00-07:00", "--data-dir",
                      "/tmp/d"));
    assert_int_equal(o.mode, CLI_KIOSK);
    assert_true(o.headless && o.virtual_clock && o.auto_run && o.windowed);
    assert_int_equal(o.win_w, 1920);
    assert_int_equal(o.win_h, 1080);
    assert_string_equal(o.routine, "ultra-legs");
    assert_int_equal(o.nshots, 1);
    assert_true(o.shots[0].at_s == 12.5);
    assert_string_equal(o.shots[0].file, "work.png");
    assert_string_equal(o.cue_log, "cues.tsv");
    assert_string_equal(o.data_dir, "/tmp/d");
    // --now is read here, once: the clock starts from what was read.
    const CalLocalTime *now = cli_now(&o);
    assert_non_null(now);
    assert_int_equal(now->year, 2026);
    assert_int_equal(now->hour, 18);
    assert_true(now->has_offset);
    assert_int_equal(now->offset_min, -420);
    WallClock wc;
    wallclock_init(&wc, now);
    assert_int_equal(wallclock_utc(&wc, 0), 1795654920); // 2026-11-26T01:02:00Z
    assert_int_equal(wallclock_offset_min(&wc, 0), -420);
    assert_true(parse(&o, err, 2, "--headless"));
    assert_null(cli_now(&o)); // the real clock
}

static void test_modes(void **state)
{
    (void)state;
    CliOptions o;
    char err[256];
    assert_true(parse(&o, err, 3, "--check", "--json"));
    assert_int_equal(o.mode, CLI_CHECK);
    assert_true(o.json);
    assert_true(parse(&o, err, 4, "--describe", "ultra-legs", "--json"));
    assert_int_equal(o.mode, CLI_DESCRIBE);
    assert_string_equal(o.describe, "ultra-legs");
    assert_true(parse(&o, err, 5, "--bench", "a.mp4", "--frames", "300"));
    assert_int_equal(o.mode, CLI_BENCH);
    assert_int_equal(o.bench_frames, 300);
    assert_true(parse(&o, err, 2, "--export-history=h.csv"));
    assert_int_equal(o.mode, CLI_EXPORT);
    assert_string_equal(o.history_file, "h.csv");
}

static void test_errors(void **state)
{
    (void)state;
    CliOptions o;
    char err[256];
    assert_false(parse(&o, err, 2, "--frobnicate"));
    assert_string_equal(err, "unknown option '--frobnicate' (see --help)");
    assert_false(parse(&o, err, 2, "--routine"));
    assert_string_equal(err, "--routine needs a value (see --help)");
    assert_false(parse(&o, err, 2, "--windowed=big"));
    assert_string_equal(err, "--windowed=WxH: bad size 'big' (e.g. 1280x720)");
    assert_false(parse(&o, err, 3, "--screenshot", "soon.png"));
    assert_string_equal(err,
                        "--screenshot: expected SEC:FILE.png, not 'soon.png'");
    assert_false(parse(&o, err, 3, "--now", "2026-02-30T10:00"));
    assert_string_equal(err, "--now: bad time '2026-02-30T10:00' (expected "
                             "YYYY-MM-DDTHH:MM[:SS][+-HH:MM])");
    assert_false(parse(&o, err, 2, "--auto=yes"));
    assert_string_equal(err, "--auto takes no value");
    assert_false(parse(&o, err, 2, "stray"));
    // --frames is the benchmark's: on its own it would start the kiosk.
    assert_false(parse(&o, err, 3, "--frames", "5"));
    assert_string_equal(err, "--frames goes with --bench CLIP");
    assert_true(parse(&o, err, 5, "--bench", "c.mp4", "--frames", "5"));
    assert_int_equal(o.bench_frames, 5);
}

// A value that is really the next option is refused, not taken as a folder
// or a routine id ("--data-dir --check" must not make a folder "--check").
static void test_value_is_an_option(void **state)
{
    (void)state;
    CliOptions o;
    char err[256];
    assert_false(parse(&o, err, 3, "--data-dir", "--check"));
    assert_string_equal(err,
                        "--data-dir needs a value, not the option '--check'");
    assert_false(parse(&o, err, 2, "--data-dir=--check"));
    assert_string_equal(err,
                        "--data-dir needs a value, not the option '--check'");
    assert_false(parse(&o, err, 4, "--routine", "--headless", "ultra-legs"));
    assert_string_equal(err,
                        "--routine needs a value, not the option '--headless'");
    assert_false(parse(&o, err, 3, "--cue-log", "--"));
    assert_string_equal(err, "--cue-log needs a value, not the option '--'");
    assert_false(parse(&o, err, 3, "--import-history", "--json"));
    assert_string_equal(
        err, "--import-history needs a value, not the option '--json'");
    assert_false(parse(&o, err, 3, "--screenshot", "--now"));
    assert_string_equal(err,
                        "--screenshot needs a value, not the option '--now'");
    // A single dash is an ordinary value (a file named "-x" is possible).
    assert_true(parse(&o, err, 3, "--data-dir", "-x"));
    assert_string_equal(o.data_dir, "-x");
}

// Numbers and sizes are read whole: trailing junk is an error, not ignored.
static void test_trailing_junk(void **state)
{
    (void)state;
    CliOptions o;
    char err[256];
    assert_false(parse(&o, err, 2, "--windowed=1280x720junk"));
    assert_string_equal(
        err, "--windowed=WxH: bad size '1280x720junk' (e.g. 1280x720)");
    const char *bad[] = {"--windowed=1280x",     "--windowed= 1280x720",
                         "--windowed=+1280x720", "--windowed=1280x720 ",
                         "--windowed=1280 x720", "--windowed=1280x-720",
                         "--windowed=x720",      "--windowed=99999999999x720",
                         "--windowed="};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (parse(&o, err, 2, bad[i]))
            fail_msg("%s was accepted", bad[i]);
        assert_non_null(strstr(err, "--windowed=WxH: bad size"));
    }
    assert_true(parse(&o, err, 2, "--windowed=1280X720"));
    assert_int_equal(o.win_w, 1280);
    assert_int_equal(o.win_h, 720);
    assert_false(parse(&o, err, 2, "--windowed=100x100"));
    assert_string_equal(
        err, "--windowed=WxH: bad size '100x100' (160x120 to 8192x8192)");
    assert_false(parse(&o, err, 5, "--bench", "a.mp4", "--frames", "300junk"));
    assert_string_equal(
        err,
        "--frames: bad number '300junk' (a whole number from 1 to 100000000)");
    assert_false(
        parse(&o, err, 5, "--bench", "a.mp4", "--frames", "99999999999"));
    assert_string_equal(err, "--frames: bad number '99999999999' (a whole "
                             "number from 1 to 100000000)");
    assert_false(parse(&o, err, 3, "--screenshot", "12junk:a.png"));
    assert_string_equal(err, "--screenshot: bad seconds '12junk'");
    assert_false(parse(&o, err, 3, "--now", "2026-11-25T18:02junk"));
    assert_string_equal(err, "--now: bad time '2026-11-25T18:02junk' (expected "
                             "YYYY-MM-DDTHH:MM[:SS][+-HH:MM])");
}

static void test_time(void **state)
{
    (void)state;
    CliTime t;
    assert_true(cli_parse_time("2026-11-25T18:02:00-07:00", &t));
    assert_int_equal(t.year, 2026);
    assert_int_equal(t.hour, 18);
    assert_true(t.has_offset);
    assert_int_equal(t.offset_min, -420);
    assert_true(cli_parse_time("2024-02-29T00:30", &t));
    assert_false(t.has_offset);
    assert_false(cli_parse_time("2025-02-29T00:30", &t));
    assert_false(cli_parse_time("2026-11-25T24:00", &t));
    assert_false(cli_parse_time("2026-11-25", &t));
    assert_true(cli_parse_time("2026-11-25T10:00Z", &t));
    assert_true(t.has_offset && t.offset_min == 0);
}

// The companion's port and address: 0 turns it off; bad values are named.
static void test_profile_options(void **state)
{
    (void)state;
    CliOptions o;
    char err[256];
    assert_true(parse(&o, err, 4, "--profile", "Bo Lind", "--history"));
    assert_int_equal(o.mode, CLI_HISTORY);
    assert_string_equal(o.profile, "Bo Lind");
    assert_true(parse(&o, err, 3, "--profiles", "--json"));
    assert_int_equal(o.mode, CLI_PROFILES);
    assert_null(o.profile);
    assert_true(parse(&o, err, 3, "--profile=Ana", "--profile-set=tempo=90"));
    assert_int_equal(o.mode, CLI_PROFILE_SET);
    assert_string_equal(o.profile_set, "tempo=90");
    assert_false(parse(&o, err, 2, "--profile-set=voice=off"));
    assert_string_equal(err, "--profile-set goes with --profile NAME");
    assert_false(parse(&o, err, 2, "--profiles=all"));
    assert_string_equal(err, "--profiles takes no value");
    assert_false(parse(&o, err, 3, "--profile", "--history"));
    assert_string_equal(err,
                        "--profile needs a value, not the option '--history'");
}

static void test_web_options(void **state)
{
    (void)state;
    CliOptions o;
    char err[256];
    assert_true(parse(&o, err, 1));
    assert_int_equal(o.web_port, -1); // as config.ini says
    assert_null(o.web_bind);
    assert_true(
        parse(&o, err, 5, "--web-port", "0", "--web-bind", "127.0.0.1"));
    assert_int_equal(o.web_port, 0);
    assert_string_equal(o.web_bind, "127.0.0.1");
    assert_true(parse(&o, err, 2, "--web-port=18090"));
    assert_int_equal(o.web_port, 18090);
    assert_true(parse(&o, err, 3, "--web-port", "any"));
    assert_int_equal(o.web_port, CLI_WEB_PORT_ANY);
    assert_false(parse(&o, err, 3, "--web-port", "65536"));
    assert_string_equal(
        err, "--web-port: bad port '65536' (0 = off, or 1 to 65535)");
    assert_false(parse(&o, err, 3, "--web-bind", "localhost"));
    assert_string_equal(err, "--web-bind: 'localhost' is not an IPv4 address "
                             "(e.g. 0.0.0.0 or 192.168.1.20)");
    assert_false(parse(&o, err, 2, "--web-port"));
    assert_string_equal(err, "--web-port needs a value (see --help)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_web_options),
        cmocka_unit_test(test_profile_options),
        cmocka_unit_test(test_kiosk_options),
        cmocka_unit_test(test_modes),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_value_is_an_option),
        cmocka_unit_test(test_trailing_junk),
        cmocka_unit_test(test_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
