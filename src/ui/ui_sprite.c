/*
 * Pre-coloured shapes for the software renderer. There, a blended fill
 * costs some 5 ns a pixel and a shaded triangle (discs, rings) 20, while
 * copying a texture whose pixels already carry their colour and alpha takes
 * about 1: so translucent panels are copied from a strip of their colour,
 * and discs and whole rings from a texture made once for their size and
 * colour (a few kept, least recently used replaced). Other renderers draw
 * shapes as they are (the GPU fills them for free).
 */
#include "ui/ui.h"
#include "ui/ui_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define STRIP_ROWS 16

typedef enum SpriteKind {
    SPRITE_STRIP = 1,
    SPRITE_DISC,
    SPRITE_RING
} SpriteKind;

void ui_sprites_forget(Ui *ui)
{
    for (int i = 0; i < UI_SPRITES; i++)
        if (ui->sprites[i].tex)
            SDL_DestroyTexture(ui->sprites[i].tex);
    memset(ui->sprites, 0, sizeof(ui->sprites));
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
            if (s->used + 1 >= ui->frame && s->used != ui->frame) {
                victim = s; // asked for last frame too: make it
                goto make;
            }
            s->used = ui->frame;
            return NULL;
        }
        if (worse(s, victim))
            victim = s;
    }
    // First asked for: remembered, drawn as a shape this time.
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    memset(victim, 0, sizeof(*victim));
    victim->kind = (int)kind;
    victim->a = a;
    victim->b = b;
    victim->c = c;
    victim->used = ui->frame;
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
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    memset(victim, 0, sizeof(*victim));
    victim->tex = SDL_CreateTexture(ui->r, SDL_PIXELFORMAT_ARGB8888,
                                    SDL_TEXTUREACCESS_STATIC, w, h);
    if (victim->tex && SDL_UpdateTexture(victim->tex, NULL, px, w * 4) != 0) {
        SDL_DestroyTexture(victim->tex);
        victim->tex = NULL;
    }
    free(px);
    if (!victim->tex)
        return NULL;
    SDL_SetTextureBlendMode(victim->tex, SDL_BLENDMODE_BLEND);
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

static bool round_sprite(Ui *ui, SpriteKind kind, float cx, float cy,
                         float radius, float thickness, SDL_Color c)
{
    if (!ui->software)
        return false;
    int r = (int)lroundf(radius), t = (int)lroundf(thickness);
    if (r < 1 || r > 2048)
        return false;
    UiSprite *s = sprite(ui, kind, r, kind == SPRITE_RING ? t : 0, c);
    if (!s)
        return false;
    SDL_Rect dst = {(int)lroundf(cx) - r, (int)lroundf(cy) - r, 2 * r, 2 * r};
    SDL_RenderCopy(ui->r, s->tex, NULL, &dst);
    return true;
}

bool ui_sprite_disc(Ui *ui, float cx, float cy, float radius, SDL_Color c)
{
    return round_sprite(ui, SPRITE_DISC, cx, cy, radius, 0, c);
}

bool ui_sprite_ring(Ui *ui, float cx, float cy, float radius, float thickness,
                    SDL_Color c)
{
    return round_sprite(ui, SPRITE_RING, cx, cy, radius, thickness, c);
}
