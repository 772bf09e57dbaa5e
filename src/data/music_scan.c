/*
 * Music folders and their tracks (see music_scan.h).
 */
#include "data/music_scan.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/fs_entry.h"

#define M3U_MAX_BYTES (1 << 20)

static int add_dir(char (*out)[PLAYLIST_PATH_MAX], int n, int max,
                   const char *dir)
{
    if (n >= max || !dir_exists(dir))
        return n;
    for (int i = 0; i < n; i++)
        if (strcmp(out[i], dir) == 0)
            return n;
    return snprintf(out[n], PLAYLIST_PATH_MAX, "%s", dir) < PLAYLIST_PATH_MAX
               ? n + 1
               : n;
}

int music_scan_dirs(const Paths *p, const char *music_dir,
                    char (*out)[PLAYLIST_PATH_MAX], int max)
{
    char own[PLAYLIST_PATH_MAX + 8];
    if (music_dir && music_dir[0])
        snprintf(own, sizeof(own), "%s", music_dir);
    else
        snprintf(own, sizeof(own), "%s/music", p->data_dir);
    int n = strlen(own) < PLAYLIST_PATH_MAX ? add_dir(out, 0, max, own) : 0;
    const char *env = getenv("ULTRALEGS_MOUNT_ROOTS");
    char roots[1024];
    snprintf(roots, sizeof(roots), "%s", env ? env : "/media:/run/media");
    char *save = NULL;
    for (char *r = strtok_r(roots, ":", &save); r;
         r = strtok_r(NULL, ":", &save)) {
        static const char *const pats[] = {"%s/*/music", "%s/*/*/music"};
        for (int k = 0; k < 2; k++) {
            char pat[PLAYLIST_PATH_MAX + 16];
            snprintf(pat, sizeof(pat), pats[k], r);
            glob_t g;
            if (glob(pat, GLOB_ONLYDIR, NULL, &g) == 0)
                for (size_t i = 0; i < g.gl_pathc; i++)
                    n = add_dir(out, n, max, g.gl_pathv[i]);
            globfree(&g);
        }
    }
    return n;
}

typedef struct List {
    char (*paths)[PLAYLIST_PATH_MAX];
    int n, cap;
} List;

static void list_add(List *l, const char *path)
{
    if (l->n == l->cap) {
        if (l->cap >= PLAYLIST_TRACKS_MAX)
            return;
        int cap = l->cap ? l->cap * 2 : 32;
        void *np = realloc(l->paths, (size_t)cap * sizeof(*l->paths));
        if (!np)
            return;
        l->paths = np;
        l->cap = cap;
    }
    if (snprintf(l->paths[l->n], PLAYLIST_PATH_MAX, "%s", path) <
        PLAYLIST_PATH_MAX)
        l->n++;
}

// Sound files in dir (and, depth 1, its subfolders), sorted by name.
static void add_loose(List *l, const char *dir, int depth)
{
    char(*names)[FS_NAME_MAX] = NULL;
    int n = fs_list_dir(dir, &names);
    for (int i = 0; i < n; i++) {
        char path[PLAYLIST_PATH_MAX];
        if (names[i][0] == '.' || snprintf(path, sizeof(path), "%s/%s", dir,
                                           names[i]) >= (int)sizeof(path))
            continue;
        FsKind k = fs_kind(path, NULL, 0, NULL);
        if (k == FS_DIR && depth > 0)
            add_loose(l, path, depth - 1);
        else if (k != FS_DIR && playlist_is_track_name(names[i]))
            list_add(l, path);
    }
    free(names);
}

// The entries of the folder's playlists; false when it has none.
static bool add_listed(List *l, const char *dir)
{
    char(*names)[FS_NAME_MAX] = NULL;
    int n = fs_list_dir(dir, &names);
    bool any = false;
    for (int i = 0; i < n; i++) {
        char path[PLAYLIST_PATH_MAX];
        if (!playlist_is_m3u_name(names[i]) ||
            snprintf(path, sizeof(path), "%s/%s", dir, names[i]) >=
                (int)sizeof(path) ||
            fs_kind(path, NULL, 0, NULL) != FS_FILE)
            continue;
        char err[200];
        size_t len = 0;
        char *text = file_read_all(path, M3U_MAX_BYTES, &len, err, sizeof(err));
        if (!text)
            continue;
        any = true;
        char(*entries)[PLAYLIST_PATH_MAX] = malloc(256 * sizeof(*entries));
        int k = entries ? playlist_parse_m3u(text, len, dir, entries, 256) : 0;
        for (int e = 0; e < k; e++)
            list_add(l, entries[e]);
        free(entries);
        free(text);
    }
    free(names);
    return any;
}

void music_scan(const char (*dirs)[PLAYLIST_PATH_MAX], int ndirs,
                MusicTracks *out)
{
    List l = {0};
    bool listed = false;
    for (int i = 0; i < ndirs; i++) {
        if (add_listed(&l, dirs[i]))
            listed = true;
        else
            add_loose(&l, dirs[i], 1);
    }
    out->paths = l.paths;
    out->n = l.n;
    out->listed = listed;
}

void music_tracks_free(MusicTracks *t)
{
    free(t->paths);
    t->paths = NULL;
    t->n = 0;
}
