/*
 * Whose history a command reads or writes (--profile, or the runner used
 * last), and the commands about the runners themselves: --profiles [--json]
 * and --profile NAME --profile-set KEY=VALUE.
 */
#ifndef UL_APP_PROFILE_CLI_H
#define UL_APP_PROFILE_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "app/cli.h"
#include "core/routine.h"
#include "platform/paths.h"
#include "store/store.h"

// Make name (NULL: keep the one used last) the store's current profile.
// create: a name not yet stored becomes a new profile (on a file whose only
// profile is "Runner" without a session, that one takes the name).
// False with the message in err (an unknown name lists the profiles).
bool profile_cli_choose(Store *st, const char *name, bool create,
                        int64_t now_utc, char *err, size_t errsize);

// "Runner, Bo and Cy" into out.
void profile_cli_names(Store *st, char *out, size_t size);

// --profiles and --profile-set; returns the exit status.
int profile_command(const CliOptions *opt, const Paths *paths,
                    const Library *lib);

#endif
