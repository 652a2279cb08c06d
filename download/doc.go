// Package download owns fetching large files (GGUF models, knowledge-base
// snapshots) to a local path for `gaianet init`.
//
// File(ctx, src, dst, opts) writes into dst+".part" and renames it to dst
// only when the file is complete and checked, so dst is either absent, the
// old file, or the whole new file. A broken transfer leaves the .part file;
// the next attempt (a retry inside the same call, or a later call) asks the
// server for the rest with an HTTP Range request. A server that ignores
// Range (200 instead of 206) or answers with a different range causes a
// clean restart from byte 0.
//
// Checks, in order: the HTTP status; an HTML page served instead of a
// binary (Content-Type text/html, or a body starting with "<!DOCTYPE" or
// "<html"), reported as "server returned an HTML page, not a model file";
// the size against Content-Length / Content-Range (a short body is
// ErrTruncated); the caller's magic prefix (e.g. "GGUF"); and the SHA-256,
// whose mismatch deletes the file. The expected SHA-256 is, in order, the
// caller's Options.SHA256; a "#sha256=<hex>" fragment of the URL (so a
// config.json can pin a model: the fragment is never sent); or the one the
// server announces: Hugging Face's X-Linked-Etag (on the redirect of a
// large file to its CDN) or its ETag when X-Repo-Commit marks a Hugging
// Face response. Without any of these the file is not hashed. Every error
// names the URL (with any password redacted) and wraps a sentinel callers
// can test with errors.Is.
//
// Connections go through package egress: by default only public addresses
// are reached (Options.Egress allow-lists others), and a refused address is
// not retried.
//
// A src that is not an http(s) URL is a local path (a "file://" prefix is
// allowed). If it already is dst it is used in place, only checked;
// otherwise it is hard-linked to dst when both are on one file system, and
// copied (with progress) when not.
//
// Progress goes to a callback, so the caller decides how to show it (the
// gaianet command draws a bar on a terminal and logs lines elsewhere);
// FormatBytes renders sizes for it.
//
// It imports only egress from this module.
package download
