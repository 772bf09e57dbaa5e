/*
 * The music player thread and its ring (see music.h). The ring, the skip
 * hand-over and the title being heard are guarded by lock; quit and skip
 * are also atomics so FFmpeg's interrupt callback can read them freely.
 */
#include "media/music.h"

#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "media/resample.h"
#include "platform/log.h"

#define RATE 48000
#define RING RATE         // frames: one second
#define FADE (RATE / 100) // 10 ms
#define OPEN_DEADLINE_S 5.0
#define BUF_FRAMES 8192
#define NEXT_MAX 8 // short tracks in the ring at once

struct Music {
    pthread_t thread;
    bool started;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    atomic_bool quit, skip;
    atomic_int stall_ms;
    double deadline; // FFmpeg's calls give up after it (monotonic s)
    Playlist pl;     // the thread's
    // Under lock.
    int16_t *ring;
    int ring_r, ring_w, ring_n;
    int64_t written, read; // frames, in all
    char title[128];       // heard now
    int serial;
    struct {
        char title[128]; // starts being heard at frame at
        int64_t at;
    } next[NEXT_MAX]; // tracks in the ring, not heard yet
    int nnext;
    int fade_pos; // frames of the skip's fade-out given
    int bad, started_n;
};

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int interrupt_cb(void *arg)
{
    Music *m = arg;
    return atomic_load(&m->quit) || atomic_load(&m->skip) ||
           (m->deadline > 0 && mono() > m->deadline);
}

static void wait_ms(Music *m, int ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += (long)ms * 1000000;
    ts.tv_sec += ts.tv_nsec / 1000000000;
    ts.tv_nsec %= 1000000000;
    pthread_cond_timedwait(&m->cond, &m->lock, &ts);
}

// Append sound to the ring, waiting for room (the mixer drains it in real
// time, or not at all while the music is paused). False on quit or skip.
static bool ring_write(Music *m, const int16_t *pcm, int frames)
{
    pthread_mutex_lock(&m->lock);
    while (frames > 0 && !atomic_load(&m->quit) && !atomic_load(&m->skip)) {
        int room = RING - m->ring_n;
        if (room == 0) {
            wait_ms(m, 20);
            continue;
        }
        int n = frames < room ? frames : room;
        for (int i = 0; i < n; i++) {
            m->ring[2 * m->ring_w] = pcm[2 * i];
            m->ring[2 * m->ring_w + 1] = pcm[2 * i + 1];
            m->ring_w = (m->ring_w + 1) % RING;
        }
        m->ring_n += n;
        m->written += n;
        pcm += 2 * n;
        frames -= n;
    }
    bool ok = !atomic_load(&m->quit) && !atomic_load(&m->skip);
    pthread_mutex_unlock(&m->lock);
    return ok;
}

int music_read(void *music, int16_t *out, int frames)
{
    Music *m = music;
    memset(out, 0, (size_t)frames * 4);
    if (!m)
        return 0;
    pthread_mutex_lock(&m->lock);
    int n = frames < m->ring_n ? frames : m->ring_n;
    bool skipping = atomic_load(&m->skip);
    if (skipping) // what is heard fades out; then silence until the next
        n = n < FADE - m->fade_pos ? n : FADE - m->fade_pos;
    for (int i = 0; i < n; i++) {
        float g = skipping ? 1.0f - (float)(m->fade_pos + i) / FADE : 1.0f;
        out[2 * i] = (int16_t)(m->ring[2 * m->ring_r] * g);
        out[2 * i + 1] = (int16_t)(m->ring[2 * m->ring_r + 1] * g);
        m->ring_r = (m->ring_r + 1) % RING;
    }
    m->ring_n -= n;
    m->read += n;
    if (skipping)
        m->fade_pos += n;
    while (m->nnext > 0 && m->read > m->next[0].at) {
        snprintf(m->title, sizeof(m->title), "%s", m->next[0].title);
        m->serial++;
        memmove(&m->next[0], &m->next[1],
                (size_t)--m->nnext * sizeof(m->next[0]));
    }
    pthread_cond_broadcast(&m->cond);
    pthread_mutex_unlock(&m->lock);
    return n;
}

void music_skip(Music *m)
{
    if (m)
        atomic_store(&m->skip, true);
}

bool music_now_playing(Music *m, char *title, size_t size, int *serial)
{
    if (!m)
        return false;
    pthread_mutex_lock(&m->lock);
    bool any = m->serial > 0;
    snprintf(title, size, "%s", m->title);
    *serial = m->serial;
    pthread_mutex_unlock(&m->lock);
    return any;
}

void music_counts(Music *m, int *bad, int *started)
{
    *bad = *started = 0;
    if (!m)
        return;
    pthread_mutex_lock(&m->lock);
    *bad = m->bad;
    *started = m->started_n;
    pthread_mutex_unlock(&m->lock);
}

void music_set_stall_ms(Music *m, int ms)
{
    if (m)
        atomic_store(&m->stall_ms, ms);
}

// A track being played: demuxer, decoder, resampler and the held-back tail
// (its last 10 ms, faded out when the track ends).
typedef struct Track {
    AVFormatContext *fmt;
    AVCodecContext *dec;
    SwrContext *swr;
    int stream;
    int in_channels, in_format, in_rate;
    int64_t frames; // given to the ring
    int16_t tail[2 * FADE];
    int ntail;
} Track;

static void track_close(Track *t)
{
    swr_free(&t->swr);
    avcodec_free_context(&t->dec);
    avformat_close_input(&t->fmt);
}

static bool make_resampler(Track *t, const AVChannelLayout *layout, int format,
                           int rate)
{
    bool ok = resample_to_stereo(&t->swr, layout, format, rate, RATE);
    t->in_channels = layout->nb_channels;
    t->in_format = format;
    t->in_rate = rate;
    return ok;
}

// The title to show: tags when the file has them, else its name.
static void track_title(const Track *t, const char *path, char *out,
                        size_t size)
{
    const AVDictionaryEntry *ti =
        av_dict_get(t->fmt->metadata, "title", NULL, 0);
    const AVDictionaryEntry *ar =
        av_dict_get(t->fmt->metadata, "artist", NULL, 0);
    if (!ti && t->fmt->streams[t->stream]->metadata) {
        ti =
            av_dict_get(t->fmt->streams[t->stream]->metadata, "title", NULL, 0);
        ar = av_dict_get(t->fmt->streams[t->stream]->metadata, "artist", NULL,
                         0);
    }
    if (ti && ti->value[0] && ar && ar->value[0]) {
        snprintf(out, size, "%s - %s", ar->value, ti->value);
        return;
    }
    if (ti && ti->value[0]) {
        snprintf(out, size, "%s", ti->value);
        return;
    }
    const char *base = strrchr(path, '/');
    snprintf(out, size, "%s", base ? base + 1 : path);
    char *dot = strrchr(out, '.');
    if (dot && dot != out)
        *dot = '\0';
}

// Open a track, or say why it cannot be played.
static bool track_open(Music *m, Track *t, const char *path, char *why,
                       size_t whysize)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(why, whysize, "%s", strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whysize, "not a file");
        return false;
    }
    if (st.st_size == 0) {
        snprintf(why, whysize, "empty file");
        return false;
    }
    if (access(path, R_OK) != 0) {
        snprintf(why, whysize, "cannot read it (%s)", strerror(errno));
        return false;
    }
    char err[128];
    t->fmt = avformat_alloc_context();
    if (!t->fmt) {
        snprintf(why, whysize, "out of memory");
        return false;
    }
    t->fmt->interrupt_callback.callback = interrupt_cb;
    t->fmt->interrupt_callback.opaque = m;
    m->deadline = mono() + OPEN_DEADLINE_S;
    int r = avformat_open_input(&t->fmt, path, NULL, NULL);
    if (r < 0) {
        av_strerror(r, err, sizeof(err));
        snprintf(why, whysize, "not a sound file (%s)", err);
        return false; // avformat_open_input freed the context
    }
    r = avformat_find_stream_info(t->fmt, NULL);
    m->deadline = 0;
    const AVCodec *codec = NULL;
    t->stream = r < 0 ? r
                      : av_find_best_stream(t->fmt, AVMEDIA_TYPE_AUDIO, -1, -1,
                                            &codec, 0);
    if (t->stream < 0 || !codec) {
        snprintf(why, whysize, "no sound in it");
        return false;
    }
    t->dec = avcodec_alloc_context3(codec);
    if (!t->dec ||
        avcodec_parameters_to_context(
            t->dec, t->fmt->streams[t->stream]->codecpar) < 0 ||
        avcodec_open2(t->dec, codec, NULL) < 0) {
        snprintf(why, whysize, "cannot decode its sound (%s)", codec->name);
        return false;
    }
    if (!make_resampler(t, &t->dec->ch_layout, t->dec->sample_fmt,
                        t->dec->sample_rate)) {
        snprintf(why, whysize, "cannot convert its sound (%d channels, %d Hz)",
                 t->dec->ch_layout.nb_channels, t->dec->sample_rate);
        return false;
    }
    return true;
}

// Pass resampled sound on, holding back the last 10 ms (faded out at the
// track's end) and fading the first 10 ms in. False on quit or skip.
static bool track_emit(Music *m, Track *t, int16_t *pcm, int n)
{
    for (int i = 0; i < n && t->frames + t->ntail + i < FADE; i++) {
        float g = (float)(t->frames + t->ntail + i) / FADE;
        pcm[2 * i] = (int16_t)(pcm[2 * i] * g);
        pcm[2 * i + 1] = (int16_t)(pcm[2 * i + 1] * g);
    }
    // tail + pcm, all but the last FADE frames go out.
    int total = t->ntail + n, out = total > FADE ? total - FADE : 0;
    int from_tail = out < t->ntail ? out : t->ntail;
    if (from_tail > 0 && !ring_write(m, t->tail, from_tail))
        return false;
    memmove(t->tail, t->tail + 2 * from_tail,
            (size_t)(t->ntail - from_tail) * 4);
    t->ntail -= from_tail;
    int from_pcm = out - from_tail;
    if (from_pcm > 0 && !ring_write(m, pcm, from_pcm))
        return false;
    t->frames += out;
    memcpy(t->tail + 2 * t->ntail, pcm + 2 * from_pcm,
           (size_t)(n - from_pcm) * 4);
    t->ntail += n - from_pcm;
    int stall = atomic_load(&m->stall_ms);
    if (stall > 0 && t->frames / RATE != (t->frames - out) / RATE)
        for (int s = 0; s < stall && !atomic_load(&m->quit); s += 10)
            usleep(10000);
    return true;
}

static bool track_frame(Music *m, Track *t, AVFrame *f, int16_t *buf)
{
    if ((f->ch_layout.nb_channels != t->in_channels ||
         f->format != t->in_format || f->sample_rate != t->in_rate) &&
        !make_resampler(t, &f->ch_layout, f->format, f->sample_rate))
        return true; // this frame is lost, the track goes on
    int n = swr_convert(t->swr, (uint8_t **)&(uint8_t *){(uint8_t *)buf},
                        BUF_FRAMES, (const uint8_t **)f->extended_data,
                        f->nb_samples);
    return n <= 0 || track_emit(m, t, buf, n);
}

// Play one track into the ring to its end (or a skip or quit). False, with
// why, when nothing of it could be played.
static bool track_play(Music *m, const char *path, char *why, size_t whysize)
{
    Track t = {0};
    if (!track_open(m, &t, path, why, whysize)) {
        track_close(&t);
        return false;
    }
    char title[128];
    track_title(&t, path, title, sizeof(title));
    pthread_mutex_lock(&m->lock);
    if (m->nnext == NEXT_MAX) // a run of tiny tracks: the oldest title goes
        memmove(&m->next[0], &m->next[1],
                (size_t)--m->nnext * sizeof(m->next[0]));
    snprintf(m->next[m->nnext].title, sizeof(m->next[0].title), "%s", title);
    m->next[m->nnext++].at = m->written;
    m->started_n++;
    pthread_mutex_unlock(&m->lock);
    AVPacket *pkt = av_packet_alloc();
    AVFrame *f = av_frame_alloc();
    int16_t *buf = malloc(BUF_FRAMES * 4);
    bool go = pkt && f && buf;
    int errors = 0;
    while (go && av_read_frame(t.fmt, pkt) >= 0) {
        if (pkt->stream_index == t.stream &&
            avcodec_send_packet(t.dec, pkt) < 0)
            errors++; // a damaged packet is skipped
        av_packet_unref(pkt);
        while (go && avcodec_receive_frame(t.dec, f) == 0) {
            go = track_frame(m, &t, f, buf);
            av_frame_unref(f);
        }
        // Nothing but damage: not worth more of the runner's time.
        if (t.frames == 0 && t.ntail == 0 && errors > 50)
            break;
    }
    if (go) { // the decoder's and resampler's last frames
        avcodec_send_packet(t.dec, NULL);
        while (go && avcodec_receive_frame(t.dec, f) == 0) {
            go = track_frame(m, &t, f, buf);
            av_frame_unref(f);
        }
        int n =
            go ? swr_convert(t.swr, (uint8_t **)&(uint8_t *){(uint8_t *)buf},
                             BUF_FRAMES, NULL, 0)
               : 0;
        if (n > 0)
            go = track_emit(m, &t, buf, n);
    }
    if (go && t.ntail > 0) {
        for (int i = 0; i < t.ntail; i++) {
            float g = (float)(t.ntail - 1 - i) / t.ntail;
            t.tail[2 * i] = (int16_t)(t.tail[2 * i] * g);
            t.tail[2 * i + 1] = (int16_t)(t.tail[2 * i + 1] * g);
        }
        ring_write(m, t.tail, t.ntail);
        t.frames += t.ntail;
    }
    bool played =
        t.frames > 0 || !go || atomic_load(&m->skip) || atomic_load(&m->quit);
    if (!played) {
        snprintf(why, whysize, "no sound could be decoded");
        pthread_mutex_lock(&m->lock);
        m->nnext--; // nothing of it will be heard
        m->started_n--;
        pthread_mutex_unlock(&m->lock);
    }
    free(buf);
    av_frame_free(&f);
    av_packet_free(&pkt);
    track_close(&t);
    return played;
}

// After a skip: wait (briefly: the mixer may be paused) for the fade-out
// of what was heard, then empty the ring for the next track.
static void finish_skip(Music *m)
{
    pthread_mutex_lock(&m->lock);
    for (int i = 0; i < 10 && m->fade_pos < FADE && m->ring_n > 0 &&
                    !atomic_load(&m->quit);
         i++)
        wait_ms(m, 10);
    m->ring_r = m->ring_w = m->ring_n = 0;
    m->read = m->written;
    m->nnext = 0;
    m->fade_pos = 0;
    atomic_store(&m->skip, false);
    pthread_mutex_unlock(&m->lock);
}

static void *music_thread(void *arg)
{
    Music *m = arg;
    while (!atomic_load(&m->quit)) {
        int k = playlist_next(&m->pl);
        if (k < 0) {
            log_warn("music", "none of the %d tracks can be played: no music",
                     m->pl.ntracks);
            break;
        }
        char why[200];
        const char *path = m->pl.paths[k];
        if (!track_play(m, path, why, sizeof(why))) {
            log_warn("music", "skipped %s: %s", path, why);
            playlist_mark_bad(&m->pl, k);
            pthread_mutex_lock(&m->lock);
            m->bad++;
            pthread_mutex_unlock(&m->lock);
        }
        if (atomic_load(&m->skip))
            finish_skip(m);
    }
    return NULL;
}

Music *music_open(const char (*paths)[PLAYLIST_PATH_MAX], int n, bool listed,
                  uint64_t seed)
{
    if (n <= 0)
        return NULL;
    // FFmpeg's own messages would go to stderr past the log: the player
    // says once, itself, what is wrong with a file.
    av_log_set_level(AV_LOG_QUIET);
    Music *m = calloc(1, sizeof(*m));
    if (!m)
        return NULL;
    pthread_mutex_init(&m->lock, NULL);
    pthread_cond_init(&m->cond, NULL);
    if (!(m->ring = calloc(RING, 4)) ||
        !playlist_init(&m->pl, paths, n, listed, seed))
        goto error;
    if (pthread_create(&m->thread, NULL, music_thread, m) != 0) {
        log_error("music", "cannot start the music thread");
        goto error;
    }
    m->started = true;
    return m;
error:
    music_close(m);
    return NULL;
}

void music_close(Music *m)
{
    if (!m)
        return;
    atomic_store(&m->quit, true);
    pthread_mutex_lock(&m->lock);
    pthread_cond_broadcast(&m->cond);
    pthread_mutex_unlock(&m->lock);
    if (m->started)
        pthread_join(m->thread, NULL);
    playlist_free(&m->pl);
    free(m->ring);
    pthread_cond_destroy(&m->cond);
    pthread_mutex_destroy(&m->lock);
    free(m);
}
