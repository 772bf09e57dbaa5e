/*
 * Small string helpers shared by the core: bounded copies, trimming, strict
 * number parsing. None of them allocates.
 */
#ifndef UL_CORE_STRUTIL_H
#define UL_CORE_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>

// Copy src into dst (size bytes), always NUL-terminated. Returns false when
// src did not fit (dst then holds the truncated text).
bool str_copy(char *dst, size_t size, const char *src);

// Strict base-10 integer in [min, max], surrounding blanks allowed.
bool str_parse_int(const char *s, long min, long max, long *out);

// Strict decimal number ("2", "2.5", "-1") with no trailing garbage.
bool str_parse_double(const char *s, double *out);

// "yes/no/true/false/1/0/on/off", case-insensitive.
bool str_parse_bool(const char *s, bool *out);

// "m:ss", "h:mm:ss" or plain seconds ("121", "121.5") -> seconds.
bool str_parse_clock(const char *s, double *out);

// True when s is a valid id: 1-47 chars of [a-z0-9-_], starting with a letter
// or digit.
bool str_is_id(const char *s);

bool str_ieq(const char *a, const char *b);

// Typing slips between two short words: the edit distance with swaps of
// neighbours (99 for words of 40 bytes or more).
int str_slips(const char *a, const char *b);

// True when s is well-formed UTF-8 (no stray continuation bytes, overlong
// forms, surrogates or code points past U+10FFFF).
bool str_utf8_valid(const char *s);

// The number of characters (code points) in a UTF-8 string.
size_t str_utf8_len(const char *s);

#endif
