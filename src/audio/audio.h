/*
 * The kiosk's sound: synthesised cue sounds and spoken cues through
 * SDL_mixer (48 kHz, 512-frame chunks), or the null backend when there is
 * no sound device: then nothing plays and the captions carry the cues.
 * Only this module includes SDL_mixer.h and espeak-ng.
 *
 * Speech goes through a small queue: a cue waits only as long as it is
 * worth saying (stale cues are dropped), the most important pending cue goes
 * first, and a count or a key cue cuts off a long sentence instead of
 * waiting behind it.
 */
#ifndef UL_AUDIO_AUDIO_H
#define UL_AUDIO_AUDIO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/cues.h"

typedef struct Audio Audio;

typedef struct AudioOptions {
    bool headless; // open a device only if SDL_AUDIODRIVER names one
    int volume;    // 0..100
    bool voice;
    int chunk;              // frames per mixer chunk (512)
    const char *pack_dir;   // voice pack folder, or NULL
    const char *voice_name; // espeak-ng voice ("en", "en-us" ...), or NULL
    int speech_rate;        // words a minute, 0 for the default
} AudioOptions;

typedef struct AudioStats {
    int cues;              // speech cues played
    int dropped;           // stale speech cues dropped
    int sounds;            // sounds played
    double latency_max_ms; // cue queued -> first mixed, worst
    double latency_avg_ms;
} AudioStats;

// Never NULL unless out of memory; without a device it is the null backend
// and why goes to *why.
Audio *audio_open(const AudioOptions *opt, char *why, size_t whysize);
void audio_close(Audio *a);

bool audio_is_null(const Audio *a);
const char *audio_driver(const Audio *a);

// A cue at time now_ms (the app clock): its sound plays at once, its words
// are queued. The app chooses the cue for each engine event (core/cues.h).
void audio_cue(Audio *a, const Cue *c, int64_t now_ms);

// Once a frame: start the best pending speech, drop stale cues.
void audio_update(Audio *a, int64_t now_ms);

// Get a phrase ready ahead of its cue.
void audio_prepare(Audio *a, const char *text);

// The clip's own sound, mixed under the cues and ducked while speech plays.
// read(ud, out, frames) fills 48 kHz stereo s16 and returns the frames
// given. NULL stops it. When this returns, the old source is no longer read.
typedef int (*AudioSourceRead)(void *ud, int16_t *out, int frames);
void audio_set_clip_source(Audio *a, AudioSourceRead read, void *ud);

// The runner's music, mixed under everything: read as the clip's sound is
// (NULL stops it; when this returns the old source is no longer read).
void audio_set_music_source(Audio *a, AudioSourceRead read, void *ud);

// What the music does: off (silent, not read), playing (fades in), paused
// (silent within 50 ms, kept where it was), ending (fades out over 3 s,
// then silent).
typedef enum AudioMusic {
    AUDIO_MUSIC_OFF,
    AUDIO_MUSIC_PLAY,
    AUDIO_MUSIC_PAUSE,
    AUDIO_MUSIC_END,
} AudioMusic;
void audio_music(Audio *a, AudioMusic state);

// Its level (0..100, under the main volume) and how far it drops while the
// coach speaks (dB; reached in 80 ms, back over 400 ms after the voice
// ends). Beeps and ticks leave it alone; a clip's own sound silences it.
void audio_set_music_level(Audio *a, int volume, int duck_db);

void audio_set_volume(Audio *a, int volume);
void audio_set_voice(Audio *a, bool on);
void audio_set_muted(Audio *a, bool muted);

// Milliseconds of audio mixed since the device opened (the capture's own
// time with the disk driver), or -1 for the null backend.
int64_t audio_clock_ms(Audio *a);

void audio_stats(Audio *a, AudioStats *st);

#endif
