/*
 * The layout log read back and checked as geometry, for the layout tests:
 * every text on the screen, none over another, none under the minimum size
 * (3.5% of the height, 3% of the width on a portrait screen); the sizes of
 * the test matrix.
 */
#ifndef UL_TEST_LAYOUT_UTIL_H
#define UL_TEST_LAYOUT_UTIL_H

#include "kiosk_util.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdbool.h>

#define BIN ULTRALEGS_BIN
#define NOW " --now 2026-11-25T18:00:00-07:00"

typedef struct Text {
    char text[200];
    double x, y, w, h;
    int size;
    bool cut;
} Text;

typedef struct Picture {
    char name[32];
    double x, y, w, h;
} Picture;

typedef struct Frame {
    double t;
    char screen[32];
    int w, h;
    Text texts[256];
    int n;
    Picture pics[8];
    int npics;
} Frame;

static void write_path(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

// A data dir with `extra` user routines beside the built-in three, and the
// exercises of the international routine "intl".
static double num(const cJSON *o, const char *key, bool *ok)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    *ok = *ok && cJSON_IsNumber(v);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static bool str(const cJSON *o, const char *key, char *out, size_t size)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsString(v))
        return false;
    snprintf(out, size, "%s", v->valuestring);
    return true;
}

// One line of the layout log, parsed; false when it is not a layout record.
static bool parse_frame(const char *line, Frame *fr)
{
    memset(fr, 0, sizeof(*fr));
    cJSON *doc = cJSON_Parse(line);
    bool ok = cJSON_IsObject(doc);
    fr->t = num(doc, "t", &ok);
    fr->w = (int)num(doc, "w", &ok);
    fr->h = (int)num(doc, "h", &ok);
    ok = ok && str(doc, "screen", fr->screen, sizeof(fr->screen));
    const cJSON *texts = cJSON_GetObjectItemCaseSensitive(doc, "texts");
    ok = ok && cJSON_IsArray(texts);
    const cJSON *item;
    cJSON_ArrayForEach(item, texts)
    {
        if (!ok || fr->n >= 256)
            break;
        Text *t = &fr->texts[fr->n++];
        ok = str(item, "text", t->text, sizeof(t->text));
        t->x = num(item, "x", &ok);
        t->y = num(item, "y", &ok);
        t->w = num(item, "w", &ok);
        t->h = num(item, "h", &ok);
        t->size = (int)num(item, "size", &ok);
        const cJSON *cut = cJSON_GetObjectItemCaseSensitive(item, "cut");
        ok = ok && cJSON_IsBool(cut);
        t->cut = cJSON_IsTrue(cut);
    }
    const cJSON *pics = cJSON_GetObjectItemCaseSensitive(doc, "pictures");
    ok = ok && cJSON_IsArray(pics);
    cJSON_ArrayForEach(item, pics)
    {
        if (!ok || fr->npics >= 8)
            break;
        Picture *p = &fr->pics[fr->npics++];
        ok = str(item, "name", p->name, sizeof(p->name));
        p->x = num(item, "x", &ok);
        p->y = num(item, "y", &ok);
        p->w = num(item, "w", &ok);
        p->h = num(item, "h", &ok);
    }
    cJSON_Delete(doc);
    return ok;
}

// Letters without spaces, for finding a wrapped title in the texts.
static void squeeze(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (; *in && n + 1 < size; in++)
        if (*in != ' ' && *in != '\n')
            out[n++] = *in;
    out[n] = '\0';
}

static int failures;
// Set by a test whose texts all fit wrapped at the minimum size: then no
// text may be cut (wrapping comes first).
static bool no_cut;

#define BAD(fr, ...)                                                           \
    do {                                                                       \
        print_message("%dx%d %s at %.2f s: ", (fr)->w, (fr)->h, (fr)->screen,  \
                      (fr)->t);                                                \
        print_message(__VA_ARGS__);                                            \
        print_message("\n");                                                   \
        failures++;                                                            \
    } while (0)

// How far two boxes cross, the smaller of the two overlaps (0: apart).
static double crossing(double ax, double ay, double aw, double ah, double bx,
                       double by, double bw, double bh)
{
    double ox = fmin(ax + aw, bx + bw) - fmax(ax, bx);
    double oy = fmin(ay + ah, by + bh) - fmax(ay, by);
    return ox > 0 && oy > 0 ? fmin(ox, oy) : 0;
}

// Pictures (the clip's stage, the body map) never over one another, and no
// text over the body map (the clip's own labels and the counter stand on
// the stage by design).
static void check_pictures(const Frame *fr)
{
    for (int i = 0; i < fr->npics; i++) {
        const Picture *a = &fr->pics[i];
        for (int k = 0; k < i; k++) {
            const Picture *b = &fr->pics[k];
            if (crossing(a->x, a->y, a->w, a->h, b->x, b->y, b->w, b->h) > 2)
                BAD(fr,
                    "picture %s (%.0f,%.0f %.0fx%.0f) over %s (%.0f,%.0f "
                    "%.0fx%.0f)",
                    a->name, a->x, a->y, a->w, a->h, b->name, b->x, b->y, b->w,
                    b->h);
        }
        if (strcmp(a->name, "body map") != 0)
            continue;
        for (int k = 0; k < fr->n; k++) {
            const Text *t = &fr->texts[k];
            if (crossing(a->x, a->y, a->w, a->h, t->x, t->y, t->w, t->h) > 2)
                BAD(fr, "\"%s\" (%.0f,%.0f %.0fx%.0f) over the body map",
                    t->text, t->x, t->y, t->w, t->h);
        }
    }
}

static void check_frame(const Frame *fr, int want_w, int want_h)
{
    check_pictures(fr);
    if (fr->w != want_w || fr->h != want_h)
        BAD(fr, "laid out for %dx%d, not the window's %dx%d", fr->w, fr->h,
            want_w, want_h);
    double min = fr->w < fr->h ? 0.03 * fr->w : 0.035 * fr->h;
    if (fr->n == 0)
        BAD(fr, "no text at all");
    for (int i = 0; i < fr->n; i++) {
        const Text *a = &fr->texts[i];
        if (a->x < -1 || a->y < -1 || a->x + a->w > fr->w + 1 ||
            a->y + a->h > fr->h + 1)
            BAD(fr, "\"%s\" leaves the screen: %.0f,%.0f %.0fx%.0f", a->text,
                a->x, a->y, a->w, a->h);
        if (a->size + 1 < min)
            BAD(fr, "\"%s\" is %d px, under the minimum %.1f", a->text, a->size,
                min);
        if (a->cut && strcmp(fr->screen, "home") == 0)
            BAD(fr, "\"%s\" is cut on home", a->text);
        else if (a->cut && no_cut)
            BAD(fr, "\"%s\" is cut, though it fits wrapped", a->text);
        for (int k = 0; k < i; k++) {
            const Text *b = &fr->texts[k];
            // Boxes include the font's line gap: a pixel or two of touching
            // is not text over text.
            double ox = fmin(a->x + a->w, b->x + b->w) - fmax(a->x, b->x);
            double oy = fmin(a->y + a->h, b->y + b->h) - fmax(a->y, b->y);
            if (ox > 2 && oy > 2)
                BAD(fr,
                    "\"%s\" (%.0f,%.0f %.0fx%.0f) over \"%s\" (%.0f,%.0f "
                    "%.0fx%.0f)",
                    a->text, a->x, a->y, a->w, a->h, b->text, b->x, b->y, b->w,
                    b->h);
        }
    }
}

// True when some routine title from `want` is shown whole on the frame.
static bool shows_title(const Frame *fr, const char *title)
{
    char all[8192] = "", t[256], s[256];
    for (int i = 0; i < fr->n; i++) {
        squeeze(fr->texts[i].text, s, sizeof(s));
        strncat(all, s, sizeof(all) - strlen(all) - 1);
    }
    squeeze(title, t, sizeof(t));
    return strstr(all, t) != NULL;
}

// Run the kiosk and check every frame of its layout log; returns the
// frames read.
static int run_and_check(int w, int h, const char *tag, const char *env,
                         const char *args, Frame **out)
{
    char log[400];
    snprintf(log, sizeof(log), "%s/%s-%dx%d.jsonl", ku_dir, tag, w, h);
    int st =
        ku_run(NULL,
               "cd %s && env HOME=%s %s " BIN " --headless --virtual-clock"
               " --windowed=%dx%d --layout-log %s" NOW " %s 2>>%s/stderr.txt",
               ku_dir, ku_dir, env, w, h, log, args, ku_dir);
    assert_int_equal(st, 0);
    char *text = ku_read("%s", log);
    assert_non_null(text);
    int n = 0;
    Frame *frames = calloc(64, sizeof(Frame));
    for (char *line = text; line && *line && n < 64;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (!parse_frame(line, &frames[n]))
            fail_msg("%s: a line that is not a layout record: %.80s", log,
                     line);
        check_frame(&frames[n], w, h);
        n++;
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    if (failures)
        print_message("(%s)\n", log);
    *out = frames;
    return n;
}

static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {3840, 2160},
                               {1024, 768}, {1080, 1920}, {720, 1280}};

#endif
