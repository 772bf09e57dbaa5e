/*
 * Paths and filesystem helpers (POSIX).
 */
#include "platform/paths.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/strutil.h"

bool paths_mkdirs(const char *dir)
{
    char tmp[PATHS_MAX];
    if (!str_copy(tmp, sizeof(tmp), dir)) {
        errno = ENAMETOOLONG;
        return false;
    }
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(tmp, 0755) == 0 || errno == EEXIST;
}

bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static void xdg_dir(char *out, size_t size, const char *env,
                    const char *fallback)
{
    const char *v = getenv(env);
    if (v && v[0] == '/') {
        if (snprintf(out, size, "%s/ultralegs", v) >= (int)size)
            out[0] = '\0';
        return;
    }
    const char *home = getenv("HOME");
    if (snprintf(out, size, "%s/%s/ultralegs", home && *home ? home : ".",
                 fallback) >= (int)size)
        out[0] = '\0';
}

bool paths_resolve(Paths *p, const char *data_dir, const char *videos_dir,
                   char *err, size_t errsize)
{
    memset(p, 0, sizeof(*p));
    const char *env = getenv("ULTRALEGS_ASSETS_DIR");
    if (env && *env) {
        str_copy(p->assets_dir, sizeof(p->assets_dir), env);
#ifdef ULTRALEGS_SOURCE_ASSETS
    } else if (dir_exists(ULTRALEGS_SOURCE_ASSETS)) {
        // Run from a build tree: the checkout's assets and clips.
        str_copy(p->assets_dir, sizeof(p->assets_dir), ULTRALEGS_SOURCE_ASSETS);
        str_copy(p->builtin_videos, sizeof(p->builtin_videos),
                 ULTRALEGS_SOURCE_VIDEOS);
#endif
    } else {
        str_copy(p->assets_dir, sizeof(p->assets_dir),
                 ULTRALEGS_INSTALL_ASSETS);
        str_copy(p->builtin_videos, sizeof(p->builtin_videos),
                 ULTRALEGS_INSTALL_VIDEOS);
    }
    if (!p->builtin_videos[0])
        if (snprintf(p->builtin_videos, sizeof(p->builtin_videos),
                     "%s/../videos",
                     p->assets_dir) >= (int)sizeof(p->builtin_videos))
            p->builtin_videos[0] = '\0';
    const char *venv = getenv("ULTRALEGS_VIDEOS_DIR");
    if (venv && *venv)
        str_copy(p->builtin_videos, sizeof(p->builtin_videos), venv);

    if (data_dir && *data_dir) {
        str_copy(p->config_dir, sizeof(p->config_dir), data_dir);
        str_copy(p->data_dir, sizeof(p->data_dir), data_dir);
    } else {
        xdg_dir(p->config_dir, sizeof(p->config_dir), "XDG_CONFIG_HOME",
                ".config");
        xdg_dir(p->data_dir, sizeof(p->data_dir), "XDG_DATA_HOME",
                ".local/share");
    }
    if (snprintf(p->user_videos, sizeof(p->user_videos), "%s/videos",
                 p->data_dir) >= (int)sizeof(p->user_videos))
        p->user_videos[0] = '\0';
    if (videos_dir)
        str_copy(p->extra_videos, sizeof(p->extra_videos), videos_dir);

    if (!dir_exists(p->assets_dir)) {
        snprintf(err, errsize,
                 "assets folder %s not found (reinstall, or set "
                 "ULTRALEGS_ASSETS_DIR)",
                 p->assets_dir);
        return false;
    }
    return true;
}

bool paths_find_clip(const Paths *p, const char *clip, char *out, size_t size)
{
    const char *dirs[] = {p->extra_videos, p->user_videos, p->builtin_videos};
    for (size_t i = 0; i < 3; i++) {
        if (!dirs[i][0])
            continue;
        int n = snprintf(out, size, "%s/%s", dirs[i], clip);
        if (n > 0 && (size_t)n < size && file_exists(out))
            return true;
    }
    if (size)
        out[0] = '\0';
    return false;
}

char *file_read_all(const char *path, size_t max, size_t *len, char *err,
                    size_t errsize)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errsize, "cannot open: %s", strerror(errno));
        return NULL;
    }
    char *buf = malloc(max + 1);
    if (!buf) {
        fclose(f);
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    size_t n = fread(buf, 1, max + 1, f);
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        snprintf(err, errsize, "read error");
        return NULL;
    }
    if (n > max) {
        free(buf);
        snprintf(err, errsize, "file is larger than %zu bytes", max);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int dir_list_ini(const char *dir, char (*names)[128], int max)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        size_t l = strlen(e->d_name);
        if (l < 5 || l >= 128 || e->d_name[0] == '.' ||
            strcmp(e->d_name + l - 4, ".ini") != 0)
            continue;
        memcpy(names[n++], e->d_name, l + 1);
    }
    closedir(d);
    qsort(names, (size_t)n, 128, cmp_names);
    return n;
}
