/*
 * The companion server over real HTTP: a raw socket client against
 * web_server on a port the system chooses, with this test playing the frame
 * loop (it publishes the clock, the status and the history, and answers the
 * commands). Every rule of pairing and security, and every API call.
 */
#include "web_testutil.h"

static void test_page_and_headers(void **state)
{
    Resp r = req("GET", "/", NULL, NULL);
    assert_int_equal(r.status, 200);
    char v[300];
    assert_non_null(header(&r, "Content-Security-Policy", v, sizeof(v)));
    assert_non_null(strstr(v, "default-src 'self'"));
    assert_non_null(header(&r, "X-Content-Type-Options", v, sizeof(v)));
    assert_string_equal(v, "nosniff");
    assert_non_null(header(&r, "Content-Type", v, sizeof(v)));
    assert_non_null(strstr(v, "text/html"));
    assert_null(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)));
    assert_non_null(strstr(r.body, "id=\"pair\""));
    resp_free(&r);
    // API answers carry them too.
    r = req("GET", "/api/status", NULL, NULL);
    assert_non_null(header(&r, "Content-Security-Policy", v, sizeof(v)));
    assert_non_null(header(&r, "X-Content-Type-Options", v, sizeof(v)));
    resp_free(&r);
}

static void test_no_cors(void **state)
{
    Paired p = pair_ok();
    char h[600];
    snprintf(h, sizeof(h),
             "%sOrigin: http://evil.example\r\n"
             "Access-Control-Request-Method: POST\r\n",
             auth(&p, NULL, false));
    Resp r = req("OPTIONS", "/api/action", h, NULL);
    char v[200];
    assert_null(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)));
    assert_null(header(&r, "Access-Control-Allow-Methods", v, sizeof(v)));
    assert_int_not_equal(r.status / 100, 2);
    resp_free(&r);
    r = req("GET", "/api/status", h, NULL);
    assert_null(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)));
    resp_free(&r);
}

static void test_paths_exact(void **state)
{
    const char *bad[] = {"/index.html",
                         "/app.js/",
                         "//",
                         "/../CMakeLists.txt",
                         "/%2e%2e/exercises.ini",
                         "/web/index.html",
                         "/exercises.ini",
                         "/..%2fexercises.ini",
                         "/etc/passwd",
                         "/APP.JS"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        Resp r = req("GET", bad[i], NULL, NULL);
        if (r.status != 404)
            fail_msg("%s: %d", bad[i], r.status);
        assert_null(strstr(r.body, "[settings]"));
        assert_null(strstr(r.body, "[squat"));
        resp_free(&r);
    }
    Resp r = req("POST", "/", NULL, NULL);
    assert_int_equal(r.status, 405);
    resp_free(&r);
    r = req("GET", "/style.css", NULL, NULL);
    assert_true(r.status == 200 || r.status == 404);
    resp_free(&r);
}

static void test_api_needs_cookie(void **state)
{
    const char *paths[] = {
        "/api/status",  "/api/events",  "/api/history", "/api/history.csv",
        "/api/session", "/api/nothing", "/api/"};
    for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
        Resp r = req("GET", paths[i], NULL, NULL);
        if (r.status != 401)
            fail_msg("%s: %d", paths[i], r.status);
        resp_free(&r);
        // A cookie that was never given out.
        r = req("GET", paths[i],
                "Cookie: ulk_session=0123456789abcdef0123456789abcdef\r\n",
                NULL);
        assert_int_equal(r.status, 401);
        resp_free(&r);
    }
    Resp r = req("POST", "/api/action", "Content-Type: application/json\r\n",
                 "{\"action\":\"ok\"}");
    assert_int_equal(r.status, 401);
    resp_free(&r);
    assert_int_equal(F->nactions, 0);
}

static void test_pair_wrong_and_right(void **state)
{
    char bad[8];
    wrong_code(bad);
    Resp r = pair_with(bad);
    assert_int_equal(r.status, 403);
    assert_null(strstr(r.head, "Set-Cookie"));
    resp_free(&r);
    char code[8];
    code_now(code);
    r = pair_with(code);
    assert_int_equal(r.status, 200);
    char sc[300];
    assert_non_null(header(&r, "Set-Cookie", sc, sizeof(sc)));
    assert_non_null(strstr(sc, "HttpOnly"));
    assert_non_null(strstr(sc, "SameSite=Strict"));
    assert_int_equal(strncmp(sc, "ulk_session=", 12), 0);
    assert_int_equal(strcspn(sc + 12, ";"), 32); // 128 bits
    assert_non_null(strstr(r.body, "\"csrf\":\""));
    resp_free(&r);
    // The code pairs one device: it changed.
    char after[8];
    code_now(after);
    assert_string_not_equal(code, after);
    r = pair_with(code);
    assert_int_equal(r.status, 403);
    resp_free(&r);
    // Not JSON, wrong type, GET.
    r = req("POST", "/api/pair", "Content-Type: text/plain\r\n",
            "{\"code\":\"1\"}");
    assert_int_equal(r.status, 415);
    resp_free(&r);
    r = req("POST", "/api/pair", "Content-Type: application/json\r\n",
            "code=123456");
    assert_int_equal(r.status, 400);
    resp_free(&r);
    r = req("DELETE", "/api/pair", NULL, NULL);
    assert_int_equal(r.status, 405);
    resp_free(&r);
}

static void test_lock_after_five_wrong(void **state)
{
    set_clock(5000);
    char bad[8];
    for (int i = 0; i < 5; i++) {
        wrong_code(bad);
        Resp r = pair_with(bad);
        assert_int_equal(r.status, 403);
        resp_free(&r);
    }
    // Locked: even the right code gets 429, for 60 s of the kiosk's clock.
    char code[8];
    code_now(code);
    Resp r = pair_with(code);
    assert_int_equal(r.status, 429);
    resp_free(&r);
    set_clock(5000 + 59000);
    r = pair_with(code);
    assert_int_equal(r.status, 429);
    resp_free(&r);
    set_clock(5000 + 60000);
    code_now(code);
    r = pair_with(code);
    assert_int_equal(r.status, 200);
    resp_free(&r);
}

static void test_wrong_count_is_in_a_row(void **state)
{
    char bad[8];
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 4; i++) {
            wrong_code(bad);
            Resp r = pair_with(bad);
            assert_int_equal(r.status, 403);
            resp_free(&r);
        }
        pair_ok(); // a right code ends the run of wrong ones
    }
}

static void test_code_rotates(void **state)
{
    char a[8], b[8], c[8];
    set_clock(100000);
    code_now(a);
    set_clock(1000 + 9 * 60 * 1000);
    code_now(b);
    assert_string_equal(a, b);
    set_clock(1000 + 10 * 60 * 1000 + 1); // ten minutes after it was made
    code_now(c);
    assert_string_not_equal(a, c);
    assert_int_equal(strlen(c), 6);
    for (int i = 0; i < 6; i++)
        assert_true(c[i] >= '0' && c[i] <= '9');
    Resp r = pair_with(a);
    assert_int_equal(r.status, 403);
    resp_free(&r);
}

static void test_csrf(void **state)
{
    Paired p = pair_ok();
    const char *body = "{\"action\":\"ok\"}";
    Resp r = req("POST", "/api/action", auth(&p, NULL, true), body);
    assert_int_equal(r.status, 403);
    resp_free(&r);
    r = req("POST", "/api/action",
            auth(&p, "00000000000000000000000000000000", true), body);
    assert_int_equal(r.status, 403);
    resp_free(&r);
    // Another device's token does not do either.
    Paired q = pair_ok();
    r = req("POST", "/api/action", auth(&p, q.csrf, true), body);
    assert_int_equal(r.status, 403);
    resp_free(&r);
    const char *methods[] = {"PUT", "DELETE"};
    for (int i = 0; i < 2; i++) {
        r = req(methods[i], "/api/action", auth(&p, NULL, true), body);
        assert_int_equal(r.status, 403);
        resp_free(&r);
        r = req(methods[i], "/api/action", auth(&p, p.csrf, true), body);
        assert_int_equal(r.status, 405);
        resp_free(&r);
    }
    usleep(20000);
    assert_int_equal(F->nactions, 0);
    r = req("POST", "/api/action", auth(&p, p.csrf, true), body);
    assert_int_equal(r.status, 204);
    assert_int_equal(r.len, 0);
    resp_free(&r);
    for (int i = 0; i < 500 && F->nactions < 1; i++)
        usleep(2000);
    assert_int_equal(F->nactions, 1);
    assert_int_equal(F->actions[0], ACT_OK);
    // GET /api/pair gives the token back to a reloaded page, and to no
    // one else.
    r = req("GET", "/api/pair", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"paired\":true"));
    assert_non_null(strstr(r.body, p.csrf));
    resp_free(&r);
    r = req("GET", "/api/pair", NULL, NULL);
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "{\"paired\":false}");
    resp_free(&r);
}

static void test_actions(void **state)
{
    Paired p = pair_ok();
    const char *names[] = {"ok",         "back",    "left",    "right",
                           "up",         "down",    "pause",   "tempo_up",
                           "tempo_down", "end_set", "history", "settings",
                           "mute"};
    const int acts[] = {ACT_OK,         ACT_BACK,    ACT_LEFT,    ACT_RIGHT,
                        ACT_UP,         ACT_DOWN,    ACT_PAUSE,   ACT_TEMPO_UP,
                        ACT_TEMPO_DOWN, ACT_END_SET, ACT_HISTORY, ACT_SETTINGS,
                        ACT_MUTE};
    for (int i = 0; i < 13; i++) {
        char body[64];
        snprintf(body, sizeof(body), "{\"action\":\"%s\"}", names[i]);
        Resp r = req("POST", "/api/action", auth(&p, p.csrf, true), body);
        assert_int_equal(r.status, 204);
        resp_free(&r);
    }
    for (int i = 0; i < 500 && F->nactions < 13; i++)
        usleep(2000);
    assert_int_equal(F->nactions, 13);
    for (int i = 0; i < 13; i++)
        assert_int_equal(F->actions[i], acts[i]);
    // Not an action the phone may send; a body too big; wrong type.
    const char *bad[] = {"{\"action\":\"quit\"}",
                         "{\"action\":\"OK\"}",
                         "{\"action\":1}",
                         "{}",
                         "[\"ok\"]",
                         "{\"action\":"};
    for (int i = 0; i < 6; i++) {
        Resp r = req("POST", "/api/action", auth(&p, p.csrf, true), bad[i]);
        if (r.status != 400)
            fail_msg("%s: %d", bad[i], r.status);
        resp_free(&r);
    }
    char *big = malloc(WEB_BODY_MAX + 100);
    memset(big, ' ', WEB_BODY_MAX + 99);
    memcpy(big, "{\"action\":\"ok\"}", 15);
    big[WEB_BODY_MAX + 99] = '\0';
    Resp r = req("POST", "/api/action", auth(&p, p.csrf, true), big);
    assert_int_equal(r.status, 413);
    resp_free(&r);
    free(big);
    r = req("POST", "/api/action", auth(&p, p.csrf, false),
            "{\"action\":\"ok\"}");
    assert_int_equal(r.status, 415);
    resp_free(&r);
    r = req("GET", "/api/action", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 405);
    resp_free(&r);
    usleep(20000);
    assert_int_equal(F->nactions, 13);
}

static void test_status_history_csv(void **state)
{
    Paired p = pair_ok();
    Resp r = req("GET", "/api/status", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 503); // nothing published yet
    resp_free(&r);
    web_core_publish_status(&F->core, "{\"screen\":\"home\"}");
    web_core_publish_history(&F->core, "{\"weekly_streak\":{\"current\":3}}");
    r = req("GET", "/api/status", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "{\"screen\":\"home\"}");
    char v[200];
    assert_non_null(header(&r, "Content-Type", v, sizeof(v)));
    assert_string_equal(v, "application/json");
    resp_free(&r);
    r = req("GET", "/api/history", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "{\"weekly_streak\":{\"current\":3}}");
    resp_free(&r);
    F->csv_rows = 3;
    r = req("GET", "/api/history.csv", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 200);
    assert_non_null(header(&r, "Content-Type", v, sizeof(v)));
    assert_non_null(strstr(v, "text/csv"));
    assert_string_equal(r.body, "started_at,routine\n2026-11-01,ultra-legs\n"
                                "2026-11-02,ultra-legs\n"
                                "2026-11-03,ultra-legs\n");
    resp_free(&r);
}

// Read from s until text appears (5 s at most); returns what was read.
static char *read_until(int s, const char *text)
{
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    while (!strstr(buf, text) && n < sizeof(buf) - 1) {
        struct pollfd pf = {s, POLLIN, 0};
        if (poll(&pf, 1, 5000) <= 0)
            fail_msg("no '%s' in: %s", text, buf);
        ssize_t got = recv(s, buf + n, sizeof(buf) - 1 - n, 0);
        if (got <= 0)
            fail_msg("closed before '%s': %s", text, buf);
        n += (size_t)got;
        buf[n] = '\0';
    }
    return buf;
}

static void test_events(void **state)
{
    Paired p = pair_ok();
    web_core_publish_status(&F->core, "{\"screen\":\"work\",\"reps_done\":1}");
    int s = connect_port(F->port);
    char text[600];
    int n = snprintf(text, sizeof(text),
                     "GET /api/events HTTP/1.1\r\nHost: x\r\n%s\r\n",
                     auth(&p, NULL, false));
    assert_int_equal(send(s, text, (size_t)n, MSG_NOSIGNAL), n);
    char *got = read_until(s, "\"reps_done\":1}\n\n");
    assert_non_null(strstr(got, "text/event-stream"));
    assert_non_null(strstr(got, "data: {\"screen\":\"work\",\"reps_done\":1}"));
    web_core_publish_status(&F->core, "{\"screen\":\"work\",\"reps_done\":2}");
    got = read_until(s, "\"reps_done\":2}\n\n");
    assert_non_null(strstr(got, "data: {\"screen\":\"work\",\"reps_done\":2}"));
    close(s);
}

static void test_cookie_hashed_and_kept(void **state)
{
    Paired p = pair_ok();
    char path[400];
    snprintf(path, sizeof(path), "%s/web-devices", F->dir);
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    char text[4096];
    size_t n = fread(text, 1, sizeof(text) - 1, fp);
    fclose(fp);
    text[n] = '\0';
    const char *value = p.cookie + strlen("ulk_session=");
    assert_null(strstr(text, value)); // never the cookie itself
    char hash[WEB_HASH_HEX + 1];
    web_sha256_hex(value, hash);
    assert_non_null(strstr(text, hash));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 077, 0);
    // A restart: the same folder, a new server; the phone stays paired.
    stop_server(F);
    start_server(F);
    Resp r = req("GET", "/api/pair", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, p.csrf));
    resp_free(&r);
    r = req("GET", "/api/status", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 503); // paired; nothing published yet
    resp_free(&r);
    // Forgotten on the TV: refused at once.
    WebPairView v;
    web_pair_view(&F->core, &v);
    assert_int_equal(v.ndevices, 1);
    web_pair_forget(&F->core, 0);
    r = req("GET", "/api/status", auth(&p, NULL, false), NULL);
    assert_int_equal(r.status, 401);
    resp_free(&r);
}

static void test_forget_all(void **state)
{
    Paired a = pair_ok(), b = pair_ok();
    WebPairView v;
    web_pair_view(&F->core, &v);
    assert_int_equal(v.ndevices, 2);
    web_pair_forget(&F->core, -1);
    Resp r = req("GET", "/api/status", auth(&a, NULL, false), NULL);
    assert_int_equal(r.status, 401);
    resp_free(&r);
    r = req("GET", "/api/status", auth(&b, NULL, false), NULL);
    assert_int_equal(r.status, 401);
    resp_free(&r);
}

static void test_asking_banner(void **state)
{
    WebPairView v;
    web_pair_view(&F->core, &v);
    assert_false(v.asking);
    Resp r = req("GET", "/", NULL, NULL); // a phone opens the page
    resp_free(&r);
    web_pair_view(&F->core, &v);
    assert_true(v.asking);
    pair_ok();
    web_pair_view(&F->core, &v);
    assert_false(v.asking);
}

static void test_bounded_connections(void **state)
{
    // Idle connections from one address: WEB_PER_IP_MAX are served, the
    // next is closed at once.
    int s[WEB_PER_IP_MAX + 1];
    for (int i = 0; i < WEB_PER_IP_MAX; i++)
        s[i] = connect_port(F->port);
    usleep(100000);
    s[WEB_PER_IP_MAX] = connect_port(F->port);
    struct pollfd pf = {s[WEB_PER_IP_MAX], POLLIN, 0};
    assert_true(poll(&pf, 1, 5000) == 1);
    char c;
    assert_true(recv(s[WEB_PER_IP_MAX], &c, 1, 0) <= 0);
    // An idle connection is closed after the timeout (1 s here).
    pf.fd = s[0];
    assert_true(poll(&pf, 1, 10000) == 1);
    assert_true(recv(s[0], &c, 1, 0) <= 0);
    for (int i = 0; i <= WEB_PER_IP_MAX; i++)
        close(s[i]);
    usleep(1500000); // the server lets go of the others too
    Resp r = req("GET", "/", NULL, NULL);
    assert_int_equal(r.status, 200);
    resp_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_page_and_headers),
        T(test_no_cors),
        T(test_paths_exact),
        T(test_api_needs_cookie),
        T(test_pair_wrong_and_right),
        T(test_lock_after_five_wrong),
        T(test_wrong_count_is_in_a_row),
        T(test_code_rotates),
        T(test_csrf),
        T(test_actions),
        T(test_status_history_csv),
        T(test_events),
        T(test_cookie_hashed_and_kept),
        T(test_forget_all),
        T(test_asking_banner),
        T(test_bounded_connections),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
