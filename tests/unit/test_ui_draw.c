/*
 * What the software renderer's shortcuts draw, pixel by pixel, against what
 * the shapes and texts are: discs, rings, arcs at every angle, translucent
 * discs and round corners against their exact coverage; a text against the
 * font's own rendering at the same place; a screen's still part copied from
 * its kept texture against the same part drawn directly, and drawn anew
 * only when it changes. Drawn on a renderer of a plain 32-bit surface, as a
 * window's is, and read back from it.
 */
#include "testutil.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>

#include "core/session.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/ui.h"

#define W 640
#define H 480

typedef struct Canvas {
    SDL_Surface *s;
    SDL_Renderer *r;
    Ui ui;
} Canvas;

static Canvas *canvas_new(void)
{
    Canvas *c = calloc(1, sizeof(*c));
    assert_non_null(c);
    c->s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(c->s);
    c->r = SDL_CreateSoftwareRenderer(c->s);
    assert_non_null(c->r);
    SDL_SetRenderDrawBlendMode(c->r, SDL_BLENDMODE_BLEND); // as the kiosk's
    char err[256];
    assert_true(ui_init(&c->ui, c->r, err, sizeof(err)));
    assert_true(c->ui.software);
    ui_resize(&c->ui, W, H);
    return c;
}

static void canvas_free(Canvas *c)
{
    ui_deinit(&c->ui);
    SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->s);
    free(c);
}

static void clear(Canvas *c, SDL_Color bg)
{
    SDL_SetRenderDrawColor(c->r, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(c->r);
}

static SDL_Color at(const Canvas *c, int x, int y)
{
    Uint32 p = ((const Uint32 *)((const Uint8 *)c->s->pixels +
                                 (size_t)y * c->s->pitch))[x];
    return (SDL_Color){(Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 255};
}

static SDL_Color over(SDL_Color bg, SDL_Color c, float alpha)
{
    float a = alpha / 255.0f;
    return (SDL_Color){(Uint8)lroundf(c.r * a + bg.r * (1 - a)),
                       (Uint8)lroundf(c.g * a + bg.g * (1 - a)),
                       (Uint8)lroundf(c.b * a + bg.b * (1 - a)), 255};
}

static int differs(SDL_Color a, SDL_Color b)
{
    int d = abs(a.r - b.r);
    d = abs(a.g - b.g) > d ? abs(a.g - b.g) : d;
    return abs(a.b - b.b) > d ? abs(a.b - b.b) : d;
}

// Coverage of pixel (x, y) by the band [ri, ro] around (cx, cy), as the
// shapes define it: fading over one pixel at each edge.
static float coverage(int x, int y, float cx, float cy, float ri, float ro)
{
    float d = hypotf(x + 0.5f - cx, y + 0.5f - cy);
    float out = fminf(fmaxf(ro - d + 0.5f, 0), 1);
    float in = ri <= 0 ? 1 : fminf(fmaxf(d - ri + 0.5f, 0), 1);
    return out * in;
}

// Clockwise from the top, in [0, 2pi).
static float angle(int x, int y, float cx, float cy)
{
    float t = atan2f(x + 0.5f - cx, -(y + 0.5f - cy));
    return t < 0 ? t + 2 * (float)M_PI : t;
}

typedef struct Shape {
    int kind; // 0 disc, 1 ring, 2 round rect
    float cx, cy, r, t, fraction;
    SDL_Color c;
} Shape;

static void draw_shape(Canvas *cv, const Shape *s)
{
    if (s->kind == 0)
        ui_disc(&cv->ui, s->cx, s->cy, s->r, s->c);
    else if (s->kind == 1)
        ui_ring(&cv->ui, s->cx, s->cy, s->r, s->t, s->fraction, s->c);
    else
        ui_round_rect(&cv->ui, s->cx, s->cy, s->t, s->fraction, s->r, s->c);
}

// Draw a shape over bg for three frames (the first draws it as triangles,
// the next from the kept textures: the shape's, then a translucent one's
// strip, asked for only once the shape is kept) and return the worst difference
// from its coverage over the pixels not within a pixel of an arc's cut,
// counting in *seen the pixels of the shape's colour. The renderer's blending
// rounds: a translucent colour lands within 3 levels of the exact mix.
static int shape_error(Canvas *cv, const Shape *s, SDL_Color bg, int *seen)
{
    for (int f = 0; f < 3; f++) {
        ui_begin_frame(&cv->ui);
        clear(cv, bg);
        draw_shape(cv, s);
        SDL_RenderFlush(cv->r);
    }
    int worst = 0;
    *seen = 0;
    float sweep = s->fraction * 2 * (float)M_PI;
    // Round shapes stand on whole pixels: their centre is the nearest.
    float cx = s->kind == 2 ? s->cx : (float)lroundf(s->cx),
          cy = s->kind == 2 ? s->cy : (float)lroundf(s->cy);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            float cov;
            if (s->kind == 0) {
                cov = coverage(x, y, cx, cy, 0, s->r);
            } else if (s->kind == 1) {
                cov = coverage(x, y, cx, cy, s->r - s->t, s->r);
                if (s->fraction < 1) {
                    float a = angle(x, y, cx, cy);
                    // Within a pixel of the cut (or the top): either.
                    float d = hypotf(x + 0.5f - cx, y + 0.5f - cy);
                    float slack = 1.5f / fmaxf(d, 1);
                    if (fabsf(a - sweep) < slack || a < slack ||
                        a > 2 * (float)M_PI - slack)
                        continue;
                    if (a > sweep)
                        cov = 0;
                }
            } else { // a round rect: x, y, w = t, h = fraction, radius r
                float x0 = s->cx, y0 = s->cy, x1 = x0 + s->t,
                      y1 = y0 + s->fraction;
                // At most half the shorter side, in whole pixels.
                float r = floorf(fminf(s->r, fminf(s->t, s->fraction) / 2));
                if (x < x0 || x >= x1 || y < y0 || y >= y1) {
                    cov = 0;
                } else {
                    float qx = x < x0 + r    ? x0 + r
                               : x >= x1 - r ? x1 - r
                                             : -1,
                          qy = y < y0 + r    ? y0 + r
                               : y >= y1 - r ? y1 - r
                                             : -1;
                    cov = r > 0 && qx >= 0 && qy >= 0
                              ? coverage(x, y, qx, qy, 0, r)
                              : 1;
                }
            }
            SDL_Color want = over(bg, s->c, s->c.a * cov);
            SDL_Color got = at(cv, x, y);
            int d = differs(want, got);
            if (d > worst) {
                worst = d;
                if (d > 3)
                    print_message(
                        "f %.3f (%d,%d): want %d,%d,%d got %d,%d,%d\n",
                        s->fraction, x, y, want.r, want.g, want.b, got.r, got.g,
                        got.b);
            }
            if (cov == 1 && differs(got, over(bg, s->c, s->c.a)) <= 3)
                (*seen)++;
        }
    return worst;
}

static void test_shapes(void **state)
{
    (void)state;
    Canvas *cv = canvas_new();
    SDL_Color black = {0, 0, 0, 255}, grey = {200, 100, 50, 255};
    SDL_Color orange = {255, 122, 46, 255};
    int seen;
    // Discs, small (a bullet) to big (the countdown's), opaque and shaded.
    Shape disc = {0, 320, 240, 9, 0, 1, orange};
    assert_true(shape_error(cv, &disc, black, &seen) <= 2);
    assert_true(seen > 200); // pi * 8^2
    disc.r = 150;
    assert_true(shape_error(cv, &disc, black, &seen) <= 2);
    assert_true(seen > 68000);
    disc.c = (SDL_Color){0, 0, 0, 130};
    assert_true(shape_error(cv, &disc, grey, &seen) <= 3);
    assert_true(seen > 68000); // the shaded inside, at its alpha
    // Whole rings and arcs ending in every quadrant and on its edges.
    float fractions[] = {1,     0.03f, 0.25f, 0.37f, 0.5f,
                         0.62f, 0.75f, 0.9f,  0.999f};
    for (size_t i = 0; i < sizeof(fractions) / sizeof(*fractions); i++) {
        Shape ring = {1, 321, 239, 180, 24, fractions[i], orange};
        assert_true(shape_error(cv, &ring, black, &seen) <= 2);
        // pi (180^2 - 157^2) of it, less the edges' fading pixels
        float full = (float)M_PI * (179 * 179 - 157 * 157);
        assert_true(seen > full * fractions[i] * 0.9f);
        assert_true(seen < full * fractions[i] * 1.1f + 50);
        ring.c = (SDL_Color){255, 255, 255, 40}; // a faint track
        assert_true(shape_error(cv, &ring, grey, &seen) <= 3);
    }
    // Round corners, opaque and shaded.
    Shape plate = {2, 100, 60, 22, 300, 140, orange};
    assert_true(shape_error(cv, &plate, black, &seen) <= 2);
    assert_true(seen > 300 * 140 - 4 * 22 * 22);
    plate.c = COL_SHADE;
    assert_true(shape_error(cv, &plate, grey, &seen) <= 3);
    // A pill of an odd height (the radius asked for more than half of it),
    // and corners of one pixel and of none: no gap beside any corner.
    Shape pill = {2, 40, 300, 99, 301, 9, COL_GOOD};
    assert_true(shape_error(cv, &pill, black, &seen) <= 2);
    assert_true(seen > 301 * 9 - 4 * 4 * 4);
    pill.c = (SDL_Color){255, 255, 255, 120};
    assert_true(shape_error(cv, &pill, grey, &seen) <= 3);
    for (int r = 0; r <= 1; r++) {
        Shape sharp = {2, 30, 30, (float)r, 50, 20, orange};
        assert_true(shape_error(cv, &sharp, black, &seen) <= 2);
        assert_true(seen >= 50 * 20 - 4 * r);
    }
    // A disc asked for between pixels stands on the nearest one.
    Shape off = {0, 100.4f, 200.6f, 30, 0, 1, orange};
    assert_true(shape_error(cv, &off, black, &seen) <= 2);
    assert_true(seen > 2600);
    canvas_free(cv);
}

// More shapes in one frame than textures are kept for: each is still
// drawn (those without a texture as triangles), none is let go while drawn.
static void test_more_shapes_than_kept(void **state)
{
    (void)state;
    Canvas *cv = canvas_new();
    int n = UI_SPRITES + 8;
    for (int f = 0; f < 4; f++) {
        ui_begin_frame(&cv->ui);
        clear(cv, (SDL_Color){0, 0, 0, 255});
        for (int i = 0; i < n; i++)
            ui_disc(
                &cv->ui, 20.0f + (i % 10) * 60, 40.0f + (i / 10) * 60, 20,
                (SDL_Color){(Uint8)(100 + i * 4), 50, (Uint8)(200 - i), 255});
        SDL_RenderFlush(cv->r);
        for (int i = 0; i < n; i++) {
            SDL_Color want = {(Uint8)(100 + i * 4), 50, (Uint8)(200 - i), 255};
            SDL_Color black = {0, 0, 0, 255};
            int x = 20 + (i % 10) * 60, y = 40 + (i / 10) * 60;
            assert_int_equal(differs(at(cv, x, y), want), 0);
            assert_int_equal(differs(at(cv, x + 12, y - 12), want), 0);
            assert_int_equal(differs(at(cv, x + 25, y), black), 0);
        }
    }
    int kept = 0;
    for (int i = 0; i < UI_SPRITES; i++)
        kept += cv->ui.sprites[i].tex != NULL;
    assert_true(kept > 0 && kept <= UI_SPRITES);
    canvas_free(cv);
}

// A text is drawn as the font renders it, where it was asked for (its
// texture holds only the inked part, its box stays the whole line's).
static void test_text_as_rendered(void **state)
{
    (void)state;
    Canvas *cv = canvas_new();
    SDL_Color bg = {30, 40, 70, 255};
    const char *texts[] = {"Band work 7/20", "Nordic curls", "7", "g y . ,"};
    SDL_Color colours[] = {COL_TEXT, COL_ACCENT, COL_DIM, COL_GOOD};
    assert_true(ui_record_texts(&cv->ui));
    for (int k = 0; k < 4; k++) {
        ui_begin_frame(&cv->ui);
        clear(cv, bg);
        float x = 37.0f, y = 41.0f, size = k == 2 ? 30.0f : 8.0f;
        int w = ui_text(&cv->ui, x, y, size, true, colours[k], UI_LEFT, 0,
                        texts[k]);
        SDL_RenderFlush(cv->r);
        int px = (int)(size * cv->ui.u + 0.5f);
        TTF_Font *font = TTF_OpenFont(cv->ui.font_bold, px);
        assert_non_null(font);
        SDL_Surface *ref = TTF_RenderUTF8_Blended(font, texts[k], colours[k]);
        assert_non_null(ref);
        assert_int_equal(w, ref->w);
        assert_int_equal(cv->ui.nrecords, 1);
        assert_true(fabsf(cv->ui.records[0].w - ref->w) < 0.5f);
        assert_true(fabsf(cv->ui.records[0].h - ref->h) < 0.5f);
        SDL_Surface *want =
            SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
        SDL_FillRect(want, NULL, SDL_MapRGB(want->format, bg.r, bg.g, bg.b));
        SDL_Rect dst = {(int)x, (int)y, ref->w, ref->h};
        SDL_BlitSurface(ref, NULL, want, &dst);
        int worst = 0, inked = 0;
        for (int yy = 0; yy < H; yy++)
            for (int xx = 0; xx < W; xx++) {
                Uint32 p = ((Uint32 *)((Uint8 *)want->pixels +
                                       (size_t)yy * want->pitch))[xx];
                SDL_Color wc = {(Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p,
                                255};
                int d = differs(wc, at(cv, xx, yy));
                worst = d > worst ? d : worst;
                inked += differs(wc, bg) > 0;
            }
        assert_true(worst <= 1);
        assert_true(inked > 20);
        SDL_FreeSurface(want);
        SDL_FreeSurface(ref);
        TTF_CloseFont(font);
    }
    canvas_free(cv);
}

typedef struct Still {
    const char *line;
    int draws; // times the still part's function ran
} Still;

static void still(Ui *ui, const void *arg)
{
    Still *st = (Still *)arg;
    st->draws++;
    ui_vgradient(ui, 0, 0, W, H, COL_BG, COL_BG2);
    ui_round_rect(ui, 20, 20, 400, 90, 18, COL_SHADE);
    ui_text(ui, 40, 35, 8.0f, true, COL_TEXT, UI_LEFT, 0, st->line);
    ui_text(ui, 40, 300, 4.0f, false, COL_DIM, UI_LEFT, 500,
            "Plant the whole foot on the box");
    ui_disc(ui, 500, 200, 40, COL_ACCENT2);
    ui_ring(ui, 500, 360, 60, 10, 1, (SDL_Color){255, 255, 255, 35});
}

static void copy_pixels(const Canvas *cv, Uint32 *out)
{
    for (int y = 0; y < H; y++)
        memcpy(out + (size_t)y * W,
               (const Uint8 *)cv->s->pixels + (size_t)y * cv->s->pitch, W * 4);
}

static int worst_diff(const Canvas *cv, const Uint32 *ref)
{
    int worst = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            Uint32 p = ref[(size_t)y * W + x];
            SDL_Color a = {(Uint8)(p >> 16), (Uint8)(p >> 8), (Uint8)p, 255};
            int d = differs(a, at(cv, x, y));
            worst = d > worst ? d : worst;
        }
    return worst;
}

// One frame: the still part through the kept texture (or directly), then a
// moving arc over it.
static void frame(Canvas *cv, Still *st, bool kept, float fraction)
{
    ui_begin_frame(&cv->ui);
    clear(cv, (SDL_Color){0, 0, 0, 255});
    if (kept)
        ui_backdrop(&cv->ui, still, st);
    else
        still(&cv->ui, st);
    ui_ring(&cv->ui, 500, 360, 60, 10, fraction, COL_GOOD);
    SDL_RenderFlush(cv->r);
}

static void test_backdrop(void **state)
{
    (void)state;
    Canvas *cv = canvas_new();
    assert_true(ui_record_texts(&cv->ui));
    Still st = {"Single-leg step-ups", 0};
    Uint32 *direct = malloc((size_t)W * H * 4);
    assert_non_null(direct);
    // Drawn directly (twice: the shapes are kept from the second frame).
    frame(cv, &st, false, 0.4f);
    frame(cv, &st, false, 0.4f);
    copy_pixels(cv, direct);
    int direct_records = cv->ui.nrecords;
    assert_int_equal(direct_records, 2);
    UiTextRecord first = cv->ui.records[0];

    // Kept: the first frame draws it anew, the next ones copy it, and every
    // one looks as drawn directly and records the same texts.
    int draws0 = cv->ui.backdrop_draws;
    for (int f = 0; f < 30; f++) {
        frame(cv, &st, true, 0.4f);
        assert_int_equal(worst_diff(cv, direct), 0);
        assert_int_equal(cv->ui.nrecords, direct_records);
        assert_string_equal(cv->ui.records[0].text, first.text);
        assert_true(cv->ui.records[0].x == first.x &&
                    cv->ui.records[0].y == first.y &&
                    cv->ui.records[0].w == first.w);
    }
    assert_int_equal(cv->ui.backdrop_draws - draws0, 1);
    // What moves over it moves: the arc grows, the still part is not redrawn.
    frame(cv, &st, true, 0.9f);
    assert_int_equal(cv->ui.backdrop_draws - draws0, 1);
    SDL_Color arc = at(cv, 500 - 55, 360); // at 3/4 of the ring: now drawn
    assert_true(differs(arc, COL_GOOD) <= 1);

    // A changed text: drawn anew once, and as drawn directly.
    st.line = "Nordic curls";
    frame(cv, &st, false, 0.4f);
    copy_pixels(cv, direct);
    frame(cv, &st, true, 0.4f);
    assert_int_equal(cv->ui.backdrop_draws - draws0, 2);
    assert_int_equal(worst_diff(cv, direct), 0);
    frame(cv, &st, true, 0.4f);
    assert_int_equal(cv->ui.backdrop_draws - draws0, 2);
    assert_int_equal(worst_diff(cv, direct), 0);

    // A frame without it lets the texture go; the next one draws it anew.
    frame(cv, &st, false, 0.4f);
    frame(cv, &st, false, 0.4f);
    assert_null(cv->ui.backdrop);
    frame(cv, &st, true, 0.4f);
    assert_int_equal(cv->ui.backdrop_draws - draws0, 3);
    assert_int_equal(worst_diff(cv, direct), 0);
    free(direct);
    canvas_free(cv);
}

// Draw the session screen; every `check`th frame, draw the same state again
// with the kept still part let go (so drawn anew) and compare: a still part
// that changed without the kept one being redrawn would differ.
static void session_frame(Canvas *cv, UiView *v, Uint32 *shot, bool check)
{
    ui_begin_frame(&cv->ui);
    screens_draw(&cv->ui, v);
    SDL_RenderFlush(cv->r);
    if (!check)
        return;
    copy_pixels(cv, shot);
    int nrecords = cv->ui.nrecords;
    assert_true(nrecords > 3);
    UiTextRecord last = cv->ui.records[nrecords - 1];
    int draws = cv->ui.backdrop_draws;
    ui_backdrop_forget(&cv->ui);
    ui_begin_frame(&cv->ui);
    screens_draw(&cv->ui, v);
    SDL_RenderFlush(cv->r);
    assert_int_equal(cv->ui.backdrop_draws, draws + 1);
    assert_int_equal(worst_diff(cv, shot), 0);
    assert_int_equal(cv->ui.nrecords, nrecords);
    assert_string_equal(cv->ui.records[nrecords - 1].text, last.text);
    cv->ui.backdrop_draws = draws; // the check's own drawing not counted
}

// The session's introduction and rest screens: their still parts are drawn
// once while the clock runs (the rest's timer moving over it), and look as
// drawn anew in every frame; the next exercise's introduction is drawn anew.
static void test_session_screens_kept(void **state)
{
    (void)state;
    Canvas *cv = canvas_new();
    Library *lib = tu_builtin_library();
    Session *s = tu_auto_session(lib, "ultra-legs");
    SessionEvent ev[64];
    session_start(s, 0, ev, 64);
    UiView v;
    memset(&v, 0, sizeof(v));
    v.lib = lib;
    v.screen = SCREEN_SESSION;
    v.session = s;
    v.music_since = -1;
    int64_t t = 0;
    assert_true(ui_record_texts(&cv->ui));
    Uint32 *shot = malloc((size_t)W * H * 4);
    assert_non_null(shot);
    int draws0 = cv->ui.backdrop_draws, renders0 = -1;
    assert_int_equal(s->phase, SESSION_INTRO);
    for (int f = 0; f < 120; f++, t += 16) { // two seconds of the intro
        session_tick(s, t, ev, 64);
        v.now_ms = t;
        session_frame(cv, &v, shot, f > 1 && f % 29 == 0);
        if (f == 1)
            renders0 = cv->ui.renders;
    }
    assert_int_equal(s->phase, SESSION_INTRO);
    assert_int_equal(cv->ui.backdrop_draws - draws0, 1);
    assert_int_equal(cv->ui.renders, renders0); // no text made again
    // On to a rest: its ring empties and its seconds count down over a still
    // part drawn once.
    while (s->phase != SESSION_REST && t < 30 * 60 * 1000) {
        t += 100;
        session_tick(s, t, ev, 64);
    }
    assert_int_equal(s->phase, SESSION_REST);
    int at_rest = cv->ui.backdrop_draws;
    for (int f = 0; f < 180; f++, t += 16) { // three seconds
        session_tick(s, t, ev, 64);
        v.now_ms = t;
        // (Not in the first frames: a moving shape is kept as a texture
        // from its second frame on, drawn as triangles before.)
        session_frame(cv, &v, shot, f % 37 == 36);
    }
    assert_int_equal(s->phase, SESSION_REST);
    assert_int_equal(cv->ui.backdrop_draws - at_rest, 1);
    // The next introduction: another exercise, drawn anew once.
    int step = s->step, at_intro = cv->ui.backdrop_draws;
    while (s->phase == SESSION_REST && t < 40 * 60 * 1000) {
        t += 16;
        session_tick(s, t, ev, 64);
        v.now_ms = t;
        session_frame(cv, &v, shot, false);
    }
    assert_int_equal(s->phase, SESSION_INTRO);
    assert_true(s->step != step);
    for (int f = 0; f < 60; f++, t += 16) {
        session_tick(s, t, ev, 64);
        v.now_ms = t;
        session_frame(cv, &v, shot, f == 30);
    }
    assert_int_equal(s->phase, SESSION_INTRO);
    assert_int_equal(cv->ui.backdrop_draws - at_intro, 1);
    free(shot);
    free(s);
    library_destroy(lib);
    canvas_free(cv);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_more_shapes_than_kept),
        cmocka_unit_test(test_text_as_rendered),
        cmocka_unit_test(test_backdrop),
        cmocka_unit_test(test_session_screens_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
