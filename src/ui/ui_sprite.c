/*
 * Pre-coloured shapes for the software renderer. There, a blended fill
 * costs some 5 ns a pixel and a shaded triangle (discs, rings) 20, while
 * copying a texture whose pixels already carry their colour and alpha takes
 * 1 to 3 and a plain fill 0.2: so translucent panels are copied from a
 * strip of their colour, and discs and rings from a texture made once for
 * their size and colour (a few kept, least recently used replaced). A round
 * shape is cut into cells around its centre: empty cells are not drawn
 * (most of a big ring's square), full ones (every pixel the shape's colour)
 * are rectangles (a plain fill, or a strip at the colour's alpha), and only
 * the cells its edges cross are blended pixel by pixel. A strip has no alpha
 * channel: copied at a constant alpha, it takes the blitter's fast path for
 * that (1.3 ns a pixel against 3.3 for pixels of their own alpha). An arc is
 * the ring's cells up to its angle, the one or two cells the angle cuts drawn a
 * row at a time. Other renderers draw shapes as they are (the GPU fills them
 * for free).
 */
#include "ui/ui.h"
#include "ui/ui_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define STRIP_ROWS 16
#define CELL 32

typedef enum SpriteKind {
    SPRITE_STRIP = 1,
    SPRITE_DISC,
    SPRITE_RING
} SpriteKind;

enum { CELL_EMPTY, CELL_SOLID, CELL_PART };

static void release(UiSprite *s)
{
    if (s->tex)
        SDL_DestroyTexture(s->tex);
    free(s->edges);
    free(s->cells);
    memset(s, 0, sizeof(*s));
}

void ui_sprites_forget(Ui *ui)
{
    for (int i = 0; i < UI_SPRITES; i++)
        release(&ui->sprites[i]);
}

void ui_sprites_trim(Ui *ui)
{
    for (int i = 0; i < UI_SPRITES; i++)
        if (ui->sprites[i].tex &&
            ui->frame - ui->sprites[i].used > UI_TEXT_KEEP_FRAMES)
            release(&ui->sprites[i]);
}

static Uint32 argb(SDL_Color c, float coverage)
{
    Uint32 a = (Uint32)(c.a * coverage + 0.5f);
    return a << 24 | (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
}

// Coverage of a pixel centred at distance d from the centre by a band
// [ri, ro] of radii: 1 inside, fading over one pixel at each edge.
static float band(float d, float ri, float ro)
{
    float out = fminf(fmaxf(ro - d + 0.5f, 0), 1);
    float in = ri <= 0 ? 1 : fminf(fmaxf(d - ri + 0.5f, 0), 1);
    return out * in;
}

static bool same(const UiSprite *s, SpriteKind kind, int a, int b, SDL_Color c)
{
    return s->kind == (int)kind && s->a == a && s->b == b && s->c.r == c.r &&
           s->c.g == c.g && s->c.b == c.b && s->c.a == c.a;
}

// A slot's worth when one must go: empty first, then shapes asked for once,
// then the least recently drawn.
static bool worse(const UiSprite *s, const UiSprite *than)
{
    if (!s->kind || !than->kind)
        return !s->kind && than->kind;
    if (!s->tex != !than->tex)
        return !s->tex;
    return s->used < than->used;
}

// Cut a round shape's square of side 2a into cells whose boundaries fall on
// its centre (so no cell spans two quadrants), each classed by its pixels:
// empty, full (every pixel the shape's colour at its alpha: drawn as a
// rectangle of that colour) or partly covered.
static bool make_cells(UiSprite *s, const Uint32 *px, int a)
{
    int side = 2 * a, n = 0;
    s->edges = malloc(sizeof(short) * (size_t)(side / CELL + 3));
    if (!s->edges)
        return false;
    s->edges[n++] = 0;
    for (int p = a - ((a - 1) / CELL) * CELL; p < side; p += CELL)
        s->edges[n++] = (short)p;
    s->edges[n++] = (short)side;
    s->nedges = n;
    s->cells = malloc((size_t)(n - 1) * (size_t)(n - 1));
    if (!s->cells)
        return false;
    for (int j = 0; j + 1 < n; j++)
        for (int i = 0; i + 1 < n; i++) {
            bool any = false, all = true;
            for (int y = s->edges[j]; y < s->edges[j + 1]; y++)
                for (int x = s->edges[i]; x < s->edges[i + 1]; x++) {
                    Uint32 al = px[(size_t)y * side + x] >> 24;
                    any |= al != 0;
                    all &= al == s->c.a;
                }
            s->cells[j * (n - 1) + i] = all   ? CELL_SOLID
                                        : any ? CELL_PART
                                              : CELL_EMPTY;
        }
    return true;
}

// The cached sprite of this kind, size and colour (NULL: the caller draws
// the shape itself). A shape is made into a sprite the second frame in a
// row it is asked for: one that changes every frame (a ring that grows and
// fades) would cost more to make than to draw.
static UiSprite *sprite(Ui *ui, SpriteKind kind, int a, int b, SDL_Color c)
{
    UiSprite *victim = &ui->sprites[0];
    for (int i = 0; i < UI_SPRITES; i++) {
        UiSprite *s = &ui->sprites[i];
        if (same(s, kind, a, b, c)) {
            if (s->tex) {
                s->used = ui->frame;
                return s;
            }
            if (ui->making ||
                (s->used + 1 >= ui->frame && s->used != ui->frame)) {
                // Asked for last frame too, or drawn into a backdrop (kept
                // as drawn): made now.
                victim = s;
                goto make;
            }
            s->used = ui->frame;
            return NULL;
        }
        if (worse(s, victim))
            victim = s;
    }
    // Every slot holds a shape drawn in this frame: none is let go (one may
    // be in the middle of being drawn).
    if (victim->tex && victim->used == ui->frame)
        return NULL;
    // First asked for: remembered, drawn as a shape this time.
    release(victim);
    victim->kind = (int)kind;
    victim->a = a;
    victim->b = b;
    victim->c = c;
    victim->used = ui->frame;
    if (!ui->making)
        return NULL;
make:;
    int w = kind == SPRITE_STRIP ? a : 2 * a,
        h = kind == SPRITE_STRIP ? b : 2 * a;
    if (w <= 0 || h <= 0 || w > 8192 || h > 8192)
        return NULL;
    Uint32 *px = malloc((size_t)w * h * 4);
    if (!px)
        return NULL;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            float cov = 1;
            if (kind != SPRITE_STRIP) {
                float d = hypotf(x + 0.5f - a, y + 0.5f - a);
                cov = kind == SPRITE_DISC ? band(d, 0, (float)a)
                                          : band(d, (float)(a - b), (float)a);
            }
            px[(size_t)y * w + x] = argb(c, cov);
        }
    release(victim);
    victim->c = c; // the cells are classed by it
    // A strip is one colour at one alpha: pixels without an alpha channel
    // copied at a constant alpha take the blitter's constant-alpha path,
    // 2.5 times faster than one weighing each pixel's own alpha.
    bool strip = kind == SPRITE_STRIP;
    victim->tex = SDL_CreateTexture(
        ui->r, strip ? SDL_PIXELFORMAT_RGB888 : SDL_PIXELFORMAT_ARGB8888,
        SDL_TEXTUREACCESS_STATIC, w, h);
    bool ok = victim->tex &&
              SDL_UpdateTexture(victim->tex, NULL, px, w * 4) == 0 &&
              (kind == SPRITE_STRIP || make_cells(victim, px, a));
    free(px);
    if (!ok) {
        release(victim);
        return NULL;
    }
    SDL_SetTextureBlendMode(victim->tex, SDL_BLENDMODE_BLEND);
    if (strip)
        SDL_SetTextureAlphaMod(victim->tex, c.a);
    victim->kind = (int)kind;
    victim->a = a;
    victim->b = b;
    victim->c = c;
    victim->used = ui->frame;
    return victim;
}

bool ui_sprite_rect(Ui *ui, float x, float y, float w, float h, SDL_Color c)
{
    if (!ui->software || ui->w <= 0)
        return false;
    int x0 = (int)lroundf(x), y0 = (int)lroundf(y);
    int x1 = (int)lroundf(x + w), y1 = (int)lroundf(y + h);
    x0 = x0 < 0 ? 0 : x0;
    y0 = y0 < 0 ? 0 : y0;
    x1 = x1 > ui->w ? ui->w : x1;
    y1 = y1 > ui->h ? ui->h : y1;
    if (x1 <= x0 || y1 <= y0)
        return true; // nothing on screen
    UiSprite *s = sprite(ui, SPRITE_STRIP, ui->w, STRIP_ROWS, c);
    if (!s)
        return false;
    // Copied unscaled, a strip at a time: the fast path.
    for (int yy = y0; yy < y1; yy += STRIP_ROWS) {
        int rows = y1 - yy < STRIP_ROWS ? y1 - yy : STRIP_ROWS;
        SDL_Rect src = {0, 0, x1 - x0, rows}, dst = {x0, yy, x1 - x0, rows};
        SDL_RenderCopy(ui->r, s->tex, &src, &dst);
    }
    return true;
}

// Where a round sprite is drawn: its square's top-left on the screen, and
// the part of the screen it may cover (a round corner: one quadrant).
typedef struct Place {
    int x, y;
    SDL_Rect only;
} Place;

// A run of cells (sprite coordinates [x0, x1) x [y0, y1)) drawn whole.
static void run(Ui *ui, const UiSprite *s, const Place *at, int cls, int x0,
                int x1, int y0, int y1)
{
    SDL_Rect dst = {at->x + x0, at->y + y0, x1 - x0, y1 - y0}, cut;
    if (!SDL_IntersectRect(&dst, &at->only, &cut))
        return;
    if (cls == CELL_SOLID) {
        SDL_Color c = s->c;
        ui_rect(ui, (float)cut.x, (float)cut.y, (float)cut.w, (float)cut.h, c);
    } else {
        SDL_Rect src = {cut.x - at->x, cut.y - at->y, cut.w, cut.h};
        SDL_RenderCopy(ui->r, s->tex, &src, &cut);
    }
}

// A cell's span of angles, left: the cell lies on the left half.
static void cell_angles(float x0, float x1, float y0, float y1, bool left,
                        float *lo, float *hi)
{
    float xs[4] = {x0, x1, x1, x0}, ys[4] = {y0, y0, y1, y1};
    *lo = 10;
    *hi = -1;
    for (int k = 0; k < 4; k++) {
        if (xs[k] == 0 && ys[k] == 0)
            continue; // the centre: every angle
        float t = atan2f(xs[k], -ys[k]);
        if (t < 0 || (left && t == 0))
            t += 2 * (float)M_PI;
        *lo = fminf(*lo, t);
        *hi = fmaxf(*hi, t);
    }
}

// The part of a cell [x0, x1) x [y0, y1) (relative to the centre) at angles
// up to `sweep`: the cell cut by the line through the centre at that angle,
// a row of pixels at a time (a pixel is in when its centre is).
static void wedge(Ui *ui, const UiSprite *s, const Place *at, int x0, int x1,
                  int y0, int y1, float sweep)
{
    float dx = sinf(sweep), dy = -cosf(sweep);
    for (int y = y0; y < y1; y++) {
        // Kept: px * dy - py * dx >= 0, px the pixel's centre.
        float py = y + 0.5f;
        int from = x0, to = x1;
        if (fabsf(dy) < 1e-6f) {
            if (-py * dx < 0)
                continue;
        } else if (dy > 0) {
            from = (int)fmaxf((float)x0, ceilf(py * dx / dy - 0.5f));
        } else {
            to = (int)fminf((float)x1, floorf(py * dx / dy - 0.5f) + 1);
        }
        if (to <= from)
            continue;
        SDL_Rect src = {from + s->a, y + s->a, to - from, 1};
        SDL_Rect dst = {at->x + src.x, at->y + src.y, src.w, 1};
        SDL_RenderCopy(ui->r, s->tex, &src, &dst);
    }
}

// Draw a round sprite's cells: those within `fraction` of the circle
// (clockwise from the top) and inside at->only.
static void draw_cells(Ui *ui, const UiSprite *s, const Place *at,
                       float fraction)
{
    int n = s->nedges - 1, a = s->a;
    float sweep = fraction * 2 * (float)M_PI;
    for (int j = 0; j < n; j++) {
        int y0 = s->edges[j], y1 = s->edges[j + 1];
        if (at->y + y1 <= at->only.y || at->y + y0 >= at->only.y + at->only.h)
            continue;
        int from = 0, cls = CELL_EMPTY; // the run of whole cells so far
        for (int i = 0; i <= n; i++) {
            int c = CELL_EMPTY;
            bool cut = false;
            if (i < n) {
                c = s->cells[j * n + i];
                if (c != CELL_EMPTY && fraction < 1) {
                    float lo, hi;
                    cell_angles((float)(s->edges[i] - a),
                                (float)(s->edges[i + 1] - a), (float)(y0 - a),
                                (float)(y1 - a), s->edges[i + 1] <= a, &lo,
                                &hi);
                    if (lo >= sweep)
                        c = CELL_EMPTY;
                    else if (hi > sweep)
                        cut = true;
                }
            }
            if (c != cls || cut) {
                if (cls != CELL_EMPTY)
                    run(ui, s, at, cls, s->edges[from], s->edges[i], y0, y1);
                from = i;
                cls = cut ? CELL_EMPTY : c;
            }
            if (cut)
                wedge(ui, s, at, s->edges[i] - a, s->edges[i + 1] - a, y0 - a,
                      y1 - a, sweep);
            if (cut)
                from = i + 1;
        }
    }
}

static bool round_sprite(Ui *ui, SpriteKind kind, float cx, float cy,
                         float radius, float thickness, float fraction,
                         const SDL_Rect *only, SDL_Color c)
{
    if (!ui->software)
        return false;
    int r = (int)lroundf(radius), t = (int)lroundf(thickness);
    if (r < 1 || r > 2048)
        return false;
    UiSprite *s = sprite(ui, kind, r, kind == SPRITE_RING ? t : 0, c);
    if (!s)
        return false;
    Place at = {(int)lroundf(cx) - r, (int)lroundf(cy) - r, {0, 0, 0, 0}};
    at.only = only ? *only : (SDL_Rect){at.x, at.y, 2 * r, 2 * r};
    draw_cells(ui, s, &at, fraction);
    return true;
}

bool ui_sprite_disc(Ui *ui, float cx, float cy, float radius, SDL_Color c)
{
    return round_sprite(ui, SPRITE_DISC, cx, cy, radius, 0, 1, NULL, c);
}

bool ui_sprite_ring(Ui *ui, float cx, float cy, float radius, float thickness,
                    float fraction, SDL_Color c)
{
    return round_sprite(ui, SPRITE_RING, cx, cy, radius, thickness, fraction,
                        NULL, c);
}

bool ui_sprite_corners(Ui *ui, int x, int y, int w, int h, int radius,
                       SDL_Color c)
{
    if (!ui->software || radius < 1 || radius > 2048)
        return false;
    UiSprite *s = sprite(ui, SPRITE_DISC, radius, 0, c);
    if (!s)
        return false;
    // Each corner is a quarter of the disc of that radius centred inside it.
    for (int k = 0; k < 4; k++) {
        int cx = k & 1 ? x + w - radius : x + radius,
            cy = k >> 1 ? y + h - radius : y + radius;
        Place at = {cx - radius,
                    cy - radius,
                    {k & 1 ? cx : x, k >> 1 ? cy : y, radius, radius}};
        draw_cells(ui, s, &at, 1);
    }
    return true;
}
