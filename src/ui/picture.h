/*
 * Clip pictures on screen: upload to a YUV texture without conversion
 * (IYUV, NV12) with the right colour matrix and range, and draw fitted
 * (letterboxed) or covering, turned upright by the clip's rotation.
 */
#ifndef UL_UI_PICTURE_H
#define UL_UI_PICTURE_H

#include <SDL.h>
#include <stdbool.h>

#include "media/clip.h"

typedef struct PictureTexture {
    SDL_Texture *tex;
    int w, h;
    ClipFormat format;
    bool full_range, bt709;
} PictureTexture;

// Upload; false (with SDL's reason in err) on failure.
bool picture_upload(SDL_Renderer *r, PictureTexture *pt, const ClipPicture *pic,
                    char *err, size_t errsize);
void picture_draw(SDL_Renderer *r, const PictureTexture *pt, int rotation,
                  float x, float y, float w, float h, bool cover);
void picture_free(PictureTexture *pt);

#endif
