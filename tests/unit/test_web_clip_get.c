/*
 * Playing a clip from the companion page, over real HTTP: GET
 * /api/clips/NAME serves the file itself for the browser's video player,
 * with byte ranges (206 and Content-Range, an open range, a suffix range,
 * 416 for one past the end, a malformed Range ignored), the video type by
 * container, the same cookie rule as every call (no token for a GET) and
 * the same name rules (400, 404), never a file outside the videos folder.
 */
#include "web_setup_testutil.h"

#include <fcntl.h>

// Where needle (n bytes) is in hay (len bytes), or NULL.
static const char *find_bytes(const char *hay, size_t len, const char *needle,
                              size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(hay + i, needle, n) == 0)
            return hay + i;
    return NULL;
}

typedef struct Got {
    int status;
    char head[4096];
    char *body; // malloc'd, body_len bytes
    size_t body_len;
} Got;

// GET (or HEAD) path with the session's cookie when cookie, and a Range
// header when range; the body as bytes.
static Got get(const char *method, const char *path, bool cookie,
               const char *range)
{
    int s = connect_port();
    char head[1200];
    int n = snprintf(head, sizeof(head),
                     "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
                     "close\r\n%s%s%s%s%s%s\r\n",
                     method, path, cookie ? "Cookie: " : "",
                     cookie ? F->cookie : "", cookie ? "\r\n" : "",
                     range ? "Range: " : "", range ? range : "",
                     range ? "\r\n" : "");
    send_all(s, head, (size_t)n);
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (len + 65536 > cap)
            buf = realloc(buf, cap *= 2);
        ssize_t k = recv(s, buf + len, 65536, 0);
        if (k <= 0)
            break;
        len += (size_t)k;
    }
    close(s);
    Got g = {0};
    const char *sep = find_bytes(buf, len, "\r\n\r\n", 4);
    assert_non_null(sep);
    snprintf(g.head, sizeof(g.head), "%.*s", (int)(sep - buf), buf);
    assert_int_equal(sscanf(g.head, "HTTP/1.1 %d", &g.status), 1);
    g.body_len = len - (size_t)(sep + 4 - buf);
    g.body = malloc(g.body_len + 1);
    memcpy(g.body, sep + 4, g.body_len);
    g.body[g.body_len] = '\0';
    free(buf);
    return g;
}

// The value of header name in g ("" when absent).
static const char *header(const Got *g, const char *name)
{
    static char out[200];
    out[0] = '\0';
    char want[80];
    snprintf(want, sizeof(want), "\r\n%s: ", name);
    const char *p = strstr(g->head, want);
    if (p) {
        p += strlen(want);
        snprintf(out, sizeof(out), "%.*s", (int)strcspn(p, "\r\n"), p);
    }
    return out;
}

#define CLIP_BYTES 200000

// A clip of CLIP_BYTES bytes whose every byte says where it is.
static char *make_clip(const char *name)
{
    paths_mkdirs(F->videos);
    char path[400];
    snprintf(path, sizeof(path), "%s/%s", F->videos, name);
    char *bytes = malloc(CLIP_BYTES);
    for (size_t i = 0; i < CLIP_BYTES; i++)
        bytes[i] = (char)(i * 7 + i / 251);
    FILE *o = fopen(path, "wb");
    assert_non_null(o);
    assert_int_equal(fwrite(bytes, 1, CLIP_BYTES, o), CLIP_BYTES);
    fclose(o);
    return bytes;
}

static void test_whole_file(void **state)
{
    pair();
    char *bytes = make_clip("run.mp4");
    Got g = get("GET", "/api/clips/run.mp4", true, NULL);
    assert_int_equal(g.status, 200);
    assert_string_equal(header(&g, "Content-Type"), "video/mp4");
    assert_string_equal(header(&g, "Accept-Ranges"), "bytes");
    assert_string_equal(header(&g, "Content-Length"), "200000");
    assert_string_equal(header(&g, "Content-Range"), "");
    assert_int_equal(g.body_len, CLIP_BYTES);
    assert_memory_equal(g.body, bytes, CLIP_BYTES);
    free(g.body);
    // HEAD: the same headers, no body.
    g = get("HEAD", "/api/clips/run.mp4", true, NULL);
    assert_int_equal(g.status, 200);
    assert_string_equal(header(&g, "Content-Length"), "200000");
    assert_string_equal(header(&g, "Accept-Ranges"), "bytes");
    assert_int_equal(g.body_len, 0);
    free(g.body);
    free(bytes);
    assert_string_equal(listing(F->videos), "run.mp4 "); // nothing added
}

static void expect_range(const char *bytes, const char *range, size_t from,
                         size_t to)
{
    Got g = get("GET", "/api/clips/run.mp4", true, range);
    if (g.status != 206)
        fail_msg("Range: %s -> %d %s", range, g.status, g.head);
    char want[80];
    snprintf(want, sizeof(want), "bytes %zu-%zu/%d", from, to, CLIP_BYTES);
    assert_string_equal(header(&g, "Content-Range"), want);
    snprintf(want, sizeof(want), "%zu", to - from + 1);
    assert_string_equal(header(&g, "Content-Length"), want);
    assert_string_equal(header(&g, "Content-Type"), "video/mp4");
    assert_string_equal(header(&g, "Accept-Ranges"), "bytes");
    assert_int_equal(g.body_len, to - from + 1);
    assert_memory_equal(g.body, bytes + from, to - from + 1);
    free(g.body);
}

static void test_ranges(void **state)
{
    pair();
    char *bytes = make_clip("run.mp4");
    expect_range(bytes, "bytes=100-199", 100, 199);
    expect_range(bytes, "bytes=0-0", 0, 0);
    // An end past the file is cut to the file.
    expect_range(bytes, "bytes=199990-300000", 199990, CLIP_BYTES - 1);
    // An open range: from there to the end (a player seeking).
    expect_range(bytes, "bytes=150000-", 150000, CLIP_BYTES - 1);
    expect_range(bytes, "bytes=0-", 0, CLIP_BYTES - 1);
    // A suffix range: the last bytes (where an MP4 may keep its index).
    expect_range(bytes, "bytes=-500", CLIP_BYTES - 500, CLIP_BYTES - 1);
    expect_range(bytes, "bytes=-999999", 0, CLIP_BYTES - 1);
    expect_range(bytes, "bytes = 10 - 19", 10, 19);
    free(bytes);
}

static void test_bad_ranges(void **state)
{
    pair();
    char *bytes = make_clip("run.mp4");
    // Nothing of the file in the range: 416 and the file's size.
    const char *unsatisfiable[] = {"bytes=200000-", "bytes=200000-200010",
                                   "bytes=999999999999-", "bytes=-0"};
    for (size_t i = 0; i < sizeof(unsatisfiable) / sizeof(unsatisfiable[0]);
         i++) {
        Got g = get("GET", "/api/clips/run.mp4", true, unsatisfiable[i]);
        if (g.status != 416)
            fail_msg("Range: %s -> %d", unsatisfiable[i], g.status);
        assert_string_equal(header(&g, "Content-Range"), "bytes */200000");
        free(g.body);
    }
    // A Range that does not parse (or asks for several parts) is ignored,
    // as HTTP says: the whole file.
    const char *ignored[] = {
        "bytes=abc", "items=0-10", "bytes=20-10", "bytes=0-1,5-6",
        "bytes=",    "bytes=-",    "bytes=1-2x",  "bytes=99999999999999999999-",
        "bytes=--5", "bytes=+5-6"};
    for (size_t i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++) {
        Got g = get("GET", "/api/clips/run.mp4", true, ignored[i]);
        if (g.status != 200)
            fail_msg("Range: %s -> %d", ignored[i], g.status);
        assert_int_equal(g.body_len, CLIP_BYTES);
        assert_memory_equal(g.body, bytes, CLIP_BYTES);
        free(g.body);
    }
    free(bytes);
}

static void test_needs_cookie_not_token(void **state)
{
    pair();
    char *bytes = make_clip("run.mp4");
    Got g = get("GET", "/api/clips/run.mp4", false, NULL);
    assert_int_equal(g.status, 401);
    assert_null(find_bytes(g.body, g.body_len, bytes, 64));
    free(g.body);
    g = get("GET", "/api/clips/run.mp4", false, "bytes=0-9");
    assert_int_equal(g.status, 401);
    free(g.body);
    // No X-CSRF-Token was sent by get(): a GET needs none.
    g = get("GET", "/api/clips/run.mp4", true, "bytes=0-9");
    assert_int_equal(g.status, 206);
    free(g.body);
    free(bytes);
}

static void test_bad_names_and_missing(void **state)
{
    pair();
    free(make_clip("run.mp4"));
    // Files a bad name would reach: beside the folder, and a link in it.
    char victim[400], link_path[400];
    snprintf(victim, sizeof(victim), "%s/victim.mp4", F->dir);
    FILE *o = fopen(victim, "w");
    fputs("secret", o);
    fclose(o);
    snprintf(link_path, sizeof(link_path), "%s/link.mp4", F->videos);
    assert_int_equal(symlink(victim, link_path), 0);
    char sub[400];
    snprintf(sub, sizeof(sub), "%s/folder.mp4", F->videos);
    assert_int_equal(mkdir(sub, 0700), 0);
    const char *bad[] = {
        "/api/clips/..%2Fvictim.mp4",
        "/api/clips/../victim.mp4",
        "/api/clips/a%2Fb.mp4",
        "/api/clips/.hidden.mp4",
        "/api/clips/..",
        "/api/clips/a%20b.mp4",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        Got g = get("GET", bad[i], true, NULL);
        if (g.status != 400)
            fail_msg("GET %s: %d", bad[i], g.status);
        assert_non_null(strstr(g.body, "clip name"));
        free(g.body);
    }
    const char *missing[] = {"/api/clips/nope.mp4", "/api/clips/link.mp4",
                             "/api/clips/folder.mp4"};
    for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
        Got g = get("GET", missing[i], true, "bytes=0-3");
        if (g.status != 404)
            fail_msg("GET %s: %d", missing[i], g.status);
        assert_non_null(strstr(g.body, "no such clip"));
        assert_null(strstr(g.body, "secret"));
        free(g.body);
    }
    // Other methods on a clip: GET, PUT and DELETE only.
    Resp r = send_req("POST", "/api/clips/run.mp4", true, true, NULL, 0, false);
    assert_int_equal(r.status, 405);
    const char *allow = strstr(r.head, "Allow: ");
    assert_non_null(allow);
    assert_int_equal(strncmp(allow, "Allow: GET, PUT, DELETE\r", 24), 0);
    size_t len;
    char *kept = read_file(victim, &len);
    assert_string_equal(kept, "secret");
    free(kept);
}

static void test_types(void **state)
{
    pair();
    const struct {
        const char *name, *type;
    } kinds[] = {
        {"a.mp4", "video/mp4"},
        {"b.M4V", "video/mp4"},
        {"c.mov", "video/quicktime"},
        {"d.webm", "video/webm"},
        {"e.mkv", "video/x-matroska"},
        {"f.avi", "application/octet-stream"},
        {"noext", "application/octet-stream"},
    };
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        free(make_clip(kinds[i].name));
        char path[200];
        snprintf(path, sizeof(path), "/api/clips/%s", kinds[i].name);
        Got g = get("GET", path, true, "bytes=0-1");
        assert_int_equal(g.status, 206);
        assert_string_equal(header(&g, "Content-Type"), kinds[i].type);
        free(g.body);
    }
}

// A clip larger than 4 GB (a sparse file): served from where it is asked,
// never read whole (this process and the server share an address space
// under a sanitizer that would not let 5 GB be allocated).
static void test_large_file_streams(void **state)
{
    pair();
    paths_mkdirs(F->videos);
    char path[400];
    snprintf(path, sizeof(path), "%s/long.mkv", F->videos);
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    assert_true(fd >= 0);
    const off_t size = (off_t)5 << 30;
    if (ftruncate(fd, size) != 0) {
        close(fd);
        fail_msg("cannot make a 5 GB sparse file in %s", F->dir);
    }
    assert_int_equal(pwrite(fd, "THE END!", 8, size - 8), 8);
    close(fd);
    Got g = get("HEAD", "/api/clips/long.mkv", true, NULL);
    assert_int_equal(g.status, 200);
    assert_string_equal(header(&g, "Content-Length"), "5368709120");
    free(g.body);
    g = get("GET", "/api/clips/long.mkv", true, "bytes=-8");
    assert_int_equal(g.status, 206);
    assert_string_equal(header(&g, "Content-Range"),
                        "bytes 5368709112-5368709119/5368709120");
    assert_int_equal(g.body_len, 8);
    assert_memory_equal(g.body, "THE END!", 8);
    free(g.body);
    g = get("GET", "/api/clips/long.mkv", true, "bytes=5368709116-");
    assert_int_equal(g.status, 206);
    assert_memory_equal(g.body, "END!", 4);
    free(g.body);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(test_whole_file),
        T(test_ranges),
        T(test_bad_ranges),
        T(test_needs_cookie_not_token),
        T(test_bad_names_and_missing),
        T(test_types),
        T(test_large_file_streams),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
