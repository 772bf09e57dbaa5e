/*
 * The intro card's muscle map: a small front-and-back body with the muscles
 * the exercise trains lit (drawn by media/pose), and their names beside it.
 * The picture is made once per exercise and kept in a texture.
 */
#ifndef UL_UI_MUSCLE_MAP_H
#define UL_UI_MUSCLE_MAP_H

#include <SDL.h>

#include "ui/ui.h"

typedef struct MuscleMap {
    SDL_Texture *tex; // owned; NULL until first drawn
    char pose[64];    // the pose it shows
    int w, h;
} MuscleMap;

// Draws the map of pose `pose` in the box: the bodies on the left, the
// names on the right when the box is wide enough for them. Draws nothing
// for a pose without muscles.
void muscle_map_draw(MuscleMap *m, Ui *ui, const char *pose, float x, float y,
                     float w, float h);
void muscle_map_free(MuscleMap *m);

#endif
