/*
 * The runner's music as a list of tracks, and the order they play in:
 * pure logic (no files, no clock). The caller lists the folders' files and
 * reads playlists; this module decides what is a track, reads .m3u text
 * and keeps a shuffled order with no track repeated until all have played.
 */
#ifndef UL_CORE_PLAYLIST_H
#define UL_CORE_PLAYLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLAYLIST_PATH_MAX 512
#define PLAYLIST_TRACKS_MAX 1024

typedef struct Playlist {
    char (*paths)[PLAYLIST_PATH_MAX]; // owned; ntracks of them
    int ntracks;
    bool listed; // from .m3u playlists: played in their order, not shuffled
    bool *bad;   // tracks found unplayable, skipped from then on
    int *order;  // this round's order (indices into paths)
    int pos;     // next in order
    uint64_t rng;
} Playlist;

// True when a file name ends in an extension of a sound file the kiosk
// plays: .mp3 .ogg .oga .opus .flac .m4a .aac .wav (any case).
bool playlist_is_track_name(const char *name);
// True for .m3u and .m3u8 (any case).
bool playlist_is_m3u_name(const char *name);

// Append the entries of an .m3u playlist's text to out (at most max,
// returns how many): comment and #EXT lines are skipped, a relative entry
// is taken from base_dir (the playlist's folder), a Windows '\' becomes
// '/', and file:// addresses are read as paths.
int playlist_parse_m3u(const char *text, size_t len, const char *base_dir,
                       char (*out)[PLAYLIST_PATH_MAX], int max);

// Take the tracks (copied). seed 0 picks none: the caller passes one.
// False when out of memory (the playlist is then empty).
bool playlist_init(Playlist *p, const char (*paths)[PLAYLIST_PATH_MAX], int n,
                   bool listed, uint64_t seed);
void playlist_free(Playlist *p);

// The next track to play (index), or -1 when every track is bad. A new
// round is shuffled anew and never starts with the track that ended the
// last one.
int playlist_next(Playlist *p);

// This track cannot be played: it is never offered again.
void playlist_mark_bad(Playlist *p, int track);

#endif
