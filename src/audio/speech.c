/*
 * espeak-ng worker and phrase cache.
 */
#include "audio/speech.h"

#include <ctype.h>
#include <espeak-ng/speak_lib.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/log.h"

// Samples of the phrase being synthesised (worker thread only).
static short *synth_buf;
static int synth_len, synth_cap;

static int on_samples(short *wav, int n, espeak_EVENT *events)
{
    (void)events;
    if (!wav || n <= 0)
        return 0;
    if (synth_len + n > synth_cap) {
        int ncap = (synth_len + n) * 2;
        short *nb = realloc(synth_buf, (size_t)ncap * sizeof(short));
        if (!nb)
            return 1; // abort this phrase
        synth_buf = nb;
        synth_cap = ncap;
    }
    memcpy(synth_buf + synth_len, wav, (size_t)n * sizeof(short));
    synth_len += n;
    return 0;
}

void speech_key(const char *text, char *key, size_t size)
{
    size_t k = 0;
    bool dash = false;
    for (const char *p = text; *p && k + 1 < size; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c)) {
            if (dash && k > 0)
                key[k++] = '-';
            if (k + 1 < size)
                key[k++] = (char)tolower(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    key[k] = '\0';
}

// Linear resampling, mono -> interleaved stereo.
static int16_t *resample(const short *in, int n, int in_rate, int out_rate,
                         int *frames)
{
    long out_n = (long)n * out_rate / in_rate;
    int16_t *out = malloc((size_t)(out_n + 1) * 2 * sizeof(int16_t));
    if (!out)
        return NULL;
    for (long i = 0; i < out_n; i++) {
        double pos = (double)i * in_rate / out_rate;
        long a = (long)pos;
        double f = pos - a;
        // 0.7: leave headroom for the cue sounds mixed on top.
        double v =
            0.7 * (in[a] * (1 - f) + (a + 1 < n ? in[a + 1] : in[a]) * f);
        out[2 * i] = out[2 * i + 1] = (int16_t)v;
    }
    *frames = (int)out_n;
    return out;
}

// The espeak-ng-data folder, checked before espeak-ng sees it: the library
// ends the process when its data is missing. ULTRALEGS_ESPEAK_DATA or
// ESPEAK_DATA_PATH may name one; else the usual Debian places.
static bool find_data(char *out, size_t size)
{
    const char *env[2] = {getenv("ULTRALEGS_ESPEAK_DATA"),
                          getenv("ESPEAK_DATA_PATH")};
    char probe[600];
    for (int i = 0; i < 2; i++) {
        if (!env[i] || !*env[i])
            continue;
        snprintf(probe, sizeof(probe), "%s/phontab", env[i]);
        if (access(probe, R_OK) != 0)
            return false; // named but unusable: do not guess another
        snprintf(out, size, "%s", env[i]);
        return true;
    }
    glob_t g;
    bool found = false;
    if (glob("/usr/lib/*/espeak-ng-data/phontab", 0, NULL, &g) == 0 &&
        g.gl_pathc > 0) {
        snprintf(out, size, "%.*s",
                 (int)(strlen(g.gl_pathv[0]) - strlen("/phontab")),
                 g.gl_pathv[0]);
        found = true;
    }
    globfree(&g);
    if (!found && access("/usr/share/espeak-ng-data/phontab", R_OK) == 0) {
        snprintf(out, size, "/usr/share/espeak-ng-data");
        found = true;
    }
    return found;
}

static int worker(void *arg)
{
    Speech *sp = arg;
    char data[512];
    int in_rate =
        find_data(data, sizeof(data))
            ? espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, data, 0)
            : -1;
    // Without its data (voices, dictionaries) espeak-ng starts but cannot
    // speak: a voice must load too.
    bool ok = in_rate > 0 && espeak_SetVoiceByName("en") == EE_OK;
    if (ok && strcmp(sp->voice, "en") != 0 &&
        espeak_SetVoiceByName(sp->voice) != EE_OK) {
        log_warn("audio", "no espeak-ng voice '%s': speaking with 'en'",
                 sp->voice);
        espeak_SetVoiceByName("en");
    }
    if (ok) {
        espeak_SetSynthCallback(on_samples);
        espeak_SetParameter(espeakRATE, sp->wpm, 0);
    }
    SDL_LockMutex(sp->lock);
    sp->engine_tried = true;
    sp->engine_ok = ok;
    sp->in_rate = in_rate;
    if (!ok)
        log_warn("audio", "espeak-ng did not start: sounds and captions only");
    SDL_UnlockMutex(sp->lock);
    SDL_LockMutex(sp->lock);
    while (!sp->quit) {
        SpeechClip *job = NULL;
        for (int i = 0; i < SPEECH_CACHE && !job; i++)
            if (sp->clips[i].text[0] && !sp->clips[i].ready &&
                !sp->clips[i].failed)
                job = &sp->clips[i];
        if (!job) {
            SDL_CondWait(sp->wake, sp->lock);
            continue;
        }
        if (!sp->engine_ok) {
            job->failed = true;
            continue;
        }
        char text[SPEECH_TEXT_MAX];
        memcpy(text, job->text, sizeof(text));
        SDL_UnlockMutex(sp->lock);
        synth_len = 0;
        espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                     espeakCHARS_UTF8, NULL, NULL);
        espeak_Synchronize();
        int16_t *pcm =
            synth_len > 0 ? malloc((size_t)synth_len * sizeof(int16_t)) : NULL;
        if (pcm)
            memcpy(pcm, synth_buf, (size_t)synth_len * sizeof(int16_t));
        SDL_LockMutex(sp->lock);
        // The slot may have been reused meanwhile: match the text.
        if (strcmp(job->text, text) == 0 && !job->ready) {
            job->pcm = pcm;
            job->samples = synth_len;
            job->ready = pcm != NULL;
            job->failed = pcm == NULL;
            sp->bytes += pcm ? (size_t)synth_len * sizeof(int16_t) : 0;
        } else {
            free(pcm);
        }
        // Long phrases leave a long buffer behind: let it go.
        if (synth_cap > 1 << 18) {
            free(synth_buf);
            synth_buf = NULL;
            synth_cap = 0;
        }
    }
    SDL_UnlockMutex(sp->lock);
    if (in_rate > 0)
        espeak_Terminate();
    free(synth_buf);
    synth_buf = NULL;
    synth_len = synth_cap = 0;
    return 0;
}

bool speech_start(Speech *sp, int out_rate, int wpm, const char *pack_dir,
                  const char *voice)
{
    memset(sp, 0, sizeof(*sp));
    snprintf(sp->voice, sizeof(sp->voice), "%s",
             voice && *voice ? voice : "en");
    sp->out_rate = out_rate;
    sp->wpm = wpm;
    snprintf(sp->pack_dir, sizeof(sp->pack_dir), "%s",
             pack_dir ? pack_dir : "");
    sp->lock = SDL_CreateMutex();
    sp->wake = SDL_CreateCond();
    if (!sp->lock || !sp->wake)
        return false;
    sp->thread = SDL_CreateThread(worker, "speech", sp);
    return sp->thread != NULL;
}

void speech_stop(Speech *sp)
{
    if (sp->thread) {
        SDL_LockMutex(sp->lock);
        sp->quit = true;
        SDL_CondSignal(sp->wake);
        SDL_UnlockMutex(sp->lock);
        SDL_WaitThread(sp->thread, NULL);
    }
    for (int i = 0; i < SPEECH_CACHE; i++) {
        if (sp->clips[i].chunk)
            Mix_FreeChunk(sp->clips[i].chunk);
        free(sp->clips[i].play);
        free(sp->clips[i].pcm);
    }
    if (sp->wake)
        SDL_DestroyCond(sp->wake);
    if (sp->lock)
        SDL_DestroyMutex(sp->lock);
    memset(sp, 0, sizeof(*sp));
}

static SpeechClip *find(Speech *sp, const char *text)
{
    for (int i = 0; i < SPEECH_CACHE; i++)
        if (sp->clips[i].text[0] && strcmp(sp->clips[i].text, text) == 0)
            return &sp->clips[i];
    return NULL;
}

static bool playing(const SpeechClip *c)
{
    for (int ch = 0; c->chunk && ch < Mix_AllocateChannels(-1); ch++)
        if (Mix_Playing(ch) && Mix_GetChunk(ch) == c->chunk)
            return true;
    return false;
}

// Let go of the mixer's copy of a synthesised phrase (a pack recording has
// no other copy).
static void free_chunk(Speech *sp, SpeechClip *c)
{
    if (!c->chunk || c->from_pack)
        return;
    Mix_FreeChunk(c->chunk);
    c->chunk = NULL;
    free(c->play);
    c->play = NULL;
    sp->bytes -= c->chunk_bytes;
    sp->chunk_bytes -= c->chunk_bytes;
    c->chunk_bytes = 0;
}

// The least recently used mixer copy of a synthesised phrase not playing.
static SpeechClip *least_used_chunk(Speech *sp)
{
    SpeechClip *best = NULL;
    for (int i = 0; i < SPEECH_CACHE; i++) {
        SpeechClip *c = &sp->clips[i];
        if (c->chunk && !c->from_pack && (!best || c->used < best->used) &&
            !playing(c))
            best = c;
    }
    return best;
}

// Empty a slot.
static void forget(Speech *sp, SpeechClip *c)
{
    if (c->chunk)
        Mix_FreeChunk(c->chunk);
    free(c->play);
    free(c->pcm);
    sp->bytes -= c->chunk_bytes + (c->pcm ? (size_t)c->samples * 2 : 0);
    if (!c->from_pack)
        sp->chunk_bytes -= c->chunk_bytes;
    memset(c, 0, sizeof(*c));
}

// The least recently used phrase that is neither being made nor playing.
static SpeechClip *least_used(Speech *sp)
{
    SpeechClip *best = NULL;
    for (int i = 0; i < SPEECH_CACHE; i++) {
        SpeechClip *c = &sp->clips[i];
        if (!c->text[0] || (!c->ready && !c->failed))
            continue; // free, or being made
        if ((!best || c->used < best->used) && !playing(c))
            best = c;
    }
    return best;
}

// A free slot, or the least recently used one that is not playing; the
// cache is brought within its byte budget first.
static SpeechClip *slot(Speech *sp)
{
    SpeechClip *c;
    while (sp->bytes > SPEECH_BYTES_MAX && (c = least_used(sp)))
        forget(sp, c);
    for (int i = 0; i < SPEECH_CACHE; i++)
        if (!sp->clips[i].text[0])
            return &sp->clips[i];
    if ((c = least_used(sp)))
        forget(sp, c);
    return c;
}

void speech_request(Speech *sp, const char *text)
{
    if (!sp->lock || !text[0])
        return;
    SDL_LockMutex(sp->lock);
    SpeechClip *c = find(sp, text);
    if (!c && (c = slot(sp))) {
        snprintf(c->text, sizeof(c->text), "%s", text);
        c->used = ++sp->tick;
        char key[SPEECH_TEXT_MAX], path[700];
        speech_key(text, key, sizeof(key));
        if (sp->pack_dir[0] && key[0]) {
            snprintf(path, sizeof(path), "%s/%s.wav", sp->pack_dir, key);
            if (access(path, R_OK) == 0) {
                c->chunk = Mix_LoadWAV(path);
                c->ready = c->chunk != NULL;
                c->from_pack = c->ready;
                c->chunk_bytes = c->chunk ? c->chunk->alen : 0;
                sp->bytes += c->chunk_bytes;
                if (!c->chunk)
                    log_warn("audio", "%s: %s", path, Mix_GetError());
            }
        }
        if (!c->ready)
            SDL_CondSignal(sp->wake);
    }
    SDL_UnlockMutex(sp->lock);
}

Mix_Chunk *speech_chunk(Speech *sp, const char *text, bool *failed)
{
    *failed = false;
    if (!sp->lock)
        return NULL;
    SDL_LockMutex(sp->lock);
    SpeechClip *c = find(sp, text);
    Mix_Chunk *chunk = NULL;
    if (!c) {
        SDL_UnlockMutex(sp->lock);
        speech_request(sp, text);
        return NULL;
    }
    c->used = ++sp->tick;
    if (c->failed) {
        *failed = true;
    } else if (c->ready) {
        if (!c->chunk) {
            // The mixer's copies of the phrases said last are kept within
            // SPEECH_CHUNK_BYTES_MAX; the others are made again when said.
            SpeechClip *old;
            while (sp->chunk_bytes > SPEECH_CHUNK_BYTES_MAX &&
                   (old = least_used_chunk(sp)))
                free_chunk(sp, old);
            int frames = 0;
            c->play = resample(c->pcm, c->samples, sp->in_rate, sp->out_rate,
                               &frames);
            c->chunk = c->play ? Mix_QuickLoad_RAW((Uint8 *)c->play,
                                                   (Uint32)frames * 4)
                               : NULL;
            if (!c->chunk) {
                free(c->play);
                c->play = NULL;
            } else {
                c->chunk_bytes = (size_t)frames * 4;
                sp->bytes += c->chunk_bytes;
                sp->chunk_bytes += c->chunk_bytes;
            }
        }
        chunk = c->chunk;
    }
    SDL_UnlockMutex(sp->lock);
    return chunk;
}
