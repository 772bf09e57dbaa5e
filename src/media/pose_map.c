/*
 * The intro card's muscle map: a body from the front and from the back,
 * side by side, with the muscles the exercise trains lit in the glow the
 * demo figure uses while it works them.
 */
#include "media/pose_internal.h"

#define C_MAP_BODY 0xFF56628Fu
#define C_MAP_LINE 0xFF0A0D18u

typedef struct Map {
    PoseFrame *f;
    float cx, top, u; // a body's centre line, its top, its height
} Map;

// A limb in body units (x from the centre line, y down from the top),
// mirrored to both sides unless on the centre line.
static RasterLimb part(const Map *m, float x0, float y0, float x1, float y1,
                       float r0, float r1)
{
    return (RasterLimb){{m->cx + x0 * m->u, m->top + y0 * m->u},
                        {m->cx + x1 * m->u, m->top + y1 * m->u},
                        r0 * m->u,
                        r1 * m->u};
}

static void body(const Map *m, bool outline_pass)
{
    static const float parts[][6] = {
        {0, 0.085f, 0, 0.085f, 0.065f, 0.065f},          // head
        {0, 0.15f, 0, 0.19f, 0.03f, 0.03f},              // neck
        {0, 0.22f, 0, 0.46f, 0.088f, 0.074f},            // torso
        {-0.11f, 0.215f, 0.11f, 0.215f, 0.045f, 0.045f}, // shoulders
        {-0.06f, 0.515f, 0.06f, 0.515f, 0.072f, 0.072f}, // pelvis
    };
    static const float sides[][6] = {
        {0.06f, 0.53f, 0.066f, 0.75f, 0.056f, 0.038f}, // thigh
        {0.066f, 0.77f, 0.06f, 0.96f, 0.037f, 0.024f}, // shin
        {0.13f, 0.23f, 0.16f, 0.40f, 0.032f, 0.026f},  // upper arm
        {0.16f, 0.41f, 0.17f, 0.56f, 0.025f, 0.02f},   // forearm
    };
    float grow = outline_pass ? m->u * 0.012f + 0.6f : 0;
    uint32_t c = outline_pass ? C_MAP_LINE : C_MAP_BODY;
    for (unsigned i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        const float *p = parts[i];
        RasterLimb l = part(m, p[0], p[1], p[2], p[3], p[4], p[5]);
        l.ra += grow;
        l.rb += grow;
        raster_limb(m->f, l, c, outline_pass ? 0 : 0.6f);
    }
    for (unsigned i = 0; i < sizeof(sides) / sizeof(sides[0]); i++)
        for (int s = -1; s <= 1; s += 2) {
            const float *p = sides[i];
            RasterLimb l = part(m, s * p[0], p[1], s * p[2], p[3], p[4], p[5]);
            l.ra += grow;
            l.rb += grow;
            raster_limb(m->f, l, c, outline_pass ? 0 : 0.6f);
        }
}

static void lit(const Map *m, float x0, float y0, float x1, float y1, float r0,
                float r1)
{
    for (int s = -1; s <= 1; s += 2)
        raster_glow(m->f, part(m, s * x0, y0, s * x1, y1, r0, r1),
                    m->u * 0.025f, POSE_GLOW, 1);
}

void pose_render_muscle_map(PoseFrame *f, const char *id)
{
    unsigned mus = pose_muscles(id);
    float u = f->h * 0.92f;
    if (u > f->w * 0.42f / 0.36f)
        u = f->w * 0.42f / 0.36f; // two bodies side by side must fit
    Map front = {f, f->w * 0.27f, (f->h - u) * 0.5f, u};
    Map back = {f, f->w * 0.73f, (f->h - u) * 0.5f, u};
    for (int i = 0; i < 2; i++) {
        const Map *m = i == 0 ? &front : &back;
        body(m, true);
        body(m, false);
    }
    if (mus & POSE_MUSCLE_QUADS)
        lit(&front, 0.058f, 0.58f, 0.064f, 0.72f, 0.04f, 0.028f);
    if (mus & POSE_MUSCLE_ABDUCTORS) {
        lit(&front, 0.105f, 0.49f, 0.10f, 0.55f, 0.028f, 0.026f);
        lit(&back, 0.085f, 0.47f, 0.09f, 0.5f, 0.03f, 0.026f);
    }
    if (mus & POSE_MUSCLE_GLUTES)
        lit(&back, 0.045f, 0.51f, 0.045f, 0.55f, 0.05f, 0.048f);
    if (mus & POSE_MUSCLE_HAMSTRINGS)
        lit(&back, 0.062f, 0.6f, 0.066f, 0.73f, 0.038f, 0.026f);
    if (mus & POSE_MUSCLE_CALVES)
        lit(&back, 0.066f, 0.79f, 0.063f, 0.87f, 0.034f, 0.022f);
}
