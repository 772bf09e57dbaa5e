/*
 * The kiosk as its service starts it, with a --routine that cannot be
 * coached: it must come up on home, tell the service it is ready, keep
 * pinging the watchdog and stay up, instead of exiting into a restart loop
 * behind a blank TV. The command line and environment come from the unit
 * file the package installs (assets/ultralegs.service); the TV's DRM output
 * is replaced by --headless.
 */
#include "kiosk_util.h"

#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <sys/wait.h>

extern char **environ;

#define BIN ULTRALEGS_BIN

typedef struct Unit {
    char exec_args[512]; // ExecStart= after the program
    char env[8][300];    // Environment= lines, as given
    int nenv;
    int watchdog_s;
    bool notify, restart_always;
} Unit;

static void read_unit(Unit *u)
{
    memset(u, 0, sizeof(*u));
    char *text = ku_read("%s", SERVICE_FILE);
    assert_non_null(text);
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "ExecStart=", 10) == 0) {
            const char *args = strchr(line + 10, ' ');
            snprintf(u->exec_args, sizeof(u->exec_args), "%s",
                     args ? args : "");
        } else if (strncmp(line, "Environment=", 12) == 0 && u->nenv < 8) {
            snprintf(u->env[u->nenv++], sizeof(u->env[0]), "%s", line + 12);
        } else if (strncmp(line, "WatchdogSec=", 12) == 0) {
            u->watchdog_s = atoi(line + 12);
        } else if (strcmp(line, "Type=notify") == 0) {
            u->notify = true;
        } else if (strcmp(line, "Restart=always") == 0) {
            u->restart_always = true;
        }
    }
    free(text);
}

// The unit's environment, its /var/lib/ultralegs moved into the test's
// folder, no DRM device: the offscreen driver draws instead.
static int unit_env(const Unit *u, char envbuf[][400], char **envp,
                    const char *extra[], int nextra)
{
    int n = 0;
    for (int i = 0; i < u->nenv; i++) {
        const char *e = u->env[i];
        if (strncmp(e, "SDL_VIDEODRIVER=", 16) == 0)
            continue;
        const char *var = strstr(e, "/var/lib/ultralegs");
        if (var)
            snprintf(envbuf[n], 400, "%.*s%s%s", (int)(var - e), e, ku_dir,
                     var);
        else
            snprintf(envbuf[n], 400, "%s", e);
        envp[n] = envbuf[n];
        n++;
    }
    for (int i = 0; i < nextra; i++) {
        snprintf(envbuf[n], 400, "%s", extra[i]);
        envp[n] = envbuf[n];
        n++;
    }
    envp[n] = NULL;
    return n;
}

static pid_t start(char **envp, const char *args)
{
    char cmd[2048];
    snprintf(cmd, sizeof(cmd), "exec %s %s", BIN, args);
    char *argv[] = {"/bin/sh", "-c", cmd, NULL};
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, envp), 0);
    return pid;
}

// Mean absolute difference of two screenshots over rows [y0, y1) (fractions).
static double diff_rows(const KuImage *a, const KuImage *b, double y0,
                        double y1)
{
    assert_int_equal(a->w, b->w);
    assert_int_equal(a->h, b->h);
    double sum = 0;
    long n = 0;
    for (int y = (int)(y0 * a->h); y < (int)(y1 * a->h); y++) {
        const Uint8 *p = (const Uint8 *)a->s->pixels + (size_t)y * a->s->pitch;
        const Uint8 *q = (const Uint8 *)b->s->pixels + (size_t)y * b->s->pitch;
        for (int x = 0; x < a->w * 4; x++)
            if (x % 4 != 3)
                sum += abs(p[x] - q[x]), n++;
    }
    return sum / (double)n;
}

static int dark_red(Uint8 r, Uint8 g, Uint8 b)
{
    return r > 100 && g < 50 && b < 50;
}

static void test_service_with_broken_routine(void **state)
{
    (void)state;
    Unit u;
    read_unit(&u);
    // What the test relies on from the unit: systemd waits for READY, kills
    // a kiosk that stops pinging, and restarts one that exits.
    assert_true(u.notify);
    assert_true(u.restart_always);
    assert_true(u.watchdog_s > 0);

    char sock[300];
    snprintf(sock, sizeof(sock), "%s/notify", ku_dir);
    int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un sa = {0};
    sa.sun_family = AF_UNIX;
    snprintf(sa.sun_path, sizeof(sa.sun_path), "%.100s", sock);
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);

    // The runner's routine with a typo, where the service's user keeps it.
    char dir[400];
    snprintf(dir, sizeof(dir), "%s/var/lib/ultralegs/config/ultralegs/routines",
             ku_dir);
    assert_int_equal(
        ku_run(NULL,
               "mkdir -p %s && printf '[routine]\\ntitle = Speed Legs\\n"
               "\\n[step]\\nexercise = rear lunges\\nreps = 10\\n' > "
               "%s/speed-legs.ini",
               dir, dir),
        0);

    char envbuf[16][400], *envp[17], notify_env[350], extra_path[600];
    snprintf(notify_env, sizeof(notify_env), "NOTIFY_SOCKET=%s", sock);
    snprintf(extra_path, sizeof(extra_path), "PATH=%s",
             getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
    // Pings at half the period: 2 s here for a short test (the unit's is
    // longer).
    const char *extra[] = {
        notify_env, "WATCHDOG_USEC=2000000", extra_path,
        "ULTRALEGS_VIDEOS_DIR=/nonexistent",
        getenv("ASAN_OPTIONS") ? NULL : "ASAN_OPTIONS=detect_leaks=1"};
    int nextra = extra[4] ? 5 : 4;
    unit_env(&u, envbuf, envp, extra, nextra);

    // Exactly the unit's command line, the broken routine added: no
    // screenshot or script that would end a headless run by itself.
    char args[1600];
    snprintf(args, sizeof(args),
             "%s --routine speed-legs --headless --cue-log %s/cues.tsv"
             " 2>%s/err",
             u.exec_args, ku_dir, ku_dir);
    pid_t pid = start(envp, args);

    int ready = 0, pings = 0, stopping = 0;
    char msg[256];
    // Up to 60 s to come up (a busy machine, sanitizers), then 5 s more in
    // which it must still run and ping the watchdog.
    int status = 0, ready_at = -1;
    pid_t gone = 0;
    for (int i = 0; !gone && (ready_at < 0 ? i < 600 : i < ready_at + 50);
         i++) {
        usleep(100000);
        gone = waitpid(pid, &status, WNOHANG);
        ssize_t n;
        while ((n = recv(fd, msg, sizeof(msg) - 1, MSG_DONTWAIT)) > 0) {
            msg[n] = '\0';
            if (strstr(msg, "READY=1")) {
                ready++;
                ready_at = i;
            }
            pings += strcmp(msg, "WATCHDOG=1") == 0;
        }
    }
    if (gone) {
        char *err = ku_read("%s/err", ku_dir);
        fail_msg("the kiosk exited (status %d): %s", WEXITSTATUS(status),
                 err ? err : "");
    }
    print_message("service: READY %d, then %d watchdog pings in 5 s\n", ready,
                  pings);
    assert_int_equal(ready, 1);
    assert_true(pings >= 2);
    // The service manager stops it: a clean exit.
    kill(pid, SIGTERM);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    ssize_t n;
    while ((n = recv(fd, msg, sizeof(msg) - 1, MSG_DONTWAIT)) > 0) {
        msg[n] = '\0';
        stopping += strcmp(msg, "STOPPING=1") == 0;
    }
    close(fd);
    assert_int_equal(stopping, 1);

    // It said which file and line, and coached nothing.
    char *log = ku_read("%s/cues.tsv", ku_dir);
    assert_non_null(log);
    assert_non_null(strstr(
        log, "\tnotice\tCannot start 'speed-legs': routines/speed-legs.ini:5: "
             "bad exercise id 'rear lunges': did you mean 'rear-lunges'?\n"));
    for (const char *l = log; *l; l = strchr(l, '\n') + 1) {
        if (!strstr(l, "\tnotice\t"))
            fail_msg("not only notices in the cue log: %.*s",
                     (int)strcspn(l, "\n"), l);
        if (!strchr(l, '\n'))
            break;
    }
    free(log);

    // What it shows: the same start, with a screenshot (which ends a
    // headless run once taken). Its header (title, date, streak, today's
    // plan) is the home screen's of a plain start, and it is not what
    // starting a routine shows. (The carousel below moves up to make room
    // for the notices, so it is not compared.)
    snprintf(args, sizeof(args),
             "%s --routine speed-legs --headless --now 2026-11-25T18:00"
             " --screenshot 2:%s/home.png 2>/dev/null",
             u.exec_args, ku_dir);
    pid = start(envp, args);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(WEXITSTATUS(status), 0);
    snprintf(args, sizeof(args),
             "%s --headless --now 2026-11-25T18:00 --screenshot 2:%s/plain.png"
             " 2>/dev/null",
             u.exec_args, ku_dir);
    pid = start(envp, args);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(WEXITSTATUS(status), 0);
    snprintf(args, sizeof(args),
             "%s --headless --now 2026-11-25T18:00 --routine ultra-legs "
             "--screenshot 2:%s/started.png 2>/dev/null",
             u.exec_args, ku_dir);
    pid = start(envp, args);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_int_equal(WEXITSTATUS(status), 0);
    KuImage home = ku_load("%s/home.png", ku_dir);
    KuImage plain = ku_load("%s/plain.png", ku_dir);
    KuImage started = ku_load("%s/started.png", ku_dir);
    double same = diff_rows(&home, &plain, 0, 0.3);
    double other = diff_rows(&started, &plain, 0, 0.3);
    print_message("service: home vs plain home %.2f, a started routine vs "
                  "plain home %.2f\n",
                  same, other);
    assert_true(same < 1.0);
    assert_true(other > 10.0);
    // The notices: dark red bars along the bottom, more than a plain start has.
    assert_true(ku_frac(&home, 0.02, 0.8, 0.98, 1.0, dark_red, NULL) >
                ku_frac(&plain, 0.02, 0.8, 0.98, 1.0, dark_red, NULL) + 0.05);
    ku_free(&home);
    ku_free(&plain);
    ku_free(&started);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_service_with_broken_routine,
                                        ku_setup, ku_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
