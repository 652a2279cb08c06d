/*
 * reverse.c: an example plugin in C against the Extism ABI's host imports,
 * built with clang's wasm32-wasi target and wasi-libc:
 *
 *   clang --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor \
 *     -o reverse.wasm reverse.c
 *
 * Exports a tool "reverse": {"text": "abc"} -> {"text": "cba"} (bytes, no
 * JSON escapes handled beyond copying them), and "trap", which executes an
 * unreachable instruction (a test of containment).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT(name) __attribute__((import_module("extism:host/env"), import_name(name)))

IMPORT("input_length") uint64_t input_length(void);
IMPORT("input_load_u8") uint32_t input_load_u8(uint64_t);
IMPORT("alloc") uint64_t extism_alloc(uint64_t);
IMPORT("store_u8") void store_u8(uint64_t, uint32_t);
IMPORT("output_set") void output_set(uint64_t, uint64_t);
IMPORT("error_set") void error_set(uint64_t);

#define EXPORT(name) __attribute__((export_name(name)))

static uint64_t put(const char *s, uint64_t n) {
	uint64_t off = extism_alloc(n);
	for (uint64_t i = 0; i < n; i++) store_u8(off + i, (uint8_t)s[i]);
	return off;
}

static int32_t fail(const char *msg) {
	error_set(put(msg, strlen(msg)));
	return 1;
}

static const char describe_json[] =
	"{\"tools\":[{\"function\":\"reverse\",\"name\":\"reverse_text\","
	"\"description\":\"Reverses a text.\",\"parameters\":{\"type\":\"object\","
	"\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}}]}";

EXPORT("gaianet_describe") int32_t describe(void) {
	uint64_t n = sizeof describe_json - 1;
	output_set(put(describe_json, n), n);
	return 0;
}

/* reverse finds the value of "text" (a plain string without escapes) and
 * writes it back reversed. */
EXPORT("reverse") int32_t reverse(void) {
	uint64_t n = input_length();
	char *in = malloc(n + 1);
	if (!in) return fail("out of memory");
	for (uint64_t i = 0; i < n; i++) in[i] = (char)input_load_u8(i);
	in[n] = 0;
	char *k = strstr(in, "\"text\"");
	if (!k) return fail("reverse: want {\"text\": \"...\"}");
	char *q = strchr(k + 6, '"');
	if (!q) return fail("reverse: text is not a string");
	char *start = q + 1, *end = strchr(start, '"');
	if (!end) return fail("reverse: unterminated string");
	size_t len = (size_t)(end - start);
	char *out = malloc(len + 12);
	if (!out) return fail("out of memory");
	memcpy(out, "{\"text\":\"", 9);
	for (size_t i = 0; i < len; i++) out[9 + i] = start[len - 1 - i];
	memcpy(out + 9 + len, "\"}", 2);
	output_set(put(out, len + 11), len + 11);
	free(in);
	free(out);
	return 0;
}

EXPORT("trap") int32_t trap(void) {
	__builtin_trap();
}
