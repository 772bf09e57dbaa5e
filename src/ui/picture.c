/*
 * YUV texture upload and fitted drawing.
 */
#include "ui/picture.h"

#include <math.h>
#include <stdio.h>

static void conversion_mode(const PictureTexture *pt)
{
    SDL_SetYUVConversionMode(pt->full_range ? SDL_YUV_CONVERSION_JPEG
                             : pt->bt709    ? SDL_YUV_CONVERSION_BT709
                                            : SDL_YUV_CONVERSION_BT601);
}

bool picture_upload(SDL_Renderer *r, PictureTexture *pt, const ClipPicture *pic,
                    char *err, size_t errsize)
{
    if (!pt->tex || pt->w != pic->w || pt->h != pic->h ||
        pt->format != pic->format || pt->full_range != pic->full_range ||
        pt->bt709 != pic->bt709) {
        picture_free(pt);
        pt->w = pic->w;
        pt->h = pic->h;
        pt->format = pic->format;
        pt->full_range = pic->full_range;
        pt->bt709 = pic->bt709;
        conversion_mode(pt);
        pt->tex = SDL_CreateTexture(
            r,
            pic->format == CLIP_FMT_NV12 ? SDL_PIXELFORMAT_NV12
                                         : SDL_PIXELFORMAT_IYUV,
            SDL_TEXTUREACCESS_STREAMING, pic->w, pic->h);
        if (!pt->tex) {
            snprintf(err, errsize, "video texture %dx%d: %s", pic->w, pic->h,
                     SDL_GetError());
            return false;
        }
    }
    conversion_mode(pt);
    int rc =
        pic->format == CLIP_FMT_NV12
            ? SDL_UpdateNVTexture(pt->tex, NULL, pic->plane[0], pic->pitch[0],
                                  pic->plane[1], pic->pitch[1])
            : SDL_UpdateYUVTexture(pt->tex, NULL, pic->plane[0], pic->pitch[0],
                                   pic->plane[1], pic->pitch[1], pic->plane[2],
                                   pic->pitch[2]);
    if (rc != 0) {
        snprintf(err, errsize, "video upload: %s", SDL_GetError());
        return false;
    }
    return true;
}

void picture_draw(SDL_Renderer *r, const PictureTexture *pt, int rotation,
                  float x, float y, float w, float h, bool cover)
{
    if (!pt->tex)
        return;
    bool sideways = rotation == 90 || rotation == 270;
    float pw = sideways ? (float)pt->h : (float)pt->w;
    float ph = sideways ? (float)pt->w : (float)pt->h;
    float s = cover ? fmaxf(w / pw, h / ph) : fminf(w / pw, h / ph);
    float dw = pw * s, dh = ph * s;
    // The texture is drawn unrotated, then turned about its centre.
    float tw = sideways ? dh : dw, th = sideways ? dw : dh;
    SDL_FRect dst = {x + (w - tw) / 2, y + (h - th) / 2, tw, th};
    SDL_Rect clip = {(int)x, (int)y, (int)w, (int)h};
    SDL_RenderSetClipRect(r, &clip);
    conversion_mode(pt);
    if (rotation == 0)
        SDL_RenderCopyF(r, pt->tex, NULL, &dst); // the fast path
    else
        SDL_RenderCopyExF(r, pt->tex, NULL, &dst, rotation, NULL,
                          SDL_FLIP_NONE);
    SDL_RenderSetClipRect(r, NULL);
}

void picture_free(PictureTexture *pt)
{
    if (pt->tex)
        SDL_DestroyTexture(pt->tex);
    pt->tex = NULL;
}
