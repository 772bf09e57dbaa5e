/*
 * sd_notify over a Unix datagram socket (no library needed).
 */
#include "platform/notify.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

void notify_init(Notify *n)
{
    memset(n, 0, sizeof(*n));
    const char *p = getenv("NOTIFY_SOCKET");
    if (!p || !*p || strlen(p) >= sizeof(n->path))
        return;
    snprintf(n->path, sizeof(n->path), "%s", p);
    n->enabled = true;
    const char *w = getenv("WATCHDOG_USEC");
    long long usec = w ? atoll(w) : 0;
    if (usec > 0)
        n->watchdog_ms = usec / 1000 / 2; // ping at half the period
}

bool notify_send(Notify *n, const char *msg)
{
    if (!n->enabled)
        return false;
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    size_t len = strlen(n->path);
    memcpy(sa.sun_path, n->path, len);
    if (sa.sun_path[0] == '@')
        sa.sun_path[0] = '\0'; // an abstract socket
    socklen_t salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
    // Never wait: a kiosk must not hang because nobody reads its messages.
    bool ok = sendto(fd, msg, strlen(msg), MSG_NOSIGNAL | MSG_DONTWAIT,
                     (struct sockaddr *)&sa, salen) >= 0;
    close(fd);
    return ok;
}

void notify_frame(Notify *n, int64_t mono_ms)
{
    if (!n->enabled)
        return;
    if (!n->ready_sent) {
        n->ready_sent = notify_send(n, "READY=1\nSTATUS=Coaching");
        n->last_ping_ms = mono_ms;
        return;
    }
    if (n->watchdog_ms > 0 && mono_ms - n->last_ping_ms >= n->watchdog_ms) {
        notify_send(n, "WATCHDOG=1");
        n->last_ping_ms = mono_ms;
    }
}
