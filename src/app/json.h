/*
 * JSON output. Everything the kiosk writes as JSON is a cJSON tree printed
 * by cJSON; this module adds the little cJSON leaves to its caller:
 *
 * - strings that are always valid UTF-8 (cJSON copies bytes as they are, so
 *   a Latin-1 file name would make the whole text unreadable to a strict
 *   parser): each ill-formed part becomes U+FFFD;
 * - numbers with a fixed count of decimals ("cadence_s": 1.20), as the
 *   reports have always printed them, and integers of any size;
 * - the printed text written to a FILE, with the error said once.
 *
 * Every add/push function accepts a NULL container and returns NULL when it
 * or an allocation fails; the item is then freed, nothing leaks, and the
 * caller may go on building (json_write reports the trouble it can see).
 */
#ifndef UL_APP_JSON_H
#define UL_APP_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

// A new string item holding s (NULL: ""), made valid UTF-8.
cJSON *json_string(const char *s);

// A number printed as printf's "%.*f" with `decimals` decimals; NaN and the
// infinities, which JSON cannot say, are null.
cJSON *json_fixed(double v, int decimals);

// An integer, exact over the whole range of long long.
cJSON *json_int(long long v);

// The item under key in obj; on failure the item is freed. Returns the item.
cJSON *json_add(cJSON *obj, const char *key, cJSON *item);
cJSON *json_add_string(cJSON *obj, const char *key, const char *s);
// s, or null when s is NULL.
cJSON *json_add_string_or_null(cJSON *obj, const char *key, const char *s);
cJSON *json_add_fixed(cJSON *obj, const char *key, double v, int decimals);
cJSON *json_add_int(cJSON *obj, const char *key, long long v);

// The item appended to arr; on failure the item is freed. Returns the item.
cJSON *json_push(cJSON *arr, cJSON *item);
// A new empty object appended to arr.
cJSON *json_push_object(cJSON *arr);

// Print root and write it to f with a final newline: indented (pretty) or
// on one line. False, with the reason logged, when the tree is NULL, memory
// runs out or f cannot be written.
bool json_write(FILE *f, const cJSON *root, bool pretty);

#endif
