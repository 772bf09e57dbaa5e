/*
 * Tracks, .m3u text and the shuffled order (see playlist.h).
 */
#include "core/playlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool ends_with(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

bool playlist_is_track_name(const char *name)
{
    static const char *const exts[] = {".mp3",  ".ogg", ".oga", ".opus",
                                       ".flac", ".m4a", ".aac", ".wav"};
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
        if (ends_with(name, exts[i]))
            return true;
    return false;
}

bool playlist_is_m3u_name(const char *name)
{
    return ends_with(name, ".m3u") || ends_with(name, ".m3u8");
}

int playlist_parse_m3u(const char *text, size_t len, const char *base_dir,
                       char (*out)[PLAYLIST_PATH_MAX], int max)
{
    int n = 0;
    size_t i = 0;
    // A UTF-8 byte order mark from a Windows editor.
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < len && n < max) {
        size_t e = i;
        while (e < len && text[e] != '\n' && text[e] != '\r')
            e++;
        char line[PLAYLIST_PATH_MAX];
        size_t a = i, b = e;
        i = e + 1;
        while (a < b && (text[a] == ' ' || text[a] == '\t'))
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t'))
            b--;
        if (a == b || text[a] == '#' || b - a >= sizeof(line))
            continue;
        memcpy(line, text + a, b - a);
        line[b - a] = '\0';
        char *p = line;
        if (strncmp(p, "file://", 7) == 0)
            p += 7;
        else if (strstr(p, "://"))
            continue; // a stream address: the kiosk plays files only
        for (char *c = p; *c; c++)
            if (*c == '\\')
                *c = '/';
        int w;
        if (p[0] == '/' || !base_dir || !base_dir[0])
            w = snprintf(out[n], PLAYLIST_PATH_MAX, "%s", p);
        else
            w = snprintf(out[n], PLAYLIST_PATH_MAX, "%s/%s", base_dir, p);
        if (w > 0 && w < PLAYLIST_PATH_MAX)
            n++;
    }
    return n;
}

// xorshift64*: the same seed gives the same order (tests), any seed a
// fair one.
static uint32_t rnd(Playlist *p)
{
    p->rng ^= p->rng >> 12;
    p->rng ^= p->rng << 25;
    p->rng ^= p->rng >> 27;
    return (uint32_t)((p->rng * 2685821657736338717ULL) >> 32);
}

static void new_round(Playlist *p)
{
    int last = p->pos > 0 ? p->order[p->ntracks - 1] : -1;
    for (int i = 0; i < p->ntracks; i++)
        p->order[i] = i;
    if (!p->listed) {
        for (int i = p->ntracks - 1; i > 0; i--) {
            int k = (int)(rnd(p) % (uint32_t)(i + 1));
            int t = p->order[i];
            p->order[i] = p->order[k];
            p->order[k] = t;
        }
        // The track just heard does not open the next round.
        if (p->ntracks > 1 && p->order[0] == last) {
            int k = 1 + (int)(rnd(p) % (uint32_t)(p->ntracks - 1));
            p->order[0] = p->order[k];
            p->order[k] = last;
        }
    }
    p->pos = 0;
}

bool playlist_init(Playlist *p, const char (*paths)[PLAYLIST_PATH_MAX], int n,
                   bool listed, uint64_t seed)
{
    memset(p, 0, sizeof(*p));
    if (n <= 0)
        return true;
    p->paths = malloc((size_t)n * sizeof(*p->paths));
    p->bad = calloc((size_t)n, sizeof(*p->bad));
    p->order = malloc((size_t)n * sizeof(*p->order));
    if (!p->paths || !p->bad || !p->order) {
        playlist_free(p);
        return false;
    }
    memcpy(p->paths, paths, (size_t)n * sizeof(*p->paths));
    p->ntracks = n;
    p->listed = listed;
    p->rng = seed ? seed : 0x9e3779b97f4a7c15ULL;
    new_round(p);
    return true;
}

void playlist_free(Playlist *p)
{
    free(p->paths);
    free(p->bad);
    free(p->order);
    memset(p, 0, sizeof(*p));
}

int playlist_next(Playlist *p)
{
    // At most two rounds: the rest of this one, then a fresh one.
    for (int tries = 0; tries < 2 * p->ntracks + 1; tries++) {
        if (p->pos >= p->ntracks)
            new_round(p);
        int t = p->order[p->pos++];
        if (!p->bad[t])
            return t;
    }
    return -1;
}

void playlist_mark_bad(Playlist *p, int track)
{
    if (track >= 0 && track < p->ntracks)
        p->bad[track] = true;
}
