/*
 * Changing keys of one INI section in place (see ini_set.h).
 */
#include "core/ini_set.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Buf {
    char *p;
    size_t len, cap;
    bool oom;
} Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(Buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

// "[name]" on this line: its name into out; false when not a header.
static bool header_of(const char *p, const char *end, char *out, size_t size)
{
    p = skip_ws(p, end);
    if (p == end || *p != '[')
        return false;
    const char *close = memchr(p, ']', (size_t)(end - p));
    if (!close)
        return false;
    const char *a = skip_ws(p + 1, close);
    const char *z = close;
    while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
        z--;
    snprintf(out, size, "%.*s", (int)(z - a), a);
    return true;
}

// The key of a "key = value" line (into out), or false (comment, blank).
static bool key_of(const char *p, const char *end, char *out, size_t size)
{
    p = skip_ws(p, end);
    if (p == end || *p == ';' || *p == '#' || *p == '[')
        return false;
    const char *eq = memchr(p, '=', (size_t)(end - p));
    const char *colon = memchr(p, ':', (size_t)(end - p));
    if (!eq || (colon && colon < eq))
        eq = colon;
    if (!eq)
        return false;
    const char *z = eq;
    while (z > p && (z[-1] == ' ' || z[-1] == '\t'))
        z--;
    snprintf(out, size, "%.*s", (int)(z - p), p);
    return true;
}

static void put_set(Buf *b, const IniSet *s, const char *eol)
{
    puts_(b, s->key);
    puts_(b, " = ");
    puts_(b, s->value);
    puts_(b, eol);
}

// The keys not yet written go at b's position at (after the section's last
// key line), before what follows it there.
static void insert_missing(Buf *b, size_t at, const IniSet *sets, int nsets,
                           const bool *done, const char *eol)
{
    Buf tail = {0};
    put(&tail, b->p + at, b->len - at);
    b->len = at;
    for (int i = 0; i < nsets; i++)
        if (!done[i] && sets[i].value)
            put_set(b, &sets[i], eol);
    put(b, tail.p ? tail.p : "", tail.len);
    b->oom = b->oom || tail.oom;
    free(tail.p);
}

char *ini_set_keys(const char *text, size_t len, const char *section,
                   const IniSet *sets, int nsets)
{
    Buf b = {0};
    put(&b, "", 0);
    bool done[32] = {false};
    if (nsets > 32)
        nsets = 32;
    // New lines end as the file's first line does (Windows editors: CRLF).
    const char *first = memchr(text, '\n', len);
    const char *eol =
        first && first > text && first[-1] == '\r' ? "\r\n" : "\n";
    bool in = false, found = false;
    size_t at = 0; // after the section's last key line, in b
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl + 1 : end;
        const char *ce = nl ? nl : end;
        if (ce > p && ce[-1] == '\r')
            ce--;
        char name[128];
        bool header = header_of(p, ce, name, sizeof(name));
        if (header && in) {
            insert_missing(&b, at, sets, nsets, done, eol);
            in = false;
        }
        int k = -1;
        if (!header && in && key_of(p, ce, name, sizeof(name)))
            for (int i = 0; i < nsets; i++)
                if (strcmp(name, sets[i].key) == 0)
                    k = i;
        if (k >= 0) {
            if (!done[k] && sets[k].value)
                put_set(&b, &sets[k], eol);
            done[k] = true;
        } else {
            put(&b, p, (size_t)(le - p));
            if (!nl && (header || in))
                puts_(&b, eol);
        }
        if (header && !found && strcmp(name, section) == 0)
            in = found = true;
        if (in && (header || k >= 0 || key_of(p, ce, name, sizeof(name))))
            at = b.len;
        p = le;
    }
    if (in)
        insert_missing(&b, at, sets, nsets, done, eol);
    if (!found) {
        if (b.len && b.p[b.len - 1] != '\n')
            puts_(&b, eol);
        if (b.len)
            puts_(&b, eol);
        puts_(&b, "[");
        puts_(&b, section);
        puts_(&b, "]");
        puts_(&b, eol);
        for (int i = 0; i < nsets; i++)
            if (sets[i].value)
                put_set(&b, &sets[i], eol);
    }
    if (b.oom) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

int ini_key_line(const char *text, const char *section, const char *key)
{
    bool in = false;
    int line = 0;
    const char *end = text + strlen(text);
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *ce = nl ? nl : end;
        line++;
        char name[128];
        if (header_of(p, ce, name, sizeof(name)))
            in = strcmp(name, section) == 0;
        else if (in && key_of(p, ce, name, sizeof(name)) &&
                 strcmp(name, key) == 0)
            return line;
        p = nl ? nl + 1 : end;
    }
    return 0;
}
