/*
 * Clip playback: libavformat/libavcodec decode on a worker thread into a
 * small frame queue; the caller asks for the frame to show at a time and
 * gets it by its presentation time. A clip (or a [start, end) segment of a
 * longer file) loops: at its end the worker seeks back while the queue still
 * holds frames, so the loop has no gap. Formats SDL takes directly
 * (yuv420p, yuvj420p, nv12) pass through; anything else is converted to
 * yuv420p with libswscale on the worker.
 *
 * Bad input never crashes and never stalls the caller: opening has a
 * deadline (an interrupt callback), errors come back as one line of text,
 * and a clip damaged in the middle plays what decodes.
 */
#ifndef UL_MEDIA_CLIP_H
#define UL_MEDIA_CLIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Clip Clip;

#define CLIP_MAX_PIXELS (4096 * 2304)

typedef enum ClipFormat { CLIP_FMT_YUV420P, CLIP_FMT_NV12 } ClipFormat;

typedef struct ClipPicture {
    ClipFormat format;
    int w, h;
    const uint8_t *plane[3];
    int pitch[3];
    double t;        // presentation time in clip time (loops add up)
    int loop;        // which pass through the clip
    bool full_range; // JPEG range
    bool bt709;      // else BT.601
} ClipPicture;

typedef struct ClipInfo {
    int w, h; // coded size
    double fps;
    double duration; // of one loop, in seconds
    int rotation;    // degrees clockwise to display upright: 0, 90, 180, 270
    char codec[32];  // the decoder in use
    char pixfmt[32];
    bool hardware; // a hardware decoder (v4l2m2m) is in use
} ClipInfo;

// Hardware decoding: on ARM (a Raspberry Pi) H.264 is tried with the
// v4l2m2m decoder first; ULTRALEGS_HWDEC names another decoder to try
// ("h264_v4l2m2m", ...), or "no" for software only. If it cannot open, the
// software decoder takes over.

// Decoded frames a clip holds ahead of the one shown: enough on screen to
// ride out a slow frame and the seek back at the loop (133 ms at 30 fps);
// fewer for a clip made ready but not shown yet (its first frames, so it
// starts without a black frame). At 1080p each frame is 3 MB.
#define CLIP_QUEUE_SHOWN 4
#define CLIP_QUEUE_STANDBY 2

// Open and start decoding (holding CLIP_QUEUE_SHOWN frames ahead). start/end in
// seconds (< 0: whole file). NULL with a one-line reason in err when it cannot
// be played.
Clip *clip_open(const char *path, double start, double end, char *err,
                size_t errsize);

// As clip_open, and also decode the clip's sound (resampled to 48 kHz
// stereo s16) for clip_audio_read; a clip without sound still opens.
Clip *clip_open_with_audio(const char *path, double start, double end,
                           char *err, size_t errsize);

// Up to `frames` frames of the clip's sound (interleaved stereo, 48 kHz);
// returns how many were there (the rest is left untouched). Safe from the
// audio thread; never blocks.
int clip_audio_read(void *clip, int16_t *out, int frames);
bool clip_has_audio(const Clip *c);
void clip_close(Clip *c); // accepts NULL

// How many decoded frames to hold ahead, 1 to 8; frames already queued stay.
void clip_set_queue(Clip *c, int frames);

const ClipInfo *clip_info(const Clip *c);

// The picture to show at clip time t (seconds since the clip started,
// growing across loops): the last frame whose time is at or before t (the
// first frame from the start). Returns false when none has been decoded yet.
// wait: block until the frame for t is decoded, for virtual clocks that run
// faster than real time; bounded (a second without progress, ten in all).
// *changed says whether it differs from the last call's.
bool clip_picture(Clip *c, double t, bool wait, ClipPicture *pic,
                  bool *changed);

// Why decoding stopped, or "" while it is fine.
const char *clip_error(Clip *c);

// Statistics for benchmarks: the largest gap between consecutive frame
// times seen at a loop seam, the ms from open to the first decoded frame.
void clip_stats(Clip *c, double *max_seam_gap_s, double *first_frame_ms,
                int *loops, long *frames_decoded);

// How many decoded frames were passed over (a later one was due before
// they were shown): dropped frames, for the benchmark.
long clip_frames_skipped(Clip *c);

// Open the clip (or its segment) and wait, at most a few seconds, for its
// first picture. False with the reason in err ("path: empty file", "path:
// cannot open: Invalid data ...", "path: no picture could be decoded").
bool clip_probe(const char *path, double start, double end, char *err,
                size_t errsize);

// A time stamp on the frame grid: within a quarter of a frame of n/fps it
// becomes n/fps, so the millisecond stamps of WebM and Matroska (33, 67,
// 100 ms at 30 fps) fall on the refresh their frame belongs to.
double clip_snap_time(double t, double fps);

#endif
