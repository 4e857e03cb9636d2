#ifndef SWITCHBOARD_CLIBWEBSOCKETS_SHIM_H
#define SWITCHBOARD_CLIBWEBSOCKETS_SHIM_H
#include <libwebsockets.h>
#include <string.h>
#include <stdint.h>

/*
 * What Swift cannot import from libwebsockets (function-like macros, expression macros) and the
 * few helpers the transport needs. Everything here is called on the service thread except
 * sb_flag_* (atomics, safe from any thread and from a signal handler).
 */

/* LWS_PRE is an expression macro: the headroom lws_write needs before the payload. */
static inline size_t sb_lws_pre(void) { return LWS_PRE; }

/* LWS_TO_KILL_ASYNC: close a wsi on the next service loop, from outside its callbacks. */
static inline int sb_kill_async_seconds(void) { return LWS_TO_KILL_ASYNC; }

/* A per-connection timer: an lws_sul with the owner and the caller's token beside it. The sul
 * must be the first member so the sul callback can recover the timer from its pointer. */
typedef struct sb_timer {
    lws_sorted_usec_list_t sul;
    void *server;
    void *owner;
    uint64_t token;
} sb_timer;

static inline sb_timer *sb_timer_from_sul(lws_sorted_usec_list_t *sul) {
    return (sb_timer *)(void *)sul;
}

static inline void sb_timer_schedule(struct lws_context *context, sb_timer *timer, sul_cb_t cb,
                                     int64_t microseconds) {
    lws_sul_schedule(context, 0, &timer->sul, cb, (lws_usec_t)microseconds);
}

/*
 * The first token of the upgrade's Sec-WebSocket-Protocol list, tokenized exactly as lws 4.1's
 * lws_process_ws_upgrade() does it (same flags, same 128-byte copy). lws binds the first offered
 * name it has a protocol for and fails the handshake when it knows none; the transport uses this
 * to let a protocol entry answer for whatever the client offered first (see WebSocketServer+Upgrade).
 * Returns the token length, or -1 when lws would reject the list anyway.
 */
static inline int sb_first_offered_protocol(struct lws *wsi, char *out, int outlen) {
    char buf[128];
    struct lws_tokenize ts;
    lws_tokenize_elem e;
    int n;

    lws_tokenize_init(&ts, buf, LWS_TOKENIZE_F_COMMA_SEP_LIST | LWS_TOKENIZE_F_MINUS_NONTERM |
                                    LWS_TOKENIZE_F_DOT_NONTERM | LWS_TOKENIZE_F_RFC7230_DELIMS);
    n = lws_hdr_copy(wsi, buf, sizeof(buf) - 1, WSI_TOKEN_PROTOCOL);
    if (n <= 0)
        return -1;
    ts.len = (size_t)n;
    do {
        e = lws_tokenize(&ts);
        if (e == LWS_TOKZE_TOKEN) {
            if (lws_tokenize_cstr(&ts, out, (size_t)outlen))
                return -1;
            return (int)strlen(out);
        }
    } while (e == LWS_TOKZE_DELIMITER);
    return -1;
}

/* Atomic flags for the thread-safe corners (stop from a signal handler, wake-up coalescing). */
static inline void sb_flag_set(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_SEQ_CST); }
static inline int sb_flag_get(int *flag) { return __atomic_load_n(flag, __ATOMIC_SEQ_CST); }
static inline int sb_flag_exchange(int *flag, int value) {
    return __atomic_exchange_n(flag, value, __ATOMIC_SEQ_CST);
}

/*
 * Asks for the cache line holding `p` ahead of a write to it. A fan-out touches each of
 * thousands of connections once; without a hint every one of them is a wait on memory.
 */
static inline void sb_prefetch_for_write(const void *p) { __builtin_prefetch(p, 1, 3); }

#endif
