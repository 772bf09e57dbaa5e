/*
 * FFmpeg decode thread, frame queue, looping: opening a clip (one error exit
 * into a close that is safe after a partial set-up), the thread that decodes
 * a segment over and over into the queue, and handing out the frame due at
 * a time. The clip's sound is in clip_audio.c.
 */
#include "media/clip.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "media/clip_internal.h"
#include "platform/log.h"

double clip_snap_time(double t, double fps)
{
    if (fps <= 0)
        return t;
    double n = round(t * fps);
    return fabs(t - n / fps) <= 0.25 / fps ? n / fps : t;
}

static double mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int interrupt_cb(void *arg)
{
    Clip *c = arg;
    return c->quit || (c->deadline > 0 && mono() > c->deadline);
}

static void set_error(Clip *c, const char *what, int err)
{
    char buf[128] = "";
    if (err)
        av_strerror(err, buf, sizeof(buf));
    snprintf(c->error, sizeof(c->error), "%s%s%s", what, err ? ": " : "", buf);
}

static bool direct_format(int f)
{
    return f == AV_PIX_FMT_YUV420P || f == AV_PIX_FMT_YUVJ420P ||
           f == AV_PIX_FMT_NV12;
}

// Convert to yuv420p when SDL cannot take the frame as it is.
static AVFrame *convert(Clip *c, AVFrame *src)
{
    if (direct_format(src->format) && src->width % 2 == 0 &&
        src->height % 2 == 0)
        return av_frame_clone(src);
    int w = src->width & ~1, h = src->height & ~1;
    if (w < 2 || h < 2)
        return NULL;
    c->sws = sws_getCachedContext(c->sws, src->width, src->height, src->format,
                                  w, h, AV_PIX_FMT_YUV420P, SWS_BILINEAR, NULL,
                                  NULL, NULL);
    if (!c->sws)
        return NULL;
    AVFrame *dst = av_frame_alloc();
    if (!dst)
        return NULL;
    dst->format = AV_PIX_FMT_YUV420P;
    dst->width = w;
    dst->height = h;
    if (av_frame_get_buffer(dst, 32) < 0) {
        av_frame_free(&dst);
        return NULL;
    }
    // Crop an odd last row/column rather than scale.
    sws_scale(c->sws, (const uint8_t *const *)src->data, src->linesize, 0, h,
              dst->data, dst->linesize);
    dst->pts = src->pts;
    dst->best_effort_timestamp = src->best_effort_timestamp;
    dst->color_range = src->color_range;
    dst->colorspace = src->colorspace;
    return dst;
}

// Queue a frame (blocks while the queue is full). False when quitting.
static bool push(Clip *c, AVFrame *f, double t, int loop)
{
    pthread_mutex_lock(&c->lock);
    while (c->qlen >= c->qmax && !c->quit)
        pthread_cond_wait(&c->cond, &c->lock);
    if (c->quit) {
        pthread_mutex_unlock(&c->lock);
        av_frame_free(&f);
        return false;
    }
    if (c->decoded == 0)
        c->first_frame_ms = (mono() - c->opened_at) * 1000;
    if (c->decoded > 0 && loop > 0 && t - c->last_t > c->max_seam)
        c->max_seam = t - c->last_t;
    c->last_t = t;
    c->decoded++;
    int slot = (c->qhead + c->qlen) % QUEUE;
    c->q[slot] = (Slot){f, t, loop};
    c->qlen++;
    pthread_cond_broadcast(&c->cond);
    pthread_mutex_unlock(&c->lock);
    return true;
}

static void fail(Clip *c, const char *what, int err)
{
    pthread_mutex_lock(&c->lock);
    set_error(c, what, err);
    c->failed = true;
    pthread_cond_broadcast(&c->cond);
    pthread_mutex_unlock(&c->lock);
    log_error("media", "%s", c->error);
}

static void *decode_thread(void *arg)
{
    Clip *c = arg;
    AVPacket *pkt = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    AVFrame *aframe = c->adec ? av_frame_alloc() : NULL;
    double frame_dur = c->info.fps > 0 ? 1.0 / c->info.fps : 1.0 / 30;
    double loop_base = 0, last_in_loop = -1;
    int loop = 0, frames_in_loop = 0, errors = 0;
    bool draining = false;
    while (!c->quit && pkt && frame) {
        bool end_of_loop = false;
        int r = 0;
        if (!draining) {
            c->deadline = mono() + READ_DEADLINE_S;
            r = av_read_frame(c->fmt, pkt);
            c->deadline = 0;
            if (r < 0) {
                draining = true; // end of file (or unreadable tail): flush
                avcodec_send_packet(c->dec, NULL);
            } else if (c->adec && pkt->stream_index == c->astream) {
                bool go_on = clip_audio_packet(c, pkt, aframe);
                av_packet_unref(pkt);
                if (!go_on)
                    break;
                continue;
            } else if (pkt->stream_index != c->stream) {
                av_packet_unref(pkt);
                continue;
            } else {
                r = avcodec_send_packet(c->dec, pkt);
                av_packet_unref(pkt);
                if (r < 0 && r != AVERROR(EAGAIN) && ++errors > 200) {
                    fail(c, "too many decoding errors", r);
                    break;
                }
            }
        }
        for (;;) {
            r = avcodec_receive_frame(c->dec, frame);
            if (r == AVERROR(EAGAIN))
                break;
            if (r == AVERROR_EOF) {
                end_of_loop = true;
                break;
            }
            if (r < 0) {
                if (++errors > 200) {
                    fail(c, "too many decoding errors", r);
                    goto out;
                }
                break; // damaged: carry on with the next packet
            }
            int64_t ts = frame->best_effort_timestamp;
            double t = ts == AV_NOPTS_VALUE
                           ? last_in_loop + frame_dur
                           : clip_snap_time(ts * av_q2d(c->tb) - c->zero,
                                            c->info.fps) -
                                 c->start;
            if (t < -frame_dur / 2) {
                av_frame_unref(frame); // before the segment (after a seek)
                continue;
            }
            if (c->end > 0 && t >= c->end - c->start - frame_dur / 2) {
                av_frame_unref(frame);
                end_of_loop = true; // the segment is over
                break;
            }
            AVFrame *out = convert(c, frame);
            av_frame_unref(frame);
            if (!out)
                continue;
            last_in_loop = t;
            frames_in_loop++;
            if (!push(c, out, loop_base + t, loop))
                goto out;
        }
        if (end_of_loop) {
            if (frames_in_loop == 0) {
                fail(c, "no picture could be decoded", 0);
                break;
            }
            // Seek back now, while the queue still holds frames to show.
            double len =
                c->end > 0 ? c->end - c->start : last_in_loop + frame_dur;
            loop_base += len;
            loop++;
            c->loops = loop;
            frames_in_loop = 0;
            last_in_loop = -1;
            int64_t target = (int64_t)(c->start / av_q2d(c->tb));
            if (c->fmt->streams[c->stream]->start_time != AV_NOPTS_VALUE &&
                c->start <= 0)
                target = c->fmt->streams[c->stream]->start_time;
            c->deadline = mono() + READ_DEADLINE_S;
            r = av_seek_frame(c->fmt, c->stream, target, AVSEEK_FLAG_BACKWARD);
            c->deadline = 0;
            if (r < 0) {
                fail(c, "cannot loop (seek failed)", r);
                break;
            }
            avcodec_flush_buffers(c->dec);
            if (c->adec)
                avcodec_flush_buffers(c->adec);
            draining = false;
        }
    }
out:
    av_packet_free(&pkt);
    av_frame_free(&frame);
    av_frame_free(&aframe);
    return NULL;
}

static Clip *open_clip(const char *path, double start, double end, bool audio,
                       char *err, size_t errsize);

Clip *clip_open(const char *path, double start, double end, char *err,
                size_t errsize)
{
    return open_clip(path, start, end, false, err, errsize);
}

Clip *clip_open_with_audio(const char *path, double start, double end,
                           char *err, size_t errsize)
{
    return open_clip(path, start, end, true, err, errsize);
}

static Clip *open_clip(const char *path, double start, double end, bool audio,
                       char *err, size_t errsize)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errsize, "%s: no such file", path);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "%s: not a file", path);
        return NULL;
    }
    if (st.st_size == 0) {
        snprintf(err, errsize, "%s: empty file", path);
        return NULL;
    }
    Clip *c = calloc(1, sizeof(*c));
    if (!c) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->cond, NULL);
    pthread_mutex_init(&c->alock, NULL);
    pthread_cond_init(&c->aspace, NULL);
    c->astream = -1;
    c->qmax = CLIP_QUEUE_SHOWN;
    c->start = start > 0 ? start : 0;
    c->end = end > 0 ? end : -1;
    c->opened_at = mono();
    av_log_set_level(AV_LOG_QUIET);
    c->fmt = avformat_alloc_context();
    if (!c->fmt)
        goto oom;
    c->fmt->interrupt_callback = (AVIOInterruptCB){interrupt_cb, c};
    c->deadline = mono() + OPEN_DEADLINE_S;
    int r = avformat_open_input(&c->fmt, path, NULL, NULL);
    if (r < 0) {
        c->fmt = NULL;
        set_error(c, "cannot open", r);
        goto error;
    }
    if ((r = avformat_find_stream_info(c->fmt, NULL)) < 0) {
        set_error(c, "cannot read the streams", r);
        goto error;
    }
    c->deadline = 0;
    const AVCodec *codec = NULL;
    c->stream =
        av_find_best_stream(c->fmt, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    if (c->stream < 0) {
        set_error(c,
                  c->stream == AVERROR_DECODER_NOT_FOUND
                      ? "no decoder for the video"
                      : "no video stream",
                  0);
        goto error;
    }
    AVStream *vs = c->fmt->streams[c->stream];
    if (vs->codecpar->width <= 0 || vs->codecpar->height <= 0 ||
        (int64_t)vs->codecpar->width * vs->codecpar->height > CLIP_MAX_PIXELS) {
        snprintf(c->error, sizeof(c->error),
                 "picture size %dx%d is not playable", vs->codecpar->width,
                 vs->codecpar->height);
        goto error;
    }
    // A hardware decoder first, where there is one to try.
    const char *hw = getenv("ULTRALEGS_HWDEC");
    char hwname[64] = "";
    if (hw && *hw && strcmp(hw, "no") != 0)
        snprintf(hwname, sizeof(hwname), "%s", hw);
#if defined(__arm__) || defined(__aarch64__)
    else if (!hw && vs->codecpar->codec_id == AV_CODEC_ID_H264)
        snprintf(hwname, sizeof(hwname), "h264_v4l2m2m");
#endif
    const AVCodec *hwc =
        hwname[0] ? avcodec_find_decoder_by_name(hwname) : NULL;
    if (hwc && hwc->id == vs->codecpar->codec_id) {
        AVCodecContext *d = avcodec_alloc_context3(hwc);
        if (d && avcodec_parameters_to_context(d, vs->codecpar) >= 0 &&
            avcodec_open2(d, hwc, NULL) >= 0) {
            c->dec = d;
            codec = hwc;
            c->info.hardware = true;
        } else {
            avcodec_free_context(&d);
            log_warn("media", "%s did not open: decoding in software", hwname);
        }
    }
    if (!c->dec) {
        c->dec = avcodec_alloc_context3(codec);
        if (!c->dec)
            goto oom;
        avcodec_parameters_to_context(c->dec, vs->codecpar);
    }
    // As many threads as cores; ULTRALEGS_DECODE_THREADS sets another number
    // (fewer threads hold fewer frames in memory).
    const char *nt = getenv("ULTRALEGS_DECODE_THREADS");
    c->dec->thread_count = nt && atoi(nt) > 0 ? atoi(nt) : 0;
    c->dec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    if (!c->info.hardware && (r = avcodec_open2(c->dec, codec, NULL)) < 0) {
        set_error(c, "cannot start the decoder", r);
        goto error;
    }
    c->tb = vs->time_base;
    c->info.w = vs->codecpar->width;
    c->info.h = vs->codecpar->height;
    AVRational fr = av_guess_frame_rate(c->fmt, vs, NULL);
    c->info.fps = fr.num > 0 && fr.den > 0 ? av_q2d(fr) : 30;
    double dur = vs->duration != AV_NOPTS_VALUE
                     ? vs->duration * av_q2d(vs->time_base)
                 : c->fmt->duration != AV_NOPTS_VALUE
                     ? c->fmt->duration / (double)AV_TIME_BASE
                     : 0;
    // A part that runs past the end of the file (the last exercise of a
    // long video cut by offsets) plays to the end.
    if (c->end > 0 && dur > 0 && c->end >= dur)
        c->end = -1;
    c->info.duration = c->end > 0 ? c->end - c->start : dur - c->start;
    if (c->start > 0 && dur > 0 && c->start >= dur) {
        snprintf(c->error, sizeof(c->error),
                 "segment starts at %.2f s, after the end "
                 "of the clip (%.2f s)",
                 c->start, dur);
        goto error;
    }
    const uint8_t *matrix =
        av_stream_get_side_data(vs, AV_PKT_DATA_DISPLAYMATRIX, NULL);
    if (matrix) {
        double rot = -av_display_rotation_get((const int32_t *)matrix);
        int deg = ((int)lround(rot) % 360 + 360) % 360;
        c->info.rotation = (deg + 45) / 90 * 90 % 360;
    }
    snprintf(c->info.codec, sizeof(c->info.codec), "%s", codec->name);
    snprintf(c->info.pixfmt, sizeof(c->info.pixfmt), "%s",
             av_get_pix_fmt_name(c->dec->pix_fmt)
                 ? av_get_pix_fmt_name(c->dec->pix_fmt)
                 : "?");
    if (!c->start && vs->start_time != AV_NOPTS_VALUE)
        c->zero = vs->start_time * av_q2d(vs->time_base);
    if (audio)
        clip_audio_open(c);
    // Streams not played are dropped by the demuxer, so a sound track (or a
    // second picture, subtitles, data) can never hold the picture back.
    for (unsigned i = 0; i < c->fmt->nb_streams; i++)
        if ((int)i != c->stream && (int)i != c->astream)
            c->fmt->streams[i]->discard = AVDISCARD_ALL;
    if (c->start > 0) {
        r = av_seek_frame(c->fmt, c->stream,
                          (int64_t)(c->start / av_q2d(c->tb)),
                          AVSEEK_FLAG_BACKWARD);
        if (r < 0) {
            set_error(c, "cannot seek to the segment", r);
            goto error;
        }
    }
    if (pthread_create(&c->thread, NULL, decode_thread, c) != 0) {
        snprintf(c->error, sizeof(c->error), "cannot start the decoder thread");
        goto error;
    }
    c->thread_started = true;
    return c;
oom:
    snprintf(c->error, sizeof(c->error), "out of memory");
error:
    snprintf(err, errsize, "%s: %s", path, c->error);
    clip_close(c);
    return NULL;
}

void clip_close(Clip *c)
{
    if (!c)
        return;
    if (c->thread_started) {
        pthread_mutex_lock(&c->lock);
        c->quit = true;
        pthread_cond_broadcast(&c->cond);
        pthread_mutex_unlock(&c->lock);
        pthread_mutex_lock(&c->alock);
        pthread_cond_broadcast(&c->aspace);
        pthread_mutex_unlock(&c->alock);
        pthread_join(c->thread, NULL);
    }
    avcodec_free_context(&c->adec);
    swr_free(&c->swr);
    free(c->ring);
    pthread_mutex_destroy(&c->alock);
    pthread_cond_destroy(&c->aspace);
    for (int i = 0; i < c->qlen; i++)
        av_frame_free(&c->q[(c->qhead + i) % QUEUE].f);
    av_frame_free(&c->shown);
    sws_freeContext(c->sws);
    avcodec_free_context(&c->dec);
    if (c->fmt)
        avformat_close_input(&c->fmt);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->cond);
    free(c);
}

void clip_set_queue(Clip *c, int frames)
{
    frames = frames < 1 ? 1 : frames > QUEUE ? QUEUE : frames;
    pthread_mutex_lock(&c->lock);
    if (c->qmax != frames) {
        c->qmax = frames;
        pthread_cond_broadcast(&c->cond);
    }
    pthread_mutex_unlock(&c->lock);
}

const ClipInfo *clip_info(const Clip *c)
{
    return &c->info;
}

const char *clip_error(Clip *c)
{
    pthread_mutex_lock(&c->lock);
    const char *e = c->failed ? c->error : "";
    pthread_mutex_unlock(&c->lock);
    return e;
}

bool clip_picture(Clip *c, double t, bool wait, ClipPicture *pic, bool *changed)
{
    *changed = false;
    pthread_mutex_lock(&c->lock);
    // Waiting is bounded: at most a second without a new frame from the
    // decoder, and WAIT_MAX_S in all (a screenshot far into a clip that
    // was not drawn before decodes its way there).
    double started = mono(), give_up = started + 1.0;
    long decoded = c->decoded;
    for (;;) {
        // Take every queued frame that is due; the last one is shown. The
        // first frame is due from the start, whatever its time stamp says.
        while (c->qlen > 0 &&
               (c->q[c->qhead].t <= t + DUE_SLACK_S || !c->shown)) {
            if (*changed)
                c->skipped++; // the one before was never handed out
            av_frame_free(&c->shown);
            c->shown = c->q[c->qhead].f;
            c->shown_t = c->q[c->qhead].t;
            c->shown_loop = c->q[c->qhead].loop;
            c->qhead = (c->qhead + 1) % QUEUE;
            c->qlen--;
            *changed = true;
            pthread_cond_broadcast(&c->cond);
        }
        // Every frame up to t is known once a later one is queued.
        bool caught_up = c->qlen > 0;
        double now = mono();
        if (c->decoded != decoded) {
            decoded = c->decoded;
            give_up = now + 1.0;
        }
        if (!wait || caught_up || c->failed || now > give_up ||
            now > started + WAIT_MAX_S)
            break;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 5 * 1000000;
        if (ts.tv_nsec >= 1000000000) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&c->cond, &c->lock, &ts);
    }
    bool have = c->shown != NULL;
    if (have) {
        AVFrame *f = c->shown;
        pic->format =
            f->format == AV_PIX_FMT_NV12 ? CLIP_FMT_NV12 : CLIP_FMT_YUV420P;
        pic->w = f->width;
        pic->h = f->height;
        for (int i = 0; i < 3; i++) {
            pic->plane[i] = f->data[i];
            pic->pitch[i] = f->linesize[i];
        }
        pic->t = c->shown_t;
        pic->loop = c->shown_loop;
        pic->full_range = f->color_range == AVCOL_RANGE_JPEG ||
                          f->format == AV_PIX_FMT_YUVJ420P;
        pic->bt709 =
            f->colorspace == AVCOL_SPC_BT709 ||
            (f->colorspace == AVCOL_SPC_UNSPECIFIED && f->height > 576);
    }
    pthread_mutex_unlock(&c->lock);
    return have;
}

void clip_stats(Clip *c, double *max_seam_gap_s, double *first_frame_ms,
                int *loops, long *frames_decoded)
{
    pthread_mutex_lock(&c->lock);
    *max_seam_gap_s = c->max_seam;
    *first_frame_ms = c->first_frame_ms;
    *loops = c->loops;
    *frames_decoded = c->decoded;
    pthread_mutex_unlock(&c->lock);
}

long clip_frames_skipped(Clip *c)
{
    pthread_mutex_lock(&c->lock);
    long n = c->skipped;
    pthread_mutex_unlock(&c->lock);
    return n;
}

bool clip_probe(const char *path, double start, double end, char *err,
                size_t errsize)
{
    Clip *c = clip_open(path, start, end, err, errsize);
    if (!c)
        return false;
    // Wait (bounded) for the first picture: a file that opens may still have
    // nothing to show (cut short, damaged, a codec that fails on every frame).
    pthread_mutex_lock(&c->lock);
    double give_up = mono() + PROBE_WAIT_S;
    while (c->decoded == 0 && !c->failed && mono() < give_up) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 10 * 1000000;
        if (ts.tv_nsec >= 1000000000) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&c->cond, &c->lock, &ts);
    }
    bool ok = c->decoded > 0;
    if (!ok)
        snprintf(err, errsize, "%s: %s", path,
                 c->failed ? c->error : "no picture decoded within 2 seconds");
    pthread_mutex_unlock(&c->lock);
    clip_close(c);
    return ok;
}
