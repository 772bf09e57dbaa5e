/*
 * In-memory line reader for libinih.
 */
#include "core/ini_lines.h"

#include <string.h>

char *ini_lines_next(IniLines *l, char *str, int num, IniLineProblem *problem)
{
    *problem = INI_LINE_OK;
    if (l->pos >= l->len)
        return NULL;
    size_t start = l->pos, end = start;
    while (end < l->len && l->text[end] != '\n')
        end++;
    l->pos = end < l->len ? end + 1 : end;
    l->line++;
    size_t n = end - start;
    if (n > 0 && l->text[start + n - 1] == '\r')
        n--;
    str[0] = '\0';
    if (memchr(l->text + start, '\0', n))
        *problem = INI_LINE_NUL;
    else if (n + 3 > (size_t)num)
        *problem = INI_LINE_TOO_LONG;
    else {
        memcpy(str, l->text + start, n);
        str[n] = '\0';
    }
    return str;
}
