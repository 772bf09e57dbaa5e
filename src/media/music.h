/*
 * The runner's music: a player thread that opens each track in turn with
 * FFmpeg (MP3, Ogg Vorbis, Opus, FLAC, AAC/M4A, WAV), resamples it to the
 * mixer's 48 kHz stereo s16 and keeps a bounded ring (one second) that the
 * mixer drains with music_read. The mixer never waits for the player: a
 * track that stalls leaves the ring empty (silence), never the cues late.
 *
 * A track fades in over 10 ms and out over its last 10 ms, and a skip fades
 * the sound being heard out before the next track, so no change clicks.
 * A track that cannot be played (missing, unreadable, empty, not sound,
 * damaged) is logged once ("music: skipped FILE: why") and never tried
 * again; the order is core/playlist's.
 */
#ifndef UL_MEDIA_MUSIC_H
#define UL_MEDIA_MUSIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/playlist.h"

typedef struct Music Music;

// Start playing (into the ring) the n tracks at paths: in their order when
// listed, else shuffled from seed. NULL when there are no tracks or no
// memory or thread; nothing is logged for "no tracks".
Music *music_open(const char (*paths)[PLAYLIST_PATH_MAX], int n, bool listed,
                  uint64_t seed);
// Stops the thread; accepts NULL. The mixer must no longer read it.
void music_close(Music *m);

// The mixer's side (AudioSourceRead): fill out with up to frames stereo
// frames; returns how many were real sound (the rest is silence). Never
// blocks on decoding.
int music_read(void *music, int16_t *out, int frames);

// Go on to the next track (the one heard fades out first).
void music_skip(Music *m);

// The track being heard: its title (the file's title tag, "artist - title"
// when both are there, else the file name) and a serial that changes with
// every track heard. False while nothing has been heard yet.
bool music_now_playing(Music *m, char *title, size_t size, int *serial);

// Tracks skipped as unplayable so far, and tracks started.
void music_counts(Music *m, int *bad, int *started);

// Test hook: the player sleeps this long after each second of sound it
// decodes (a slow disk, a stalled network share). 0: never.
void music_set_stall_ms(Music *m, int ms);

#endif
