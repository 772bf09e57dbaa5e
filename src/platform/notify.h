/*
 * The service manager's notification protocol (a datagram to
 * $NOTIFY_SOCKET): READY=1 once the first frame is on screen, WATCHDOG=1
 * from the frame loop at half the $WATCHDOG_USEC period, so a hung decoder
 * or loop gets the kiosk restarted. Does nothing outside a service.
 */
#ifndef UL_PLATFORM_NOTIFY_H
#define UL_PLATFORM_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Notify {
    bool enabled;
    char path[108];
    int64_t watchdog_ms; // 0 when there is no watchdog
    int64_t last_ping_ms;
    bool ready_sent;
} Notify;

void notify_init(Notify *n);
// Send one message ("READY=1", "STATUS=..."). False when it could not.
bool notify_send(Notify *n, const char *msg);
// Call every frame with a monotonic time: READY once, WATCHDOG when due.
void notify_frame(Notify *n, int64_t mono_ms);

#endif
