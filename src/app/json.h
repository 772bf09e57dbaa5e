/*
 * A tiny streaming JSON writer for the command-line reports. It tracks
 * nesting and commas; strings are escaped as RFC 8259 requires.
 */
#ifndef UL_APP_JSON_H
#define UL_APP_JSON_H

#include <stdbool.h>
#include <stdio.h>

#define JSON_DEPTH_MAX 16

typedef struct JsonWriter {
    FILE *f;
    int depth;
    bool first[JSON_DEPTH_MAX];
    bool after_key;
    int indent; // spaces per level, 0 for one line
} JsonWriter;

void json_init(JsonWriter *w, FILE *f, int indent);
void json_begin_object(JsonWriter *w);
void json_end_object(JsonWriter *w);
void json_begin_array(JsonWriter *w);
void json_end_array(JsonWriter *w);
void json_key(JsonWriter *w, const char *key);
void json_string(JsonWriter *w, const char *s);
void json_int(JsonWriter *w, long long v);
void json_double(JsonWriter *w, double v, int decimals);
void json_bool(JsonWriter *w, bool v);
void json_null(JsonWriter *w);

// Shorthands for "key": value.
void json_kv_string(JsonWriter *w, const char *key, const char *s);
void json_kv_int(JsonWriter *w, const char *key, long long v);
void json_kv_bool(JsonWriter *w, const char *key, bool v);

#endif
