/*
 * The palette: bold, high-contrast colours readable across a garage gym.
 */
#ifndef UL_UI_THEME_H
#define UL_UI_THEME_H

#include <SDL.h>

#define COL_BG ((SDL_Color){14, 18, 32, 255})
#define COL_BG2 ((SDL_Color){28, 36, 62, 255})
#define COL_PANEL ((SDL_Color){34, 44, 76, 235})
#define COL_PANEL_HI ((SDL_Color){56, 70, 118, 255})
#define COL_TEXT ((SDL_Color){245, 247, 255, 255})
#define COL_DIM ((SDL_Color){170, 180, 210, 255})
#define COL_ACCENT ((SDL_Color){255, 122, 46, 255})  // flame orange
#define COL_ACCENT2 ((SDL_Color){255, 196, 61, 255}) // gold
#define COL_GOOD ((SDL_Color){72, 220, 140, 255})    // green
#define COL_LEFT ((SDL_Color){82, 176, 255, 255})    // left leg: blue
#define COL_RIGHT ((SDL_Color){255, 92, 150, 255})   // right leg: pink
#define COL_WARN ((SDL_Color){255, 90, 80, 255})
#define COL_SHADE ((SDL_Color){0, 0, 0, 150})

#endif
