package ingest

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenCounter counts the tokens of a text as the embedding model's
// tokenizer would. Implementations must be safe for concurrent use if the
// Chunker is used concurrently.
type TokenCounter interface {
	CountTokens(text string) int
}

// Default chunk sizes, in tokens.
const (
	DefaultChunkTokens   = 256
	DefaultOverlapTokens = 32
)

// Chunker cuts sections into chunks of at most Size tokens.
//
// Blocks are packed greedily into chunks, never across sections. A
// paragraph longer than Size is split at line breaks, then at sentence ends,
// then at spaces, and as a last resort between characters. Code blocks are
// never split: one longer than Size becomes a chunk of its own. Record
// blocks (CSV rows) always become exactly one chunk each, whatever their
// length. When a section needs more than one chunk, each chunk after the
// first starts with the trailing prose pieces (lines, sentences or words) of
// the previous chunk that fit in Overlap tokens, or when no whole piece
// fits, with the last sentences (else words) of its last piece that do;
// code is never repeated.
//
// A chunk's size is the sum of its pieces' token counts, which for subword
// tokenizers may differ slightly from the count of the joined text.
//
// A Chunker is a value; it is safe for concurrent use when Counter is.
type Chunker struct {
	Counter TokenCounter
	// Size is the most tokens a chunk holds; 0 means DefaultChunkTokens.
	Size int
	// Overlap is how many tokens of context a chunk may repeat from the one
	// before it; it must be less than Size. 0 means no overlap.
	Overlap int
}

func (c Chunker) size() int {
	if c.Size == 0 {
		return DefaultChunkTokens
	}
	return c.Size
}

// Validate reports whether c is usable.
func (c Chunker) Validate() error {
	if c.Counter == nil {
		return fmt.Errorf("ingest: chunker has no token counter")
	}
	if c.Size < 0 || c.Overlap < 0 {
		return fmt.Errorf("ingest: chunk size %d and overlap %d must not be negative", c.Size, c.Overlap)
	}
	if c.Overlap >= c.size() {
		return fmt.Errorf("ingest: chunk overlap %d must be less than size %d", c.Overlap, c.size())
	}
	return nil
}

// unit is an unsplittable piece of a chunk. Its text keeps any trailing
// separator it had in the block, so a block's units concatenate to the
// block.
type unit struct {
	text   string
	tokens int
	start  bool // first unit of its block
	atomic bool // code: never split, never carried as overlap
}

// Chunk cuts sections into chunks, filling every Chunk field: Source is
// source, Index counts from 0 and Hash is ChunkHash of the texts. Empty
// chunks are never produced. It returns ctx's error if ctx ends first.
func (c Chunker) Chunk(ctx context.Context, source string, sections []Section) ([]Chunk, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var out []Chunk
	emit := func(heading, text, embed string) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		if embed == "" {
			embed = text
		}
		out = append(out, Chunk{
			Text: text, EmbedText: embed, Source: source, Heading: heading,
			Index: len(out), Hash: ChunkHash(text, embed),
		})
	}
	for _, sec := range sections {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("ingest: chunking %s: %w", source, err)
		}
		var pending []unit // units of the chunk being built
		pendingTokens := 0
		flush := func(overlap bool) {
			if len(pending) == 0 {
				return
			}
			emit(sec.Heading, joinUnits(pending), "")
			if !overlap || c.Overlap == 0 {
				pending, pendingTokens = nil, 0
				return
			}
			// Keep the longest suffix of whole prose units that fits in
			// Overlap.
			keep, tokens := len(pending), 0
			for keep > 0 {
				u := pending[keep-1]
				if u.atomic || tokens+u.tokens > c.Overlap {
					break
				}
				tokens += u.tokens
				keep--
			}
			carry := append([]unit(nil), pending[keep:]...)
			if keep > 0 && tokens == 0 && !pending[keep-1].atomic {
				// Nothing whole fits: carry the tail of the last unit.
				carry = c.tail(pending[keep-1].text)
				tokens = 0
				for _, u := range carry {
					tokens += u.tokens
				}
			}
			pending, pendingTokens = carry, tokens
		}
		add := func(u unit) {
			if pendingTokens+u.tokens > c.size() {
				flush(true)
				// Drop carried units from the front until u fits.
				for len(pending) > 0 && pendingTokens+u.tokens > c.size() {
					pendingTokens -= pending[0].tokens
					pending = pending[1:]
				}
			}
			pending = append(pending, u)
			pendingTokens += u.tokens
		}
		for _, b := range sec.Blocks {
			switch b.Kind {
			case Record:
				flush(false)
				emit(sec.Heading, b.Text, strings.TrimSpace(b.EmbedText))
			case Code:
				add(unit{text: b.Text, tokens: c.Counter.CountTokens(b.Text), start: true, atomic: true})
			default:
				for i, u := range c.splitBlock(b.Text) {
					u.start = i == 0
					add(u)
				}
			}
		}
		flush(false)
	}
	return out, nil
}

// tail returns the last sentences of text that fit in Overlap tokens, or
// when not even one sentence fits, its last words that do.
func (c Chunker) tail(text string) []unit {
	for _, split := range []func(string) []string{splitSentences, splitWords} {
		pieces := split(text)
		var out []unit
		tokens := 0
		for i := len(pieces) - 1; i > 0; i-- { // never the whole text
			n := c.Counter.CountTokens(pieces[i])
			if tokens+n > c.Overlap {
				break
			}
			tokens += n
			out = append([]unit{{text: pieces[i], tokens: n}}, out...)
		}
		if tokens > 0 {
			return out
		}
		if len(pieces) > 0 {
			text = pieces[len(pieces)-1]
		}
	}
	return nil
}

// joinUnits assembles a chunk: units of one block are concatenated, blocks
// are separated by a blank line.
func joinUnits(units []unit) string {
	var b strings.Builder
	for i, u := range units {
		if u.start && i > 0 {
			s := strings.TrimRight(b.String(), " \t\n")
			b.Reset()
			b.WriteString(s)
			b.WriteString("\n\n")
		}
		b.WriteString(u.text)
	}
	return b.String()
}

// splitBlock cuts prose into units of at most Size tokens, preferring line
// breaks, then sentence ends, then spaces, then character boundaries.
func (c Chunker) splitBlock(text string) []unit {
	var out []unit
	var rec func(s string, level int)
	rec = func(s string, level int) {
		n := c.Counter.CountTokens(s)
		if n <= c.size() {
			if strings.TrimSpace(s) != "" || len(out) > 0 {
				out = append(out, unit{text: s, tokens: n})
			}
			return
		}
		var pieces []string
		switch level {
		case 0:
			pieces = splitAfter(s, func(prev string, next string) bool { return strings.HasSuffix(prev, "\n") })
		case 1:
			pieces = splitSentences(s)
		case 2:
			pieces = splitWords(s)
		default:
			pieces = c.splitRunes(s)
			for _, p := range pieces {
				out = append(out, unit{text: p, tokens: c.Counter.CountTokens(p)})
			}
			return
		}
		if len(pieces) == 1 {
			rec(s, level+1)
			return
		}
		for _, p := range pieces {
			rec(p, level+1)
		}
	}
	rec(text, 0)
	return out
}

// splitAfter cuts s between runes where cut(before, after) is true; the
// pieces concatenate to s.
func splitAfter(s string, cut func(before, after string) bool) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if i < len(s) && cut(s[start:i], s[i:]) {
			out = append(out, s[start:i])
			start = i
		}
	}
	return append(out, s[start:])
}

// splitSentences cuts s after sentence-ending punctuation (. ! ? …) that is
// followed, after any closing quotes or brackets, by white space, keeping
// the white space with the sentence; after CJK full stops (。！？) no space is
// needed.
func splitSentences(s string) []string {
	return splitAfter(s, func(before, after string) bool {
		r, _ := utf8.DecodeRuneInString(after)
		if unicode.IsSpace(r) {
			return false // keep white space with the sentence before it
		}
		last, _ := utf8.DecodeLastRuneInString(before)
		if last == '。' || last == '！' || last == '？' {
			return true
		}
		t := strings.TrimRightFunc(before, unicode.IsSpace)
		if len(t) == len(before) {
			return false
		}
		t = strings.TrimRight(t, `"')]”’»`)
		end, _ := utf8.DecodeLastRuneInString(t)
		return end == '.' || end == '!' || end == '?' || end == '…'
	})
}

// splitWords cuts s after each run of white space.
func splitWords(s string) []string {
	return splitAfter(s, func(before, after string) bool {
		last, _ := utf8.DecodeLastRuneInString(before)
		next, _ := utf8.DecodeRuneInString(after)
		return unicode.IsSpace(last) && !unicode.IsSpace(next)
	})
}

// splitRunes cuts s into the longest rune-aligned prefixes that fit in Size
// tokens, at least one rune each. It gallops forward from a guess and then
// bisects, so each piece costs O(len(piece) log len(piece)) of counting
// rather than a count of all of s.
func (c Chunker) splitRunes(s string) []string {
	fits := func(t string) bool { return c.Counter.CountTokens(t) <= c.size() }
	var out []string
	for s != "" {
		if fits(s) {
			return append(out, s)
		}
		_, w := utf8.DecodeRuneInString(s)
		good, bad := w, len(s) // s[:good] is taken either way; s[:bad] does not fit
		for step := 4 * c.size(); good < bad; step *= 2 {
			try := alignBack(s, good+step)
			if try <= good || try >= bad {
				break
			}
			if !fits(s[:try]) {
				bad = try
				break
			}
			good = try
		}
		for {
			mid := alignBack(s, good+(bad-good)/2)
			if mid <= good {
				mid = alignForward(s, good+(bad-good)/2)
			}
			if mid <= good || mid >= bad {
				break
			}
			if fits(s[:mid]) {
				good = mid
			} else {
				bad = mid
			}
		}
		out = append(out, s[:good])
		s = s[good:]
	}
	return out
}

// alignBack moves i back to the start of the rune it falls in.
func alignBack(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// alignForward moves i forward to the start of the next rune.
func alignForward(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
