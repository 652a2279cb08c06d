// Package atomicfile replaces a file's contents all at once: a reader sees
// the old file or the new one, never a mix, and a crash leaves one of the
// two. The node's config, its identity files and its upload metadata are
// written this way.
//
// It imports nothing from this module.
package atomicfile
