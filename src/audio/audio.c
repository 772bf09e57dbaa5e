/*
 * SDL_mixer backend, null backend, the speech queue.
 */
#include "audio/audio.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audio/speech.h"
#include "audio/tones.h"
#include "platform/log.h"

#define RATE 48000
#define SOUND_CHANNELS 6
#define SPEECH_CHANNEL 7
#define PENDING_MAX 24

typedef struct Pending {
    char text[SESSION_TEXT_MAX];
    CuePriority prio;
    int64_t at;
    int stale_ms;
    uint64_t queued_ticks; // SDL ticks when queued, for latency
} Pending;

struct Audio {
    bool null;
    bool voice, muted;
    int volume;
    char driver[32];
    Speech speech;
    Mix_Chunk *sounds[CUE_SOUND_COUNT_];
    int16_t *sound_pcm[CUE_SOUND_COUNT_];
    Pending pend[PENDING_MAX];
    int npend;
    CuePriority playing_prio;
    SDL_atomic_t frames_mixed;
    // Latency: the ticks of the last dispatch, waiting for the mixer.
    SDL_atomic_t dispatch_pending;
    uint64_t dispatch_ticks;
    double lat_sum, lat_max;
    int lat_n;
    AudioStats st;
    // Clip sound (read on the mixer thread).
    AudioSourceRead src_read;
    void *src_ud;
    SDL_atomic_t speaking;
    float duck;
    // Music (read on the mixer thread; the atomics are set by the app).
    AudioSourceRead music_read;
    void *music_ud;
    SDL_atomic_t music_state, music_volume, music_duck_db;
    float music_env;  // play/pause/end envelope, 0..1
    float music_duck; // under speech or a clip's sound, 0..1
};

#define MUSIC_LEVEL 0.8f     // full music_volume, under the cues
#define MUSIC_ATTACK_S 0.08f // ducking under speech
#define MUSIC_RELEASE_S 0.4f // back after the voice ends
#define MUSIC_FADE_IN_S 0.5f
#define MUSIC_PAUSE_S 0.05f
#define MUSIC_END_S 3.0f
#define MIX_FRAMES 1024

static float db_to_gain(int db)
{
    return SDL_powf(10.0f, -(float)db / 20.0f);
}

// Add the music under what is in out: its envelope follows the play
// state, its ducking the speech channel (as the mixer sees it, so the duck
// starts with the voice's first sample and its release with its last).
static void mix_music(Audio *a, int16_t *out, int frames)
{
    int state = SDL_AtomicGet(&a->music_state);
    float env_target = state == AUDIO_MUSIC_PLAY ? 1.0f : 0.0f;
    if (!a->music_read || (a->music_env <= 0 && env_target <= 0))
        return; // paused or over: the track waits where it was
    float env_step = 1.0f / ((state == AUDIO_MUSIC_PLAY    ? MUSIC_FADE_IN_S
                              : state == AUDIO_MUSIC_PAUSE ? MUSIC_PAUSE_S
                              : state == AUDIO_MUSIC_END   ? MUSIC_END_S
                                                           : MUSIC_PAUSE_S) *
                             RATE);
    bool speaking = Mix_Playing(SPEECH_CHANNEL) != 0;
    float floor = db_to_gain(SDL_AtomicGet(&a->music_duck_db));
    float duck_target = a->src_read ? 0.0f : speaking ? floor : 1.0f;
    float level = a->muted
                      ? 0
                      : a->volume / 100.0f * SDL_AtomicGet(&a->music_volume) /
                            100.0f * MUSIC_LEVEL;
    int16_t buf[2 * MIX_FRAMES];
    for (int done = 0; done < frames;) {
        int n = frames - done < MIX_FRAMES ? frames - done : MIX_FRAMES;
        a->music_read(a->music_ud, buf, n);
        for (int i = 0; i < n; i++) {
            if (a->music_env < env_target)
                a->music_env = SDL_min(env_target, a->music_env + env_step);
            else if (a->music_env > env_target)
                a->music_env = SDL_max(env_target, a->music_env - env_step);
            // Linear ramps: down in 80 ms, up in 400 ms, whatever the depth.
            if (a->music_duck > duck_target)
                a->music_duck =
                    SDL_max(duck_target,
                            a->music_duck - 1.0f / (MUSIC_ATTACK_S * RATE));
            else if (a->music_duck < duck_target)
                a->music_duck =
                    SDL_min(duck_target,
                            a->music_duck + 1.0f / (MUSIC_RELEASE_S * RATE));
            float g = level * a->music_env * a->music_duck;
            for (int c = 0; c < 2; c++) {
                int v = out[2 * (done + i) + c] + (int)(buf[2 * i + c] * g);
                out[2 * (done + i) + c] = (int16_t)(v > 32767    ? 32767
                                                    : v < -32768 ? -32768
                                                                 : v);
            }
        }
        done += n;
    }
}

static void clip_hook(void *ud, Uint8 *stream, int len)
{
    Audio *a = ud;
    int16_t *out = (int16_t *)stream;
    int frames = len / 4;
    memset(stream, 0, (size_t)len);
    if (!a->src_read) {
        mix_music(a, out, frames);
        return;
    }
    a->src_read(a->src_ud, out, frames);
    // Under speech the clip drops to a quarter, gliding over ~50 ms.
    float target = SDL_AtomicGet(&a->speaking) ? 0.25f : 1.0f;
    float gain = a->muted ? 0 : a->volume / 100.0f * 0.8f;
    float step = 1.0f / (0.05f * RATE);
    for (int i = 0; i < frames; i++) {
        if (a->duck < target)
            a->duck = a->duck + step > target ? target : a->duck + step;
        else if (a->duck > target)
            a->duck = a->duck - step < target ? target : a->duck - step;
        float g = gain * a->duck;
        out[2 * i] = (int16_t)(out[2 * i] * g);
        out[2 * i + 1] = (int16_t)(out[2 * i + 1] * g);
    }
    mix_music(a, out, frames);
}

// The hook runs while there is a clip's sound or music to mix.
static void rehook(Audio *a)
{
    if (a->src_read || a->music_read)
        Mix_HookMusic(clip_hook, a);
}

void audio_set_clip_source(Audio *a, AudioSourceRead read, void *ud)
{
    if (!a || a->null)
        return;
    Mix_HookMusic(NULL, NULL); // waits for the mixer: the old source is done
    a->src_read = read;
    a->src_ud = ud;
    a->duck = 1.0f;
    rehook(a);
}

void audio_set_music_source(Audio *a, AudioSourceRead read, void *ud)
{
    if (!a || a->null)
        return;
    Mix_HookMusic(NULL, NULL); // waits for the mixer: the old source is done
    a->music_read = read;
    a->music_ud = ud;
    a->music_env = 0;
    a->music_duck = 1.0f;
    rehook(a);
}

void audio_music(Audio *a, AudioMusic state)
{
    if (a && !a->null)
        SDL_AtomicSet(&a->music_state, (int)state);
}

void audio_set_music_level(Audio *a, int volume, int duck_db)
{
    if (!a)
        return;
    SDL_AtomicSet(&a->music_volume, volume < 0     ? 0
                                    : volume > 100 ? 100
                                                   : volume);
    SDL_AtomicSet(&a->music_duck_db, duck_db < 0 ? 0 : duck_db);
}

static void post_mix(void *ud, Uint8 *stream, int len)
{
    (void)stream;
    Audio *a = ud;
    SDL_AtomicAdd(&a->frames_mixed, len / 4);
    if (SDL_AtomicGet(&a->dispatch_pending)) {
        double ms = (double)(SDL_GetTicks64() - a->dispatch_ticks) +
                    1000.0 * (len / 4) / RATE; // this buffer still has to play
        a->lat_sum += ms;
        a->lat_n++;
        if (ms > a->lat_max)
            a->lat_max = ms;
        SDL_AtomicSet(&a->dispatch_pending, 0);
    }
}

Audio *audio_open(const AudioOptions *opt, char *why, size_t whysize)
{
    Audio *a = calloc(1, sizeof(*a));
    if (!a)
        return NULL;
    a->voice = opt->voice;
    a->volume = opt->volume;
    a->null = true;
    SDL_AtomicSet(&a->music_volume, 60);
    SDL_AtomicSet(&a->music_duck_db, 12);
    snprintf(a->driver, sizeof(a->driver), "none");
    why[0] = '\0';
    if (opt->headless && !getenv("SDL_AUDIODRIVER")) {
        snprintf(why, whysize, "headless: no sound device");
        return a;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(why, whysize, "no sound device (%s): captions only",
                 SDL_GetError());
        return a;
    }
    int chunk = opt->chunk > 0 ? opt->chunk : 512;
    if (Mix_OpenAudioDevice(RATE, AUDIO_S16SYS, 2, chunk, NULL, 0) != 0) {
        snprintf(why, whysize, "no sound device (%s): captions only",
                 Mix_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return a;
    }
    a->null = false;
    snprintf(a->driver, sizeof(a->driver), "%s",
             SDL_GetCurrentAudioDriver() ? SDL_GetCurrentAudioDriver() : "?");
    Mix_AllocateChannels(8);
    Mix_ReserveChannels(0);
    for (int s = 1; s < CUE_SOUND_COUNT_; s++) {
        int frames = 0;
        a->sound_pcm[s] = tone_render((CueSound)s, RATE, &frames);
        if (a->sound_pcm[s])
            a->sounds[s] =
                Mix_QuickLoad_RAW((Uint8 *)a->sound_pcm[s], (Uint32)frames * 4);
    }
    Mix_SetPostMix(post_mix, a);
    audio_set_volume(a, a->volume);
    if (!speech_start(&a->speech, RATE,
                      opt->speech_rate > 0 ? opt->speech_rate : 165,
                      opt->pack_dir, opt->voice_name))
        log_warn("audio", "no speech thread: sounds and captions only");
    // The numbers are said most often: have them ready.
    for (int i = 1; i <= 30; i++) {
        char n[8];
        snprintf(n, sizeof(n), "%d", i);
        speech_request(&a->speech, n);
    }
    return a;
}

void audio_close(Audio *a)
{
    if (!a)
        return;
    if (!a->null) {
        Mix_HookMusic(NULL, NULL);
        Mix_HaltChannel(-1);
        Mix_SetPostMix(NULL, NULL);
        speech_stop(&a->speech);
        for (int s = 0; s < CUE_SOUND_COUNT_; s++) {
            if (a->sounds[s])
                Mix_FreeChunk(a->sounds[s]);
            free(a->sound_pcm[s]);
        }
        Mix_CloseAudio();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    free(a);
}

bool audio_is_null(const Audio *a)
{
    return !a || a->null;
}
const char *audio_driver(const Audio *a)
{
    return a ? a->driver : "none";
}

void audio_set_volume(Audio *a, int volume)
{
    a->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
    if (!a->null)
        Mix_Volume(-1, a->muted ? 0 : a->volume * MIX_MAX_VOLUME / 100);
}

void audio_set_voice(Audio *a, bool on)
{
    a->voice = on;
}

void audio_set_muted(Audio *a, bool muted)
{
    a->muted = muted;
    audio_set_volume(a, a->volume);
}

void audio_prepare(Audio *a, const char *text)
{
    if (!a->null && a->voice && text[0])
        speech_request(&a->speech, text);
}

void audio_cue(Audio *a, const Cue *c, int64_t now_ms)
{
    if (a->null)
        return;
    if (c->sound == CUE_SOUND_BEEP || c->sound == CUE_SOUND_GO) {
        // The countdown is heard clearly: cut an announcement still going,
        // forget the ones waiting.
        if (Mix_Playing(SPEECH_CHANNEL) && a->playing_prio <= CUE_PRIO_INFO)
            Mix_HaltChannel(SPEECH_CHANNEL);
        int n = 0;
        for (int i = 0; i < a->npend; i++)
            if (a->pend[i].prio > CUE_PRIO_INFO)
                a->pend[n++] = a->pend[i];
            else
                a->st.dropped++;
        a->npend = n;
    }
    if (c->sound != CUE_SOUND_NONE && a->sounds[c->sound]) {
        // Ticks and beeps never wait: any free sound channel, else the oldest.
        int ch = -1;
        for (int i = 0; i < SOUND_CHANNELS && ch < 0; i++)
            if (!Mix_Playing(i))
                ch = i;
        if (ch < 0)
            ch =
                Mix_GroupOldest(-1) >= 0 && Mix_GroupOldest(-1) < SOUND_CHANNELS
                    ? Mix_GroupOldest(-1)
                    : 0;
        if (Mix_PlayChannel(ch, a->sounds[c->sound], 0) >= 0) {
            a->st.sounds++;
            a->dispatch_ticks = SDL_GetTicks64();
            SDL_AtomicSet(&a->dispatch_pending, 1);
        }
    }
    if (c->speech[0] && a->voice) {
        if (a->npend == PENDING_MAX) {
            memmove(&a->pend[0], &a->pend[1],
                    (PENDING_MAX - 1) * sizeof(Pending));
            a->npend--;
            a->st.dropped++;
        }
        Pending *p = &a->pend[a->npend++];
        snprintf(p->text, sizeof(p->text), "%s", c->speech);
        p->prio = c->priority;
        p->at = now_ms;
        p->stale_ms = c->stale_ms;
        p->queued_ticks = SDL_GetTicks64();
        speech_request(&a->speech, p->text);
    }
}

void audio_update(Audio *a, int64_t now_ms)
{
    if (a->null)
        return;
    SDL_AtomicSet(&a->speaking, Mix_Playing(SPEECH_CHANNEL) ? 1 : 0);
    if (a->npend == 0)
        return;
    // Drop stale cues, and cues outranked by another queued at the same time
    // ("7" when "3 to go" came with it).
    int n = 0;
    for (int i = 0; i < a->npend; i++) {
        Pending *p = &a->pend[i];
        bool outranked = false;
        // A count gives way to a key cue of the same moment ("3 to go").
        for (int k = 0; k < a->npend; k++)
            if (k != i && a->pend[k].at == p->at && p->prio == CUE_PRIO_COUNT &&
                a->pend[k].prio > p->prio)
                outranked = true;
        bool failed = false;
        if (!speech_chunk(&a->speech, p->text, &failed) && failed)
            outranked = true;
        if (outranked || now_ms - p->at > p->stale_ms) {
            a->st.dropped++;
            continue;
        }
        a->pend[n++] = *p;
    }
    a->npend = n;
    if (n == 0)
        return;
    int best = 0;
    for (int i = 1; i < n; i++)
        if (a->pend[i].prio > a->pend[best].prio)
            best = i; // ties: the one queued first

    Pending *p = &a->pend[best];
    bool busy = Mix_Playing(SPEECH_CHANNEL);
    if (busy && p->prio <= a->playing_prio && p->prio < CUE_PRIO_KEY)
        return; // wait for the current phrase (or go stale)
    bool failed;
    Mix_Chunk *ch = speech_chunk(&a->speech, p->text, &failed);
    if (!ch)
        return; // still being made
    if (busy)
        Mix_HaltChannel(SPEECH_CHANNEL); // counts never queue behind a sentence
    if (Mix_PlayChannel(SPEECH_CHANNEL, ch, 0) >= 0) {
        a->playing_prio = p->prio;
        a->st.cues++;
        a->dispatch_ticks = SDL_GetTicks64();
        SDL_AtomicSet(&a->dispatch_pending, 1);
    }
    memmove(&a->pend[best], &a->pend[best + 1],
            (size_t)(a->npend - best - 1) * sizeof(Pending));
    a->npend--;
}

int64_t audio_clock_ms(Audio *a)
{
    if (!a || a->null)
        return -1;
    return (int64_t)SDL_AtomicGet(&a->frames_mixed) * 1000 / RATE;
}

void audio_stats(Audio *a, AudioStats *st)
{
    *st = a->st;
    st->latency_max_ms = a->lat_max;
    st->latency_avg_ms = a->lat_n ? a->lat_sum / a->lat_n : 0;
}
