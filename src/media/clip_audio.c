/*
 * A clip's own sound: decoded on the clip's thread, resampled from any
 * layout and rate to 48 kHz stereo, and kept in a half-second ring that the
 * mixer drains (clip_audio_read) in real time.
 */
#include <libavutil/channel_layout.h>
#include <stdlib.h>
#include <time.h>

#include "media/clip_internal.h"
#include "media/resample.h"

static bool make_resampler(Clip *c, const AVChannelLayout *layout, int format,
                           int rate);

// Append resampled sound to the ring, waiting for room (the mixer drains
// it in real time). False when quitting.
static bool ring_write(Clip *c, const int16_t *pcm, int frames)
{
    pthread_mutex_lock(&c->alock);
    while (frames > 0 && !c->quit) {
        int room = AUDIO_RING - c->ring_n;
        if (room == 0) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += 20 * 1000000;
            if (ts.tv_nsec >= 1000000000) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000;
            }
            pthread_cond_timedwait(&c->aspace, &c->alock, &ts);
            continue;
        }
        int n = frames < room ? frames : room;
        for (int i = 0; i < n; i++) {
            c->ring[2 * c->ring_w] = pcm[2 * i];
            c->ring[2 * c->ring_w + 1] = pcm[2 * i + 1];
            c->ring_w = (c->ring_w + 1) % AUDIO_RING;
        }
        c->ring_n += n;
        pcm += 2 * n;
        frames -= n;
    }
    bool ok = !c->quit;
    pthread_mutex_unlock(&c->alock);
    return ok;
}

int clip_audio_read(void *clip, int16_t *out, int frames)
{
    Clip *c = clip;
    if (!c || !c->ring)
        return 0;
    pthread_mutex_lock(&c->alock);
    int n = frames < c->ring_n ? frames : c->ring_n;
    for (int i = 0; i < n; i++) {
        out[2 * i] = c->ring[2 * c->ring_r];
        out[2 * i + 1] = c->ring[2 * c->ring_r + 1];
        c->ring_r = (c->ring_r + 1) % AUDIO_RING;
    }
    c->ring_n -= n;
    pthread_cond_signal(&c->aspace);
    pthread_mutex_unlock(&c->alock);
    return n;
}

bool clip_has_audio(const Clip *c)
{
    return c && c->adec != NULL;
}

// Decode one sound packet into the ring, keeping only the segment.
bool clip_audio_packet(Clip *c, AVPacket *pkt, AVFrame *af)
{
    if (avcodec_send_packet(c->adec, pkt) < 0)
        return true; // damaged: skip it
    while (avcodec_receive_frame(c->adec, af) == 0) {
        AVRational tb = c->fmt->streams[c->astream]->time_base;
        double t = af->best_effort_timestamp == AV_NOPTS_VALUE
                       ? 0
                       : af->best_effort_timestamp * av_q2d(tb) - c->start;
        if (t < 0 || (c->end > 0 && t >= c->end - c->start)) {
            av_frame_unref(af);
            continue;
        }
        // Decoders may give other sound than their parameters said (or
        // change it mid-stream): the resampler follows the frames.
        if ((af->ch_layout.nb_channels != c->a_channels ||
             af->format != c->a_format || af->sample_rate != c->a_rate ||
             !c->swr) &&
            !make_resampler(c, &af->ch_layout, af->format, af->sample_rate)) {
            av_frame_unref(af);
            continue;
        }
        int16_t buf[2 * 8192];
        int max = 8192;
        int n =
            swr_convert(c->swr, (uint8_t **)&(uint8_t *){(uint8_t *)buf}, max,
                        (const uint8_t **)af->extended_data, af->nb_samples);
        av_frame_unref(af);
        if (n > 0 && !ring_write(c, buf, n))
            return false;
    }
    return true;
}

// A resampler from the decoder's sound down to the mixer's 48 kHz stereo.
static bool make_resampler(Clip *c, const AVChannelLayout *layout, int format,
                           int rate)
{
    bool ok = resample_to_stereo(&c->swr, layout, format, rate, AUDIO_RATE);
    c->a_channels = layout->nb_channels;
    c->a_format = format;
    c->a_rate = rate;
    return ok;
}

static bool audio_resampler(Clip *c, const AVCodecContext *d)
{
    return make_resampler(c, &d->ch_layout, d->sample_fmt, d->sample_rate);
}

// The clip's sound, if it has one we can decode; a clip is fine without.
void clip_audio_open(Clip *c)
{
    const AVCodec *codec = NULL;
    c->astream = av_find_best_stream(c->fmt, AVMEDIA_TYPE_AUDIO, -1, c->stream,
                                     &codec, 0);
    if (c->astream < 0 || !codec)
        return;
    AVCodecContext *d = avcodec_alloc_context3(codec);
    if (!d)
        return;
    avcodec_parameters_to_context(d, c->fmt->streams[c->astream]->codecpar);
    if (avcodec_open2(d, codec, NULL) < 0 || !audio_resampler(c, d) ||
        !(c->ring = calloc(AUDIO_RING, 4))) {
        c->astream = -1;
        avcodec_free_context(&d);
        swr_free(&c->swr);
        free(c->ring);
        c->ring = NULL;
        return;
    }
    c->adec = d;
}
