/*
 * BaselineServer: a bare libwebsockets server that speaks just enough graphql-transport-ws for
 * the benchmark load generator to drive it exactly as it drives Switchboard. No GraphQL engine,
 * no store: it acks, records subscriptions by chat, and on each HTTP `postMessage` mutation
 * builds one payload and copies `{"id":…,"type":"next","payload":<shared>}` into every
 * subscriber's outbound queue, written one frame per writable callback. It is the yardstick
 * Switchboard's transport is measured against, so it must stay as cheap as lws allows.
 */
#include <libwebsockets.h>

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include "json_scan.h"

#define MAX_ID 128          /* longest operation id / chat id we keep */
#define MAX_MESSAGE 65536   /* largest inbound WebSocket message we reassemble */
#define MAX_BODY 1048576    /* largest HTTP body */

/* ---------- outbound queue: one contiguous buffer of [len | LWS_PRE headroom | frame] ---------- */

/* Each frame is preceded by a header big enough to be lws's LWS_PRE headroom; it holds the
 * frame length, which has been read by the time lws scribbles over it. Same pattern as
 * Switchboard's OutboundQueue: appending is a copy, no allocation once the buffer has grown. */
#define HDR (((LWS_PRE > 16 ? LWS_PRE : 16) + 7) & ~7)

struct outq {
	unsigned char *buf;
	size_t cap, head, tail, count;
};

static unsigned char *outq_reserve(struct outq *q, size_t len)
{
	size_t need = HDR + ((len + 7) & ~(size_t)7);
	if (q->cap - q->tail < need) {
		if (q->head > 0) { /* slide what is left to the front */
			memmove(q->buf, q->buf + q->head, q->tail - q->head);
			q->tail -= q->head;
			q->head = 0;
		}
		if (q->cap - q->tail < need) {
			size_t ncap = q->cap ? q->cap * 2 : 512; /* an idle socket holds little */
			while (ncap - q->tail < need)
				ncap *= 2;
			unsigned char *nb = realloc(q->buf, ncap);
			if (!nb)
				return NULL;
			q->buf = nb;
			q->cap = ncap;
		}
	}
	unsigned char *h = q->buf + q->tail;
	uint64_t l = len;
	memcpy(h, &l, 8);
	q->tail += need;
	q->count++;
	return h + HDR;
}

static void outq_free(struct outq *q)
{
	free(q->buf);
	memset(q, 0, sizeof *q);
}

/* ---------- chats and subscriptions ---------- */

struct session;

struct sub {
	struct sub *next_in_session;
	struct session *session;
	struct chat *chat;
	size_t index;                 /* position in chat->subs */
	char id[MAX_ID];              /* the client's operation id, decoded */
	char prefix[MAX_ID * 6 + 48]; /* {"id":"…","type":"next","payload": */
	size_t prefix_len;
};

struct chat {
	struct chat *next;
	char id[MAX_ID];
	struct sub **subs;
	size_t n, cap;
};

#define CHAT_BUCKETS 4096
static struct chat *chats[CHAT_BUCKETS];

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct chat *chat_get(const char *id, int create)
{
	unsigned b = hash_str(id) % CHAT_BUCKETS;
	for (struct chat *c = chats[b]; c; c = c->next)
		if (!strcmp(c->id, id))
			return c;
	if (!create)
		return NULL;
	struct chat *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	snprintf(c->id, sizeof c->id, "%s", id);
	c->next = chats[b];
	chats[b] = c;
	return c;
}

static int chat_add(struct chat *c, struct sub *s)
{
	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 16;
		struct sub **ns = realloc(c->subs, ncap * sizeof *ns);
		if (!ns)
			return -1;
		c->subs = ns;
		c->cap = ncap;
	}
	s->chat = c;
	s->index = c->n;
	c->subs[c->n++] = s;
	return 0;
}

static void chat_remove(struct sub *s)
{
	struct chat *c = s->chat;
	struct sub *last = c->subs[--c->n];
	c->subs[s->index] = last;
	last->index = s->index;
}

/* ---------- per-connection state ---------- */

struct session {
	struct lws *wsi;
	struct outq q;
	struct sub *subs;
	char *msg;          /* reassembly of a fragmented message */
	size_t msg_len;
	int acked;
};

struct http_session {
	char *body;
	size_t len, cap;
	int is_post_graphql;
	char response[160];
	size_t response_len;
};

static struct lws_context *context;
static volatile sig_atomic_t interrupted;
static int use_event_lib;
static unsigned long long next_message_id;
static int ws_connections, max_connections = 20000;

static int queue_text(struct session *s, const char *text, size_t len)
{
	unsigned char *p = outq_reserve(&s->q, len);
	if (!p)
		return -1;
	memcpy(p, text, len);
	lws_callback_on_writable(s->wsi);
	return 0;
}

static void session_drop_subs(struct session *s)
{
	struct sub *n;
	for (struct sub *u = s->subs; u; u = n) {
		n = u->next_in_session;
		chat_remove(u);
		free(u);
	}
	s->subs = NULL;
}

/* ---------- a little GraphQL argument reading ---------- */

/* Finds `field(` in the query and the argument `arg` in its argument list. A `$var` is looked
 * up in vars. On success writes the decoded value to out and its JSON form to json. */
static int gql_arg(const char *q, const char *field, const char *arg, jspan vars,
		   char *out, size_t cap, char *json, size_t jcap)
{
	size_t fl = strlen(field), al = strlen(arg);
	const char *p = q;
	while ((p = strstr(p, field))) {
		const char *a = p + fl;
		p = a;
		while (*a == ' ' || *a == '\n' || *a == '\t' || *a == '\r' || *a == ',')
			a++;
		if (*a != '(')
			continue;
		a++;
		while (*a && *a != ')') {
			while (*a == ' ' || *a == '\n' || *a == '\t' || *a == '\r' || *a == ',')
				a++;
			const char *ns = a;
			while ((*a >= 'a' && *a <= 'z') || (*a >= 'A' && *a <= 'Z') ||
			       (*a >= '0' && *a <= '9') || *a == '_')
				a++;
			size_t nl = (size_t)(a - ns);
			while (*a == ' ' || *a == '\n' || *a == '\t' || *a == '\r')
				a++;
			if (*a != ':')
				return -1;
			a++;
			while (*a == ' ' || *a == '\n' || *a == '\t' || *a == '\r')
				a++;
			jspan v = { NULL, 0 };
			char name[MAX_ID];
			const char *vs = a;
			if (*a == '$') {
				a++;
				const char *vn = a;
				while ((*a >= 'a' && *a <= 'z') || (*a >= 'A' && *a <= 'Z') ||
				       (*a >= '0' && *a <= '9') || *a == '_')
					a++;
				snprintf(name, sizeof name, "%.*s", (int)(a - vn), vn);
				if (nl == al && !memcmp(ns, arg, al))
					v = js_get(vars, name);
			} else if (*a == '"') {
				a++;
				while (*a && *a != '"') {
					if (*a == '\\' && a[1])
						a++;
					a++;
				}
				if (*a != '"')
					return -1;
				a++;
				v.p = vs;
				v.n = (size_t)(a - vs);
			} else {
				while (*a && *a != ',' && *a != ')' && *a != ' ' && *a != '\n')
					a++;
				v.p = vs;
				v.n = (size_t)(a - vs);
			}
			if (nl != al || memcmp(ns, arg, al))
				continue;
			if (!v.p)
				return -1;
			if (js_is_string(v)) {
				int n = js_unescape(v, out, cap);
				if (n < 0)
					return -1;
				return js_escape(out, (size_t)n, json, jcap) < 0 ? -1 : 0;
			}
			if (v.n + 1 > cap || v.n + 3 > jcap || !strncmp(v.p, "null", 4))
				return -1;
			snprintf(out, cap, "%.*s", (int)v.n, v.p);
			snprintf(json, jcap, "\"%.*s\"", (int)v.n, v.p); /* an ID given as a number */
			return 0;
		}
	}
	return -1;
}

/* Decodes payload.query into a heap string. */
static char *query_text(jspan payload)
{
	jspan qv = js_get(payload, "query");
	if (!js_is_string(qv))
		return NULL;
	char *q = malloc(qv.n + 1);
	if (q && js_unescape(qv, q, qv.n + 1) < 0) {
		free(q);
		return NULL;
	}
	return q;
}

/* ---------- WebSocket messages ---------- */

static void close_with(struct lws *wsi, int code, const char *reason)
{
	lws_close_reason(wsi, (enum lws_close_status)code, (unsigned char *)reason, strlen(reason));
}

static int on_subscribe(struct session *s, jspan msg)
{
	char id[MAX_ID], chat_id[MAX_ID], chat_json[MAX_ID * 6 + 3];
	jspan idv = js_get(msg, "id"), payload = js_get(msg, "payload");
	if (js_unescape(idv, id, sizeof id) <= 0) {
		close_with(s->wsi, 4400, "Invalid message received");
		return -1;
	}
	if (!s->acked) {
		close_with(s->wsi, 4401, "Unauthorized");
		return -1;
	}
	for (struct sub *u = s->subs; u; u = u->next_in_session)
		if (!strcmp(u->id, id)) {
			close_with(s->wsi, 4409, "Subscriber for id already exists");
			return -1;
		}
	jspan vars = js_get(payload, "variables");
	char *q = query_text(payload);
	int ok = q && gql_arg(q, "newMessage", "chatId", vars, chat_id, sizeof chat_id,
			      chat_json, sizeof chat_json) == 0;
	free(q);
	if (!ok) {
		jspan cv = js_get(vars, "chatId");
		ok = js_unescape(cv, chat_id, sizeof chat_id) > 0;
	}
	if (!ok) {
		/* Not a subscription we understand: an error for that id, the socket stays. */
		char buf[MAX_ID * 6 + 160], esc[MAX_ID * 6 + 3];
		js_escape(id, strlen(id), esc, sizeof esc);
		int n = snprintf(buf, sizeof buf,
				 "{\"id\":%s,\"type\":\"error\",\"payload\":[{\"message\":"
				 "\"baseline: only newMessage(chatId:) is supported\"}]}", esc);
		return queue_text(s, buf, (size_t)n);
	}
	struct chat *c = chat_get(chat_id, 1);
	struct sub *u = calloc(1, sizeof *u);
	if (!c || !u) {
		free(u);
		return -1;
	}
	snprintf(u->id, sizeof u->id, "%s", id);
	char esc[MAX_ID * 6 + 3];
	js_escape(id, strlen(id), esc, sizeof esc);
	u->prefix_len = (size_t)snprintf(u->prefix, sizeof u->prefix,
					 "{\"id\":%s,\"type\":\"next\",\"payload\":", esc);
	u->session = s;
	if (chat_add(c, u)) {
		free(u);
		return -1;
	}
	u->next_in_session = s->subs;
	s->subs = u;
	return 0;
}

static int on_complete(struct session *s, jspan msg)
{
	char id[MAX_ID];
	if (js_unescape(js_get(msg, "id"), id, sizeof id) <= 0) {
		close_with(s->wsi, 4400, "Invalid message received");
		return -1;
	}
	for (struct sub **pp = &s->subs; *pp; pp = &(*pp)->next_in_session)
		if (!strcmp((*pp)->id, id)) {
			struct sub *u = *pp;
			*pp = u->next_in_session;
			chat_remove(u);
			free(u);
			break;
		}
	return 0;
}

static int on_message(struct session *s, const char *text, size_t len)
{
	jspan msg = { text, len };
	char type[32];
	if (js_unescape(js_get(msg, "type"), type, sizeof type) <= 0) {
		close_with(s->wsi, 4400, "Invalid message received");
		return -1;
	}
	if (!strcmp(type, "subscribe"))
		return on_subscribe(s, msg);
	if (!strcmp(type, "complete"))
		return on_complete(s, msg);
	if (!strcmp(type, "ping")) {
		static const char pong[] = "{\"type\":\"pong\"}";
		return queue_text(s, pong, sizeof pong - 1);
	}
	if (!strcmp(type, "pong"))
		return 0;
	if (!strcmp(type, "connection_init")) {
		static const char ack[] = "{\"type\":\"connection_ack\"}";
		if (s->acked) {
			close_with(s->wsi, 4429, "Too many initialisation requests");
			return -1;
		}
		s->acked = 1;
		return queue_text(s, ack, sizeof ack - 1);
	}
	close_with(s->wsi, 4400, "Invalid message received");
	return -1;
}

static int callback_ws(struct lws *wsi, enum lws_callback_reasons reason, void *user,
		       void *in, size_t len)
{
	struct session *s = user;

	switch (reason) {
	case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
		char uri[64];
		if (lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) <= 0 ||
		    strncmp(uri, "/graphql", 8) || (uri[8] && uri[8] != '?'))
			return -1;
		if (ws_connections >= max_connections)
			return -1;
		break;
	}
	case LWS_CALLBACK_ESTABLISHED:
		memset(s, 0, sizeof *s);
		s->wsi = wsi;
		ws_connections++;
		break;

	case LWS_CALLBACK_CLOSED:
		if (!s || !s->wsi)
			break; /* refused by the filter: never established, never counted */
		session_drop_subs(s);
		outq_free(&s->q);
		free(s->msg);
		s->msg = NULL;
		ws_connections--;
		break;

	case LWS_CALLBACK_RECEIVE: {
		int first = lws_is_first_fragment(wsi), final = lws_is_final_fragment(wsi);
		if (lws_frame_is_binary(wsi)) {
			close_with(wsi, 4400, "Invalid message received");
			return -1;
		}
		if (first && final && !s->msg_len)
			return on_message(s, in, len);
		if (s->msg_len + len > MAX_MESSAGE) {
			close_with(wsi, LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE, "Message too big");
			return -1;
		}
		char *nm = realloc(s->msg, s->msg_len + len + 1);
		if (!nm)
			return -1;
		s->msg = nm;
		memcpy(s->msg + s->msg_len, in, len);
		s->msg_len += len;
		if (final && !lws_remaining_packet_payload(wsi)) {
			int r = on_message(s, s->msg, s->msg_len);
			s->msg_len = 0;
			return r;
		}
		break;
	}

	case LWS_CALLBACK_SERVER_WRITEABLE: {
		struct outq *q = &s->q;
		if (!q->count)
			break;
		unsigned char *h = q->buf + q->head;
		uint64_t l;
		memcpy(&l, h, 8);
		size_t flen = (size_t)l;
		if (lws_write(wsi, h + HDR, flen, LWS_WRITE_TEXT) < (int)flen)
			return -1;
		q->head += HDR + ((flen + 7) & ~(size_t)7);
		if (--q->count == 0) {
			q->head = q->tail = 0;
			if (q->cap > 4096) { /* a burst grew it: give the memory back */
				free(q->buf);
				q->buf = NULL;
				q->cap = 0;
			}
		} else
			lws_callback_on_writable(wsi);
		break;
	}
	default:
		break;
	}
	return 0;
}

/* ---------- HTTP: POST /graphql postMessage ---------- */

static void iso_now(char *out, size_t cap)
{
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
}

/* Builds the shared payload and copies one frame per subscriber into their queues. Returns
 * the new message id, or 0 when the body is not a postMessage we can read. */
static unsigned long long publish(const char *body, size_t len)
{
	jspan b = { body, len };
	jspan vars = js_get(b, "variables");
	char *q = query_text(b);
	if (!q)
		return 0;
	size_t cap = len + 64;
	char chat_id[MAX_ID], chat_json[MAX_ID * 6 + 3];
	char *content = malloc(cap), *content_json = malloc(cap * 6 + 3);
	char *sender = malloc(cap), *sender_json = malloc(cap * 6 + 3);
	unsigned long long id = 0;
	if (!content || !content_json || !sender || !sender_json)
		goto out;
	if (!strstr(q, "postMessage") ||
	    gql_arg(q, "postMessage", "chatId", vars, chat_id, sizeof chat_id, chat_json,
		    sizeof chat_json) ||
	    gql_arg(q, "postMessage", "content", vars, content, cap, content_json, cap * 6 + 3))
		goto out;
	if (gql_arg(q, "postMessage", "senderName", vars, sender, cap, sender_json, cap * 6 + 3))
		strcpy(sender_json, "\"anonymous\"");

	id = ++next_message_id;
	char created[40];
	iso_now(created, sizeof created);
	size_t plen = strlen(chat_json) + strlen(content_json) + strlen(sender_json) + 160;
	char *payload = malloc(plen);
	if (!payload)
		goto out;
	int pn = snprintf(payload, plen,
			  "{\"data\":{\"newMessage\":{\"id\":\"%llu\",\"chatId\":%s,\"content\":%s,"
			  "\"senderName\":%s,\"createdAt\":\"%s\"}}}",
			  id, chat_json, content_json, sender_json, created);
	struct chat *c = chat_get(chat_id, 0);
	if (c)
		for (size_t i = 0; i < c->n; i++) {
			struct sub *u = c->subs[i];
			size_t fl = u->prefix_len + (size_t)pn + 1;
			unsigned char *f = outq_reserve(&u->session->q, fl);
			if (!f)
				continue;
			memcpy(f, u->prefix, u->prefix_len);
			memcpy(f + u->prefix_len, payload, (size_t)pn);
			f[fl - 1] = '}';
			lws_callback_on_writable(u->session->wsi);
		}
	free(payload);
out:
	free(q);
	free(content);
	free(content_json);
	free(sender);
	free(sender_json);
	return id;
}

static int respond(struct lws *wsi, struct http_session *h, unsigned status, const char *body)
{
	unsigned char buf[LWS_PRE + 512], *start = buf + LWS_PRE, *p = start,
		      *end = buf + sizeof buf - 1;
	h->response_len = (size_t)snprintf(h->response, sizeof h->response, "%s", body);
	if (lws_add_http_common_headers(wsi, status, "application/json", h->response_len, &p,
					end) ||
	    lws_finalize_write_http_header(wsi, start, &p, end))
		return -1;
	lws_callback_on_writable(wsi);
	return 0;
}

static int callback_http(struct lws *wsi, enum lws_callback_reasons reason, void *user,
			 void *in, size_t len)
{
	struct http_session *h = user;

	switch (reason) {
	case LWS_CALLBACK_HTTP: {
		const char *uri = in;
		free(h->body);
		memset(h, 0, sizeof *h);
		if (lws_hdr_total_length(wsi, WSI_TOKEN_POST_URI) && uri && !strcmp(uri, "/graphql")) {
			h->is_post_graphql = 1;
			return 0; /* the body follows */
		}
		if (uri && !strcmp(uri, "/healthz"))
			return respond(wsi, h, 200, "{\"status\":\"ok\"}");
		return respond(wsi, h, 404, "{\"errors\":[{\"message\":\"not found\"}]}");
	}
	case LWS_CALLBACK_HTTP_BODY:
		if (!h->is_post_graphql)
			break;
		if (h->len + len > MAX_BODY)
			return -1;
		if (h->len + len + 1 > h->cap) {
			size_t nc = h->cap ? h->cap * 2 : 1024;
			while (nc < h->len + len + 1)
				nc *= 2;
			char *nb = realloc(h->body, nc);
			if (!nb)
				return -1;
			h->body = nb;
			h->cap = nc;
		}
		memcpy(h->body + h->len, in, len);
		h->len += len;
		h->body[h->len] = 0;
		break;

	case LWS_CALLBACK_HTTP_BODY_COMPLETION: {
		unsigned long long id = h->body ? publish(h->body, h->len) : 0;
		free(h->body);
		h->body = NULL;
		h->len = h->cap = 0;
		if (!id)
			return respond(wsi, h, 400,
				       "{\"errors\":[{\"message\":\"baseline: expected a postMessage "
				       "mutation\"}]}");
		char out[96];
		snprintf(out, sizeof out, "{\"data\":{\"postMessage\":{\"id\":\"%llu\"}}}", id);
		return respond(wsi, h, 200, out);
	}

	case LWS_CALLBACK_HTTP_WRITEABLE: {
		if (!h->response_len)
			break;
		unsigned char buf[LWS_PRE + sizeof h->response];
		memcpy(buf + LWS_PRE, h->response, h->response_len);
		size_t n = h->response_len;
		h->response_len = 0;
		if (lws_write(wsi, buf + LWS_PRE, n, LWS_WRITE_HTTP_FINAL) != (int)n)
			return -1;
		if (lws_http_transaction_completed(wsi))
			return -1;
		break;
	}

	case LWS_CALLBACK_CLOSED_HTTP:
		free(h->body);
		h->body = NULL;
		break;

	default:
		break;
	}
	return lws_callback_http_dummy(wsi, reason, user, in, len);
}

static struct lws_protocols protocols[] = {
	{ "http", callback_http, sizeof(struct http_session), 0, 0, NULL, 0 },
	{ "graphql-transport-ws", callback_ws, sizeof(struct session), 4096, 0, NULL, 0 },
	{ NULL, NULL, 0, 0, 0, NULL, 0 }
};

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
	if (context)
		lws_cancel_service(context);
}

/* Event libraries deliver SIGINT (and some SIGTERM) through their own watchers. */
static void evlib_signal(void *handle, int signum)
{
	(void)handle;
	(void)signum;
	interrupted = 1;
	lws_context_destroy(context);
}

/* SIGTERM under an event library that does not watch it: turn it into SIGINT, which it does. */
static void term_to_int(int sig)
{
	(void)sig;
	interrupted = 1;
	kill(getpid(), SIGINT);
}

static void usage(void)
{
	fprintf(stderr,
		"usage: BaselineServer [--host HOST] [--port PORT] [--max-connections N]\n"
		"                      [--event-loop default|uv|ev|glib] [--verbose]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *host = "127.0.0.1", *loop = "default";
	int port = 4100, verbose = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--host") && v)
			host = v, i++;
		else if (!strcmp(a, "--port") && v)
			port = atoi(v), i++;
		else if (!strcmp(a, "--max-connections") && v)
			max_connections = atoi(v), i++;
		else if (!strcmp(a, "--event-loop") && v)
			loop = v, i++;
		else if (!strcmp(a, "--verbose"))
			verbose = 1;
		else
			usage();
	}

	struct rlimit rl;
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}

	lws_set_log_level(verbose ? LLL_ERR | LLL_WARN | LLL_NOTICE : LLL_ERR, NULL);

	struct lws_context_creation_info info;
	memset(&info, 0, sizeof info);
	info.port = port;
	info.iface = host;
	info.protocols = protocols;
	info.options = LWS_SERVER_OPTION_DISABLE_IPV6;
	info.pcontext = &context;
	info.timeout_secs = 30;

	if (!strcmp(loop, "uv"))
		info.options |= LWS_SERVER_OPTION_LIBUV, use_event_lib = 1;
	else if (!strcmp(loop, "ev"))
		info.options |= LWS_SERVER_OPTION_LIBEV, use_event_lib = 1;
	else if (!strcmp(loop, "glib"))
		info.options |= LWS_SERVER_OPTION_GLIB, use_event_lib = 1;
	else if (strcmp(loop, "default"))
		usage();

	signal(SIGPIPE, SIG_IGN);
	if (use_event_lib) {
		info.signal_cb = evlib_signal;
	} else {
		signal(SIGINT, on_signal);
		signal(SIGTERM, on_signal);
	}

	context = lws_create_context(&info);
	if (!context) {
		fprintf(stderr, "BaselineServer: cannot start (port %d in use, or event loop %s "
				"unavailable)\n", port, loop);
		return 1;
	}
	if (use_event_lib) {
		/* Installed after the event library's own SIGINT watcher. */
		struct sigaction sa;
		if (!sigaction(SIGTERM, NULL, &sa) && sa.sa_handler == SIG_DFL)
			signal(SIGTERM, term_to_int);
	}

	fprintf(stderr, "listening on ws://%s:%d/graphql\n", host, port);
	fflush(stderr);

	if (use_event_lib) {
		lws_service(context, 0); /* runs the library's loop until the context is destroyed */
	} else {
		while (!interrupted && lws_service(context, 0) >= 0)
			;
	}
	lws_context_destroy(context);
	return 0;
}
