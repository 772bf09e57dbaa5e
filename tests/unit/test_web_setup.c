/*
 * Setting the kiosk up from a browser, over real HTTP. The runner's clips: the
 * list with what the kiosk's own decoder makes of each file, uploads streamed
 * into the videos folder, deleting, and every refusal (not paired, no token,
 * bad names incl. ../ and %2F, too big, a full disk on a small tmpfs, a file
 * that cannot play, an upload cut off) leaving nothing behind in the folder.
 * The routines: the list, a routine's text, saving one (422 with --check's
 * errors at their lines, nothing written), overriding and deleting (built-in
 * ones stay), each change queued for the kiosk.
 */
#include "web_setup_testutil.h"

static void test_needs_pairing_and_token(void **state)
{
    pair();
    size_t len;
    char *clip = read_file(F->clip, &len);
    Resp r = send_req("GET", "/api/clips", false, false, NULL, 0, false);
    assert_int_equal(r.status, 401);
    r = send_req("PUT", "/api/clips/a.mp4", false, false, clip, len, false);
    assert_int_equal(r.status, 401);
    r = send_req("PUT", "/api/clips/a.mp4", true, false, clip, len, false);
    assert_int_equal(r.status, 403);
    assert_non_null(strstr(r.body, "X-CSRF-Token"));
    r = send_req("DELETE", "/api/clips/a.mp4", true, false, NULL, 0, false);
    assert_int_equal(r.status, 403);
    assert_string_equal(listing(F->videos), "");
    free(clip);
}

static void test_upload_list_delete(void **state)
{
    pair();
    Resp r = send_req("GET", "/api/clips", true, false, NULL, 0, false);
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "[]");
    size_t len;
    char *clip = read_file(F->clip, &len);
    r = send_req("PUT", "/api/clips/coach-1.mp4", true, true, clip, len, false);
    assert_int_equal(r.status, 201);
    assert_non_null(strstr(r.body, "\"name\":\"coach-1.mp4\""));
    assert_non_null(strstr(r.body, "\"playable\":true"));
    // The file in the folder is the one sent, byte for byte.
    char path[400];
    snprintf(path, sizeof(path), "%s/coach-1.mp4", F->videos);
    size_t got_len;
    char *got = read_file(path, &got_len);
    assert_int_equal(got_len, len);
    assert_memory_equal(got, clip, len);
    free(got);
    assert_string_equal(listing(F->videos), "coach-1.mp4 ");

    r = send_req("GET", "/api/clips", true, false, NULL, 0, false);
    assert_int_equal(r.status, 200);
    char want[200];
    snprintf(want, sizeof(want), "\"bytes\":%zu", len);
    assert_non_null(strstr(r.body, want));
    assert_non_null(strstr(r.body, "\"width\":320,\"height\":240"));
    assert_non_null(strstr(r.body, "\"codec\":\"h264\""));
    assert_non_null(strstr(r.body, "\"duration_s\":2"));
    assert_non_null(strstr(r.body, "\"playable\":true,\"problem\":null"));

    // The same name again replaces it: 200.
    r = send_req("PUT", "/api/clips/coach-1.mp4", true, true, clip, len, false);
    assert_int_equal(r.status, 200);
    assert_string_equal(listing(F->videos), "coach-1.mp4 ");

    // A file dropped in by hand that cannot play is listed with why.
    snprintf(path, sizeof(path), "%s/notes.mp4", F->videos);
    FILE *o = fopen(path, "w");
    fputs("not a video", o);
    fclose(o);
    r = send_req("GET", "/api/clips", true, false, NULL, 0, false);
    assert_non_null(strstr(r.body, "\"name\":\"notes.mp4\""));
    assert_non_null(strstr(r.body, "\"playable\":false,\"problem\":\""));

    r = send_req("DELETE", "/api/clips/coach-1.mp4", true, true, NULL, 0,
                 false);
    assert_int_equal(r.status, 204);
    assert_string_equal(listing(F->videos), "notes.mp4 ");
    r = send_req("DELETE", "/api/clips/coach-1.mp4", true, true, NULL, 0,
                 false);
    assert_int_equal(r.status, 404);
    r = send_req("POST", "/api/clips/coach-1.mp4", true, true, NULL, 0, false);
    assert_int_equal(r.status, 405);
    r = send_req("DELETE", "/api/clips", true, true, NULL, 0, false);
    assert_int_equal(r.status, 405);
    free(clip);
}

static void test_bad_names(void **state)
{
    pair();
    // A file beside the videos folder that a bad name would reach.
    char victim[400];
    snprintf(victim, sizeof(victim), "%s/victim.mp4", F->dir);
    FILE *o = fopen(victim, "w");
    fputs("keep me", o);
    fclose(o);
    const char *bad[] = {
        "/api/clips/..%2Fvictim.mp4",
        "/api/clips/../victim.mp4",
        "/api/clips/a%2Fb.mp4",
        "/api/clips/.hidden.mp4",
        "/api/clips/..",
        "/api/clips/",
        "/api/clips/a%20b.mp4",
        "/api/clips/caf%C3%A9.mp4",
        "/api/clips/"
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    const char *body = "x";
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        Resp r = send_req("PUT", bad[i], true, true, body, 1, false);
        if (r.status != 400)
            fail_msg("PUT %s: %d %s", bad[i], r.status, r.body);
        assert_non_null(strstr(r.body, "clip name"));
        r = send_req("DELETE", bad[i], true, true, NULL, 0, false);
        if (r.status != 400)
            fail_msg("DELETE %s: %d", bad[i], r.status);
    }
    // 64 characters is the longest name.
    char ok[100];
    snprintf(ok, sizeof(ok), "/api/clips/%064d", 0);
    Resp r = send_req("DELETE", ok, true, true, NULL, 0, false);
    assert_int_equal(r.status, 404);
    size_t len;
    char *kept = read_file(victim, &len);
    assert_int_equal(len, 7);
    free(kept);
    assert_string_equal(listing(F->videos), "");
}

static void test_cannot_play(void **state)
{
    pair();
    const char *text = "this is a shopping list, not a video\n";
    Resp r = send_req("PUT", "/api/clips/list.mp4", true, true, text,
                      strlen(text), false);
    assert_int_equal(r.status, 422);
    assert_non_null(strstr(r.body, "list.mp4 cannot play"));
    assert_null(strstr(r.body, ".upload-")); // the runner's name, not ours
    assert_string_equal(listing(F->videos), "");
    // Cut short: half of a real clip.
    size_t len;
    char *clip = read_file(F->clip, &len);
    r = send_req("PUT", "/api/clips/half.mp4", true, true, clip, len / 2,
                 false);
    assert_int_equal(r.status, 422);
    assert_string_equal(listing(F->videos), "");
    free(clip);
}

static void test_too_big(void **state)
{
    pair();
    size_t len = (1 << 20) + 1;
    char *big = calloc(1, len);
    // Said in advance: refused before a byte is read.
    Resp r = send_req("PUT", "/api/clips/big.mp4", true, true, big, len, false);
    assert_int_equal(r.status, 413);
    assert_non_null(strstr(r.body, "web_upload_max_mb (1 MB)"));
    assert_string_equal(listing(F->videos), "");
    // Not said (chunked): found while it streams.
    r = send_req("PUT", "/api/clips/big.mp4", true, true, big, len, true);
    assert_int_equal(r.status, 413);
    assert_string_equal(listing(F->videos), "");
    free(big);
}

static void test_disk_full(void **state)
{
    pair();
    mkdir(F->videos, 0755);
    // A small disk: 256 KB; the clip is 900 KB (under the 1 MB limit).
    assert_int_equal(mount("tmpfs", F->videos, "tmpfs", 0, "size=256k"), 0);
    size_t len = 900 * 1024;
    char *big = calloc(1, len);
    Resp r = send_req("PUT", "/api/clips/big.mp4", true, true, big, len, false);
    assert_int_equal(r.status, 507);
    assert_string_equal(listing(F->videos), "");
    r = send_req("PUT", "/api/clips/big.mp4", true, true, big, len, true);
    assert_int_equal(r.status, 507);
    assert_non_null(strstr(r.body, "not enough room"));
    assert_string_equal(listing(F->videos), "");
    // A small clip still fits afterwards.
    size_t clen;
    char *clip = read_file(F->clip, &clen);
    assert_true(clen < 200 * 1024);
    r = send_req("PUT", "/api/clips/small.mp4", true, true, clip, clen, false);
    assert_int_equal(r.status, 201);
    assert_string_equal(listing(F->videos), "small.mp4 ");
    free(clip);
    free(big);
    assert_int_equal(umount(F->videos), 0);
}

static void test_cut_off(void **state)
{
    pair();
    int s = connect_port();
    char head[600];
    int n = snprintf(head, sizeof(head),
                     "PUT /api/clips/cut.mp4 HTTP/1.1\r\nHost: x\r\n"
                     "Cookie: %s\r\nX-CSRF-Token: %s\r\n"
                     "Content-Length: 500000\r\n\r\n",
                     F->cookie, F->csrf);
    send_all(s, head, (size_t)n);
    char piece[10000] = {0};
    send_all(s, piece, sizeof(piece));
    // The temporary file is there while the body comes.
    for (int i = 0; i < 100 && !strstr(listing(F->videos), ".upload-"); i++)
        usleep(20000);
    assert_non_null(strstr(listing(F->videos), ".upload-"));
    close(s); // the phone walks out of range
    for (int i = 0; i < 250 && listing(F->videos)[0]; i++)
        usleep(20000);
    assert_string_equal(listing(F->videos), "");
}

static char *slurp(const char *path)
{
    size_t len;
    return read_file(path, &len);
}

static const char HILL_BAD[] = "; my hill session\n"
                               "[routine]\n"
                               "title = Hill\n"
                               "[step]\n"
                               "exercise = nordic-curlz\n"
                               "reps = 10\n";
static const char HILL_OK[] = "; my hill session\n"
                              "[routine]\n"
                              "title = Hill\n"
                              "[step]\n"
                              "exercise = nordic-curls\n"
                              "reps = 10\n";

// The RELOAD commands queued so far, their texts joined by "|".
static const char *reloads(void)
{
    static char out[1024];
    out[0] = '\0';
    WebCmd cmd;
    while (web_core_take(&F->core, &cmd))
        if (cmd.kind == WEB_CMD_RELOAD) {
            strncat(out, cmd.what, sizeof(out) - strlen(out) - 2);
            strcat(out, "|");
        }
    return out;
}

static void test_routines(void **state)
{
    pair();
    Resp r = send_req("GET", "/api/routines", false, false, NULL, 0, false);
    assert_int_equal(r.status, 401);
    r = send_req("GET", "/api/routines", true, false, NULL, 0, false);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "{\"id\":\"ultra-legs\",\"title\":"
                                   "\"Ultra Legs\",\"builtin\":true,"
                                   "\"user\":false,\"valid\":true"));
    // A routine's text: the built-in file as it is.
    r = send_req("GET", "/api/routines/daily-hips", true, false, NULL, 0,
                 false);
    assert_int_equal(r.status, 200);
    char *hips = slurp(ASSETS_DIR "/routines/daily-hips.ini");
    assert_string_equal(r.body, hips);
    r = send_req("GET", "/api/routines/hill", true, false, NULL, 0, false);
    assert_int_equal(r.status, 404);

    // Errors: as --check says them, at their lines; nothing written.
    r = send_req("PUT", "/api/routines/hill", true, false, HILL_OK,
                 strlen(HILL_OK), false);
    assert_int_equal(r.status, 403);
    r = send_req("PUT", "/api/routines/hill", true, true, HILL_BAD,
                 strlen(HILL_BAD), false);
    assert_int_equal(r.status, 422);
    assert_string_equal(r.body,
                        "{\"errors\":[{\"line\":5,\"message\":\"step 1: "
                        "unknown exercise 'nordic-curlz' (did you mean "
                        "'nordic-curls'?)\"}]}");
    char dir[400], path[420];
    snprintf(dir, sizeof(dir), "%s/config/routines", F->dir);
    snprintf(path, sizeof(path), "%s/hill.ini", dir);
    assert_string_equal(listing(dir), "");
    assert_string_equal(reloads(), "");

    r = send_req("PUT", "/api/routines/hill", true, true, HILL_OK,
                 strlen(HILL_OK), false);
    assert_int_equal(r.status, 201);
    char *saved = slurp(path);
    assert_string_equal(saved, HILL_OK); // comments and all
    free(saved);
    assert_string_equal(listing(dir), "hill.ini ");
    assert_string_equal(reloads(), "Routine hill saved|");
    r = send_req("GET", "/api/routines", true, false, NULL, 0, false);
    assert_non_null(strstr(r.body, "{\"id\":\"hill\",\"title\":\"Hill\","
                                   "\"builtin\":false,\"user\":true,"
                                   "\"valid\":true,\"steps\":1}"));
    r = send_req("PUT", "/api/routines/hill", true, true, HILL_OK,
                 strlen(HILL_OK), false);
    assert_int_equal(r.status, 200);
    // A broken text never replaces a good one.
    r = send_req("PUT", "/api/routines/hill", true, true, HILL_BAD,
                 strlen(HILL_BAD), false);
    assert_int_equal(r.status, 422);
    saved = slurp(path);
    assert_string_equal(saved, HILL_OK);
    free(saved);
    reloads();

    // A user's own one goes; a built-in one cannot, only its override.
    r = send_req("DELETE", "/api/routines/hill", true, true, NULL, 0, false);
    assert_int_equal(r.status, 204);
    assert_string_equal(listing(dir), "");
    r = send_req("DELETE", "/api/routines/daily-hips", true, true, NULL, 0,
                 false);
    assert_int_equal(r.status, 409);
    assert_non_null(strstr(r.body, "cannot be deleted, only overridden"));
    const char *mine = "[routine]\ntitle = My Hips\n[step]\nexercise = "
                       "clams\nreps = 12\n";
    r = send_req("PUT", "/api/routines/daily-hips", true, true, mine,
                 strlen(mine), false);
    assert_int_equal(r.status, 201);
    r = send_req("GET", "/api/routines/daily-hips", true, false, NULL, 0,
                 false);
    assert_string_equal(r.body, mine);
    r = send_req("DELETE", "/api/routines/daily-hips", true, true, NULL, 0,
                 false);
    assert_int_equal(r.status, 204);
    r = send_req("GET", "/api/routines/daily-hips", true, false, NULL, 0,
                 false);
    assert_string_equal(r.body, hips);
    assert_string_equal(reloads(),
                        "Routine hill deleted|Routine daily-hips saved|"
                        "Routine daily-hips is the built-in one again|");
    r = send_req("DELETE", "/api/routines/nope", true, true, NULL, 0, false);
    assert_int_equal(r.status, 404);
    free(hips);

    const char *bad[] = {"/api/routines/..%2Fhill", "/api/routines/../hill",
                         "/api/routines/Hill", "/api/routines/",
                         "/api/routines/a.ini"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        r = send_req("PUT", bad[i], true, true, HILL_OK, strlen(HILL_OK),
                     false);
        if (r.status != 400)
            fail_msg("PUT %s: %d %s", bad[i], r.status, r.body);
    }
    char big[5000];
    memset(big, ';', sizeof(big));
    r = send_req("PUT", "/api/routines/hill", true, true, big, sizeof(big),
                 false);
    assert_int_equal(r.status, 413);
    r = send_req("POST", "/api/routines/hill", true, true, NULL, 0, false);
    assert_int_equal(r.status, 405);
    assert_string_equal(listing(dir), "");
}

static Resp put_json(const char *path, const char *json, bool csrf)
{
    extra = "Content-Type: application/json\r\n";
    Resp r = send_req("PUT", path, true, csrf, json, strlen(json), false);
    extra = "";
    return r;
}

static void test_exercise_clip(void **state)
{
    pair();
    Resp r = send_req("GET", "/api/exercises", true, false, NULL, 0, false);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "{\"id\":\"band-work\",\"name\":\"Band "
                                   "work\",\"clip\":\"band-work.mp4\","
                                   "\"start\":null,\"end\":null,"
                                   "\"coach_video_s\":121,"));
    // The runner's own file, with a comment and other sections.
    char config[400], path[420];
    snprintf(config, sizeof(config), "%s/config", F->dir);
    mkdir(config, 0755);
    snprintf(path, sizeof(path), "%s/exercises.ini", config);
    FILE *o = fopen(path, "w");
    fputs("; my changes\n[clams]\ncadence = 2\n\n[band-work]\n"
          "cadence = 1.5 ; slower\n",
          o);
    fclose(o);
    const char *set = "{\"clip\":\"coach-1.mp4\",\"start\":121,"
                      "\"end\":172.5}";
    r = put_json("/api/exercises/band-work/clip", set, false);
    assert_int_equal(r.status, 403);
    // Not uploaded yet: refused at the line it would be on.
    r = put_json("/api/exercises/band-work/clip", set, true);
    assert_int_equal(r.status, 422);
    assert_string_equal(r.body, "{\"errors\":[{\"line\":7,\"message\":"
                                "\"clip 'coach-1.mp4' not found in the "
                                "videos folders: upload it first\"}]}");
    size_t len;
    char *clip = read_file(F->clip, &len);
    r = send_req("PUT", "/api/clips/coach-1.mp4", true, true, clip, len, false);
    assert_int_equal(r.status, 201);
    free(clip);
    r = put_json("/api/exercises/band-work/clip",
                 "{\"clip\":\"coach-1.mp4\",\"start\":30,\"end\":20}", true);
    assert_int_equal(r.status, 422);
    assert_non_null(strstr(r.body, "the end must come after the start"));
    char *kept = slurp(path);
    assert_string_equal(kept, "; my changes\n[clams]\ncadence = 2\n\n"
                              "[band-work]\ncadence = 1.5 ; slower\n");
    free(kept);
    assert_string_equal(reloads(), "");

    r = put_json("/api/exercises/band-work/clip", set, true);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"clip\":\"coach-1.mp4\",\"start\":121,"
                                   "\"end\":172.5"));
    char *saved = slurp(path);
    assert_string_equal(saved, "; my changes\n[clams]\ncadence = 2\n\n"
                               "[band-work]\ncadence = 1.5 ; slower\n"
                               "clip = coach-1.mp4\nclip_start = 121.00\n"
                               "clip_end = 172.50\n");
    free(saved);
    assert_string_equal(reloads(), "band-work plays coach-1.mp4|");
    r = send_req("GET", "/api/exercises", true, false, NULL, 0, false);
    assert_non_null(strstr(r.body, "\"id\":\"band-work\",\"name\":\"Band "
                                   "work\",\"clip\":\"coach-1.mp4\","
                                   "\"start\":121,\"end\":172.5"));
    // Back to the whole clip: the segment keys go.
    r = put_json("/api/exercises/band-work/clip",
                 "{\"clip\":\"coach-1.mp4\",\"start\":null}", true);
    assert_int_equal(r.status, 200);
    saved = slurp(path);
    assert_string_equal(saved, "; my changes\n[clams]\ncadence = 2\n\n"
                               "[band-work]\ncadence = 1.5 ; slower\n"
                               "clip = coach-1.mp4\n");
    free(saved);

    r = put_json("/api/exercises/no-such/clip", set, true);
    assert_int_equal(r.status, 404);
    r = put_json("/api/exercises/..%2Fx/clip", set, true);
    assert_int_equal(r.status, 404);
    r = put_json("/api/exercises/Band/clip", set, true);
    assert_int_equal(r.status, 400);
    r = put_json("/api/exercises/band-work/clip", "{\"clip\":3}", true);
    assert_int_equal(r.status, 400);
    r = put_json("/api/exercises/band-work/clip",
                 "{\"clip\":\"coach-1.mp4\",\"start\":-1}", true);
    assert_int_equal(r.status, 400);
    r = send_req("GET", "/api/exercises/band-work/clip", true, false, NULL, 0,
                 false);
    assert_int_equal(r.status, 405);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_needs_pairing_and_token),
        T(test_upload_list_delete),
        T(test_bad_names),
        T(test_cannot_play),
        T(test_too_big),
        T(test_disk_full),
        T(test_cut_off),
        T(test_routines),
        T(test_exercise_clip),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
