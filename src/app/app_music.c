/*
 * The runner's music in the kiosk: found (music folders, USB sticks) when
 * a workout starts, played from its intro to its summary under the cues,
 * paused with the workout, faded out at its end; a remote's next-track key
 * skips a track and the HUD names each new one briefly. No folder or no
 * tracks means no music and nothing said; bad files are the player's to
 * log.
 */
#include "app/app_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "data/music_scan.h"

static bool same_tracks(const MusicTracks *a, const MusicTracks *b)
{
    if (a->n != b->n || a->listed != b->listed)
        return false;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->paths[i], b->paths[i]) != 0)
            return false;
    return true;
}

void app_music_close(App *a)
{
    audio_set_music_source(a->audio, NULL, NULL);
    music_close(a->music);
    a->music = NULL;
    music_tracks_free(&a->music_tracks);
}

void app_music_begin(App *a)
{
    audio_set_music_level(a->audio, a->settings.music_volume,
                          a->settings.music_duck_db);
    if (!a->settings.music || audio_is_null(a->audio))
        return;
    // Looked for at every workout: a stick may have come or gone.
    char dirs[MUSIC_DIRS_MAX][PLAYLIST_PATH_MAX];
    int nd =
        music_scan_dirs(a->paths, a->settings.music_dir, dirs, MUSIC_DIRS_MAX);
    MusicTracks found = {0};
    music_scan((const char(*)[PLAYLIST_PATH_MAX])dirs, nd, &found);
    if (a->music && same_tracks(&found, &a->music_tracks)) {
        music_tracks_free(&found);
        // The same music: a new track for a new workout, the shuffle goes
        // on (no repeat until all have played).
        if (a->music_heard)
            music_skip(a->music);
        a->music_heard = false;
        return;
    }
    app_music_close(a);
    if (found.n == 0)
        return;
    uint64_t seed = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ULL ^
                    (uint64_t)getpid() << 32 ^ SDL_GetPerformanceCounter();
    a->music = music_open((const char(*)[PLAYLIST_PATH_MAX])found.paths,
                          found.n, found.listed, seed);
    if (!a->music) {
        music_tracks_free(&found);
        return;
    }
    a->music_tracks = found;
    a->music_heard = false;
    const char *stall = getenv("ULTRALEGS_MUSIC_STALL_MS");
    if (stall)
        music_set_stall_ms(a->music, atoi(stall));
    log_info("music", "%d track%s from %s%s", found.n, found.n == 1 ? "" : "s",
             dirs[0], nd > 1 ? " and a USB stick" : "");
    audio_set_music_source(a->audio, music_read, a->music);
}

void app_music_frame(App *a)
{
    if (!a->music)
        return;
    AudioMusic state = !a->settings.music ? AUDIO_MUSIC_OFF
                       : !a->in_session   ? AUDIO_MUSIC_END
                       : a->session->paused || a->view.pause_menu
                           ? AUDIO_MUSIC_PAUSE
                           : AUDIO_MUSIC_PLAY;
    audio_music(a->audio, state);
    char title[128];
    int serial;
    if (music_now_playing(a->music, title, sizeof(title), &serial) &&
        serial != a->music_serial) {
        a->music_serial = serial;
        if (!a->in_session)
            return; // the tail of a fade-out: nothing to show
        a->music_heard = true;
        snprintf(a->view.music_title, sizeof(a->view.music_title), "%s", title);
        a->view.music_since = a->now;
        if (a->cue_log)
            fprintf(a->cue_log, "%.3f\tmusic\tNow playing: %s\n",
                    a->now / 1000.0, title);
    }
}

void app_music_skip(App *a)
{
    if (a->music && a->in_session)
        music_skip(a->music);
}
