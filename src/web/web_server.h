/*
 * The companion's HTTP server: libmicrohttpd on its own threads (one per
 * connection, a bounded number of them, each with an idle timeout), every
 * request through web_route. It owns nothing of the app's: it reads and
 * writes the WebCore it is given.
 */
#ifndef UL_WEB_WEB_SERVER_H
#define UL_WEB_WEB_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "web/web_core.h"

#define WEB_CONNECTIONS_MAX 32
#define WEB_PER_IP_MAX 12 // a browser: 6 at once, events, the player, an upload
#define WEB_TIMEOUT_S 30
#define WEB_EVENTS_PING_MS 15000 // a comment on idle event streams

typedef struct WebServer WebServer;

// Listen on bind:port (port 0: one the system chooses; web_server_port says
// which); an idle connection is closed after timeout_s (0: WEB_TIMEOUT_S).
// On error NULL is returned, err says why (the port is taken, the
// address is not this machine's ...), and nothing is left running.
WebServer *web_server_start(WebCore *core, const char *bind, int port,
                            int timeout_s, char *err, size_t errsize);
int web_server_port(const WebServer *s);
// Ends the event streams and stops; accepts NULL.
void web_server_stop(WebServer *s);

#endif
