/*
 * One resampler set-up for clips and music (see resample.h).
 */
#include "media/resample.h"

#include <libavutil/samplefmt.h>

bool resample_to_stereo(SwrContext **swr, const AVChannelLayout *layout,
                        int format, int rate, int out_rate)
{
    AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO, in;
    if (layout->nb_channels <= 0 || rate <= 0 || format < 0)
        return false;
    if (layout->order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default(&in, layout->nb_channels);
    else if (av_channel_layout_copy(&in, layout) < 0)
        return false;
    swr_free(swr);
    bool ok = swr_alloc_set_opts2(swr, &stereo, AV_SAMPLE_FMT_S16, out_rate,
                                  &in, format, rate, 0, NULL) >= 0;
    // FFmpeg would spread a mono source at -3 dB a side.
    static const double mono_to_both[2] = {1.0, 1.0};
    if (ok && in.nb_channels == 1)
        ok = swr_set_matrix(*swr, mono_to_both, 1) >= 0;
    ok = ok && swr_init(*swr) >= 0;
    av_channel_layout_uninit(&in);
    if (!ok)
        swr_free(swr);
    return ok;
}
