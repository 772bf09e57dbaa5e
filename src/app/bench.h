/*
 * --bench CLIP: decode + upload + present through the kiosk's own code
 * path, as fast as it can, and print the figures.
 */
#ifndef UL_APP_BENCH_H
#define UL_APP_BENCH_H

#include "app/cli.h"

int bench_run(const CliOptions *opt);

#endif
