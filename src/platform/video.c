/*
 * SDL window, renderer and screenshots.
 */
#include "platform/video.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/log.h"

bool video_open(Video *v, bool headless, bool windowed, int w, int h, char *err,
                size_t errsize)
{
    memset(v, 0, sizeof(*v));
    v->headless = headless;
    if (headless && !getenv("SDL_VIDEODRIVER"))
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    // Headless, the software renderer draws into plain memory: no GL
    // context is made just to carry its pictures.
    if (headless)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    // Stop signals are the app's own (platform/stop.c).
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_GAMECONTROLLER) !=
        0) {
        // A missing game controller subsystem is not a reason to stop.
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
            snprintf(err, errsize, "cannot start the display: %s",
                     SDL_GetError());
            return false;
        }
    }
    snprintf(v->driver, sizeof(v->driver), "%s",
             SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "?");
    // On the console (KMS/DRM, a Raspberry Pi) tearing is never wanted, and
    // with two buffers rather than three a cue's frame is on screen sooner.
    bool kmsdrm = SDL_strcasecmp(v->driver, "KMSDRM") == 0;
    if (kmsdrm) {
        SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
        SDL_SetHint(SDL_HINT_VIDEO_DOUBLE_BUFFER, "1");
    }
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (!headless && !windowed)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (!headless)
        flags |= SDL_WINDOW_RESIZABLE;
    if (w <= 0 || h <= 0) {
        w = 1280;
        h = 720;
    }
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    SDL_Rect screen;
    if (!headless && !windowed && SDL_GetDisplayBounds(0, &screen) == 0) {
        // Fullscreen: ask for the whole screen from the start. On X11
        // without a window manager nobody honours the fullscreen request,
        // and a window of the default size would stay in the middle.
        x = screen.x;
        y = screen.y;
        w = screen.w;
        h = screen.h;
    }
    v->window = SDL_CreateWindow("Ultra Legs", x, y, w, h, flags);
    if (!v->window) {
        snprintf(err, errsize, "cannot open a window (%s driver): %s",
                 v->driver, SDL_GetError());
        video_close(v);
        return false;
    }
    if (!headless)
        v->renderer = SDL_CreateRenderer(v->window, -1,
                                         SDL_RENDERER_ACCELERATED |
                                             SDL_RENDERER_PRESENTVSYNC);
    if (!v->renderer) {
        v->renderer = SDL_CreateRenderer(v->window, -1, SDL_RENDERER_SOFTWARE);
        v->software = true;
    }
    if (!v->renderer) {
        snprintf(err, errsize, "cannot create a renderer: %s", SDL_GetError());
        video_close(v);
        return false;
    }
    if (!headless)
        SDL_RenderSetVSync(v->renderer, 1); // even if the hint was overridden
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(v->renderer, &info) == 0) {
        v->vsync = (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0;
        snprintf(v->renderer_name, sizeof(v->renderer_name), "%s", info.name);
    }
    if (kmsdrm && !v->vsync)
        log_warn("video",
                 "the %s renderer on KMS/DRM has no vsync: pictures may tear",
                 v->renderer_name);
    SDL_SetRenderDrawBlendMode(v->renderer, SDL_BLENDMODE_BLEND);
    if (!headless)
        SDL_ShowCursor(SDL_DISABLE);
    video_update_size(v);
    return true;
}

void video_close(Video *v)
{
    if (v->renderer)
        SDL_DestroyRenderer(v->renderer);
    if (v->window)
        SDL_DestroyWindow(v->window);
    v->renderer = NULL;
    v->window = NULL;
    SDL_Quit();
}

bool video_update_size(Video *v)
{
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(v->renderer, &w, &h) != 0 || w <= 0 || h <= 0)
        return false;
    bool changed = w != v->w || h != v->h;
    v->w = w;
    v->h = h;
    return changed;
}

void video_allow_blanking(Video *v, bool allow)
{
    (void)v;
    if (allow)
        SDL_EnableScreenSaver();
    else
        SDL_DisableScreenSaver();
}

bool video_screenshot(Video *v, const char *path, char *err, size_t errsize)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, v->w, v->h, 32,
                                                    SDL_PIXELFORMAT_RGB888);
    if (!s) {
        snprintf(err, errsize, "screenshot: %s", SDL_GetError());
        return false;
    }
    bool ok = SDL_RenderReadPixels(v->renderer, NULL, SDL_PIXELFORMAT_RGB888,
                                   s->pixels, s->pitch) == 0;
    if (!ok)
        snprintf(err, errsize, "screenshot: %s", SDL_GetError());
    else if (IMG_SavePNG(s, path) != 0) {
        snprintf(err, errsize, "screenshot %s: %s", path, IMG_GetError());
        ok = false;
    }
    SDL_FreeSurface(s);
    return ok;
}
