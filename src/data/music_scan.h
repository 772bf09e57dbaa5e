/*
 * Finding the runner's music: the music folders (music_dir, or the data
 * folder's music/, then a music/ folder at the top of every mounted USB
 * stick) and the tracks in them, through core/playlist's rules.
 */
#ifndef UL_DATA_MUSIC_SCAN_H
#define UL_DATA_MUSIC_SCAN_H

#include <stdbool.h>

#include "core/playlist.h"
#include "platform/paths.h"

#define MUSIC_DIRS_MAX 16

// The folders to look in, in order: music_dir when set (else
// <data_dir>/music), then every mounted stick's music/ folder, found as
// ROOT/*/music and ROOT/*/*/music for ROOT /media and /run/media (usbmount
// mounts /media/usb0, udisks2 /media/USER/LABEL or /run/media/USER/LABEL).
// ULTRALEGS_MOUNT_ROOTS (colon-separated) replaces those roots (tests).
// Folders that do not exist are left out. Returns how many.
int music_scan_dirs(const Paths *p, const char *music_dir,
                    char (*out)[PLAYLIST_PATH_MAX], int max);

typedef struct MusicTracks {
    char (*paths)[PLAYLIST_PATH_MAX]; // owned
    int n;
    bool listed; // a playlist gave them: keep its order
} MusicTracks;

// The tracks of these folders. A folder with .m3u/.m3u8 playlists plays
// what they list (in name order of the playlists, then their own order);
// a folder without plays every sound file in it and in its subfolders
// (one level: albums), shuffled. Files named as sound are listed even when
// they turn out unplayable: the player says so once. Never fails: no
// folder or no tracks is n == 0.
void music_scan(const char (*dirs)[PLAYLIST_PATH_MAX], int ndirs,
                MusicTracks *out);
void music_tracks_free(MusicTracks *t);

#endif
