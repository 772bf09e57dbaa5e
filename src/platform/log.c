/*
 * The log (see log.h): format a whole line, then write it with one call so
 * lines from the decoder, speech and web threads never interleave.
 */
#include "platform/log.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static FILE *_Atomic log_stream;
static atomic_llong log_t0_ns; // first line's monotonic time (0: not yet)

static long long mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static bool to_journal(void)
{
    // The service manager sets JOURNAL_STREAM to stderr's device:inode when
    // stderr is the journal; a redirected stderr keeps the plain form.
    return getenv("JOURNAL_STREAM") != NULL;
}

static const char *level_word(LogLevel level)
{
    switch (level) {
    case LOG_ERROR: return "error";
    case LOG_WARN: return "warn ";
    case LOG_INFO: return "info ";
    }
    return "?    ";
}

void log_set_stream(FILE *f)
{
    log_stream = f;
}

void log_msgv(LogLevel level, const char *tag, const char *fmt, va_list ap)
{
    char line[1200];
    int n;
    if (to_journal()) {
        n = snprintf(line, sizeof(line), "<%d>%s: ", (int)level, tag);
    } else {
        long long now = mono_ns(), zero = 0;
        atomic_compare_exchange_strong(&log_t0_ns, &zero, now);
        double s = (double)(now - atomic_load(&log_t0_ns)) / 1e9;
        n = snprintf(line, sizeof(line), "%8.3f %s %s: ", s, level_word(level),
                     tag);
    }
    if (n < 0 || (size_t)n >= sizeof(line))
        n = 0;
    int m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
    size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
    if (len > sizeof(line) - 2)
        len = sizeof(line) - 2; // cut, but still one whole line
    // A message never spans lines: the journal would split it.
    for (size_t i = (size_t)n; i < len; i++)
        if (line[i] == '\n' || line[i] == '\r')
            line[i] = ' ';
    line[len++] = '\n';
    FILE *f = log_stream ? log_stream : stderr;
    fwrite(line, 1, len, f);
    fflush(f);
}

void log_progress(const char *tag, bool done, const char *fmt, ...)
{
    char line[600];
    int n = snprintf(line, sizeof(line), "\r%s: ", tag);
    if (n < 0 || (size_t)n >= sizeof(line))
        n = 0;
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
    va_end(ap);
    size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
    if (len > sizeof(line) - 2)
        len = sizeof(line) - 2;
    if (done)
        line[len++] = '\n';
    FILE *f = log_stream ? log_stream : stderr;
    fwrite(line, 1, len, f);
    fflush(f);
}

void log_msg(LogLevel level, const char *tag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_msgv(level, tag, fmt, ap);
    va_end(ap);
}
