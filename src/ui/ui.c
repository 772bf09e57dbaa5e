/*
 * The fonts, the frame and the shape primitives on SDL_Renderer; texts are
 * in ui_text.c.
 */
#include "ui/ui.h"
#include "ui/ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const regular_paths[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
};
static const char *const bold_paths[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
};

// The fallback chain, tried glyph by glyph: Noto CJK, Droid Sans Fallback,
// and a colour emoji font (SDL_ttf draws its bitmaps).
static const char *const fallback_regular[] = {
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
};
static const char *const fallback_bold[] = {
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
};

static bool find(char *out, size_t size, const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (access(paths[i], R_OK) == 0) {
            snprintf(out, size, "%s", paths[i]);
            return true;
        }
    return false;
}

bool ui_fonts_open(Ui *ui, char *err, size_t errsize)
{
    const char *env = getenv("ULTRALEGS_FONT");
    const char *dir = getenv("ULTRALEGS_FONT_DIR"); // look only here (tests)
    if (dir && *dir) {
        char rpath[256], bpath[256];
        snprintf(rpath, sizeof(rpath), "%s/DejaVuSans.ttf", dir);
        snprintf(bpath, sizeof(bpath), "%s/DejaVuSans-Bold.ttf", dir);
        const char *rp[1] = {rpath}, *bp[1] = {bpath};
        if (!find(ui->font_regular, sizeof(ui->font_regular), rp, 1) ||
            !find(ui->font_bold, sizeof(ui->font_bold), bp, 1)) {
            snprintf(
                err, errsize,
                "no font found: install the Debian package "
                "fonts-dejavu-core (or set ULTRALEGS_FONT to a .ttf file)");
            return false;
        }
    } else if (env && *env) {
        if (access(env, R_OK) != 0) {
            snprintf(err, errsize, "font %s (ULTRALEGS_FONT) not found", env);
            return false;
        }
        snprintf(ui->font_regular, sizeof(ui->font_regular), "%s", env);
        snprintf(ui->font_bold, sizeof(ui->font_bold), "%s", env);
    } else if (!find(ui->font_regular, sizeof(ui->font_regular), regular_paths,
                     2) ||
               !find(ui->font_bold, sizeof(ui->font_bold), bold_paths, 2)) {
        snprintf(err, errsize,
                 "no font found: install the Debian package "
                 "fonts-dejavu-core (or set ULTRALEGS_FONT to a .ttf file)");
        return false;
    }
    if (TTF_Init() != 0) {
        snprintf(err, errsize, "cannot start the font engine: %s",
                 TTF_GetError());
        return false;
    }
    TTF_Font *probe = TTF_OpenFont(ui->font_bold, 20);
    if (!probe) {
        snprintf(err, errsize, "cannot open font %s: %s", ui->font_bold,
                 TTF_GetError());
        TTF_Quit();
        return false;
    }
    TTF_CloseFont(probe);
    if (!(dir && *dir))
        for (size_t i = 0;
             i < sizeof(fallback_regular) / sizeof(fallback_regular[0]); i++)
            if (access(fallback_regular[i], R_OK) == 0 &&
                access(fallback_bold[i], R_OK) == 0) {
                snprintf(ui->fallback_regular[ui->nfallbacks], 256, "%s",
                         fallback_regular[i]);
                snprintf(ui->fallback_bold[ui->nfallbacks], 256, "%s",
                         fallback_bold[i]);
                ui->nfallbacks++;
            }
    return true;
}

bool ui_init(Ui *ui, SDL_Renderer *r, char *err, size_t errsize)
{
    memset(ui, 0, sizeof(*ui));
    ui->r = r;
    ui->u = 10; // until the first resize
    SDL_RendererInfo info;
    ui->software = r && SDL_GetRendererInfo(r, &info) == 0 &&
                   (info.flags & SDL_RENDERER_SOFTWARE);
    return ui_fonts_open(ui, err, errsize);
}

void ui_deinit(Ui *ui)
{
    ui_backdrop_forget(ui);
    ui_text_forget(ui);
    ui_sprites_forget(ui);
    for (int i = 0; i < UI_FONT_SIZES; i++)
        if (ui->fonts[i].font)
            TTF_CloseFont(ui->fonts[i].font);
    memset(ui->fonts, 0, sizeof(ui->fonts));
    free(ui->records);
    ui->records = NULL;
    if (TTF_WasInit())
        TTF_Quit();
}

void ui_resize(Ui *ui, int w, int h)
{
    if (w == ui->w && h == ui->h)
        return;
    ui->w = w;
    ui->h = h;
    // 1 u is 1% of the height; on a portrait screen 3.5 u is 3% of the
    // width, so the smallest text is as readable across the width as it is
    // on a landscape screen across the height.
    ui->u = w < h ? w * 0.03f / UI_TEXT_MIN : h / 100.0f;
    ui_text_forget(ui); // sizes changed: every text is re-rendered once
    ui_backdrop_forget(ui);
    ui_sprites_forget(ui);
    for (int i = 0; i < UI_FONT_SIZES; i++)
        if (ui->fonts[i].font)
            TTF_CloseFont(ui->fonts[i].font);
    memset(ui->fonts, 0, sizeof(ui->fonts));
}

void ui_begin_frame(Ui *ui)
{
    ui->frame++;
    ui->nrecords = 0;
    ui->npictures = 0;
    ui_text_trim(ui);
    ui_sprites_trim(ui);
    // The frame before had no still part kept: a screen's worth of pixels
    // let go (the next one is drawn anew anyway).
    if (ui->backdrop && ui->backdrop_used + 1 < ui->frame)
        ui_backdrop_forget(ui);
}

bool ui_record_texts(Ui *ui)
{
    if (!ui->records)
        ui->records = calloc(UI_RECORDS_MAX, sizeof(*ui->records));
    return ui->records != NULL;
}

void ui_record_picture(Ui *ui, const char *name, float x, float y, float w,
                       float h)
{
    if (!ui->records || ui->npictures >= UI_PICTURES_MAX)
        return;
    UiPictureRecord *p = &ui->pictures[ui->npictures++];
    snprintf(p->name, sizeof(p->name), "%s", name);
    p->x = x;
    p->y = y;
    p->w = w;
    p->h = h;
}

void ui_cover(Ui *ui)
{
    ui->nrecords = 0;
    ui->npictures = 0;
}

void ui_fill(Ui *ui, SDL_Color c)
{
    if (ui_dry(ui, 1, NULL, 0, c, NULL))
        return;
    SDL_SetRenderDrawColor(ui->r, c.r, c.g, c.b, c.a);
    SDL_RenderClear(ui->r);
}

void ui_rect(Ui *ui, float x, float y, float w, float h, SDL_Color c)
{
    if (w <= 0 || h <= 0 || ui_dry(ui, 2, (float[]){x, y, w, h}, 4, c, NULL))
        return;
    SDL_SetRenderDrawColor(ui->r, c.r, c.g, c.b, c.a);
    SDL_FRect rc = {x, y, w, h};
    // An opaque colour needs no blending: on the software renderer a plain
    // fill is some thirty times faster than a blended one.
    if (c.a < 255 && ui_sprite_rect(ui, x, y, w, h, c))
        return;
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(ui->r, SDL_BLENDMODE_NONE);
    SDL_RenderFillRectF(ui->r, &rc);
    if (c.a == 255)
        SDL_SetRenderDrawBlendMode(ui->r, SDL_BLENDMODE_BLEND);
}

static void fan(Ui *ui, float cx, float cy, float radius, float a0, float a1,
                SDL_Color c)
{
    SDL_Vertex v[3 * 64];
    int segs = (int)(fabsf(a1 - a0) / (2 * (float)M_PI) * 48) + 2;
    if (segs > 64)
        segs = 64;
    SDL_Color col = c;
    int n = 0;
    for (int i = 0; i < segs; i++) {
        float t0 = a0 + (a1 - a0) * i / segs,
              t1 = a0 + (a1 - a0) * (i + 1) / segs;
        v[n++] = (SDL_Vertex){{cx, cy}, col, {0, 0}};
        v[n++] = (SDL_Vertex){
            {cx + radius * sinf(t0), cy - radius * cosf(t0)}, col, {0, 0}};
        v[n++] = (SDL_Vertex){
            {cx + radius * sinf(t1), cy - radius * cosf(t1)}, col, {0, 0}};
    }
    SDL_RenderGeometry(ui->r, NULL, v, n, NULL, 0);
}

void ui_disc(Ui *ui, float cx, float cy, float radius, SDL_Color c)
{
    if (ui_dry(ui, 3, (float[]){cx, cy, radius}, 3, c, NULL))
        return;
    if (ui_sprite_disc(ui, cx, cy, radius, c))
        return;
    fan(ui, cx, cy, radius, 0, 2 * (float)M_PI, c);
}

void ui_round_rect(Ui *ui, float x, float y, float w, float h, float radius,
                   SDL_Color c)
{
    if (ui_dry(ui, 4, (float[]){x, y, w, h, radius}, 5, c, NULL))
        return;
    // Whole pixels, so the pieces meet without seams or overlaps.
    x = roundf(x);
    y = roundf(y);
    w = roundf(w);
    h = roundf(h);
    // At most half the shorter side, in whole pixels too (half an odd
    // height would leave a pixel's gap beside each corner).
    radius = floorf(fminf(roundf(radius), fminf(w, h) / 2));
    if (radius < 0)
        radius = 0;
    ui_rect(ui, x + radius, y, w - 2 * radius, h, c);
    ui_rect(ui, x, y + radius, radius, h - 2 * radius, c);
    ui_rect(ui, x + w - radius, y + radius, radius, h - 2 * radius, c);
    if (ui_sprite_corners(ui, (int)x, (int)y, (int)w, (int)h, (int)radius, c))
        return;
    float q = (float)M_PI / 2;
    fan(ui, x + radius, y + radius, radius, -q, 0, c);
    fan(ui, x + w - radius, y + radius, radius, 0, q, c);
    fan(ui, x + w - radius, y + h - radius, radius, q, 2 * q, c);
    fan(ui, x + radius, y + h - radius, radius, 2 * q, 3 * q, c);
}

void ui_ring(Ui *ui, float cx, float cy, float radius, float thickness,
             float fraction, SDL_Color c)
{
    if (fraction <= 0 ||
        ui_dry(ui, 5, (float[]){cx, cy, radius, thickness, fraction}, 5, c,
               NULL))
        return;
    if (ui_sprite_ring(ui, cx, cy, radius, thickness, fminf(fraction, 1), c))
        return;
    if (fraction > 1)
        fraction = 1;
    SDL_Vertex v[6 * 96];
    int segs = (int)(96 * fraction) + 1;
    if (segs > 96)
        segs = 96;
    float a1 = 2 * (float)M_PI * fraction;
    float ri = radius - thickness;
    int n = 0;
    for (int i = 0; i < segs; i++) {
        float t0 = a1 * i / segs, t1 = a1 * (i + 1) / segs;
        SDL_FPoint o0 = {cx + radius * sinf(t0), cy - radius * cosf(t0)};
        SDL_FPoint o1 = {cx + radius * sinf(t1), cy - radius * cosf(t1)};
        SDL_FPoint i0 = {cx + ri * sinf(t0), cy - ri * cosf(t0)};
        SDL_FPoint i1 = {cx + ri * sinf(t1), cy - ri * cosf(t1)};
        v[n++] = (SDL_Vertex){o0, c, {0, 0}};
        v[n++] = (SDL_Vertex){o1, c, {0, 0}};
        v[n++] = (SDL_Vertex){i0, c, {0, 0}};
        v[n++] = (SDL_Vertex){i0, c, {0, 0}};
        v[n++] = (SDL_Vertex){o1, c, {0, 0}};
        v[n++] = (SDL_Vertex){i1, c, {0, 0}};
    }
    SDL_RenderGeometry(ui->r, NULL, v, n, NULL, 0);
}

void ui_vgradient(Ui *ui, float x, float y, float w, float h, SDL_Color top,
                  SDL_Color bottom)
{
    if (ui_dry(ui, 6, (float[]){x, y, w, h}, 4, top, NULL) &&
        ui_dry(ui, 6, NULL, 0, bottom, NULL))
        return;
    if (top.a == 255 && bottom.a == 255 && h >= 1) {
        // Opaque: one band of plain fill per colour step, not a shaded
        // triangle pair (35 ms a frame at 1080p on the software renderer,
        // against half a millisecond).
        int rows = (int)(h + 0.5f);
        SDL_Color band = top;
        int from = 0;
        for (int i = 1; i <= rows; i++) {
            float t = i < rows ? (float)i / (rows - 1) : 0;
            SDL_Color c = {(Uint8)(top.r + (bottom.r - top.r) * t + 0.5f),
                           (Uint8)(top.g + (bottom.g - top.g) * t + 0.5f),
                           (Uint8)(top.b + (bottom.b - top.b) * t + 0.5f), 255};
            if (i < rows && c.r == band.r && c.g == band.g && c.b == band.b)
                continue;
            ui_rect(ui, x, y + (float)from, w, (float)(i - from), band);
            band = c;
            from = i;
        }
        return;
    }
    SDL_Vertex v[4] = {
        {{x, y}, top, {0, 0}},
        {{x + w, y}, top, {0, 0}},
        {{x, y + h}, bottom, {0, 0}},
        {{x + w, y + h}, bottom, {0, 0}},
    };
    int idx[6] = {0, 1, 2, 2, 1, 3};
    SDL_RenderGeometry(ui->r, NULL, v, 4, idx, 6);
}

void ui_triangle(Ui *ui, float x1, float y1, float x2, float y2, float x3,
                 float y3, SDL_Color c)
{
    if (ui_dry(ui, 7, (float[]){x1, y1, x2, y2, x3, y3}, 6, c, NULL))
        return;
    SDL_Vertex v[3] = {
        {{x1, y1}, c, {0, 0}}, {{x2, y2}, c, {0, 0}}, {{x3, y3}, c, {0, 0}}};
    SDL_RenderGeometry(ui->r, NULL, v, 3, NULL, 0);
}
