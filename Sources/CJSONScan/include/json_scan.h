/*
 * A minimal JSON scanner: no tree, no allocation. It skips values and finds the members of an
 * object, which is all the baseline server and the load generator need to read
 * graphql-transport-ws messages and GraphQL-over-HTTP bodies. Both targets carry a copy of
 * this header so that each stays a single self-contained executable.
 */
#ifndef BENCH_JSON_SCAN_H
#define BENCH_JSON_SCAN_H

#include <stddef.h>
#include <string.h>

typedef struct { const char *p; size_t n; } jspan; /* a raw JSON value, or n == 0 */

static inline const char *js_ws(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* Returns the end of the value starting at p, or NULL when it is malformed. */
static const char *js_skip(const char *p, const char *e)
{
	int depth = 0;
	p = js_ws(p, e);
	if (p >= e)
		return NULL;
	do {
		if (p >= e)
			return NULL;
		char c = *p;
		if (c == '"') {
			for (p++; p < e && *p != '"'; p++)
				if (*p == '\\')
					p++;
			if (p >= e)
				return NULL;
			p++;
		} else if (c == '{' || c == '[') {
			depth++;
			p++;
		} else if (c == '}' || c == ']') {
			if (--depth < 0)
				return NULL;
			p++;
		} else if (c == ',' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (depth == 0)
				return NULL;
			p++;
		} else {
			const char *start = p;
			while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
					 *p == '-' || *p == '+' || *p == '.' || *p == 'E'))
				p++;
			if (p == start)
				return NULL;
		}
	} while (depth > 0);
	return p;
}

/* The value of member `key` of the object `obj`, or {NULL, 0}. Keys are compared raw. */
static jspan js_get(jspan obj, const char *key)
{
	jspan none = { NULL, 0 };
	const char *p = obj.p, *e = obj.p + obj.n;
	size_t kl = strlen(key);
	p = js_ws(p, e);
	if (p >= e || *p != '{')
		return none;
	p++;
	for (;;) {
		p = js_ws(p, e);
		if (p >= e || *p == '}')
			return none;
		if (*p != '"')
			return none;
		const char *ks = p + 1, *ke = js_skip(p, e);
		if (!ke)
			return none;
		int match = (size_t)(ke - 1 - ks) == kl && !memcmp(ks, key, kl);
		p = js_ws(ke, e);
		if (p >= e || *p != ':')
			return none;
		p = js_ws(p + 1, e);
		const char *ve = js_skip(p, e);
		if (!ve)
			return none;
		if (match) {
			jspan v = { p, (size_t)(ve - p) };
			return v;
		}
		p = js_ws(ve, e);
		if (p < e && *p == ',')
			p++;
	}
}

static inline int js_is_string(jspan v) { return v.n >= 2 && v.p[0] == '"'; }

/* Decodes a JSON string value into out (NUL-terminated, at most cap - 1 bytes). Returns the
 * length or -1. \uXXXX escapes are decoded to UTF-8 (surrogate pairs included). */
static int js_unescape(jspan v, char *out, size_t cap)
{
	size_t o = 0;
	if (!js_is_string(v) || cap == 0)
		return -1;
	const char *p = v.p + 1, *e = v.p + v.n - 1;
	while (p < e) {
		unsigned cp;
		if (*p != '\\') {
			if (o + 1 >= cap)
				return -1;
			out[o++] = *p++;
			continue;
		}
		if (++p >= e)
			return -1;
		switch (*p++) {
		case 'n': cp = '\n'; break;
		case 't': cp = '\t'; break;
		case 'r': cp = '\r'; break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'u': {
			cp = 0;
			for (int i = 0; i < 4; i++, p++) {
				if (p >= e)
					return -1;
				char c = *p;
				cp = cp * 16 + (unsigned)(c >= '0' && c <= '9' ? c - '0' :
						(c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : 0);
			}
			if (cp >= 0xd800 && cp < 0xdc00 && p + 6 <= e && p[0] == '\\' && p[1] == 'u') {
				unsigned lo = 0;
				for (int i = 2; i < 6; i++) {
					char c = p[i];
					lo = lo * 16 + (unsigned)(c >= '0' && c <= '9' ? c - '0' :
							(c | 32) - 'a' + 10);
				}
				if (lo >= 0xdc00 && lo < 0xe000) {
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
					p += 6;
				}
			}
			break;
		}
		default: cp = (unsigned char)p[-1]; break; /* \" \\ \/ */
		}
		if (o + 5 >= cap)
			return -1;
		if (cp < 0x80)
			out[o++] = (char)cp;
		else if (cp < 0x800) {
			out[o++] = (char)(0xc0 | cp >> 6);
			out[o++] = (char)(0x80 | (cp & 0x3f));
		} else if (cp < 0x10000) {
			out[o++] = (char)(0xe0 | cp >> 12);
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		} else {
			out[o++] = (char)(0xf0 | cp >> 18);
			out[o++] = (char)(0x80 | ((cp >> 12) & 0x3f));
			out[o++] = (char)(0x80 | ((cp >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (cp & 0x3f));
		}
	}
	out[o] = 0;
	return (int)o;
}

/* Writes s as a JSON string literal (with quotes). Returns the length, or -1 if it does not fit. */
static int js_escape(const char *s, size_t n, char *out, size_t cap)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	if (cap < 3)
		return -1;
	out[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (o + 7 >= cap)
			return -1;
		if (c == '"' || c == '\\') {
			out[o++] = '\\';
			out[o++] = (char)c;
		} else if (c < 0x20) {
			out[o++] = '\\';
			out[o++] = 'u';
			out[o++] = '0';
			out[o++] = '0';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		} else
			out[o++] = (char)c;
	}
	out[o++] = '"';
	out[o] = 0;
	return (int)o;
}

#endif
