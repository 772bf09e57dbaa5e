/*
 * config.ini on disk.
 */
#include "data/settings_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void settings_load_file(Settings *s, const Paths *p, DiagList *diags)
{
    settings_default(s);
    char path[PATHS_MAX + 32], err[160];
    snprintf(path, sizeof(path), "%s/config.ini", p->config_dir);
    if (!file_exists(path))
        return;
    size_t len;
    char *text = file_read_all(path, 64 * 1024, &len, err, sizeof(err));
    if (!text) {
        diag_add(diags, DIAG_ERROR, path, 0, "", "%s", err);
        return;
    }
    settings_parse(s, text, len, path, diags);
    free(text);
}

bool settings_save_file(const Settings *s, const Paths *p, char *err,
                        size_t errsize)
{
    char path[PATHS_MAX + 32], tmp[PATHS_MAX + 48], text[4096];
    paths_mkdirs(p->config_dir);
    snprintf(path, sizeof(path), "%s/config.ini", p->config_dir);
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    int n = settings_format(s, text, sizeof(text));
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errsize, "cannot write %s: %s", tmp, strerror(errno));
        return false;
    }
    bool ok = fwrite(text, 1, (size_t)n, f) == (size_t)n;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, errsize, "cannot save %s: %s", path, strerror(errno));
        remove(tmp);
        return false;
    }
    return true;
}
