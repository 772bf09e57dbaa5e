/*
 * Synthesised sounds, no asset files: sine tones with short attack and
 * release so nothing clicks. 16-bit stereo at the given rate.
 */
#ifndef UL_AUDIO_TONES_H
#define UL_AUDIO_TONES_H

#include <stdint.h>

#include "core/cues.h"

// A newly allocated buffer of interleaved stereo samples; *frames gets its
// length. NULL on allocation failure. Free with free().
int16_t *tone_render(CueSound s, int rate, int *frames);

#endif
