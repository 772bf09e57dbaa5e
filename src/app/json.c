/*
 * Streaming JSON writer.
 */
#include "app/json.h"

#include <math.h>

void json_init(JsonWriter *w, FILE *f, int indent)
{
    w->f = f;
    w->depth = 0;
    w->first[0] = true;
    w->after_key = false;
    w->indent = indent;
}

static void newline(JsonWriter *w)
{
    if (!w->indent)
        return;
    fputc('\n', w->f);
    for (int i = 0; i < w->depth * w->indent; i++)
        fputc(' ', w->f);
}

static void before_value(JsonWriter *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0) {
        if (!w->first[w->depth])
            fputc(',', w->f);
        newline(w);
    }
    w->first[w->depth] = false;
}

static void open_(JsonWriter *w, char c)
{
    before_value(w);
    fputc(c, w->f);
    if (w->depth + 1 < JSON_DEPTH_MAX)
        w->depth++;
    w->first[w->depth] = true;
}

static void close_(JsonWriter *w, char c)
{
    bool empty = w->first[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!empty)
        newline(w);
    fputc(c, w->f);
    if (w->depth == 0)
        fputc('\n', w->f);
}

void json_begin_object(JsonWriter *w) { open_(w, '{'); }
void json_end_object(JsonWriter *w) { close_(w, '}'); }
void json_begin_array(JsonWriter *w) { open_(w, '['); }
void json_end_array(JsonWriter *w) { close_(w, ']'); }

static void write_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void json_key(JsonWriter *w, const char *key)
{
    before_value(w);
    write_string(w->f, key);
    fputs(w->indent ? ": " : ":", w->f);
    w->after_key = true;
}

void json_string(JsonWriter *w, const char *s)
{
    before_value(w);
    write_string(w->f, s);
}

void json_int(JsonWriter *w, long long v)
{
    before_value(w);
    fprintf(w->f, "%lld", v);
}

void json_double(JsonWriter *w, double v, int decimals)
{
    before_value(w);
    if (!isfinite(v))
        fputs("null", w->f);
    else
        fprintf(w->f, "%.*f", decimals, v);
}

void json_bool(JsonWriter *w, bool v)
{
    before_value(w);
    fputs(v ? "true" : "false", w->f);
}

void json_null(JsonWriter *w)
{
    before_value(w);
    fputs("null", w->f);
}

void json_kv_string(JsonWriter *w, const char *key, const char *s)
{
    json_key(w, key);
    json_string(w, s);
}

void json_kv_int(JsonWriter *w, const char *key, long long v)
{
    json_key(w, key);
    json_int(w, v);
}

void json_kv_bool(JsonWriter *w, const char *key, bool v)
{
    json_key(w, key);
    json_bool(w, v);
}
