/*
 * Speech: espeak-ng in-process, synchronous synthesis on one worker thread;
 * phrases are cached by text, so a phrase asked for ahead (during an intro
 * or a rest) is ready when its cue comes. The cache keeps each phrase as
 * espeak-ng made it (mono, 22 kHz: a quarter of the mixer's 48 kHz stereo)
 * within SPEECH_BYTES_MAX, and makes the mixer's copy when the phrase is
 * played (well under a millisecond), keeping it only while it plays. A voice
 * pack folder of recorded clips (<key>.wav, key = the phrase in lower case
 * with '-' for spaces) overrides any phrase.
 */
#ifndef UL_AUDIO_SPEECH_H
#define UL_AUDIO_SPEECH_H

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdbool.h>
#include <stdint.h>

#define SPEECH_CACHE 256
#define SPEECH_TEXT_MAX 160
// Bytes the cached phrases may hold (the ones being made or played aside):
// some three minutes of espeak-ng's speech, every phrase of a routine.
#define SPEECH_BYTES_MAX (8u << 20)
// Of which the mixer's copies of synthesised phrases (four times as large):
// the phrase playing, and the few said before it.
#define SPEECH_CHUNK_BYTES_MAX (1u << 20)

typedef struct SpeechClip {
    char text[SPEECH_TEXT_MAX];
    int16_t *pcm; // mono at the synthesiser's rate (synthesised phrases)
    int samples;
    int16_t *play;    // the chunk's samples: stereo at the output rate
    Mix_Chunk *chunk; // made on the main thread when played
    size_t chunk_bytes;
    bool ready, failed, from_pack;
    uint64_t used;
} SpeechClip;

typedef struct Speech {
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *wake;
    bool quit;
    bool engine_ok; // espeak-ng started
    bool engine_tried;
    int out_rate;
    int in_rate; // espeak-ng's
    int wpm;
    size_t bytes;       // held by the cache: phrases, chunks, pack recordings
    size_t chunk_bytes; // of which the mixer's copies of synthesised ones
    char pack_dir[512];
    char voice[32];
    SpeechClip clips[SPEECH_CACHE];
    uint64_t tick;
} Speech;

// Start the worker (espeak-ng starts on it). pack_dir may be "".
bool speech_start(Speech *sp, int out_rate, int wpm, const char *pack_dir,
                  const char *voice);
void speech_stop(Speech *sp);

// Ask for a phrase to be ready soon.
void speech_request(Speech *sp, const char *text);

// The chunk for a phrase if it is ready (main thread), else NULL; *failed
// is set when it will never be.
Mix_Chunk *speech_chunk(Speech *sp, const char *text, bool *failed);

// Phrase -> voice pack key: "3 to go" -> "3-to-go".
void speech_key(const char *text, char *key, size_t size);

#endif
