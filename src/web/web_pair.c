/*
 * Pairing: the 6-digit code shown on the TV, the lock after wrong codes,
 * and the paired devices. A device is known by the SHA-256 of its cookie;
 * the cookie itself is only ever in the device's browser, so reading the
 * state folder does not let anyone in. Times are the app clock (the
 * virtual clock in tests), except paired_utc, which is only shown.
 */
#include "web/web_core.h"

#include <fcntl.h>
#include <nettle/memops.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "platform/log.h"

void web_sha256_hex(const char *s, char *out)
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, strlen(s), (const uint8_t *)s);
    sha256_digest(&ctx, sizeof(d), d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

// 128 random bits as hex. False when the system gives none.
static bool new_token(char *out)
{
    unsigned char b[WEB_TOKEN_HEX / 2];
    if (!web_random(b, sizeof(b)))
        return false;
    for (size_t i = 0; i < sizeof(b); i++)
        snprintf(out + 2 * i, 3, "%02x", b[i]);
    return true;
}

// A new code, uniform over 000000-999999 (values above the last whole
// million of 2^32 are drawn again, so no code is likelier than another).
static void new_code(WebCore *c)
{
    uint32_t r;
    do {
        if (!web_random(&r, sizeof(r)))
            r = UINT32_MAX; // checked at init; try again
    } while (r >= 4294000000u);
    snprintf(c->code, sizeof(c->code), "%06u", (unsigned)(r % 1000000u));
    c->code_since = c->now_ms;
    c->code_fresh = true;
}

void web_pair_tick_locked(WebCore *c)
{
    if (!c->code[0] || c->now_ms - c->code_since >= WEB_CODE_MS)
        new_code(c);
    if (c->locked_until && c->now_ms >= c->locked_until) {
        c->locked_until = 0;
        c->wrong = 0;
    }
}

void web_pair_asking_locked(WebCore *c)
{
    c->asking_until = c->now_ms + WEB_ASKING_MS;
}

// "Android phone", "iPhone", "Mac", ...: enough for the TV's list.
static const char *device_name(const char *ua)
{
    static const struct {
        const char *needle, *name;
    } known[] = {
        {"iPhone", "iPhone"},   {"iPad", "iPad"},       {"Android", "Android"},
        {"CrOS", "Chromebook"}, {"Windows", "Windows"}, {"Macintosh", "Mac"},
        {"Linux", "Linux"},
    };
    if (ua)
        for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
            if (strstr(ua, known[i].needle))
                return known[i].name;
    return "Browser";
}

WebPairResult web_pair_try_locked(WebCore *c, const char *code,
                                  const char *user_agent, char *cookie,
                                  char *csrf)
{
    web_pair_tick_locked(c);
    web_pair_asking_locked(c);
    if (c->locked_until)
        return WEB_PAIR_LOCKED;
    bool right = code && strlen(code) == WEB_CODE_LEN &&
                 memeql_sec(code, c->code, WEB_CODE_LEN);
    if (!right) {
        // The fifth wrong code in a row locks pairing; the code the guesses
        // were aimed at is dropped too.
        if (++c->wrong >= WEB_WRONG_MAX) {
            c->locked_until = c->now_ms + WEB_LOCK_MS;
            new_code(c);
        }
        return WEB_PAIR_WRONG;
    }
    if (c->ndevices == WEB_DEVICES_MAX)
        return WEB_PAIR_FULL;
    WebDevice *d = &c->devices[c->ndevices];
    memset(d, 0, sizeof(*d));
    if (!new_token(cookie) || !new_token(d->csrf))
        return WEB_PAIR_FULL;
    web_sha256_hex(cookie, d->hash);
    snprintf(d->name, sizeof(d->name), "%s", device_name(user_agent));
    d->paired_utc = (int64_t)time(NULL);
    c->ndevices++;
    c->devices_ver++;
    memcpy(csrf, d->csrf, WEB_TOKEN_HEX + 1);
    c->wrong = 0;
    c->asking_until = 0;
    new_code(c); // a code pairs one device
    return WEB_PAIR_OK;
}

int web_pair_find_locked(const WebCore *c, const char *cookie)
{
    if (!cookie || strlen(cookie) != WEB_TOKEN_HEX)
        return -1;
    char h[WEB_HASH_HEX + 1];
    web_sha256_hex(cookie, h);
    int found = -1;
    for (int i = 0; i < c->ndevices; i++)
        if (memeql_sec(h, c->devices[i].hash, WEB_HASH_HEX))
            found = i;
    return found;
}

void web_pair_view(WebCore *c, WebPairView *v)
{
    pthread_mutex_lock(&c->mu);
    memcpy(v->code, c->code, sizeof(v->code));
    v->code_fresh = c->code_fresh;
    c->code_fresh = false;
    v->asking = c->asking_until > c->now_ms;
    v->locked = c->locked_until != 0;
    v->ndevices = c->ndevices;
    memcpy(v->devices, c->devices, sizeof(v->devices));
    pthread_mutex_unlock(&c->mu);
}

void web_pair_forget(WebCore *c, int i)
{
    pthread_mutex_lock(&c->mu);
    if (i < 0) {
        c->ndevices = 0;
    } else if (i < c->ndevices) {
        memmove(&c->devices[i], &c->devices[i + 1],
                (size_t)(c->ndevices - i - 1) * sizeof(c->devices[0]));
        c->ndevices--;
    }
    c->devices_ver++;
    pthread_mutex_unlock(&c->mu);
    web_pair_save(c);
}

static void devices_path(const WebCore *c, char *buf, size_t size)
{
    snprintf(buf, size, "%s/web-devices", c->state_dir);
}

static bool all_hex(const char *s, size_t n)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789abcdef", s[i]))
            return false;
    return true;
}

void web_pair_load(WebCore *c)
{
    char path[WEB_PATH_MAX + 32];
    devices_path(c, path, sizeof(path));
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[256];
    int n = 0;
    while (fgets(line, sizeof(line), f) && c->ndevices < WEB_DEVICES_MAX) {
        n++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        WebDevice d = {0};
        char hash[80], csrf[80];
        long long utc;
        int used = 0;
        if (sscanf(line, "%79s %79s %lld %n", hash, csrf, &utc, &used) < 3 ||
            !all_hex(hash, WEB_HASH_HEX) || !all_hex(csrf, WEB_TOKEN_HEX)) {
            log_warn("web", "%s:%d: not a paired device (line skipped)", path,
                     n);
            continue;
        }
        memcpy(d.hash, hash, sizeof(d.hash));
        memcpy(d.csrf, csrf, sizeof(d.csrf));
        d.paired_utc = utc;
        snprintf(d.name, sizeof(d.name), "%s", line + used);
        d.name[strcspn(d.name, "\r\n")] = '\0';
        c->devices[c->ndevices++] = d;
    }
    fclose(f);
}

// Write the list to the file (tmp + rename).
static bool save_list(const WebCore *c, const WebDevice *dev, int n)
{
    char path[WEB_PATH_MAX + 32], tmp[WEB_PATH_MAX + 48];
    devices_path(c, path, sizeof(path));
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    // Readable by the kiosk's user alone: the CSRF tokens are in it.
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        if (fd >= 0)
            close(fd);
        log_error("web", "cannot save the paired devices to %s", path);
        return false;
    }
    fprintf(f, "# Ultra Legs Kiosk: devices paired with the companion page\n"
               "# (SHA-256 of each cookie, its CSRF token, when, what)\n");
    for (int i = 0; i < n; i++)
        fprintf(f, "%s %s %lld %s\n", dev[i].hash, dev[i].csrf,
                (long long)dev[i].paired_utc, dev[i].name);
    bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        log_error("web", "cannot save the paired devices to %s", path);
        return false;
    }
    return true;
}

bool web_pair_save(WebCore *c)
{
    WebDevice copy[WEB_DEVICES_MAX];
    pthread_mutex_lock(&c->file_mu);
    pthread_mutex_lock(&c->mu);
    int n = c->ndevices;
    memcpy(copy, c->devices, (size_t)n * sizeof(copy[0]));
    pthread_mutex_unlock(&c->mu);
    bool ok = save_list(c, copy, n);
    pthread_mutex_unlock(&c->file_mu);
    return ok;
}
