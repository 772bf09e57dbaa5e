/*
 * Tone synthesis.
 */
#include "audio/tones.h"

#include <math.h>
#include <stdlib.h>

typedef struct Note {
    float start_s, dur_s;
    float f0, f1; // sweep from f0 to f1
    float amp;
} Note;

static int16_t *render(const Note *notes, int n, int rate, int *frames)
{
    float end = 0;
    for (int i = 0; i < n; i++)
        if (notes[i].start_s + notes[i].dur_s > end)
            end = notes[i].start_s + notes[i].dur_s;
    int total = (int)(end * rate) + 1;
    float *mix = calloc((size_t)total, sizeof(float));
    int16_t *out = malloc((size_t)total * 2 * sizeof(int16_t));
    if (!mix || !out) {
        free(mix);
        free(out);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        const Note *no = &notes[i];
        int s0 = (int)(no->start_s * rate), len = (int)(no->dur_s * rate);
        double phase = 0;
        for (int k = 0; k < len && s0 + k < total; k++) {
            float t = (float)k / len;
            float f = no->f0 + (no->f1 - no->f0) * t;
            phase += 2 * M_PI * f / rate;
            // 5 ms attack, exponential-ish release over the last 40%.
            float env = fminf(1.0f, k / (0.005f * rate));
            if (t > 0.6f)
                env *= (1 - t) / 0.4f;
            // A touch of the octave makes it cut through a noisy gym.
            mix[s0 + k] +=
                no->amp * env * (float)(sin(phase) + 0.25 * sin(2 * phase));
        }
    }
    for (int k = 0; k < total; k++) {
        float v = mix[k];
        v = v > 1 ? 1 : v < -1 ? -1 : v;
        out[2 * k] = out[2 * k + 1] = (int16_t)(v * 26000);
    }
    free(mix);
    *frames = total;
    return out;
}

int16_t *tone_render(CueSound s, int rate, int *frames)
{
    switch (s) {
    case CUE_SOUND_BEEP: {
        static const Note n[] = {{0, 0.15f, 880, 880, 0.7f}};
        return render(n, 1, rate, frames);
    }
    case CUE_SOUND_GO: {
        static const Note n[] = {{0, 0.45f, 1320, 1320, 0.8f}};
        return render(n, 1, rate, frames);
    }
    case CUE_SOUND_TICK: {
        static const Note n[] = {{0, 0.04f, 2000, 1500, 0.45f}};
        return render(n, 1, rate, frames);
    }
    case CUE_SOUND_SET_DONE: {
        static const Note n[] = {{0, 0.16f, 660, 660, 0.6f},
                                 {0.12f, 0.3f, 990, 990, 0.6f}};
        return render(n, 2, rate, frames);
    }
    case CUE_SOUND_SWITCH: {
        static const Note n[] = {{0, 0.35f, 500, 1000, 0.7f}};
        return render(n, 1, rate, frames);
    }
    case CUE_SOUND_REST_OVER: {
        static const Note n[] = {{0, 0.1f, 1100, 1100, 0.7f},
                                 {0.16f, 0.1f, 1100, 1100, 0.7f}};
        return render(n, 2, rate, frames);
    }
    case CUE_SOUND_FANFARE: {
        static const Note n[] = {{0, 0.18f, 523, 523, 0.5f},
                                 {0.18f, 0.18f, 659, 659, 0.5f},
                                 {0.36f, 0.18f, 784, 784, 0.5f},
                                 {0.54f, 0.6f, 1047, 1047, 0.6f}};
        return render(n, 4, rate, frames);
    }
    case CUE_SOUND_BADGE: {
        static const Note n[] = {{0, 0.1f, 1568, 1568, 0.4f},
                                 {0.08f, 0.1f, 2093, 2093, 0.4f},
                                 {0.16f, 0.3f, 2637, 2637, 0.4f}};
        return render(n, 3, rate, frames);
    }
    case CUE_SOUND_NONE:
    case CUE_SOUND_COUNT_: break;
    }
    *frames = 0;
    return NULL;
}
