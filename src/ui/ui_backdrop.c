/*
 * A screen's still part kept whole. On the software renderer every pixel
 * drawn costs: an introduction's background, panels and dozen texts took
 * 2 ms a frame at 1080p, copying them whole as one opaque picture 0.4. Each
 * frame the screen's still part is first drawn dry: the primitives draw
 * nothing and sum up what they would draw (kind, place, colour, text). The
 * same sum as the frame before: the kept texture is copied. Another: it is
 * drawn anew into the texture. The dry pass also records the texts and
 * pictures for the layout log, so the log is the same either way.
 */
#include "ui/ui.h"

#include <string.h>

static void sum(Ui *ui, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        ui->dry_hash = (ui->dry_hash ^ b[i]) * 1099511628211ull;
}

bool ui_dry(Ui *ui, int kind, const float *v, int n, SDL_Color c,
            const char *text)
{
    if (!ui->dry)
        return false;
    sum(ui, &kind, sizeof(kind));
    if (n > 0)
        sum(ui, v, sizeof(*v) * (size_t)n);
    sum(ui, &c, sizeof(c));
    if (text)
        sum(ui, text, strlen(text) + 1);
    return true;
}

void ui_backdrop_forget(Ui *ui)
{
    if (ui->backdrop)
        SDL_DestroyTexture(ui->backdrop);
    ui->backdrop = NULL;
    ui->backdrop_w = ui->backdrop_h = 0;
}

void ui_backdrop(Ui *ui, UiDrawFn draw, const void *arg)
{
    if (!ui->software || ui->dry) {
        draw(ui, arg);
        return;
    }
    ui->dry = true;
    ui->dry_hash = 14695981039346656037ull;
    sum(ui, &ui->w, sizeof(ui->w));
    sum(ui, &ui->h, sizeof(ui->h));
    draw(ui, arg);
    ui->dry = false;
    uint64_t h = ui->dry_hash;
    // What the dry pass recorded stands for this frame's still part.
    int nrecords = ui->nrecords, npictures = ui->npictures;
    if (!ui->backdrop || ui->backdrop_w != ui->w || ui->backdrop_h != ui->h) {
        ui_backdrop_forget(ui);
        ui->backdrop =
            SDL_CreateTexture(ui->r, SDL_PIXELFORMAT_RGB888,
                              SDL_TEXTUREACCESS_TARGET, ui->w, ui->h);
        if (ui->backdrop) {
            SDL_SetTextureBlendMode(ui->backdrop, SDL_BLENDMODE_NONE);
            ui->backdrop_w = ui->w;
            ui->backdrop_h = ui->h;
            ui->backdrop_hash = ~h;
        }
    }
    SDL_Texture *screen = SDL_GetRenderTarget(ui->r);
    bool kept = ui->backdrop && h == ui->backdrop_hash;
    if (ui->backdrop && !kept &&
        SDL_SetRenderTarget(ui->r, ui->backdrop) == 0) {
        ui->making = true;
        SDL_SetRenderDrawColor(ui->r, 0, 0, 0, 255);
        SDL_RenderClear(ui->r);
        draw(ui, arg);
        ui->making = false;
        kept = SDL_SetRenderTarget(ui->r, screen) == 0;
        ui->backdrop_hash = kept ? h : ~h;
        ui->backdrop_draws++;
        if (!kept)
            ui_backdrop_forget(ui); // the screen is its target again
    }
    if (kept) {
        SDL_RenderCopy(ui->r, ui->backdrop, NULL, NULL);
        ui->backdrop_used = ui->frame;
    } else {
        // No texture to keep it in: drawn as it is, every frame.
        draw(ui, arg);
    }
    ui->nrecords = nrecords;
    ui->npictures = npictures;
}
