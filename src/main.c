/*
 * ultralegs: start-up order, wiring, shutdown in reverse; nothing else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/bench.h"
#include "app/cli.h"
#include "app/clip_check.h"
#include "app/glyph_check.h"
#include "app/history_report.h"
#include "app/profile_cli.h"
#include "app/report.h"
#include "data/library_load.h"
#include "platform/log.h"
#include "platform/meter.h"
#include "platform/paths.h"

#ifndef ULTRALEGS_VERSION
#define ULTRALEGS_VERSION "dev"
#endif

int main(int argc, char **argv)
{
    meter_allocator_setup();
    CliOptions opt;
    char err[512];
    if (!cli_parse(&opt, argc, argv, err, sizeof(err))) {
        log_error("ultralegs", "%s", err);
        log_info("ultralegs", "%s", cli_usage_line());
        return 2;
    }
    if (opt.mode == CLI_HELP) {
        cli_print_help();
        return 0;
    }
    if (opt.mode == CLI_VERSION) {
        printf("ultralegs %s\n", ULTRALEGS_VERSION);
        return 0;
    }

    if (opt.mode == CLI_BENCH)
        return bench_run(&opt);

    Paths paths;
    if (!paths_resolve(&paths, opt.data_dir, opt.videos_dir, err,
                       sizeof(err))) {
        log_error("ultralegs", "%s", err);
        return 1;
    }
    Library *lib = library_load(&paths);
    if (!lib) {
        log_error("ultralegs", "out of memory");
        return 1;
    }

    int status = 0;
    switch (opt.mode) {
    case CLI_CHECK:
        clip_check_library(lib, &paths);
        glyph_check_library(lib);
        status = report_check(stdout, lib, &paths, opt.json);
        break;
    case CLI_DESCRIBE:
        status = report_describe(stdout, lib, &paths, opt.describe, opt.json);
        break;
    case CLI_HISTORY:
    case CLI_EXPORT:
    case CLI_IMPORT:
    case CLI_SUSPECTS:
    case CLI_FIX_DATE:
    case CLI_DELETE_SESSION: status = history_command(&opt, &paths, lib); break;
    case CLI_PROFILES:
    case CLI_PROFILE_SET: status = profile_command(&opt, &paths, lib); break;
    case CLI_KIOSK: status = app_run(&opt, &paths, lib); break;
    default: break;
    }
    library_destroy(lib);
    return status;
}
