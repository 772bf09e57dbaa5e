/*
 * The window and renderer. Fullscreen-desktop by default; a window with
 * --windowed; offscreen rendering with --headless. Vsync on an accelerated
 * renderer, the software renderer as the fallback. Only this module and
 * input.c call SDL_Init / SDL_PollEvent.
 */
#ifndef UL_PLATFORM_VIDEO_H
#define UL_PLATFORM_VIDEO_H

#include <SDL.h>
#include <stdbool.h>

typedef struct Video {
    SDL_Window *window;
    SDL_Renderer *renderer;
    int w, h; // output size in pixels
    bool headless;
    bool software; // the fallback renderer is in use
    bool vsync;    // presenting waits for the display's refresh
    char renderer_name[32];
    char driver[32]; // SDL video driver name
} Video;

// Open; on failure false with a one-line reason in err. Everything opened so
// far is closed again.
bool video_open(Video *v, bool headless, bool windowed, int w, int h, char *err,
                size_t errsize);
void video_close(Video *v); // safe after a failed open

// Re-read the output size (after a resize). True when it changed.
bool video_update_size(Video *v);

// Keep the screen awake while coaching.
void video_allow_blanking(Video *v, bool allow);

// Read the current frame into a PNG file. False with err on failure.
bool video_screenshot(Video *v, const char *path, char *err, size_t errsize);

#endif
