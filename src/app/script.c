/*
 * Script file reader.
 */
#include "app/script.h"

#include <stdio.h>
#include <string.h>

#include "core/strutil.h"

bool script_load(Script *s, const char *path, char *err, size_t errsize)
{
    memset(s, 0, sizeof(*s));
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errsize, "%s: cannot open", path);
        return false;
    }
    char line[256];
    int lineno = 0;
    int64_t last = 0;
    while (fgets(line, sizeof(line), f)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char t[64], name[64], extra[8];
        int k = sscanf(line, "%63s %63s %7s", t, name, extra);
        if (k <= 0)
            continue;
        double sec;
        InputAction a = k >= 2 ? input_action_from_name(name) : ACT_NONE;
        if (k != 2 || !str_parse_double(t, &sec) || sec < 0) {
            snprintf(err, errsize, "%s:%d: expected \"<seconds> <action>\"",
                     path, lineno);
            fclose(f);
            return false;
        }
        if (a == ACT_NONE || a == ACT_POINTER || a == ACT_RESIZED) {
            snprintf(err, errsize,
                     "%s:%d: unknown action '%s' (start, ok, back, "
                     "pause, next, prev, up, down, end-set, tempo-up, "
                     "tempo-down, mute, history, quit)",
                     path, lineno, name);
            fclose(f);
            return false;
        }
        int64_t ms = (int64_t)(sec * 1000 + 0.5);
        if (ms < last) {
            snprintf(err, errsize, "%s:%d: times must not go backwards", path,
                     lineno);
            fclose(f);
            return false;
        }
        if (s->n == SCRIPT_MAX) {
            snprintf(err, errsize, "%s:%d: too many lines (at most %d)", path,
                     lineno, SCRIPT_MAX);
            fclose(f);
            return false;
        }
        last = ms;
        s->lines[s->n++] = (ScriptLine){ms, a};
    }
    fclose(f);
    return true;
}
