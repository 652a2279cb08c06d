package tokenizer

import "unicode/utf8"

// TokenBytes returns the bytes token id stands for, as llama.cpp's
// llama_token_to_piece with special=false: "▁" becomes a space for
// SentencePiece and WordPiece, byte-level tokens are decoded to their bytes,
// <0xNN> tokens are that byte, and control and unknown tokens render as
// nothing. The result may be part of a UTF-8 sequence. The returned slice is
// shared: the caller must not modify it. Out-of-range ids yield nil.
func (t *Tokenizer) TokenBytes(id int32) []byte {
	return t.piece(id, false)
}

// Piece returns TokenBytes(id) as a string.
func (t *Tokenizer) Piece(id int32) string { return string(t.piece(id, false)) }

// SpecialPiece returns the bytes of id with control and unknown tokens
// rendered as their text (llama_token_to_piece with special=true). The
// returned slice is shared: the caller must not modify it.
func (t *Tokenizer) SpecialPiece(id int32) []byte { return t.piece(id, true) }

func (t *Tokenizer) piece(id int32, special bool) []byte {
	if id < 0 || int(id) >= len(t.pieces) {
		return nil
	}
	if !special && t.attrs[id]&(AttrUnknown|AttrControl) != 0 {
		return nil
	}
	return t.pieces[id]
}

// Decode returns the text of ids as llama.cpp's llama_detokenize with
// remove_special=false and unparse_special=false: control and unknown tokens
// render as nothing, a SentencePiece text loses the leading space its
// encoding added, and for vocabularies that ask for it spaces before
// punctuation and contractions are removed. Out-of-range ids are skipped.
// The result can be invalid UTF-8 when ids end inside a character.
func (t *Tokenizer) Decode(ids []int32) string {
	return string(t.AppendDecode(nil, ids))
}

// AppendDecode appends the text of ids to dst; see Decode.
func (t *Tokenizer) AppendDecode(dst []byte, ids []int32) []byte {
	start := len(dst)
	removeSpace := t.addSpacePrefix
	for _, id := range ids {
		p := t.piece(id, false)
		if removeSpace && len(p) > 0 && p[0] == ' ' {
			p = p[1:]
		}
		removeSpace = false
		dst = append(dst, p...)
	}
	if t.cleanSpaces {
		n := cleanSpaces(dst[start:])
		dst = dst[:start+n]
	}
	return dst
}

// cleanSpaces is llama.cpp's clean_up_tokenization_spaces, done in place on
// text in the same three passes (and with the same in-place side effects);
// it returns the new length.
func cleanSpaces(text []byte) int {
	total := len(text)
	// 1: " ?", " !", " .", " ," lose the space.
	n := total
	total = min(n, 1)
	for i := 1; i < n; i++ {
		x := text[i]
		if text[i-1] == ' ' && (x == '?' || x == '!' || x == '.' || x == ',') {
			total--
		}
		text[total] = x
		total++
	}
	// 2: a lone apostrophe between spaces loses both spaces.
	n = total
	total = min(n, 1)
	for i := 1; i < n; i++ {
		x := text[i]
		if x == '\'' && i+1 < n && text[i-1] == ' ' && text[i+1] == ' ' {
			total--
			i++
			text[i] = 0
		}
		text[total] = x
		total++
	}
	// 3: " 's", " 'm", " 're", " 've" lose the space.
	n = total
	total = min(n, 1)
	for i := 1; i < n; i++ {
		x := text[i]
		if text[i-1] == ' ' && x == '\'' && i+1 < n {
			x1 := text[i+1]
			switch {
			case x1 == 't' || x1 == 'd':
			case x1 == 's' || x1 == 'm':
				total--
			case i+2 < n:
				x2 := text[i+2]
				if (x1 == 'r' && x2 == 'e') || (x1 == 'v' && x2 == 'e') {
					total--
				}
			}
		}
		text[total] = x
		total++
	}
	return total
}

// StreamDecoder turns generated tokens into text one token at a time. It
// applies the leading-space rule of Decode to the first token and holds back
// bytes of a UTF-8 sequence that a later token may complete. It does not
// apply Decode's clean-up of spaces (llama.cpp's streaming does not either).
// A StreamDecoder is not safe for concurrent use; the zero value is not
// usable, call NewStreamDecoder.
type StreamDecoder struct {
	t       *Tokenizer
	special bool
	started bool
	pending []byte
}

// NewStreamDecoder returns a decoder for t. With special set, control tokens
// render as their text.
func (t *Tokenizer) NewStreamDecoder(special bool) *StreamDecoder {
	return &StreamDecoder{t: t, special: special}
}

// Next adds token id and returns the text that is now complete: every byte
// except a trailing, still incomplete UTF-8 sequence. Invalid bytes are
// passed through as they are.
func (d *StreamDecoder) Next(id int32) string {
	p := d.t.piece(id, d.special)
	if !d.started {
		if d.t.addSpacePrefix && len(p) > 0 && p[0] == ' ' {
			p = p[1:]
		}
		d.started = true
	}
	d.pending = append(d.pending, p...)
	n := completePrefix(d.pending)
	out := string(d.pending[:n])
	d.pending = append(d.pending[:0], d.pending[n:]...)
	return out
}

// Flush returns any held-back bytes and resets the decoder for a new text.
func (d *StreamDecoder) Flush() string {
	out := string(d.pending)
	d.pending = d.pending[:0]
	d.started = false
	return out
}

// completePrefix returns the length of b without a trailing incomplete (but
// so far valid) UTF-8 sequence.
func completePrefix(b []byte) int {
	n := len(b)
	for back := 1; back <= 3 && back <= n; back++ {
		c := b[n-back]
		if c < 0x80 {
			return n
		}
		if c >= 0xC0 { // lead byte
			want := utf8Len(c)
			if c >= 0xF8 || want <= back {
				return n
			}
			if !utf8.FullRune(b[n-back:]) {
				return n - back
			}
			return n
		}
	}
	return n
}
