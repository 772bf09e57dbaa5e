/*
 * Demo clip encoder.
 */
#include "media/demo_clip.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media/pose.h"

static bool encode(AVCodecContext *enc, AVFormatContext *fmt, AVStream *st,
                   AVFrame *frame, AVPacket *pkt)
{
    if (avcodec_send_frame(enc, frame) < 0)
        return false;
    for (;;) {
        int r = avcodec_receive_packet(enc, pkt);
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF)
            return true;
        if (r < 0)
            return false;
        av_packet_rescale_ts(pkt, enc->time_base, st->time_base);
        pkt->stream_index = st->index;
        if (av_interleaved_write_frame(fmt, pkt) < 0)
            return false;
    }
}

bool demo_clip_write(const char *path, const DemoClipSpec *spec, int *frames,
                     char *codec_used, size_t codec_size, char *err,
                     size_t errsize)
{
    int w = spec->w > 0 ? spec->w : 1280, h = spec->h > 0 ? spec->h : 720;
    int fps = spec->fps > 0 ? spec->fps : 30;
    int n = (int)lround(spec->rep_s * fps);
    if (n < 2)
        n = 2;
    AVFormatContext *fmt = NULL;
    AVCodecContext *enc = NULL;
    struct SwsContext *sws = NULL;
    AVFrame *yuv = av_frame_alloc();
    AVPacket *pkt = av_packet_alloc();
    uint32_t *argb = malloc((size_t)w * h * 4);
    uint32_t *set_px = malloc((size_t)w * h * 4);
    AVDictionary *opts = NULL;
    bool ok = false;
    char tmp[1100];
    snprintf(tmp, sizeof(tmp), "%s.part", path);
    if (!yuv || !pkt || !argb || !set_px) {
        snprintf(err, errsize, "out of memory");
        goto out;
    }
    av_log_set_level(AV_LOG_ERROR);
    if (avformat_alloc_output_context2(&fmt, NULL, "mp4", tmp) < 0 || !fmt) {
        snprintf(err, errsize, "no MP4 muxer");
        goto out;
    }
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        codec = avcodec_find_encoder(AV_CODEC_ID_MPEG4);
    if (!codec) {
        snprintf(err, errsize, "no H.264 or MPEG-4 encoder in this libavcodec");
        goto out;
    }
    snprintf(codec_used, codec_size, "%s", codec->name);
    AVStream *st = avformat_new_stream(fmt, NULL);
    enc = avcodec_alloc_context3(codec);
    if (!st || !enc) {
        snprintf(err, errsize, "out of memory");
        goto out;
    }
    enc->width = w;
    enc->height = h;
    enc->time_base = (AVRational){1, fps};
    enc->framerate = (AVRational){fps, 1};
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->gop_size = n; // one closed GOP: the clip starts on a keyframe
    enc->max_b_frames = 2;
    enc->flags |= AV_CODEC_FLAG_CLOSED_GOP;
    enc->color_range = AVCOL_RANGE_MPEG;
    enc->colorspace = AVCOL_SPC_BT709;
    enc->color_primaries = AVCOL_PRI_BT709;
    enc->color_trc = AVCOL_TRC_BT709;
    enc->thread_count = 0;
    if (fmt->oformat->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (strcmp(codec->name, "libx264") == 0) {
        // Flat colours and smooth gradients: veryfast with the animation
        // tuning keeps them clean at half the encoding time of fast.
        av_opt_set(enc->priv_data, "preset", "veryfast", 0);
        av_opt_set(enc->priv_data, "tune", "animation", 0);
        av_opt_set(enc->priv_data, "x264-params", "trellis=0", 0);
        av_opt_set(enc->priv_data, "profile", "high", 0);
        av_opt_set(enc->priv_data, "crf", "20", 0);
        enc->level = 41; // plays on a Raspberry Pi's hardware decoder
    } else {
        enc->bit_rate = 2500000;
    }
    if (avcodec_open2(enc, codec, NULL) < 0) {
        snprintf(err, errsize, "cannot start the %s encoder", codec->name);
        goto out;
    }
    avcodec_parameters_from_context(st->codecpar, enc);
    st->time_base = enc->time_base;
    if (avio_open(&fmt->pb, tmp, AVIO_FLAG_WRITE) < 0) {
        snprintf(err, errsize, "cannot write %s", tmp);
        goto out;
    }
    av_dict_set(&opts, "movflags", "+faststart", 0);
    av_dict_set(&fmt->metadata, "title", spec->pose, 0);
    // Deterministic output: no encoder version or time stamps in the file.
    fmt->flags |= AVFMT_FLAG_BITEXACT;
    enc->flags |= AV_CODEC_FLAG_BITEXACT;
    if (avformat_write_header(fmt, &opts) < 0) {
        snprintf(err, errsize, "cannot write the MP4 header");
        goto out;
    }
    yuv->format = AV_PIX_FMT_YUV420P;
    yuv->width = w;
    yuv->height = h;
    if (av_frame_get_buffer(yuv, 32) < 0)
        goto out;
    sws = sws_getContext(w, h, AV_PIX_FMT_BGRA, w, h, AV_PIX_FMT_YUV420P,
                         SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT, NULL,
                         NULL, NULL);
    if (!sws)
        goto out;
    const int *coefs = sws_getCoefficients(SWS_CS_ITU709);
    sws_setColorspaceDetails(sws, coefs, 1, coefs, 0, 0, 1 << 16, 1 << 16);
    // The camera is steady, so the set is drawn once and each frame draws
    // the figure over a copy of it (the same pixels as pose_render).
    PoseFrame set = {set_px, w, h, w}, pf = {argb, w, h, w};
    pose_render_layers(&set, spec->pose, 0, POSE_SIDE_NONE, false,
                       POSE_LAYER_SET);
    for (int i = 0; i < n; i++) {
        // Frame i of n: phase n/n (= 0) is the next loop's first frame.
        memcpy(argb, set_px, (size_t)w * h * 4);
        pose_render_layers(&pf, spec->pose, (double)i / n,
                           spec->per_side ? POSE_SIDE_WORKING : POSE_SIDE_NONE,
                           false, POSE_LAYER_SHADOW | POSE_LAYER_FIGURE);
        if (av_frame_make_writable(yuv) < 0)
            goto out;
        const uint8_t *src[1] = {(const uint8_t *)argb};
        int stride[1] = {w * 4};
        sws_scale(sws, src, stride, 0, h, yuv->data, yuv->linesize);
        yuv->pts = i;
        if (!encode(enc, fmt, st, yuv, pkt)) {
            snprintf(err, errsize, "encoding failed at frame %d", i);
            goto out;
        }
    }
    if (!encode(enc, fmt, st, NULL, pkt) || av_write_trailer(fmt) < 0) {
        snprintf(err, errsize, "cannot finish the clip");
        goto out;
    }
    ok = true;
out:
    av_dict_free(&opts);
    if (fmt && fmt->pb)
        avio_closep(&fmt->pb);
    avformat_free_context(fmt);
    avcodec_free_context(&enc);
    sws_freeContext(sws);
    av_frame_free(&yuv);
    av_packet_free(&pkt);
    free(argb);
    free(set_px);
    if (ok && rename(tmp, path) != 0) {
        snprintf(err, errsize, "cannot write %s", path);
        ok = false;
    }
    if (!ok)
        remove(tmp);
    *frames = n;
    return ok;
}

bool demo_clip_probe(const char *path, const char *pose, int *w, int *h)
{
    AVFormatContext *fmt = NULL;
    if (avformat_open_input(&fmt, path, NULL, NULL) < 0)
        return false;
    bool ours = false;
    const AVDictionaryEntry *t = av_dict_get(fmt->metadata, "title", NULL, 0);
    if (t && strcmp(t->value, pose) == 0) {
        for (unsigned i = 0; i < fmt->nb_streams; i++) {
            const AVCodecParameters *par = fmt->streams[i]->codecpar;
            if (par->codec_type == AVMEDIA_TYPE_VIDEO) {
                *w = par->width;
                *h = par->height;
                ours = true;
                break;
            }
        }
    }
    avformat_close_input(&fmt);
    return ours;
}
