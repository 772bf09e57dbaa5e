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
    if (a >= 1 && c >= 0xFF000000u) { // most pixels: inside, opaque
        *d = c;
        return;
    }
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

static Span clip_box(const PoseFrame *f, float x0, float y0, float x1, float y1)
{
    Span s = {(int)floorf(x0), (int)floorf(y0), (int)ceilf(x1), (int)ceilf(y1)};
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
    float ax, ay, dx, dy, inv_len2, ra, rb;
} LimbGeo;

static LimbGeo limb_geo(RasterLimb l)
{
    LimbGeo g = {l.a.x, l.a.y, l.b.x - l.a.x, l.b.y - l.a.y, 0, l.ra, l.rb};
    float len2 = g.dx * g.dx + g.dy * g.dy;
    g.inv_len2 = len2 > 0 ? 1 / len2 : 0;
    return g;
}

// An approximation of the tapered capsule's distance good to a fraction
// of a pixel for the gentle tapers of limbs: the radius is interpolated at
// the nearest point of the axis.
static inline float limb_dist(const LimbGeo *g, float px, float py, float *nx,
                              float *ny)
{
    float x = px - g->ax, y = py - g->ay;
    float t = (x * g->dx + y * g->dy) * g->inv_len2;
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

// The columns of row y (pixel centre yc) that can be within r of the
// segment a-b: those of the segment's stretch whose height is within r of
// the row, widened by r. Narrows the box of a slanted limb to its band.
static bool row_span(const Span *s, RasterPt a, RasterPt b, float r, float yc,
                     int *x0, int *x1)
{
    float dy = b.y - a.y, ta = 0, tb = 1;
    if (fabsf(dy) > 1e-6f) {
        ta = (yc - r - a.y) / dy;
        tb = (yc + r - a.y) / dy;
        if (ta > tb) {
            float t = ta;
            ta = tb;
            tb = t;
        }
        ta = ta < 0 ? 0 : ta;
        tb = tb > 1 ? 1 : tb;
        if (ta > tb)
            return false;
    } else if (fabsf(yc - a.y) > r) {
        return false;
    }
    float xa = a.x + (b.x - a.x) * ta, xb = a.x + (b.x - a.x) * tb;
    int lo = (int)floorf(fminf(xa, xb) - r), hi = (int)ceilf(fmaxf(xa, xb) + r);
    *x0 = lo < s->x0 ? s->x0 : lo;
    *x1 = hi > s->x1 ? s->x1 : hi;
    return *x0 <= *x1;
}

// sqrt(1 - n2) for n2 in 0..1 in 256 steps: the height of a unit sphere
// over a point at squared distance n2 from its centre (shading).
static const float sphere_z[256] = {
    0.9990f, 0.9971f, 0.9951f, 0.9931f, 0.9912f, 0.9892f, 0.9872f, 0.9852f,
    0.9833f, 0.9813f, 0.9793f, 0.9773f, 0.9753f, 0.9733f, 0.9713f, 0.9693f,
    0.9672f, 0.9652f, 0.9632f, 0.9612f, 0.9591f, 0.9571f, 0.9550f, 0.9530f,
    0.9509f, 0.9489f, 0.9468f, 0.9448f, 0.9427f, 0.9406f, 0.9385f, 0.9365f,
    0.9344f, 0.9323f, 0.9302f, 0.9281f, 0.9260f, 0.9239f, 0.9217f, 0.9196f,
    0.9175f, 0.9154f, 0.9132f, 0.9111f, 0.9089f, 0.9068f, 0.9046f, 0.9025f,
    0.9003f, 0.8981f, 0.8960f, 0.8938f, 0.8916f, 0.8894f, 0.8872f, 0.8850f,
    0.8828f, 0.8806f, 0.8783f, 0.8761f, 0.8739f, 0.8716f, 0.8694f, 0.8672f,
    0.8649f, 0.8626f, 0.8604f, 0.8581f, 0.8558f, 0.8535f, 0.8512f, 0.8489f,
    0.8466f, 0.8443f, 0.8420f, 0.8397f, 0.8374f, 0.8350f, 0.8327f, 0.8303f,
    0.8280f, 0.8256f, 0.8232f, 0.8209f, 0.8185f, 0.8161f, 0.8137f, 0.8113f,
    0.8089f, 0.8065f, 0.8040f, 0.8016f, 0.7992f, 0.7967f, 0.7943f, 0.7918f,
    0.7893f, 0.7869f, 0.7844f, 0.7819f, 0.7794f, 0.7769f, 0.7743f, 0.7718f,
    0.7693f, 0.7667f, 0.7642f, 0.7616f, 0.7591f, 0.7565f, 0.7539f, 0.7513f,
    0.7487f, 0.7461f, 0.7435f, 0.7408f, 0.7382f, 0.7355f, 0.7329f, 0.7302f,
    0.7275f, 0.7248f, 0.7221f, 0.7194f, 0.7167f, 0.7140f, 0.7112f, 0.7085f,
    0.7057f, 0.7030f, 0.7002f, 0.6974f, 0.6946f, 0.6917f, 0.6889f, 0.6861f,
    0.6832f, 0.6804f, 0.6775f, 0.6746f, 0.6717f, 0.6688f, 0.6659f, 0.6629f,
    0.6600f, 0.6570f, 0.6540f, 0.6510f, 0.6480f, 0.6450f, 0.6420f, 0.6389f,
    0.6358f, 0.6328f, 0.6297f, 0.6266f, 0.6234f, 0.6203f, 0.6171f, 0.6140f,
    0.6108f, 0.6076f, 0.6043f, 0.6011f, 0.5978f, 0.5946f, 0.5913f, 0.5880f,
    0.5846f, 0.5813f, 0.5779f, 0.5745f, 0.5711f, 0.5677f, 0.5642f, 0.5608f,
    0.5573f, 0.5538f, 0.5502f, 0.5467f, 0.5431f, 0.5395f, 0.5358f, 0.5322f,
    0.5285f, 0.5248f, 0.5210f, 0.5173f, 0.5135f, 0.5097f, 0.5058f, 0.5019f,
    0.4980f, 0.4941f, 0.4901f, 0.4861f, 0.4821f, 0.4780f, 0.4739f, 0.4698f,
    0.4656f, 0.4614f, 0.4571f, 0.4529f, 0.4485f, 0.4441f, 0.4397f, 0.4353f,
    0.4308f, 0.4262f, 0.4216f, 0.4169f, 0.4122f, 0.4075f, 0.4026f, 0.3977f,
    0.3928f, 0.3878f, 0.3827f, 0.3776f, 0.3724f, 0.3671f, 0.3617f, 0.3563f,
    0.3508f, 0.3452f, 0.3395f, 0.3337f, 0.3278f, 0.3217f, 0.3156f, 0.3094f,
    0.3030f, 0.2965f, 0.2898f, 0.2830f, 0.2760f, 0.2688f, 0.2615f, 0.2539f,
    0.2461f, 0.2380f, 0.2296f, 0.2210f, 0.2119f, 0.2025f, 0.1926f, 0.1822f,
    0.1712f, 0.1593f, 0.1466f, 0.1326f, 0.1169f, 0.0988f, 0.0765f, 0.0442f};

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
        int xa, xb;
        if (!row_span(&s, l.a, l.b, r, y + 0.5f, &xa, &xb))
            continue;
        for (int x = xa; x <= xb; x++) {
            float nx, ny;
            float d = limb_dist(&g, x + 0.5f, y + 0.5f, &nx, &ny);
            if (d >= 0.5f)
                continue;
            uint32_t col = c;
            if (shade > 0) {
                float n2 = nx * nx + ny * ny;
                float nz = n2 < 1 ? sphere_z[(int)(n2 * 255.0f)] : 0;
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

void raster_outline(PoseFrame *f, RasterLimb l, float width, uint32_t c)
{
    float r = fmaxf(l.ra, l.rb) + width + 1;
    Span s = clip_box(f, fminf(l.a.x, l.b.x) - r, fminf(l.a.y, l.b.y) - r,
                      fmaxf(l.a.x, l.b.x) + r, fmaxf(l.a.y, l.b.y) + r);
    LimbGeo g = limb_geo(l);
    for (int y = s.y0; y <= s.y1; y++) {
        uint32_t *row = f->pixels + (size_t)y * f->stride;
        int xa, xb;
        if (!row_span(&s, l.a, l.b, r, y + 0.5f, &xa, &xb))
            continue;
        for (int x = xa; x <= xb; x++) {
            float d = limb_dist(&g, x + 0.5f, y + 0.5f, NULL, NULL);
            // Deeper inside, the limb's own fill covers it whole.
            if (d < -1.0f)
                continue;
            blend(&row[x], c, 0.5f - (d - width));
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
        int xa, xb;
        if (!row_span(&s, l.a, l.b, r, y + 0.5f, &xa, &xb))
            continue;
        for (int x = xa; x <= xb; x++) {
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
