/*
 * The log: the one place that writes to stderr. A line is
 * "<seconds since start> <level> <tag>: <message>", or, when stderr is the
 * service journal (JOURNAL_STREAM names it), "<N><tag>: <message>" with the
 * journal's priority prefix and no time (the journal stamps each line).
 *
 * A subsystem logs its own error once, where the library was called, with
 * the library's message; callers show the error, they do not log it again.
 * Safe to call from any thread: each line is written with one call.
 */
#ifndef UL_PLATFORM_LOG_H
#define UL_PLATFORM_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum LogLevel {
    LOG_ERROR = 3, // the journal's priorities
    LOG_WARN = 4,
    LOG_INFO = 6,
} LogLevel;

void log_msgv(LogLevel level, const char *tag, const char *fmt, va_list ap);
void log_msg(LogLevel level, const char *tag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define log_error(tag, ...) log_msg(LOG_ERROR, (tag), __VA_ARGS__)
#define log_warn(tag, ...) log_msg(LOG_WARN, (tag), __VA_ARGS__)
#define log_info(tag, ...) log_msg(LOG_INFO, (tag), __VA_ARGS__)

// A progress line on a terminal, rewritten in place ("\r<tag>: <message>")
// and ended when done is true; for the journal or a file, use log_info.
void log_progress(const char *tag, bool done, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

// Where lines go (stderr unless set; NULL restores stderr). For tests.
void log_set_stream(FILE *f);

#endif
