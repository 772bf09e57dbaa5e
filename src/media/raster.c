/*
 * Signed-distance rasteriser for the demo coach (see raster.h). A pixel's
 * coverage is 0.5 minus its distance to the shape's edge, clamped to 0..1:
 * one pixel of anti-aliasing at every scale.
 */
#include "media/raster.h"

#include <math.h>
#include <stddef.h>

static inline void blend(uint32_t *d, uint32_t c, float a)
{
    if (a <= 0)
        return;
    if (a > 1)
        a = 1;
    a *= (float)(c >> 24) / 255.0f;
    uint32_t s = *d;
    float ia = 1 - a;
    uint32_t r = (uint32_t)(((c >> 16) & 255) * a + ((s >> 16) & 255) * ia);
    uint32_t g = (uint32_t)(((c >> 8) & 255) * a + ((s >> 8) & 255) * ia);
    uint32_t bl = (uint32_t)((c & 255) * a + (s & 255) * ia);
    *d = 0xFF000000u | r << 16 | g << 8 | bl;
}

uint32_t raster_tint(uint32_t c, float k)
{
    uint32_t out = c & 0xFF000000u;
    for (int sh = 0; sh <= 16; sh += 8) {
        float v = (float)((c >> sh) & 255);
        v = k <= 1 ? v * k : v + (255 - v) * (k - 1);
        if (v > 255)
            v = 255;
        if (v < 0)
            v = 0;
        out |= (uint32_t)(v + 0.5f) << sh;
    }
    return out;
}

typedef struct Span {
    int x0, y0, x1, y1;
} Span;

static Span clip_box(const PoseFrame *f, float x0, float y0, float x1,
                     float y1)
{
    Span s = {(int)floorf(x0), (int)floorf(y0), (int)ceilf(x1),
              (int)ceilf(y1)};
    if (s.x0 < 0)
        s.x0 = 0;
    if (s.y0 < 0)
        s.y0 = 0;
    if (s.x1 > f->w - 1)
        s.x1 = f->w - 1;
    if (s.y1 > f->h - 1)
        s.y1 = f->h - 1;
    return s;
}

// Distance from p to the tapered capsule, and where along it (t) and how
// far across (nx, ny: the offset from the axis over the local radius).
typedef struct LimbGeo {
    float ax, ay, dx, dy, len2, ra, rb;
} LimbGeo;

static LimbGeo limb_geo(RasterLimb l)
{
    LimbGeo g = {l.a.x, l.a.y, l.b.x - l.a.x, l.b.y - l.a.y, 0, l.ra, l.rb};
    g.len2 = g.dx * g.dx + g.dy * g.dy;
    return g;
}

// An approximation of the tapered capsule's distance good to a fraction
// of a pixel for the gentle tapers of limbs: the radius is interpolated at
// the nearest point of the axis.
static inline float limb_dist(const LimbGeo *g, float px, float py, float *nx,
                              float *ny)
{
    float x = px - g->ax, y = py - g->ay;
    float t = g->len2 > 0 ? (x * g->dx + y * g->dy) / g->len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    float ex = x - t * g->dx, ey = y - t * g->dy;
    float r = g->ra + (g->rb - g->ra) * t;
    float d = sqrtf(ex * ex + ey * ey);
    if (nx) {
        float inv = r > 0 ? 1.0f / r : 0;
        *nx = ex * inv;
        *ny = ey * inv;
    }
    return d - r;
}

void raster_limb(PoseFrame *f, RasterLimb l, uint32_t c, float shade)
{
    float r = fmaxf(l.ra, l.rb) + 1;
    Span s = clip_box(f, fminf(l.a.x, l.b.x) - r, fminf(l.a.y, l.b.y) - r,
                      fmaxf(l.a.x, l.b.x) + r, fmaxf(l.a.y, l.b.y) + r);
    LimbGeo g = limb_geo(l);
    // Light from the upper left and towards the viewer.
    const float lx = -0.42f, ly = -0.55f, lz = 0.72f;
    float cr = (float)((c >> 16) & 255), cg = (float)((c >> 8) & 255),
          cb = (float)(c & 255);
    for (int y = s.y0; y <= s.y1; y++) {
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        for (int x = s.x0; x <= s.x1; x++) {
            float nx, ny;
            float d = limb_dist(&g, x + 0.5f, y + 0.5f, &nx, &ny);
            if (d >= 0.5f)
                continue;
            uint32_t col = c;
            if (shade > 0) {
                float n2 = nx * nx + ny * ny;
                float nz = n2 < 1 ? sqrtf(1 - n2) : 0;
                float lam = nx * lx + ny * ly + nz * lz;
                if (lam < 0)
                    lam = 0;
                float k = 1 + shade * (0.62f * lam - 0.38f);
                float rr = cr * k, gg = cg * k, bb = cb * k;
                rr = rr > 255 ? 255 : rr;
                gg = gg > 255 ? 255 : gg;
                bb = bb > 255 ? 255 : bb;
                col = (c & 0xFF000000u) | (uint32_t)rr << 16 |
                      (uint32_t)gg << 8 | (uint32_t)bb;
            }
            blend(&row[x], col, 0.5f - d);
        }
    }
}

void raster_glow(PoseFrame *f, RasterLimb l, float halo, uint32_t c,
                 float alpha)
{
    if (alpha <= 0)
        return;
    float r = fmaxf(l.ra, l.rb) + halo + 1;
    Span s = clip_box(f, fminf(l.a.x, l.b.x) - r, fminf(l.a.y, l.b.y) - r,
                      fmaxf(l.a.x, l.b.x) + r, fmaxf(l.a.y, l.b.y) + r);
    LimbGeo g = limb_geo(l);
    for (int y = s.y0; y <= s.y1; y++) {
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        for (int x = s.x0; x <= s.x1; x++) {
            float d = limb_dist(&g, x + 0.5f, y + 0.5f, NULL, NULL);
            if (d >= halo)
                continue;
            float a = d <= 0.5f ? 1 : 1 - (d - 0.5f) / (halo - 0.5f);
            if (d > 0.5f)
                a *= a * 0.55f;
            blend(&row[x], c, a * alpha);
        }
    }
}

void raster_rect(PoseFrame *f, float x0, float y0, float x1, float y1,
                 uint32_t c, float alpha)
{
    Span s = clip_box(f, x0, y0, x1, y1);
    for (int y = s.y0; y <= s.y1; y++) {
        float cy = fminf(y + 1.0f, y1) - fmaxf((float)y, y0);
        if (cy <= 0)
            continue;
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        for (int x = s.x0; x <= s.x1; x++) {
            float cx = fminf(x + 1.0f, x1) - fmaxf((float)x, x0);
            if (cx > 0)
                blend(&row[x], c, alpha * fminf(cx, 1) * fminf(cy, 1));
        }
    }
}

void raster_soft_ellipse(PoseFrame *f, float cx, float cy, float rx, float ry,
                         uint32_t c, float alpha)
{
    if (rx < 1 || ry < 1)
        return;
    Span s = clip_box(f, cx - rx, cy - ry, cx + rx, cy + ry);
    for (int y = s.y0; y <= s.y1; y++) {
        float v = (y + 0.5f - cy) / ry;
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        for (int x = s.x0; x <= s.x1; x++) {
            float u = (x + 0.5f - cx) / rx;
            float d = u * u + v * v;
            if (d < 1)
                blend(&row[x], c, alpha * (1 - d) * (1 - d));
        }
    }
}

void raster_gradient(PoseFrame *f, int y0, int y1, uint32_t c0, uint32_t c1)
{
    if (y0 < 0)
        y0 = 0;
    if (y1 > f->h)
        y1 = f->h;
    for (int y = y0; y < y1; y++) {
        float t = y1 - y0 > 1 ? (float)(y - y0) / (float)(y1 - y0 - 1) : 0;
        uint32_t c = 0xFF000000u;
        for (int sh = 0; sh <= 16; sh += 8) {
            float a = (float)((c0 >> sh) & 255), b = (float)((c1 >> sh) & 255);
            c |= (uint32_t)(a + (b - a) * t + 0.5f) << sh;
        }
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        for (int x = 0; x < f->w; x++)
            row[x] = c;
    }
}
