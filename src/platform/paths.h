/*
 * Where files live: the installed assets and demo clips, the user's config
 * (overrides, settings), the user's data (history database, own clips), and
 * small filesystem helpers. Follows the XDG base directory rules unless
 * --data-dir puts config and data in one folder.
 */
#ifndef UL_PLATFORM_PATHS_H
#define UL_PLATFORM_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#define PATHS_MAX 512

typedef struct Paths {
    char assets_dir[PATHS_MAX];     // exercises.ini, routines/, plan.ini
    char builtin_videos[PATHS_MAX]; // generated demo clips
    char config_dir[PATHS_MAX];   // user's exercises.ini, routines/, plan.ini,
                                  // config.ini
    char data_dir[PATHS_MAX];     // history.db
    char user_videos[PATHS_MAX];  // the user's own clips
    char extra_videos[PATHS_MAX]; // --videos-dir, searched first ("" if none)
} Paths;

// Fill p. data_dir and videos_dir may be NULL. The assets come from
// $ULTRALEGS_ASSETS_DIR, else the source tree the binary was built from,
// else the install prefix. Returns false (with a reason in err) when no
// assets folder exists.
bool paths_resolve(Paths *p, const char *data_dir, const char *videos_dir,
                   char *err, size_t errsize);

// Look a clip file name up in the videos dirs, in order: --videos-dir, the
// user's, the built-in. True and the full path in out when found.
bool paths_find_clip(const Paths *p, const char *clip, char *out, size_t size);

// Read a whole file of at most max bytes into a new NUL-terminated buffer
// (caller frees). On error NULL is returned and err holds why.
char *file_read_all(const char *path, size_t max, size_t *len, char *err,
                    size_t errsize);

// mkdir -p. False (errno set) when it cannot be made.
bool paths_mkdirs(const char *dir);

bool file_exists(const char *path);
bool dir_exists(const char *path);

// Names of the *.ini files in dir, sorted; returns how many (at most max),
// 0 when the folder does not exist.
int dir_list_ini(const char *dir, char (*names)[128], int max);

#endif
