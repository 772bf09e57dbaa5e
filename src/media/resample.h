/*
 * The sound of a clip or a track, as the mixer takes it: one resampler
 * set-up for every decoder's output.
 */
#ifndef UL_MEDIA_RESAMPLE_H
#define UL_MEDIA_RESAMPLE_H

#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
#include <stdbool.h>

// (Re)make *swr to turn sound of any channel layout (mono, 5.1, 7.1, or a
// count of channels without a layout) into interleaved 16-bit stereo at
// out_rate. A mono source is as loud in each speaker as it was recorded.
// False (and *swr freed) when the input cannot be converted.
bool resample_to_stereo(SwrContext **swr, const AVChannelLayout *layout,
                        int format, int rate, int out_rate);

#endif
