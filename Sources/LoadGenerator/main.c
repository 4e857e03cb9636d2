/*
 * LoadGenerator: drives a graphql-transport-ws server (Switchboard or BaselineServer) with many
 * WebSocket subscribers and HTTP `postMessage` publishers, from one epoll loop on plain sockets.
 * Its WebSocket client is its own (upgrade, masked frames, fragmented server frames), so the
 * client side costs little and is the same whichever server is measured.
 *
 * Every delivery is checked: each measured post carries its sequence number in `content`, and
 * each subscriber keeps a bitmap of the posts it got, so missing, duplicate and misrouted
 * deliveries are counted and make the run fail. A fast wrong answer is reported as wrong.
 *
 * One JSON line of results goes to stdout, one human line to stderr. Exit 0 when verified,
 * 1 when deliveries were wrong or missing, 2 on usage or setup errors, 3 on the hard timeout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "json_scan.h"

/* ---------- options ---------- */

static struct {
	const char *scenario;
	char host[64];
	int port;
	char path[128];
	const char *token;      /* HTTP posts: Authorization: Bearer */
	const char *init_token; /* WebSocket connection_init payload */
	int subscribers, chats, per_chat, posts, publishers, connections, cycles, workers;
	int batch, concurrency, server_pid, source_addrs;
	double rate, seconds, timeout, settle;
	const char *chat_prefix;
	const char *store_path; /* idle: the server's SQLite file, counted with its -wal */
} opt = {
	.scenario = NULL, .port = 0, .token = NULL, .init_token = NULL,
	.subscribers = -1, .chats = -1, .per_chat = -1, .posts = -1, .publishers = -1,
	.connections = -1, .cycles = -1, .workers = -1, .batch = 10, .concurrency = 256,
	.server_pid = 0, .source_addrs = 250, .rate = -1, .seconds = -1, .timeout = 300,
	.settle = 1.0, .chat_prefix = "bench-", .store_path = NULL,
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "LoadGenerator: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	printf("{\"scenario\":\"%s\",\"ok\":false,\"error\":\"setup failed\"}\n",
	       opt.scenario ? opt.scenario : "");
	fflush(stdout);
	exit(2);
}

static void on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "LoadGenerator: hard timeout reached, giving up\n";
	static const char js[] = "{\"ok\":false,\"error\":\"hard timeout\"}\n";
	(void)!write(2, msg, sizeof msg - 1);
	(void)!write(1, js, sizeof js - 1);
	_exit(3);
}

/* ---------- server process figures ---------- */

static long server_rss_kb(void)
{
	char path[64], line[256];
	long kb = -1;
	if (!opt.server_pid)
		return -1;
	snprintf(path, sizeof path, "/proc/%d/status", opt.server_pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, "VmRSS:", 6)) {
			kb = atol(line + 6);
			break;
		}
	fclose(f);
	return kb;
}

static double server_cpu_seconds(void)
{
	char path[64], buf[2048];
	if (!opt.server_pid)
		return -1;
	snprintf(path, sizeof path, "/proc/%d/stat", opt.server_pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	char *p = strrchr(buf, ')');
	if (!p)
		return -1;
	unsigned long ut = 0, st = 0;
	/* after ")": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime */
	if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* Bytes on disk of the store (main file plus write-ahead log), -1 without --store-path. Read at
 * the same moments as the RSS so idle connections' rows count while they are live. */
static long long store_bytes(void)
{
	char wal[1100];
	struct stat sb;
	long long total = 0;
	if (!opt.store_path)
		return -1;
	if (!stat(opt.store_path, &sb))
		total += sb.st_size;
	snprintf(wal, sizeof wal, "%s-wal", opt.store_path);
	if (!stat(wal, &sb))
		total += sb.st_size;
	return total;
}

/* ---------- connections ---------- */

enum { T_WS = 1, T_HTTP = 2 };
enum { S_CONNECTING, S_UPGRADING, S_INIT_SENT, S_ACKED, S_CLOSED };

struct conn {
	int fd, type, state, index;
	int chat;            /* chat index of this connection's subscription, -1 for none */
	int pings;           /* pings sent and not yet answered */
	int got_probe;
	int cycles_left;     /* churn */
	unsigned churn_id;
	int busy;            /* HTTP: a request is outstanding */
	int close_code;
	unsigned char *in;   /* bytes received and not yet consumed */
	size_t in_len, in_cap;
	char *msg;           /* reassembly of a fragmented message */
	size_t msg_len, msg_cap;
	unsigned char *out;  /* bytes not yet written */
	size_t out_len, out_cap;
	int want_out;
	uint8_t *seen;       /* bitmap of measured posts received */
	const char *sub_id;  /* the operation id measured deliveries must carry */
	int in_setup;        /* counted in in_flight until its setup barrier passes */
	int pending_seq;     /* HTTP: the measured post awaiting its response, -1 for none */
};

static int in_flight; /* connections opened and not through their setup */
static int setup_lost; /* connections that closed during setup */

static int ep;
static struct conn **conns; /* WebSocket connections by index */
static int nconns;
static struct conn **pubs;
static int npubs;
static uint32_t rng = 2463534242u;
static int next_source;

/* Counters for the whole run. */
static struct {
	long acks, subscribed, upgrade_failures, closed_unexpectedly, error_messages;
	long http_ok, http_bad, received, duplicates, misrouted, foreign, probes;
	long cycles, connects, wrong_id;
	long close_codes[8];
	int nclose_codes;
} st;

/* The measured posts. */
static double *post_sent;  /* time each post's request was written */
static int *post_chat;
static int posts_sent;
static double first_post, last_delivery;
static uint32_t *latencies; /* microseconds, one per delivery */
static long nlat, lat_cap;
static int phase_measure;   /* deliveries of measured posts are counted */

static uint32_t xorshift(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void ep_mod(struct conn *c, int out)
{
	struct epoll_event ev = { .events = EPOLLIN | (out ? EPOLLOUT : 0), .data.ptr = c };
	if (c->want_out == out)
		return;
	c->want_out = out;
	epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
}

static void buf_append(unsigned char **b, size_t *len, size_t *cap, const void *d, size_t n)
{
	if (*len + n > *cap) {
		size_t nc = *cap ? *cap * 2 : 1024;
		while (nc < *len + n)
			nc *= 2;
		unsigned char *nb = realloc(*b, nc);
		if (!nb)
			die("out of memory");
		*b = nb;
		*cap = nc;
	}
	memcpy(*b + *len, d, n);
	*len += n;
}

static void conn_close(struct conn *c, int expected);

static void conn_send(struct conn *c, const void *data, size_t n)
{
	if (c->state == S_CLOSED)
		return;
	if (!c->out_len && c->state != S_CONNECTING) {
		ssize_t w = send(c->fd, data, n, MSG_NOSIGNAL);
		if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
			conn_close(c, 0);
			return;
		}
		if (w < 0)
			w = 0;
		data = (const char *)data + w;
		n -= (size_t)w;
		if (!n)
			return;
	}
	buf_append(&c->out, &c->out_len, &c->out_cap, data, n);
	ep_mod(c, 1);
}

static void flush_out(struct conn *c)
{
	while (c->out_len) {
		ssize_t w = send(c->fd, c->out, c->out_len, MSG_NOSIGNAL);
		if (w < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return;
			conn_close(c, 0);
			return;
		}
		memmove(c->out, c->out + w, c->out_len - (size_t)w);
		c->out_len -= (size_t)w;
	}
	ep_mod(c, 0);
}

/* A masked client text frame. */
static void ws_send(struct conn *c, int opcode, const char *data, size_t n)
{
	unsigned char stack[1024], *f = n + 14 <= sizeof stack ? stack : malloc(n + 14);
	size_t h = 0;
	if (!f)
		die("out of memory");
	f[h++] = (unsigned char)(0x80 | opcode);
	if (n < 126)
		f[h++] = (unsigned char)(0x80 | n);
	else if (n < 65536) {
		f[h++] = 0x80 | 126;
		f[h++] = (unsigned char)(n >> 8);
		f[h++] = (unsigned char)n;
	} else {
		f[h++] = 0x80 | 127;
		for (int i = 7; i >= 0; i--)
			f[h++] = (unsigned char)((uint64_t)n >> (8 * i));
	}
	uint32_t m = xorshift();
	unsigned char mask[4] = { (unsigned char)m, (unsigned char)(m >> 8),
				  (unsigned char)(m >> 16), (unsigned char)(m >> 24) };
	memcpy(f + h, mask, 4);
	h += 4;
	for (size_t i = 0; i < n; i++)
		f[h + i] = (unsigned char)data[i] ^ mask[i & 3];
	conn_send(c, f, h + n);
	if (f != stack)
		free(f);
}

static void ws_text(struct conn *c, const char *s) { ws_send(c, 1, s, strlen(s)); }

static int open_socket(void)
{
	struct sockaddr_in dst = { .sin_family = AF_INET, .sin_port = htons((uint16_t)opt.port) };
	if (inet_pton(AF_INET, opt.host, &dst.sin_addr) != 1)
		die("--target host must be an IPv4 address, got %s", opt.host);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if ((ntohl(dst.sin_addr.s_addr) >> 24) == 127 && opt.source_addrs > 0) {
		/* Spread sources over 127.0.0.1…127.0.0.N so the ephemeral ports never run out;
		 * the port is chosen at connect time, per destination. */
		struct sockaddr_in src = { .sin_family = AF_INET };
		src.sin_addr.s_addr = htonl(0x7f000001u + (uint32_t)(next_source++ % opt.source_addrs));
#ifdef IP_BIND_ADDRESS_NO_PORT
		setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
#endif
		if (bind(fd, (struct sockaddr *)&src, sizeof src) < 0) {
			close(fd);
			return -1;
		}
	}
	if (connect(fd, (struct sockaddr *)&dst, sizeof dst) < 0 && errno != EINPROGRESS) {
		close(fd);
		return -1;
	}
	return fd;
}

static struct conn *conn_new(int type, int index)
{
	int fd = open_socket();
	if (fd < 0)
		return NULL;
	struct conn *c = calloc(1, sizeof *c);
	if (!c)
		die("out of memory");
	c->fd = fd;
	c->type = type;
	c->index = index;
	c->chat = -1;
	c->pending_seq = -1;
	c->state = S_CONNECTING;
	c->want_out = 1;
	struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT, .data.ptr = c };
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
		die("epoll_ctl: %s", strerror(errno));
	return c;
}

static void conn_close(struct conn *c, int expected)
{
	if (c->state == S_CLOSED)
		return;
	if (!expected) {
		st.closed_unexpectedly++;
		if (c->close_code && st.nclose_codes < 8)
			st.close_codes[st.nclose_codes++] = c->close_code;
	}
	c->state = S_CLOSED;
	if (c->in_setup) {
		c->in_setup = 0;
		in_flight--;
		setup_lost++;
	}
	epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
	close(c->fd);
	c->fd = -1;
	free(c->in);
	free(c->msg);
	free(c->out);
	c->in = NULL;
	c->msg = NULL;
	c->out = NULL;
	c->in_len = c->in_cap = c->msg_len = c->msg_cap = c->out_len = c->out_cap = 0;
}

static void conn_free(struct conn *c)
{
	conn_close(c, 1);
	free(c->seen);
	free(c);
}

/* ---------- GraphQL messages ---------- */

static char init_msg[1024];

static void send_upgrade(struct conn *c)
{
	char req[1024], key[25];
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (int i = 0; i < 22; i++)
		key[i] = b64[xorshift() % 64];
	key[22] = key[23] = '=';
	key[24] = 0;
	int n = snprintf(req, sizeof req,
			 "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
			 "Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
			 "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n"
			 "\r\n", opt.path, opt.host, opt.port, key);
	c->state = S_UPGRADING;
	conn_send(c, req, (size_t)n);
}

static void chat_name(int chat, char *out, size_t cap)
{
	snprintf(out, cap, "%s%d", opt.chat_prefix, chat);
}

static void send_subscribe(struct conn *c, const char *id, int chat)
{
	char msg[512], name[64];
	chat_name(chat, name, sizeof name);
	snprintf(msg, sizeof msg,
		 "{\"id\":\"%s\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription "
		 "Watch($chatId: ID!) { newMessage(chatId: $chatId) { id chatId content senderName "
		 "createdAt } }\",\"variables\":{\"chatId\":\"%s\"}}}", id, name);
	ws_text(c, msg);
}

static void send_ping(struct conn *c)
{
	c->pings++;
	ws_text(c, "{\"type\":\"ping\"}");
}

static void post(struct conn *p, int chat, const char *content)
{
	char body[1024], req[2048], name[64], auth[512] = "";
	chat_name(chat, name, sizeof name);
	int bn = snprintf(body, sizeof body,
			  "{\"query\":\"mutation Post($chatId: ID!, $content: String!, $senderName: "
			  "String) { postMessage(chatId: $chatId, content: $content, senderName: "
			  "$senderName) { id } }\",\"variables\":{\"chatId\":\"%s\",\"content\":\"%s\","
			  "\"senderName\":\"bench\"}}", name, content);
	if (opt.token)
		snprintf(auth, sizeof auth, "Authorization: Bearer %s\r\n", opt.token);
	int n = snprintf(req, sizeof req,
			 "POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\n"
			 "Accept: application/json\r\n%sContent-Length: %d\r\n\r\n%s",
			 opt.path, opt.host, opt.port, auth, bn, body);
	p->busy = 1;
	conn_send(p, req, (size_t)n);
}

/* ---------- scenario hooks ---------- */

static void (*on_ack)(struct conn *c);
static void (*on_pong)(struct conn *c);
static void (*on_http_done)(struct conn *p);
static int ready_count;   /* connections whose setup barrier passed */

static void record_latency(double dt)
{
	if (nlat == lat_cap) {
		lat_cap = lat_cap ? lat_cap * 2 : 65536;
		latencies = realloc(latencies, (size_t)lat_cap * sizeof *latencies);
		if (!latencies)
			die("out of memory");
	}
	double us = dt * 1e6;
	latencies[nlat++] = us < 0 ? 0 : us > 4e9 ? 4000000000u : (uint32_t)us;
}

static void on_next(struct conn *c, jspan m)
{
	jspan nm = js_get(js_get(js_get(m, "payload"), "data"), "newMessage");
	char content[64], chat[64], want[64];
	if (js_unescape(js_get(nm, "content"), content, sizeof content) <= 0 ||
	    js_unescape(js_get(nm, "chatId"), chat, sizeof chat) <= 0) {
		st.foreign++;
		return;
	}
	if (content[0] == 'w') { /* a warm-up probe */
		c->got_probe = 1;
		st.probes++;
		return;
	}
	char id[64];
	if (js_unescape(js_get(m, "id"), id, sizeof id) <= 0 || !c->sub_id ||
	    strcmp(id, c->sub_id)) {
		st.wrong_id++; /* e.g. a subscription that was completed still delivering */
		return;
	}
	if (content[0] != 'm' || !phase_measure) {
		st.foreign++;
		return;
	}
	int seq = atoi(content + 1);
	if (seq < 0 || seq >= posts_sent || c->chat < 0) {
		st.foreign++;
		return;
	}
	chat_name(post_chat[seq], want, sizeof want);
	if (post_chat[seq] != c->chat || strcmp(chat, want)) {
		st.misrouted++;
		return;
	}
	if (c->seen[seq >> 3] & (1u << (seq & 7))) {
		st.duplicates++;
		return;
	}
	c->seen[seq >> 3] |= (uint8_t)(1u << (seq & 7));
	st.received++;
	double t = now();
	last_delivery = t;
	record_latency(t - post_sent[seq]);
}

static void on_text(struct conn *c, const char *text, size_t n)
{
	jspan m = { text, n };
	char type[32];
	if (js_unescape(js_get(m, "type"), type, sizeof type) <= 0) {
		st.foreign++;
		return;
	}
	if (!strcmp(type, "next"))
		on_next(c, m);
	else if (!strcmp(type, "pong")) {
		if (c->pings > 0 && --c->pings == 0 && on_pong)
			on_pong(c);
	} else if (!strcmp(type, "ping"))
		ws_text(c, "{\"type\":\"pong\"}");
	else if (!strcmp(type, "connection_ack")) {
		if (c->state == S_INIT_SENT) {
			c->state = S_ACKED;
			st.acks++;
			if (on_ack)
				on_ack(c);
		}
	} else if (!strcmp(type, "error")) {
		if (st.error_messages++ < 3)
			fprintf(stderr, "LoadGenerator: server error message: %.*s\n", (int)n, text);
	} else
		st.foreign++;
}

/* Parses as many whole frames as c->in holds. */
static void ws_frames(struct conn *c)
{
	size_t off = 0;
	while (c->state != S_CLOSED && c->in_len - off >= 2) {
		unsigned char *b = c->in + off;
		size_t avail = c->in_len - off, h = 2;
		int fin = b[0] & 0x80, op = b[0] & 0x0f, masked = b[1] & 0x80;
		uint64_t len = b[1] & 0x7f;
		if (len == 126) {
			if (avail < 4)
				break;
			len = (uint64_t)b[2] << 8 | b[3];
			h = 4;
		} else if (len == 127) {
			if (avail < 10)
				break;
			len = 0;
			for (int i = 0; i < 8; i++)
				len = len << 8 | b[2 + i];
			h = 10;
		}
		if (masked)
			h += 4;
		if (avail < h + len)
			break;
		unsigned char *pl = b + h;
		if (masked)
			for (uint64_t i = 0; i < len; i++)
				pl[i] ^= b[h - 4 + (i & 3)];
		off += h + (size_t)len;
		switch (op) {
		case 0x0: /* continuation */
		case 0x1:
		case 0x2:
			if (op == 0x2) {
				st.foreign++;
				break;
			}
			if (fin && op == 0x1 && !c->msg_len) {
				on_text(c, (const char *)pl, (size_t)len);
				break;
			}
			buf_append((unsigned char **)&c->msg, &c->msg_len, &c->msg_cap, pl, (size_t)len);
			if (fin) {
				size_t ml = c->msg_len;
				c->msg_len = 0;
				on_text(c, c->msg, ml);
			}
			break;
		case 0x8:
			c->close_code = len >= 2 ? (pl[0] << 8 | pl[1]) : 1005;
			conn_close(c, 0);
			return;
		case 0x9:
			ws_send(c, 0xA, (const char *)pl, (size_t)len);
			break;
		default:
			break;
		}
	}
	if (c->state == S_CLOSED)
		return;
	memmove(c->in, c->in + off, c->in_len - off);
	c->in_len -= off;
}

static void ws_handshake(struct conn *c)
{
	unsigned char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
	if (!end)
		return;
	size_t hl = (size_t)(end - c->in) + 4;
	int ok = c->in_len >= 12 && !memcmp(c->in, "HTTP/1.1 101", 12) &&
		 memmem(c->in, hl, "graphql-transport-ws", 20);
	if (!ok) {
		if (st.upgrade_failures++ < 3)
			fprintf(stderr, "LoadGenerator: upgrade refused: %.*s\n",
				(int)(hl > 200 ? 200 : hl), (char *)c->in);
		conn_close(c, 1);
		return;
	}
	memmove(c->in, c->in + hl, c->in_len - hl);
	c->in_len -= hl;
	c->state = S_INIT_SENT;
	ws_text(c, init_msg);
	ws_frames(c);
}

/* HTTP responses on a publisher connection. */
static void http_responses(struct conn *c)
{
	for (;;) {
		unsigned char *end = memmem(c->in, c->in_len, "\r\n\r\n", 4);
		if (!end)
			return;
		size_t hl = (size_t)(end - c->in) + 4, body_len = 0, total;
		int status = c->in_len > 12 ? atoi((char *)c->in + 9) : 0, chunked = 0;
		char *hdrs = strndup((char *)c->in, hl);
		for (char *p = hdrs; p && *p; p++)
			*p = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
		char *cl = strstr(hdrs, "\ncontent-length:");
		if (cl)
			body_len = (size_t)atol(cl + 16);
		else if (strstr(hdrs, "\ntransfer-encoding: chunked"))
			chunked = 1;
		free(hdrs);
		const char *body;
		char *dechunked = NULL;
		if (chunked) {
			/* Walk the chunks; wait for the zero chunk. */
			size_t p = hl, out = 0;
			dechunked = malloc(c->in_len + 1);
			for (;;) {
				unsigned char *le = memmem(c->in + p, c->in_len - p, "\r\n", 2);
				if (!le) {
					free(dechunked);
					return;
				}
				size_t sz = strtoul((char *)c->in + p, NULL, 16);
				p = (size_t)(le - c->in) + 2;
				if (sz == 0) {
					if (c->in_len < p + 2) {
						free(dechunked);
						return;
					}
					p += 2;
					break;
				}
				if (c->in_len < p + sz + 2) {
					free(dechunked);
					return;
				}
				memcpy(dechunked + out, c->in + p, sz);
				out += sz;
				p += sz + 2;
			}
			dechunked[out] = 0;
			body = dechunked;
			body_len = out;
			total = p;
		} else {
			if (c->in_len < hl + body_len)
				return;
			body = (char *)c->in + hl;
			total = hl + body_len;
		}
		int good = status == 200 && memmem(body, body_len, "\"postMessage\"", 13) &&
			   !memmem(body, body_len, "\"errors\"", 8);
		if (good)
			st.http_ok++;
		else if (st.http_bad++ < 3)
			fprintf(stderr, "LoadGenerator: publish failed (HTTP %d): %.*s\n", status,
				(int)(body_len > 300 ? 300 : body_len), body);
		free(dechunked);
		memmove(c->in, c->in + total, c->in_len - total);
		c->in_len -= total;
		c->busy = 0;
		if (on_http_done)
			on_http_done(c);
		if (c->state == S_CLOSED)
			return;
	}
}

static unsigned char rbuf[1 << 18];

static void handle(struct conn *c, uint32_t events)
{
	if (c->state == S_CLOSED)
		return;
	if (c->state == S_CONNECTING && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
		int err = 0;
		socklen_t l = sizeof err;
		getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l);
		if (err) {
			if (st.upgrade_failures++ < 3)
				fprintf(stderr, "LoadGenerator: connect: %s\n", strerror(err));
			conn_close(c, 1);
			return;
		}
		if (c->type == T_WS) {
			c->state = S_UPGRADING;
			send_upgrade(c);
		} else
			c->state = S_ACKED;
		flush_out(c);
		if (c->type == T_HTTP && on_http_done && !c->busy)
			on_http_done(c);
		return;
	}
	if (events & EPOLLOUT)
		flush_out(c);
	if (c->state == S_CLOSED || !(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
		return;
	ssize_t r = recv(c->fd, rbuf, sizeof rbuf, 0);
	if (r <= 0) {
		if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		conn_close(c, 0);
		return;
	}
	buf_append(&c->in, &c->in_len, &c->in_cap, rbuf, (size_t)r);
	if (c->type == T_HTTP)
		http_responses(c);
	else if (c->state == S_UPGRADING)
		ws_handshake(c);
	else
		ws_frames(c);
	/* An idle connection keeps no buffers. */
	if (c->state != S_CLOSED && !c->in_len && c->in_cap > 4096) {
		free(c->in);
		c->in = NULL;
		c->in_cap = 0;
	}
}

static int poll_ms = 5;
static int never(void) { return 0; }

/* Runs the loop until done() or the deadline; tick() runs every iteration. */
static int run(int (*done)(void), double deadline, void (*tick)(void))
{
	struct epoll_event evs[512];
	while (!done()) {
		double t = now();
		if (t >= deadline)
			return -1;
		if (tick)
			tick();
		int ms = (int)((deadline - t) * 1000) + 1;
		if (ms > poll_ms)
			ms = poll_ms;
		int n = epoll_wait(ep, evs, 512, ms);
		for (int i = 0; i < n; i++)
			handle(evs[i].data.ptr, evs[i].events);
	}
	return 0;
}

/* Serves the sockets for a while (late messages, settling). */
static void pump(double seconds)
{
	run(never, now() + seconds, NULL);
}

/* ---------- setup: open, init, subscribe, barrier ---------- */

static int opened, target_conns;

static void setup_ack(struct conn *c)
{
	if (c->chat >= 0) {
		c->sub_id = "0";
		send_subscribe(c, "0", c->chat);
		st.subscribed++;
	}
	send_ping(c); /* the pong says the subscribe was read */
}

static void setup_pong(struct conn *c)
{
	if (!c->in_setup)
		return;
	c->in_setup = 0;
	ready_count++;
	in_flight--;
}

static int chat_of(int i) { return i % opt.chats; }

static void open_more(void)
{
	while (opened < target_conns && in_flight < opt.concurrency) {
		struct conn *c = conn_new(T_WS, opened);
		if (!c) {
			st.upgrade_failures++;
			if (st.upgrade_failures > 100)
				die("cannot open connections: %s", strerror(errno));
			return;
		}
		c->chat = opt.chats > 0 ? chat_of(opened) : -1;
		conns[opened++] = c;
		nconns = opened;
		c->in_setup = 1;
		in_flight++;
	}
}

static int setup_done(void)
{
	/* All ready, or every connection accounted for and some lost: no point waiting. */
	return ready_count + setup_lost >= target_conns;
}

static int count_failed(void)
{
	return (int)(st.upgrade_failures + st.closed_unexpectedly + st.wrong_id);
}

static void setup_tick(void)
{
	open_more();
}

/* Opens n subscribed connections; returns 0 when all are ready. */
static int setup(int n, double deadline)
{
	conns = calloc((size_t)n + 1, sizeof *conns);
	target_conns = n;
	on_ack = setup_ack;
	on_pong = setup_pong;
	double t0 = now();
	int r = run(setup_done, deadline, setup_tick);
	fprintf(stderr, "LoadGenerator: %d/%d connections subscribed in %.2f s\n", ready_count, n,
		now() - t0);
	if (r || count_failed())
		return -1;
	return 0;
}

static void open_publishers(int n)
{
	pubs = calloc((size_t)n, sizeof *pubs);
	for (int i = 0; i < n; i++)
		if (!(pubs[i] = conn_new(T_HTTP, i)))
			die("cannot open publisher connection");
	npubs = n;
}

/* ---------- warm-up: one probe per chat until every subscriber saw one ---------- */

static int probes_missing(void)
{
	int missing = 0;
	for (int i = 0; i < nconns; i++)
		if (conns[i]->state != S_CLOSED && conns[i]->chat >= 0 && !conns[i]->got_probe)
			missing++;
	return missing;
}

static double probe_next;
static int probe_round;
static int *chat_needs_probe;
static int probe_chat_cursor;

static int warm_done(void) { return probe_chat_cursor >= opt.chats && !probes_missing(); }

static void warm_tick(void)
{
	double t = now();
	if (probe_chat_cursor >= opt.chats && t >= probe_next) {
		/* Post again to the chats where someone has not had a probe yet. */
		memset(chat_needs_probe, 0, (size_t)opt.chats * sizeof *chat_needs_probe);
		for (int i = 0; i < nconns; i++)
			if (conns[i]->chat >= 0 && !conns[i]->got_probe)
				chat_needs_probe[conns[i]->chat] = 1;
		probe_chat_cursor = 0;
		probe_round++;
	}
	for (int i = 0; i < npubs && probe_chat_cursor < opt.chats; i++) {
		if (pubs[i]->busy || pubs[i]->state != S_ACKED)
			continue;
		while (probe_chat_cursor < opt.chats && !chat_needs_probe[probe_chat_cursor])
			probe_chat_cursor++;
		if (probe_chat_cursor >= opt.chats)
			break;
		char content[32];
		snprintf(content, sizeof content, "w%d", probe_round);
		post(pubs[i], probe_chat_cursor++, content);
		if (probe_chat_cursor >= opt.chats)
			probe_next = now() + 0.5;
	}
}

static int warm_up(double deadline)
{
	chat_needs_probe = calloc((size_t)opt.chats, sizeof *chat_needs_probe);
	for (int i = 0; i < opt.chats; i++)
		chat_needs_probe[i] = 1;
	on_http_done = NULL;
	double t0 = now();
	int r = run(warm_done, deadline, warm_tick);
	/* Let the outstanding probe requests finish before measuring. */
	for (int i = 0; i < npubs; i++)
		while (pubs[i]->busy && pubs[i]->state != S_CLOSED && now() < deadline)
			pump(0.001);
	fprintf(stderr, "LoadGenerator: warm-up %s in %.2f s (%d probe rounds)\n",
		r ? "FAILED" : "done", now() - t0, probe_round + 1);
	return r;
}

/* ---------- reporting ---------- */

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static uint32_t pct(double p)
{
	if (!nlat)
		return 0;
	long i = (long)ceil(p / 100.0 * (double)nlat) - 1;
	if (i < 0)
		i = 0;
	if (i >= nlat)
		i = nlat - 1;
	return latencies[i];
}

static char json[8192];
static size_t jlen;

static void jadd(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(json + jlen, sizeof json - jlen, fmt, ap);
	va_end(ap);
	if (n > 0 && jlen + (size_t)n < sizeof json)
		jlen += (size_t)n;
}

static void jstart(void)
{
	jlen = 0;
	jadd("{\"scenario\":\"%s\",\"target\":\"ws://%s:%d%s\"", opt.scenario, opt.host, opt.port,
	     opt.path);
}

static void jcommon(void)
{
	jadd(",\"connection_failures\":%ld,\"closed_unexpectedly\":%ld,\"error_messages\":%ld,"
	     "\"wrong_id\":%ld", st.upgrade_failures, st.closed_unexpectedly, st.error_messages,
	     st.wrong_id);
	if (st.nclose_codes) {
		jadd(",\"close_codes\":[");
		for (int i = 0; i < st.nclose_codes; i++)
			jadd("%s%ld", i ? "," : "", st.close_codes[i]);
		jadd("]");
	}
}

/* Percentiles of the recorded latencies (sorted by the caller). */
static void jlatency(void)
{
	/* min and p10: how soon a fan-out's first frames leave, not only how soon its last do. */
	jadd(",\"latency_us\":{\"min\":%u,\"p10\":%u,\"p50\":%u,\"p90\":%u,\"p99\":%u,"
	     "\"max\":%u}", nlat ? latencies[0] : 0, pct(10), pct(50), pct(90), pct(99),
	     nlat ? latencies[nlat - 1] : 0);
}

/* The server's CPU seconds over the measured phase and its resident set now. */
static void jserver(double cpu0, double cpu1)
{
	if (cpu0 >= 0 && cpu1 >= 0)
		jadd(",\"server_cpu_seconds\":%.2f,\"server_rss_kb\":%ld", cpu1 - cpu0,
		     server_rss_kb());
}

static void jfinish(int ok)
{
	jadd(",\"ok\":%s}", ok ? "true" : "false");
	printf("%s\n", json);
	fflush(stdout);
}

/* ---------- scenario: fan-out (fanout, chats, latency) ---------- */

static long expected_total;
static int next_post;
static double rate_t0;

static int delivery_done(void)
{
	return next_post >= opt.posts && st.received + st.duplicates + st.misrouted >= expected_total;
}

static void publish_next(struct conn *p)
{
	if (next_post >= opt.posts || p->busy || p->state != S_ACKED)
		return;
	if (opt.rate > 0 && now() < rate_t0 + (double)next_post / opt.rate)
		return;
	int seq = next_post++;
	char content[32];
	snprintf(content, sizeof content, "m%d", seq);
	post_chat[seq] = seq % opt.chats;
	posts_sent = next_post;
	double t = now();
	if (seq == 0)
		first_post = t;
	post_sent[seq] = t;
	p->pending_seq = seq;
	post(p, post_chat[seq], content);
}

static void fan_http_done(struct conn *p) { publish_next(p); }

static void fan_tick(void)
{
	for (int i = 0; i < npubs; i++)
		publish_next(pubs[i]);
}

static int scenario_fanout(void)
{
	int subs = opt.subscribers;
	double deadline = now() + opt.seconds;
	if (setup(subs, now() + opt.seconds) )
		fprintf(stderr, "LoadGenerator: setup incomplete\n");
	open_publishers(opt.publishers);
	int warm_failed = warm_up(now() + 30);

	/* Expected deliveries: post i goes to chat i % chats; subscriber j is in chat j % chats. */
	long *in_chat = calloc((size_t)opt.chats, sizeof *in_chat);
	for (int i = 0; i < nconns; i++) {
		conns[i]->seen = calloc((size_t)opt.posts / 8 + 1, 1);
		if (conns[i]->state != S_CLOSED)
			in_chat[conns[i]->chat]++;
	}
	for (int k = 0; k < opt.posts; k++)
		expected_total += in_chat[k % opt.chats];
	post_sent = calloc((size_t)opt.posts, sizeof *post_sent);
	post_chat = calloc((size_t)opt.posts, sizeof *post_chat);

	long foreign_before = st.foreign;
	double cpu0 = server_cpu_seconds();
	phase_measure = 1;
	on_http_done = fan_http_done;
	if (opt.rate > 0)
		poll_ms = 1;
	rate_t0 = now();
	deadline = rate_t0 + opt.seconds;
	int r = run(delivery_done, deadline, fan_tick);
	/* Wait briefly for late duplicates or stray messages. */
	pump(0.2);
	int complete_run = !r;
	double cpu1 = server_cpu_seconds();
	double elapsed = (st.received ? last_delivery : now()) - first_post;
	long missing = expected_total - st.received;
	int ok = complete_run && !warm_failed && !missing && !st.duplicates && !st.misrouted &&
		 !st.http_bad && st.foreign == foreign_before && !count_failed() &&
		 !st.error_messages;
	qsort(latencies, (size_t)nlat, sizeof *latencies, cmp_u32);
	double dps = elapsed > 0 ? (double)st.received / elapsed : 0;

	jstart();
	jadd(",\"subscribers\":%d,\"chats\":%d,\"posts\":%d,\"posts_sent\":%d,\"publishers\":%d",
	     subs, opt.chats, opt.posts, posts_sent, opt.publishers);
	if (opt.rate > 0)
		jadd(",\"rate\":%g", opt.rate);
	jadd(",\"expected\":%ld,\"received\":%ld,\"missing\":%ld,\"duplicates\":%ld,"
	     "\"misrouted\":%ld,\"unexpected_messages\":%ld,\"http_ok\":%ld,\"http_failed\":%ld",
	     expected_total, st.received, missing, st.duplicates, st.misrouted,
	     st.foreign - foreign_before, st.http_ok, st.http_bad);
	jadd(",\"seconds\":%.6f,\"deliveries_per_sec\":%.0f,\"posts_per_sec\":%.1f", elapsed, dps,
	     elapsed > 0 ? posts_sent / elapsed : 0);
	jlatency();
	jserver(cpu0, cpu1);
	if (warm_failed)
		jadd(",\"warmup_failed\":true");
	if (!complete_run)
		jadd(",\"timed_out\":true");
	jcommon();
	jfinish(ok);
	fprintf(stderr,
		"%s: %d subscribers, %d chats, %d posts: %ld/%ld delivered (%ld missing, %ld dup, "
		"%ld misrouted) in %.3f s = %.0f deliveries/s; latency min %u us p10 %u us p50 %u us "
		"p99 %u us max %u us%s\n",
		opt.scenario, subs, opt.chats, posts_sent, st.received, expected_total, missing,
		st.duplicates, st.misrouted, elapsed, dps, nlat ? latencies[0] : 0, pct(10), pct(50), pct(99),
		nlat ? latencies[nlat - 1] : 0, ok ? "" : "  ** NOT VERIFIED **");
	return ok ? 0 : 1;
}

/* ---------- scenario: idle ---------- */

static int scenario_idle(void)
{
	if (!opt.server_pid)
		fprintf(stderr, "LoadGenerator: idle without --server-pid reports no memory figure\n");
	long rss0 = server_rss_kb();
	long long disk0 = store_bytes();
	double cpu0 = server_cpu_seconds();
	int n = opt.connections;
	double t0 = now();
	int r = setup(n, now() + opt.seconds);
	double t_setup = now() - t0;
	/* Let the server settle (asynchronous store writes, allocator). */
	pump(opt.settle);
	long rss1 = server_rss_kb();
	long long disk1 = store_bytes();
	double cpu1 = server_cpu_seconds(); /* setting the connections up and holding them */
	int ok = !r && !count_failed() && !st.error_messages;
	double per = rss0 >= 0 && rss1 >= 0 && ready_count ? (double)(rss1 - rss0) * 1024.0 / ready_count
							: -1;
	jstart();
	jadd(",\"connections\":%d,\"subscribed\":%d,\"chats\":%d,\"setup_seconds\":%.2f", n,
	     ready_count, opt.chats, t_setup);
	if (opt.server_pid)
		jadd(",\"server_rss_kb_before\":%ld,\"server_rss_kb_after\":%ld,"
		     "\"bytes_per_connection\":%.0f", rss0, rss1, per);
	if (disk0 >= 0 && disk1 >= 0)
		jadd(",\"store_bytes_before\":%lld,\"store_bytes_after\":%lld,"
		     "\"bytes_per_connection_with_store\":%.0f", disk0, disk1,
		     per >= 0 && ready_count ? per + (double)(disk1 - disk0) / ready_count : -1.0);
	if (cpu0 >= 0 && cpu1 >= 0)
		jadd(",\"server_cpu_seconds\":%.2f", cpu1 - cpu0);
	jcommon();
	jfinish(ok);
	fprintf(stderr, "idle: %d/%d connections subscribed in %.2f s; server RSS %ld -> %ld kB = "
			"%.0f bytes per connection%s\n",
		ready_count, n, t_setup, rss0, rss1, per, ok ? "" : "  ** NOT VERIFIED **");
	return ok ? 0 : 1;
}

/* ---------- scenario: churn ---------- */

static long churn_target;
static int churn_active;

static void churn_round(struct conn *c)
{
	char id[32], msg[64];
	int k = opt.batch < c->cycles_left ? opt.batch : c->cycles_left;
	for (int i = 0; i < k; i++) {
		snprintf(id, sizeof id, "c%u", c->churn_id++);
		send_subscribe(c, id, 0);
		snprintf(msg, sizeof msg, "{\"id\":\"%s\",\"type\":\"complete\"}", id);
		ws_text(c, msg);
	}
	c->cycles_left -= k;
	c->got_probe = k; /* cycles in flight */
	send_ping(c);
}

static void churn_pong(struct conn *c)
{
	st.cycles += c->got_probe;
	c->got_probe = 0;
	if (c->cycles_left > 0)
		churn_round(c);
	else
		churn_active--;
}

static int churn_done(void) { return churn_active <= 0; }

static int final_ready;
static void final_pong(struct conn *c)
{
	(void)c;
	final_ready++;
}
static int final_done(void) { return final_ready >= nconns - (int)st.closed_unexpectedly; }

static int scenario_churn(void)
{
	int n = opt.connections;
	opt.chats = 1;
	/* Connections without a subscription: the cycles make their own. */
	conns = calloc((size_t)n + 1, sizeof *conns);
	target_conns = n;
	on_ack = setup_ack;
	on_pong = setup_pong;
	int saved_chats = opt.chats;
	opt.chats = 0;
	int r = run(setup_done, now() + opt.seconds, setup_tick);
	opt.chats = saved_chats;
	if (r)
		fprintf(stderr, "LoadGenerator: churn setup incomplete\n");

	churn_target = (long)n * opt.cycles;
	on_pong = churn_pong;
	churn_active = 0;
	double cpu0 = server_cpu_seconds();
	double t0 = now();
	for (int i = 0; i < nconns; i++)
		if (conns[i]->state != S_CLOSED) {
			conns[i]->cycles_left = opt.cycles;
			churn_active++;
			churn_round(conns[i]);
		}
	int timed_out = run(churn_done, t0 + opt.seconds, NULL) != 0;
	double elapsed = now() - t0;
	double cpu1 = server_cpu_seconds();

	/* Verify: one live subscription per connection now; a post must reach each exactly once,
	 * and no completed id may receive it. */
	on_pong = final_pong;
	for (int i = 0; i < nconns; i++) {
		conns[i]->chat = 0;
		conns[i]->seen = calloc(1, 1);
		conns[i]->sub_id = "final";
		send_subscribe(conns[i], "final", 0);
		send_ping(conns[i]);
	}
	run(final_done, now() + 10, NULL);
	open_publishers(1);
	post_sent = calloc(1, sizeof *post_sent);
	post_chat = calloc(1, sizeof *post_chat);
	opt.posts = 1;
	expected_total = nconns - st.closed_unexpectedly;
	phase_measure = 1;
	on_http_done = fan_http_done;
	rate_t0 = now();
	run(delivery_done, now() + 10, fan_tick);
	pump(0.2);
	long missing = expected_total - st.received;
	int ok = !timed_out && !r && !count_failed() && !missing && !st.duplicates &&
		 !st.misrouted && !st.error_messages && st.cycles == churn_target;

	double rate = elapsed > 0 ? (double)st.cycles / elapsed : 0;
	jstart();
	jadd(",\"connections\":%d,\"cycles_per_connection\":%d,\"batch\":%d,\"cycles\":%ld,"
	     "\"seconds\":%.3f,\"cycles_per_sec\":%.0f,\"final_expected\":%ld,\"final_received\":%ld,"
	     "\"final_duplicates\":%ld", n, opt.cycles, opt.batch, st.cycles, elapsed, rate,
	     expected_total, st.received, st.duplicates);
	jserver(cpu0, cpu1);
	if (timed_out)
		jadd(",\"timed_out\":true");
	jcommon();
	jfinish(ok);
	fprintf(stderr, "churn: %ld subscribe+complete cycles over %d connections in %.3f s = %.0f/s;"
			" final post reached %ld/%ld%s\n",
		st.cycles, n, elapsed, rate, st.received, expected_total,
		ok ? "" : "  ** NOT VERIFIED **");
	return ok ? 0 : 1;
}

/* ---------- scenario: connect ---------- */

static double connect_end;
static int connect_live;
static long connect_fail0;

static void connect_start(int slot);

static void connect_ack(struct conn *c)
{
	static const unsigned char close_payload[2] = { 0x03, 0xe8 }; /* 1000 */
	st.connects++;
	ws_send(c, 0x8, (const char *)close_payload, 2);
	conn_close(c, 1); /* freed and replaced by connect_tick */
}

static void connect_start(int slot)
{
	struct conn *c = conn_new(T_WS, slot);
	if (!c) {
		st.upgrade_failures++;
		return;
	}
	conns[slot] = c;
	connect_live++;
}

static int connect_done(void)
{
	if (now() < connect_end)
		return 0;
	for (int i = 0; i < opt.workers; i++)
		if (conns[i] && conns[i]->state != S_CLOSED)
			return 0;
	return 1;
}

static void connect_tick(void)
{
	/* Each worker starts a new connection as soon as its last one is closed. */
	int more = now() < connect_end;
	for (int i = 0; i < opt.workers; i++)
		if (conns[i] && conns[i]->state == S_CLOSED) {
			conn_free(conns[i]);
			conns[i] = NULL;
			connect_live--;
			if (more)
				connect_start(i);
		} else if (!conns[i] && more)
			connect_start(i);
}

static int scenario_connect(void)
{
	conns = calloc((size_t)opt.workers, sizeof *conns);
	on_ack = connect_ack;
	on_pong = NULL;
	connect_fail0 = 0;
	double cpu0 = server_cpu_seconds();
	double t0 = now();
	connect_end = t0 + opt.seconds;
	for (int i = 0; i < opt.workers; i++)
		connect_start(i);
	run(connect_done, connect_end + 10, connect_tick);
	double elapsed = now() - t0;
	double cpu1 = server_cpu_seconds();
	/* Drop whatever is left (a worker still in its handshake when time ran out). */
	for (int i = 0; i < opt.workers; i++)
		if (conns[i])
			conn_free(conns[i]);
	long failures = st.upgrade_failures + st.closed_unexpectedly;
	int ok = st.connects > 0 && !failures && !st.error_messages;
	double rate = elapsed > 0 ? (double)st.connects / elapsed : 0;
	jstart();
	jadd(",\"workers\":%d,\"connects\":%ld,\"seconds\":%.3f,\"connects_per_sec\":%.0f",
	     opt.workers, st.connects, elapsed, rate);
	jserver(cpu0, cpu1);
	jcommon();
	jfinish(ok);
	fprintf(stderr, "connect: %ld connect+init+ack+close with %d workers in %.2f s = %.0f/s, "
			"%ld failures%s\n",
		st.connects, opt.workers, elapsed, rate, failures, ok ? "" : "  ** NOT VERIFIED **");
	return ok ? 0 : 1;
}

/* ---------- scenario: mutations (HTTP only, no subscribers) ---------- */

static long http_base; /* responses counted before the current phase */

static int http_phase_done(void)
{
	return next_post >= opt.posts && st.http_ok + st.http_bad - http_base >= opt.posts;
}

/* A response arrived (or the connection just opened): time the post it answers, send the next. */
static void mut_http_done(struct conn *p)
{
	if (p->pending_seq >= 0 && phase_measure)
		record_latency(now() - post_sent[p->pending_seq]);
	p->pending_seq = -1;
	publish_next(p);
}

/* Runs `posts` postMessage mutations over the publishers, each sending its next request when
 * the previous answer is in (keep-alive, no pipelining). */
static int mutation_phase(int posts, double deadline)
{
	opt.posts = posts;
	next_post = posts_sent = 0;
	http_base = st.http_ok + st.http_bad;
	rate_t0 = now();
	for (int i = 0; i < npubs; i++)
		publish_next(pubs[i]);
	return run(http_phase_done, deadline, fan_tick);
}

static int scenario_mutations(void)
{
	int posts = opt.posts, warm = opt.publishers * 20;
	int cap = posts > warm ? posts : warm;
	post_sent = calloc((size_t)cap, sizeof *post_sent);
	post_chat = calloc((size_t)cap, sizeof *post_chat);
	opt.chats = 1; /* nobody subscribes to it: the mutation's own cost only */
	on_http_done = mut_http_done;
	open_publishers(opt.publishers);
	/* Warm-up: connections open, the document cache and the store's statements are primed. */
	int warm_failed = mutation_phase(warm, now() + 30) != 0;
	long bad_warm = st.http_bad;

	double cpu0 = server_cpu_seconds();
	phase_measure = 1;
	double t0 = now();
	int timed_out = mutation_phase(posts, t0 + opt.seconds) != 0;
	double elapsed = now() - t0;
	double cpu1 = server_cpu_seconds();
	long done = st.http_ok + st.http_bad - http_base;
	int ok = !warm_failed && !timed_out && !bad_warm && !st.http_bad && done == posts &&
		 !count_failed();
	qsort(latencies, (size_t)nlat, sizeof *latencies, cmp_u32);
	double rate = elapsed > 0 ? (double)done / elapsed : 0;

	jstart();
	jadd(",\"publishers\":%d,\"posts\":%d,\"answered\":%ld,\"http_ok\":%ld,\"http_failed\":%ld,"
	     "\"seconds\":%.3f,\"mutations_per_sec\":%.0f", opt.publishers, posts, done,
	     st.http_ok - http_base, st.http_bad, elapsed, rate);
	jlatency();
	jserver(cpu0, cpu1);
	if (warm_failed)
		jadd(",\"warmup_failed\":true");
	if (timed_out)
		jadd(",\"timed_out\":true");
	jcommon();
	jfinish(ok);
	fprintf(stderr, "mutations: %ld/%d answered over %d keep-alive connections in %.3f s = %.0f/s;"
			" round trip p50 %u us p99 %u us%s\n",
		done, posts, opt.publishers, elapsed, rate, pct(50), pct(99),
		ok ? "" : "  ** NOT VERIFIED **");
	return ok ? 0 : 1;
}

/* ---------- main ---------- */

static void usage(void)
{
	fprintf(stderr,
"usage: LoadGenerator SCENARIO --target ws://HOST:PORT/graphql [options]\n"
"  fanout   [--subscribers 10000] [--chats 1] [--posts 50] [--publishers 1] [--rate R]\n"
"  chats    [--chats 100] [--per-chat 100] [--posts 2000] [--publishers 4] [--rate R]\n"
"  latency  [--subscribers 1] [--chats 1] [--rate 100] [--posts 1000] [--publishers 1]\n"
"  idle     [--connections 19900] [--chats 100] --server-pid PID (a freshly started server:\n"
"           memory freed by earlier runs stays in its RSS and hides the cost)\n"
"  churn    [--connections 100] [--cycles 1000] [--batch 10]\n"
"  connect  [--workers 50] [--seconds 10]\n"
"  mutations [--publishers 16] [--posts 40000] (postMessage over HTTP, nobody subscribed)\n"
"options for all: --token T (HTTP posts' Authorization), --init-token T (connection_init),\n"
"  --seconds S (bound of the measured phase), --timeout S (hard,\n"
"  whole run; default 300), --server-pid PID (server CPU and RSS), --concurrency N (handshakes\n"
"  in flight, default 256), --source-addrs N (127.0.0.1..N, default 250), --settle S (idle),\n"
"  --store-path FILE (idle: add the growth of FILE and FILE-wal to the per-connection bytes)\n"
"  --scenario NAME may be given instead of the first word.\n");
	exit(2);
}

static int num(const char *v) { return v ? atoi(v) : 0; }

int main(int argc, char **argv)
{
	const char *target = NULL;
	int i = 1;
	if (argc > 1 && argv[1][0] != '-')
		opt.scenario = argv[i++];
	for (; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			usage();
		i++;
		if (!strcmp(a, "--scenario")) opt.scenario = v;
		else if (!strcmp(a, "--target")) target = v;
		else if (!strcmp(a, "--token")) opt.token = v;
		else if (!strcmp(a, "--init-token")) opt.init_token = v;
		else if (!strcmp(a, "--subscribers")) opt.subscribers = num(v);
		else if (!strcmp(a, "--chats")) opt.chats = num(v);
		else if (!strcmp(a, "--per-chat")) opt.per_chat = num(v);
		else if (!strcmp(a, "--posts")) opt.posts = num(v);
		else if (!strcmp(a, "--publishers")) opt.publishers = num(v);
		else if (!strcmp(a, "--connections")) opt.connections = num(v);
		else if (!strcmp(a, "--cycles")) opt.cycles = num(v);
		else if (!strcmp(a, "--batch")) opt.batch = num(v);
		else if (!strcmp(a, "--workers")) opt.workers = num(v);
		else if (!strcmp(a, "--concurrency")) opt.concurrency = num(v);
		else if (!strcmp(a, "--server-pid")) opt.server_pid = num(v);
		else if (!strcmp(a, "--source-addrs")) opt.source_addrs = num(v);
		else if (!strcmp(a, "--rate")) opt.rate = atof(v);
		else if (!strcmp(a, "--seconds")) opt.seconds = atof(v);
		else if (!strcmp(a, "--timeout")) opt.timeout = atof(v);
		else if (!strcmp(a, "--settle")) opt.settle = atof(v);
		else if (!strcmp(a, "--chat-prefix")) opt.chat_prefix = v;
		else if (!strcmp(a, "--store-path")) opt.store_path = v;
		else usage();
	}
	if (!opt.scenario || !target)
		usage();
	if (strncmp(target, "ws://", 5))
		die("--target must be ws://HOST:PORT/PATH");
	{
		const char *h = target + 5, *colon = strchr(h, ':'), *slash = strchr(h, '/');
		if (!colon || (slash && slash < colon))
			die("--target needs an explicit port");
		snprintf(opt.host, sizeof opt.host, "%.*s", (int)(colon - h), h);
		opt.port = atoi(colon + 1);
		snprintf(opt.path, sizeof opt.path, "%s", slash ? slash : "/graphql");
		if (!strcmp(opt.host, "localhost"))
			strcpy(opt.host, "127.0.0.1");
	}
	if (opt.batch < 1)
		opt.batch = 1;
	if (opt.concurrency < 1)
		opt.concurrency = 1;

#define DEF(f, v) if (opt.f < 0) opt.f = (v)
	const char *sc = opt.scenario;
	if (!strcmp(sc, "fanout")) {
		DEF(subscribers, 10000); DEF(chats, 1); DEF(posts, 50); DEF(publishers, 1);
	} else if (!strcmp(sc, "chats")) {
		DEF(chats, 100); DEF(per_chat, 100); DEF(posts, 2000); DEF(publishers, 4);
		opt.subscribers = opt.chats * opt.per_chat;
	} else if (!strcmp(sc, "latency")) {
		DEF(subscribers, 1); DEF(chats, 1); DEF(rate, 100); DEF(posts, 1000);
		DEF(publishers, 1);
	} else if (!strcmp(sc, "idle")) {
		DEF(connections, 19900); DEF(chats, 100);
	} else if (!strcmp(sc, "churn")) {
		DEF(connections, 100); DEF(cycles, 1000);
	} else if (!strcmp(sc, "connect")) {
		DEF(workers, 50); DEF(seconds, 10);
	} else if (!strcmp(sc, "mutations")) {
		DEF(publishers, 16); DEF(posts, 40000); DEF(chats, 1);
	} else
		usage();
	DEF(seconds, 60);
	if (opt.chats == 0 && strcmp(sc, "churn") && strcmp(sc, "connect"))
		die("--chats must be at least 1");
	if (opt.posts > 10000000 || opt.subscribers > 100000 || opt.connections > 100000)
		die("counts too large");

	/* Descriptors: as many as the hard limit allows. */
	struct rlimit rl;
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	long need = (opt.subscribers > opt.connections ? opt.subscribers : opt.connections) +
		    (opt.publishers > 0 ? opt.publishers : 1) + (opt.workers > 0 ? opt.workers : 0) + 16;
	if (!getrlimit(RLIMIT_NOFILE, &rl) && (long)rl.rlim_cur < need)
		die("need %ld descriptors, the limit is %ld", need, (long)rl.rlim_cur);

	signal(SIGPIPE, SIG_IGN);
	signal(SIGALRM, on_alarm);
	alarm((unsigned)(opt.timeout > 1 ? opt.timeout : 1));
	rng ^= (uint32_t)getpid() * 2654435761u;

	if (opt.init_token) {
		char esc[600];
		if (js_escape(opt.init_token, strlen(opt.init_token), esc, sizeof esc) < 0)
			die("token too long");
		snprintf(init_msg, sizeof init_msg,
			 "{\"type\":\"connection_init\",\"payload\":{\"authorization\":\"Bearer %.*s}}",
			 (int)strlen(esc) - 1, esc + 1);
	} else
		snprintf(init_msg, sizeof init_msg, "{\"type\":\"connection_init\"}");

	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0)
		die("epoll_create1: %s", strerror(errno));

	if (!strcmp(sc, "fanout") || !strcmp(sc, "chats") || !strcmp(sc, "latency"))
		return scenario_fanout();
	if (!strcmp(sc, "idle"))
		return scenario_idle();
	if (!strcmp(sc, "mutations"))
		return scenario_mutations();
	if (!strcmp(sc, "churn"))
		return scenario_churn();
	return scenario_connect();
}
