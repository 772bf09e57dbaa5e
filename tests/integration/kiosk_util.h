/*
 * Helpers for the kiosk integration tests: run the real binary, read what
 * it wrote, look at the pixels of its screenshots.
 */
#ifndef UL_KIOSK_UTIL_H
#define UL_KIOSK_UTIL_H

#include <SDL.h>
#include <SDL_image.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <cmocka.h>
#include <math.h>

static char ku_dir[256];

static int ku_setup(void **state)
{
    (void)state;
    snprintf(ku_dir, sizeof(ku_dir), "/tmp/ul-kiosk-XXXXXX");
    return mkdtemp(ku_dir) ? 0 : -1;
}

static int ku_teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", ku_dir);
    return system(cmd) == 0 ? 0 : -1;
}

// Run a shell command line; returns the exit status (-1 if it died).
static int ku_run(double *seconds, const char *fmt, ...)
{
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    struct timeval a, b;
    gettimeofday(&a, NULL);
    int st = system(cmd);
    gettimeofday(&b, NULL);
    if (seconds)
        *seconds = (b.tv_sec - a.tv_sec) + (b.tv_usec - a.tv_usec) / 1e6;
    if (st == -1 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

static char *ku_read(const char *fmt, ...)
{
    char path[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(path, sizeof(path), fmt, ap);
    va_end(ap);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

// Write text to a file in the test's folder.
static inline void ku_write(const char *name, const char *text)
{
    char path[400];
    snprintf(path, sizeof(path), "%s/%s", ku_dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

// A JSON file the kiosk wrote, parsed (NULL when it is not JSON).
static inline cJSON *ku_json(const char *path)
{
    char *text = ku_read("%s", path);
    cJSON *doc = text ? cJSON_Parse(text) : NULL;
    free(text);
    return doc;
}

// The number at a path of object keys (NAN when there is none).
static inline double ku_json_number(const cJSON *doc, const char *key,
                                    const char *sub)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, key);
    if (sub)
        v = cJSON_GetObjectItemCaseSensitive(v, sub);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static inline int ku_count(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

typedef struct KuImage {
    SDL_Surface *s; // RGBA32
    int w, h;
} KuImage;

static inline KuImage ku_load(const char *fmt, ...)
{
    char path[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(path, sizeof(path), fmt, ap);
    va_end(ap);
    KuImage im = {0};
    SDL_Surface *raw = IMG_Load(path);
    if (!raw)
        fail_msg("cannot load %s: %s", path, IMG_GetError());
    im.s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(raw);
    im.w = im.s->w;
    im.h = im.s->h;
    return im;
}

static inline void ku_free(KuImage *im)
{
    SDL_FreeSurface(im->s);
}

typedef int (*KuPred)(Uint8 r, Uint8 g, Uint8 b);

static inline int ku_orange(Uint8 r, Uint8 g, Uint8 b)
{
    return r > 220 && g > 90 && g < 160 && b < 90;
}
static inline int ku_bright(Uint8 r, Uint8 g, Uint8 b)
{
    return r > 200 && g > 180 && b > 150;
}
static inline int ku_green(Uint8 r, Uint8 g, Uint8 b)
{
    return g > 180 && r < 120 && b > 100 && b < 170;
}
static inline int ku_figure(Uint8 r, Uint8 g, Uint8 b)
{
    return r > 215 && g > 220 && b > 235;
}
static inline int ku_blue_leg(Uint8 r, Uint8 g, Uint8 b)
{
    return r < 110 && g > 150 && b > 230;
}
static inline int ku_pink_leg(Uint8 r, Uint8 g, Uint8 b)
{
    return r > 230 && g < 120 && b > 120 && b < 180;
}

// Fraction of pixels in the region (fractions of the frame) matching pred;
// the bounding box of the matches is returned in frame fractions.
static inline double ku_frac(const KuImage *im, double x0, double y0, double x1,
                             double y1, KuPred pred, double *bb_h)
{
    int ax = (int)(x0 * im->w), bx = (int)(x1 * im->w);
    int ay = (int)(y0 * im->h), by = (int)(y1 * im->h);
    long hit = 0, all = 0;
    int miny = im->h, maxy = -1;
    for (int y = ay; y < by; y++) {
        const Uint8 *row =
            (const Uint8 *)im->s->pixels + (size_t)y * im->s->pitch;
        for (int x = ax; x < bx; x++) {
            const Uint8 *p = row + x * 4;
            all++;
            if (pred(p[0], p[1], p[2])) {
                hit++;
                if (y < miny)
                    miny = y;
                if (y > maxy)
                    maxy = y;
            }
        }
    }
    if (bb_h)
        *bb_h = maxy >= miny ? (double)(maxy - miny + 1) / im->h : 0;
    return all ? (double)hit / all : 0;
}

#endif
