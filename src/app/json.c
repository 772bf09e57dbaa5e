/*
 * JSON output through cJSON: valid UTF-8 strings, fixed-decimal and wide
 * integer numbers, and writing the printed text.
 */
#include "app/json.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "platform/log.h"

// The length of the well-formed UTF-8 sequence at p (Unicode table 3-7), or
// 0 with *bad set to the length of its ill-formed part: the longest prefix
// that could have begun a sequence, at least one byte. Never reads past a
// NUL, which no continuation byte matches.
static int utf8_sequence(const unsigned char *p, int *bad)
{
    unsigned c = p[0];
    unsigned lo = 0x80, hi = 0xBF;
    int n;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80; // no overlong forms
        hi = c == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
    } else {
        *bad = 1; // a stray continuation byte, C0, C1 or F5-FF
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if (p[i] < lo || p[i] > hi) {
            *bad = i;
            return 0;
        }
        lo = 0x80, hi = 0xBF;
    }
    return n;
}

// A copy of s in which each ill-formed part is U+FFFD (the practice the
// Unicode standard recommends, so a cut character costs one mark, not
// three), or NULL when s is already valid (nothing to copy) or memory runs
// out (*failed).
static char *utf8_repair(const char *s, bool *failed)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = strlen(s);
    int bad = 0;
    size_t i = 0;
    while (i < len) {
        int n = utf8_sequence(p + i, &bad);
        if (!n)
            break;
        i += (size_t)n;
    }
    *failed = false;
    if (i == len)
        return NULL;
    // Each replaced byte grows to at most three.
    char *out = malloc(len * 3 + 1);
    if (!out) {
        *failed = true;
        return NULL;
    }
    memcpy(out, s, i);
    size_t o = i;
    while (i < len) {
        int n = utf8_sequence(p + i, &bad);
        if (n) {
            memcpy(out + o, p + i, (size_t)n);
            o += (size_t)n;
            i += (size_t)n;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += (size_t)bad;
        }
    }
    out[o] = '\0';
    return out;
}

cJSON *json_string(const char *s)
{
    if (!s)
        s = "";
    bool failed;
    char *fixed = utf8_repair(s, &failed);
    if (failed)
        return NULL;
    cJSON *item = cJSON_CreateString(fixed ? fixed : s);
    free(fixed);
    return item;
}

cJSON *json_fixed(double v, int decimals)
{
    if (!isfinite(v))
        return cJSON_CreateNull();
    if (decimals < 0)
        decimals = 0;
    if (decimals > 17)
        decimals = 17;
    // Room for DBL_MAX's 309 digits, a sign, a point and the decimals.
    char buf[340];
    snprintf(buf, sizeof(buf), "%.*f", decimals, v);
    return cJSON_CreateRaw(buf);
}

cJSON *json_int(long long v)
{
    // cJSON prints a double; one that is a whole int comes out as "%d",
    // wider ones could come out as 1e+15 or rounded, so they go raw.
    if (v >= INT_MIN && v <= INT_MAX)
        return cJSON_CreateNumber((double)v);
    char buf[32];
    snprintf(buf, sizeof(buf), "%lld", v);
    return cJSON_CreateRaw(buf);
}

cJSON *json_add(cJSON *obj, const char *key, cJSON *item)
{
    if (!obj || !item || !cJSON_AddItemToObject(obj, key, item)) {
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

cJSON *json_add_string(cJSON *obj, const char *key, const char *s)
{
    return obj ? json_add(obj, key, json_string(s)) : NULL;
}

cJSON *json_add_string_or_null(cJSON *obj, const char *key, const char *s)
{
    if (!obj)
        return NULL;
    return json_add(obj, key, s ? json_string(s) : cJSON_CreateNull());
}

cJSON *json_add_fixed(cJSON *obj, const char *key, double v, int decimals)
{
    return obj ? json_add(obj, key, json_fixed(v, decimals)) : NULL;
}

cJSON *json_add_int(cJSON *obj, const char *key, long long v)
{
    return obj ? json_add(obj, key, json_int(v)) : NULL;
}

cJSON *json_push(cJSON *arr, cJSON *item)
{
    if (!arr || !item || !cJSON_AddItemToArray(arr, item)) {
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

cJSON *json_push_object(cJSON *arr)
{
    return arr ? json_push(arr, cJSON_CreateObject()) : NULL;
}

bool json_write(FILE *f, const cJSON *root, bool pretty)
{
    if (!root) {
        log_error("json", "out of memory: nothing written");
        return false;
    }
    char *text = pretty ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    if (!text) {
        log_error("json", "out of memory: nothing written");
        return false;
    }
    bool ok = fputs(text, f) != EOF && fputc('\n', f) != EOF && fflush(f) == 0;
    if (!ok)
        log_error("json", "cannot write: %s", strerror(errno));
    cJSON_free(text);
    return ok;
}
