/*
 * The demo coach's rasteriser: anti-aliased shapes drawn into a 32-bit
 * 0xAARRGGBB frame (PoseFrame). Every shape is a signed distance field
 * evaluated per pixel, so edges are smooth at any size and the same input
 * gives the same pixels on every machine.
 *
 * Owns nothing: it draws into the caller's frame. Pure: no SDL, no FFmpeg.
 */
#ifndef UL_MEDIA_RASTER_H
#define UL_MEDIA_RASTER_H

#include <stdint.h>

#include "media/pose.h"

typedef struct RasterPt {
    float x, y; // pixels, y down
} RasterPt;

// A limb: a capsule from a (radius ra) to b (radius rb), filled with c.
// shade 0 is flat; 1 lights it as a cylinder from the upper left.
typedef struct RasterLimb {
    RasterPt a, b;
    float ra, rb;
} RasterLimb;

void raster_limb(PoseFrame *f, RasterLimb l, uint32_t c, float shade);

// The ring of width `width` round a limb: its outline, for a limb whose
// fill is drawn over it afterwards (inside, it leaves the pixels alone).
void raster_outline(PoseFrame *f, RasterLimb l, float width, uint32_t c);

// A soft glow: full strength `alpha` inside the limb, fading to nothing
// `halo` pixels outside it.
void raster_glow(PoseFrame *f, RasterLimb l, float halo, uint32_t c,
                 float alpha);

// Axis-aligned rectangle, edges anti-aliased; alpha scales c's own.
void raster_rect(PoseFrame *f, float x0, float y0, float x1, float y1,
                 uint32_t c, float alpha);

// A soft-edged ellipse (shadows): alpha at the centre, 0 at the rim.
void raster_soft_ellipse(PoseFrame *f, float cx, float cy, float rx, float ry,
                         uint32_t c, float alpha);

// Rows y0..y1 filled with a vertical gradient from c0 to c1.
void raster_gradient(PoseFrame *f, int y0, int y1, uint32_t c0, uint32_t c1);

// c scaled towards black (k < 1) or white (k > 1), alpha kept.
uint32_t raster_tint(uint32_t c, float k);

#endif
