/*
 * Inside a Clip: the state the decode thread (clip.c) and the clip's sound
 * (clip_audio.c) share. The queue is guarded by lock, the sound ring by
 * alock; everything else is set before the thread starts.
 */
#ifndef UL_MEDIA_CLIP_INTERNAL_H
#define UL_MEDIA_CLIP_INTERNAL_H

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "media/clip.h"

#define QUEUE 8 // the most a clip may be asked to hold (clip_set_queue)
#define AUDIO_RATE 48000
#define AUDIO_RING (AUDIO_RATE / 2) // frames: half a second
#define OPEN_DEADLINE_S 3.0
#define READ_DEADLINE_S 5.0
#define WAIT_MAX_S 10.0
// A frame counts as due this close before its time (rounding of the
// presentation clock itself); stamps are put on the frame grid on decode.
#define DUE_SLACK_S 1e-4
#define PROBE_WAIT_S 2.0

typedef struct Slot {
    AVFrame *f;
    double t;
    int loop;
} Slot;

struct Clip {
    AVFormatContext *fmt;
    AVCodecContext *dec;
    struct SwsContext *sws;
    int stream;
    AVRational tb;
    double start, end; // segment, seconds (end < 0: to the end)
    ClipInfo info;
    pthread_t thread;
    bool thread_started;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    Slot q[QUEUE];
    int qhead, qlen;
    int qmax;       // decoded frames held ahead: CLIP_QUEUE_* (clip_set_queue)
    AVFrame *shown; // the frame last handed out (owned here)
    double shown_t;
    int shown_loop;
    bool quit;
    bool failed;
    char error[256];
    double deadline; // for the interrupt callback (monotonic seconds)
    double opened_at;
    double first_frame_ms;
    double last_t; // time of the last queued frame
    double zero;   // file time shown as clip time 0 (whole clips)
    double max_seam;
    long skipped; // frames replaced by a later one before being shown
    int loops;
    long decoded;
    // Sound (only when asked for).
    int astream;
    AVCodecContext *adec;
    SwrContext *swr;
    int a_channels, a_format, a_rate; // what the resampler takes
    int16_t *ring;                    // AUDIO_RING stereo frames
    int ring_r, ring_w, ring_n;
    pthread_mutex_t alock;
    pthread_cond_t aspace;
};

// The clip's sound, if it has one we can decode (a clip is fine without):
// decoder, resampler to 48 kHz stereo and ring. Called while opening.
void clip_audio_open(Clip *c);

// Decode one sound packet into the ring, keeping only the segment. False
// when quitting.
bool clip_audio_packet(Clip *c, AVPacket *pkt, AVFrame *af);

#endif
