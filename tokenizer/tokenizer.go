package tokenizer

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Metadata is the part of a GGUF file's metadata the tokenizer reads;
// gguf.Metadata satisfies it.
type Metadata interface {
	String(key string) (string, bool)
	Strings(key string) ([]string, bool)
	Float32s(key string) ([]float32, bool)
	Int32s(key string) ([]int32, bool)
	Uint(key string) (uint64, bool)
	Bool(key string) (bool, bool)
}

// Errors returned by FromGGUF; test with errors.Is.
var (
	// ErrMissing reports metadata the tokenizer cannot do without.
	ErrMissing = errors.New("tokenizer: missing metadata")
	// ErrInvalid reports metadata that is present but inconsistent.
	ErrInvalid = errors.New("tokenizer: invalid metadata")
	// ErrUnsupported reports a tokenizer model or pre-tokenizer this package
	// does not implement.
	ErrUnsupported = errors.New("tokenizer: unsupported")
)

// Kind is a vocabulary family.
type Kind int

// Vocabulary families, named after llama.cpp's LLAMA_VOCAB_TYPE_*.
const (
	KindSPM Kind = iota + 1 // tokenizer.ggml.model "llama"
	KindBPE                 // tokenizer.ggml.model "gpt2"
	KindWPM                 // tokenizer.ggml.model "bert"
)

// String returns the family's short name.
func (k Kind) String() string {
	switch k {
	case KindSPM:
		return "spm"
	case KindBPE:
		return "bpe"
	case KindWPM:
		return "wpm"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// TokenType is the GGUF token type stored in tokenizer.ggml.token_type.
type TokenType int32

// Token types, fixed by the GGUF format.
const (
	TypeUndefined   TokenType = 0
	TypeNormal      TokenType = 1
	TypeUnknown     TokenType = 2
	TypeControl     TokenType = 3
	TypeUserDefined TokenType = 4
	TypeUnused      TokenType = 5
	TypeByte        TokenType = 6
)

// Attr is the set of attributes llama.cpp derives for a token: its GGUF type
// plus corrections (end-of-generation texts become control tokens, and so on).
type Attr uint16

// Token attributes, as llama.cpp's llama_token_attr.
const (
	AttrUnknown Attr = 1 << iota
	AttrUnused
	AttrNormal
	AttrControl
	AttrUserDefined
	AttrByte
	AttrNormalized
	AttrLStrip
	AttrRStrip
	AttrSingleWord
)

// Null is the id used for "no such token".
const Null int32 = -1

// Tokenizer converts between text and token ids. Its vocabulary and settings
// are fixed at construction; it is safe for concurrent use (the word cache it
// keeps to speed up encoding is synchronised).
type Tokenizer struct {
	kind   Kind
	model  string // tokenizer.ggml.model
	pre    string // tokenizer.ggml.pre as given
	tokens []string
	scores []float32
	types  []TokenType
	attrs  []Attr
	ids    map[string]int32
	maxLen int // longest token text in bytes

	bos, eos, eot, eom, unk, sep, pad, mask        int32
	fimPre, fimSuf, fimMid, fimPad, fimRep, fimSep int32

	addBOS, addEOS bool
	addSpacePrefix bool
	cleanSpaces    bool
	ignoreMerges   bool

	eog     map[int32]bool
	special []int32  // control, user-defined and unknown tokens, longest text first
	pieces  [][]byte // token_to_piece(special=true) of every token

	// SentencePiece byte fallback: the token for each byte, or Null.
	byteTokens [256]int32

	bpe *bpeModel

	// spmChunks is set when no token spans a "▁" that follows another
	// character, so SentencePiece can merge such chunks independently.
	spmChunks bool

	cache *wordCache
}

// FromGGUF builds a tokenizer from GGUF metadata as llama.cpp's
// llama_vocab::load does.
func FromGGUF(md Metadata) (*Tokenizer, error) {
	t := &Tokenizer{
		cache: newWordCache(),
		eot:   Null, eom: Null, sep: Null, pad: Null, mask: Null,
		fimPre: Null, fimSuf: Null, fimMid: Null, fimPad: Null, fimRep: Null, fimSep: Null,
	}
	model, ok := md.String("tokenizer.ggml.model")
	if !ok {
		return nil, fmt.Errorf("%w: tokenizer.ggml.model", ErrMissing)
	}
	t.model = model
	t.pre, _ = md.String("tokenizer.ggml.pre")

	var spec *preTokenizer
	switch model {
	case "llama":
		t.kind = KindSPM
		t.bos, t.eos, t.unk = 1, 2, 0
		t.addSpacePrefix, t.addBOS = true, true
	case "bert":
		t.kind = KindWPM
		t.bos, t.eos, t.unk, t.sep, t.pad, t.mask = 101, Null, 100, 102, 0, 103
		t.addBOS, t.cleanSpaces = true, true // WordPiece always adds CLS and SEP
	case "gpt2":
		t.kind = KindBPE
		t.bos, t.eos, t.unk = 11, 11, Null
		name := t.pre
		if name == "" {
			name = "default"
		}
		spec = lookupPreTokenizer(name)
		if spec == nil {
			return nil, fmt.Errorf("%w: pre-tokenizer %q", ErrUnsupported, t.pre)
		}
		t.cleanSpaces = spec.cleanSpaces
		t.ignoreMerges = spec.ignoreMerges
		t.addBOS = spec.addBOS
		if spec.noBOS {
			t.bos = Null
		}
	default:
		return nil, fmt.Errorf("%w: tokenizer model %q", ErrUnsupported, model)
	}
	if v, ok := md.Bool("tokenizer.ggml.add_space_prefix"); ok {
		t.addSpacePrefix = v
	}

	if err := t.loadTokens(md); err != nil {
		return nil, err
	}
	if t.kind == KindBPE {
		bm, err := newBPEModel(t, md, spec)
		if err != nil {
			return nil, err
		}
		t.bpe = bm
	}
	if t.kind == KindSPM {
		for b := 0; b < 256; b++ {
			t.byteTokens[b] = t.spmByteToken(byte(b))
		}
		t.spmChunks = true
		for _, w := range t.tokens {
			for k := 1; k < len(w); k++ {
				if strings.HasPrefix(w[k:], "▁") && !strings.HasSuffix(w[:k], "▁") {
					t.spmChunks = false
				}
			}
		}
	}
	t.loadSpecialIDs(md)

	t.detectSpecial()
	name, _ := md.String("general.name")
	arch, _ := md.String("general.architecture")
	if err := t.buildCaches(name, arch); err != nil {
		return nil, err
	}
	return t, nil
}

// loadTokens reads the token list, scores and types.
func (t *Tokenizer) loadTokens(md Metadata) error {
	tokens, ok := md.Strings("tokenizer.ggml.tokens")
	if !ok {
		return fmt.Errorf("%w: tokenizer.ggml.tokens", ErrMissing)
	}
	n := len(tokens)
	if n == 0 || n > 1<<30 {
		return fmt.Errorf("%w: %d tokens", ErrInvalid, n)
	}
	scores, hasScores := md.Float32s("tokenizer.ggml.scores")
	if !hasScores {
		if is, ok := md.Int32s("tokenizer.ggml.scores"); ok {
			scores = make([]float32, len(is))
			for i, v := range is {
				scores[i] = float32(v)
			}
			hasScores = true
		}
	}
	if hasScores && len(scores) < n {
		return fmt.Errorf("%w: %d scores for %d tokens", ErrInvalid, len(scores), n)
	}
	types, hasTypes := md.Int32s("tokenizer.ggml.token_type")
	if hasTypes && len(types) < n {
		return fmt.Errorf("%w: %d token types for %d tokens", ErrInvalid, len(types), n)
	}

	t.tokens = make([]string, n)
	t.scores = make([]float32, n)
	t.types = make([]TokenType, n)
	t.attrs = make([]Attr, n)
	t.ids = make(map[string]int32, n)
	for i, w := range tokens {
		if w == "" {
			w = "[EMPTY_" + strconv.Itoa(i) + "]"
		}
		if prev, dup := t.ids[w]; dup {
			return fmt.Errorf("%w: duplicate token %q has ids %d and %d", ErrInvalid, w, prev, i)
		}
		t.ids[w] = int32(i)
		t.tokens[i] = w
		t.maxLen = max(t.maxLen, len(w))
		if hasScores {
			t.scores[i] = scores[i]
		}
		t.types[i] = TypeNormal
		t.attrs[i] = AttrNormal
		if hasTypes {
			t.types[i] = TokenType(types[i])
			switch TokenType(types[i]) {
			case TypeUnknown:
				t.attrs[i] = AttrUnknown
			case TypeUnused:
				t.attrs[i] = AttrUnused
			case TypeNormal:
				t.attrs[i] = AttrNormal
			case TypeControl:
				t.attrs[i] = AttrControl
			case TypeUserDefined:
				t.attrs[i] = AttrUserDefined
			case TypeByte:
				t.attrs[i] = AttrByte
			default:
				t.attrs[i] = 0
			}
		}
	}
	return nil
}

// spmByteToken is llama.cpp's byte_to_token for SentencePiece: <0xNN>, or
// the byte itself as a one-byte token.
func (t *Tokenizer) spmByteToken(b byte) int32 {
	const hex = "0123456789ABCDEF"
	if id, ok := t.ids[string([]byte{'<', '0', 'x', hex[b>>4], hex[b&15], '>'})]; ok {
		return id
	}
	if id, ok := t.ids[string([]byte{b})]; ok {
		return id
	}
	return Null
}

// loadSpecialIDs applies the tokenizer.ggml.*_token_id and add_* keys.
func (t *Tokenizer) loadSpecialIDs(md Metadata) {
	n := int32(len(t.tokens))
	keys := []struct {
		key string
		id  *int32
	}{
		{"tokenizer.ggml.bos_token_id", &t.bos},
		{"tokenizer.ggml.eos_token_id", &t.eos},
		{"tokenizer.ggml.eot_token_id", &t.eot},
		{"tokenizer.ggml.eom_token_id", &t.eom},
		{"tokenizer.ggml.unknown_token_id", &t.unk},
		{"tokenizer.ggml.seperator_token_id", &t.sep},
		{"tokenizer.ggml.padding_token_id", &t.pad},
		{"tokenizer.ggml.mask_token_id", &t.mask},
		{"tokenizer.ggml.fim_pre_token_id", &t.fimPre},
		{"tokenizer.ggml.fim_suf_token_id", &t.fimSuf},
		{"tokenizer.ggml.fim_mid_token_id", &t.fimMid},
		{"tokenizer.ggml.fim_pad_token_id", &t.fimPad},
		{"tokenizer.ggml.fim_rep_token_id", &t.fimRep},
		{"tokenizer.ggml.fim_sep_token_id", &t.fimSep},
		{"tokenizer.ggml.prefix_token_id", &t.fimPre},
		{"tokenizer.ggml.suffix_token_id", &t.fimSuf},
		{"tokenizer.ggml.middle_token_id", &t.fimMid},
	}
	for _, k := range keys {
		if *k.id >= n {
			*k.id = Null
		}
		if v, ok := md.Uint(k.key); ok && v < uint64(n) {
			*k.id = int32(v)
		}
	}
	if v, ok := md.Bool("tokenizer.ggml.add_bos_token"); ok {
		t.addBOS = v
	}
	if v, ok := md.Bool("tokenizer.ggml.add_eos_token"); ok {
		t.addEOS = v
	}
}

// Texts llama.cpp uses to recognise special tokens that the metadata does not
// name (as of the llama.cpp build the conformance data comes from).
var (
	eotTexts = []string{"<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>",
		"<|end_of_text|>", "<EOT>", "_<EOT>", "<｜end▁of▁sentence｜>", "<end_of_utterance>"}
	eomTexts    = []string{"<|eom_id|>"}
	fimPreTexts = []string{"<|fim_prefix|>", "<fim-prefix>", "<fim_prefix>", "<｜fim▁begin｜>", "<PRE>", "▁<PRE>", "<|code_prefix|>"}
	fimSufTexts = []string{"<|fim_suffix|>", "<fim-suffix>", "<fim_suffix>", "<｜fim▁hole｜>", "<SUF>", "▁<SUF>", "<|code_suffix|>"}
	fimMidTexts = []string{"<|fim_middle|>", "<fim-middle>", "<fim_middle>", "<｜fim▁end｜>", "<MID>", "▁<MID>", "<|code_middle|>"}
	fimPadTexts = []string{"<|fim_pad|>", "<fim-pad>", "<fim_pad>", "<PAD>"}
	fimRepTexts = []string{"<|fim_repo|>", "<|repo_name|>", "<fim-repo>", "<REPO>", "<reponame>"}
	fimSepTexts = []string{"<|file_sep|>"}
	eogTexts    = []string{"<|eot_id|>", "<|im_end|>", "<|end|>", "<|return|>", "<|call|>",
		"<end_of_turn>", "<|endoftext|>", "<|eom_id|>", "<EOT>", "_<EOT>", "<|end_of_text|>",
		"<end_of_utterance>"}
)

// detectSpecial recognises end-of-turn, fill-in-the-middle and
// end-of-generation tokens by their text, marks them as control tokens, and
// builds the end-of-generation set, as llama.cpp does.
func (t *Tokenizer) detectSpecial() {
	find := func(id *int32, texts []string) {
		if *id != Null {
			return
		}
		for _, s := range texts {
			if v, ok := t.ids[s]; ok {
				*id = v
				t.attrs[v] |= AttrControl
				return
			}
		}
	}
	find(&t.eot, eotTexts)
	find(&t.eom, eomTexts)
	find(&t.fimPre, fimPreTexts)
	find(&t.fimSuf, fimSufTexts)
	find(&t.fimMid, fimMidTexts)
	find(&t.fimPad, fimPadTexts)
	find(&t.fimRep, fimRepTexts)
	find(&t.fimSep, fimSepTexts)

	for id, s := range t.tokens {
		if t.attrs[id]&AttrControl != 0 && strings.Contains(s, "unused") {
			t.attrs[id] |= AttrUnused
		}
	}

	t.eog = make(map[int32]bool)
	for _, id := range []int32{t.fimPad, t.fimRep, t.fimSep} {
		if id != Null {
			t.eog[id] = true
		}
	}
	for _, s := range eogTexts {
		if id, ok := t.ids[s]; ok {
			t.eog[id] = true
			t.attrs[id] |= AttrControl
		}
	}
	for _, s := range []string{"<|channel|>", "<|message|>", "<|start|>", "<|constrain|>"} {
		if id, ok := t.ids[s]; ok {
			t.attrs[id] = AttrUserDefined
		}
	}
	for _, id := range []int32{t.eos, t.eot, t.eom} {
		if id != Null {
			t.eog[id] = true
		}
	}
	// o200k_harmony: <|end|> ends a message, not generation.
	_, hasReturn := t.eogText("<|return|>")
	_, hasCall := t.eogText("<|call|>")
	if endID, hasEnd := t.eogText("<|end|>"); hasEnd && hasReturn && hasCall {
		delete(t.eog, endID)
		t.attrs[endID] = AttrUserDefined
	}
}

// eogText returns the id of the end-of-generation token with text s.
func (t *Tokenizer) eogText(s string) (int32, bool) {
	id, ok := t.ids[s]
	return id, ok && t.eog[id]
}

// buildCaches builds the special-token list and the piece cache, then
// applies llama.cpp's per-model strip attributes.
func (t *Tokenizer) buildCaches(modelName, arch string) error {
	for id := range t.tokens {
		if t.attrs[id]&(AttrControl|AttrUserDefined|AttrUnknown) != 0 {
			t.special = append(t.special, int32(id))
		}
	}
	sort.SliceStable(t.special, func(a, b int) bool {
		return len(t.tokens[t.special[a]]) > len(t.tokens[t.special[b]])
	})

	t.pieces = make([][]byte, len(t.tokens))
	for id := range t.tokens {
		t.pieces[id] = t.renderPiece(int32(id))
	}

	name := strings.ToLower(modelName)
	setAttr := func(text string, a Attr, on bool) {
		id, ok := t.ids[text]
		if !ok {
			return
		}
		if on {
			t.attrs[id] |= a
		} else {
			t.attrs[id] &^= a
		}
	}
	switch {
	case containsAny(t.pre, "jina-v2-de", "jina-v2-es", "jina-v2-code") || containsAny(arch, "nomic-bert-moe", "jina-bert-v3"):
		setAttr("<mask>", AttrLStrip, true)
	case containsAny(name, "phi-3", "phi3"):
		for _, s := range []string{"</s>", "<unk>", "<s>", "<|endoftext|>"} {
			if _, ok := t.ids[s]; !ok {
				// llama.cpp fails to load such a model.
				return fmt.Errorf("%w: Phi-3 model without token %q", ErrInvalid, s)
			}
		}
		for _, id := range t.special {
			t.attrs[id] |= AttrRStrip
		}
		setAttr("</s>", AttrRStrip, true)
		for _, s := range []string{"<unk>", "<s>", "<|endoftext|>"} {
			setAttr(s, AttrRStrip, false)
		}
	case containsAny(name, "modern-bert"):
		setAttr("[MASK]", AttrLStrip, true)
	}
	return nil
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// renderPiece is llama.cpp's token_to_piece with special=true.
func (t *Tokenizer) renderPiece(id int32) []byte {
	a := t.attrs[id]
	text := t.tokens[id]
	if a&(AttrUnknown|AttrControl|AttrUserDefined) != 0 {
		return []byte(text)
	}
	switch {
	case a&AttrNormal != 0:
		if t.kind == KindBPE {
			return decodeByteLevel(text)
		}
		return []byte(strings.ReplaceAll(text, "▁", " "))
	case a&AttrByte != 0:
		if len(text) >= 5 {
			if v, err := strconv.ParseUint(text[3:5], 16, 8); err == nil {
				return []byte{byte(v)}
			}
		}
		return []byte{0}
	}
	return nil
}

// decodeByteLevel maps a byte-level BPE token back to bytes; code points
// outside GPT-2's table are spelled out as llama.cpp does.
func decodeByteLevel(text string) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		r, n := decodeLenient(text[i:])
		if r >= 0 && int(r) < len(runeToByte) && runeToByte[r] >= 0 {
			out = append(out, byte(runeToByte[r]))
		} else {
			out = append(out, "[UNK_BYTE_0x"...)
			for _, c := range appendLenient(nil, r) {
				out = append(out, fmt.Sprintf("%02x", c)...)
			}
			out = append(out, text...)
			out = append(out, ']')
		}
		i += n
	}
	return out
}

// Kind returns the vocabulary family.
func (t *Tokenizer) Kind() Kind { return t.kind }

// PreTokenizer returns tokenizer.ggml.pre as stored in the file.
func (t *Tokenizer) PreTokenizer() string { return t.pre }

// VocabSize returns the number of tokens.
func (t *Tokenizer) VocabSize() int { return len(t.tokens) }

// BOS returns the beginning-of-sequence token (CLS for BERT), or Null.
func (t *Tokenizer) BOS() int32 { return t.bos }

// EOS returns the end-of-sequence token, or Null.
func (t *Tokenizer) EOS() int32 { return t.eos }

// EOT returns the end-of-turn token, or Null.
func (t *Tokenizer) EOT() int32 { return t.eot }

// SEP returns the separator token, or Null.
func (t *Tokenizer) SEP() int32 { return t.sep }

// PAD returns the padding token, or Null.
func (t *Tokenizer) PAD() int32 { return t.pad }

// UNK returns the unknown token, or Null.
func (t *Tokenizer) UNK() int32 { return t.unk }

// AddBOS reports whether Encode with addSpecial prepends BOS.
func (t *Tokenizer) AddBOS() bool { return t.addBOS || t.kind == KindWPM }

// AddEOS reports whether Encode with addSpecial appends EOS.
func (t *Tokenizer) AddEOS() bool { return t.addEOS && t.kind != KindWPM }

// EOG reports whether id ends generation (EOS, end-of-turn tokens such as
// <|eot_id|>, <|im_end|>, <|end|>, and the others llama.cpp recognises).
func (t *Tokenizer) EOG(id int32) bool { return t.eog[id] }

// EOGTokens returns the end-of-generation tokens in ascending order.
func (t *Tokenizer) EOGTokens() []int32 {
	out := make([]int32, 0, len(t.eog))
	for id := range t.eog {
		out = append(out, id)
	}
	sort.Slice(out, func(a, b int) bool { return out[a] < out[b] })
	return out
}

// TokenID returns the id of the token whose vocabulary text is exactly text.
func (t *Tokenizer) TokenID(text string) (int32, bool) {
	id, ok := t.ids[text]
	return id, ok
}

// Text returns the vocabulary text of id (for example "▁the" or "Ġthe"), or
// "" when id is out of range.
func (t *Tokenizer) Text(id int32) string {
	if id < 0 || int(id) >= len(t.tokens) {
		return ""
	}
	return t.tokens[id]
}

// Type returns the GGUF token type of id (TypeUndefined when out of range).
func (t *Tokenizer) Type(id int32) TokenType {
	if id < 0 || int(id) >= len(t.types) {
		return TypeUndefined
	}
	return t.types[id]
}

// Attr returns the attributes llama.cpp derives for id (0 when out of range).
func (t *Tokenizer) Attr(id int32) Attr {
	if id < 0 || int(id) >= len(t.attrs) {
		return 0
	}
	return t.attrs[id]
}

// Score returns the SentencePiece score of id (0 when absent).
func (t *Tokenizer) Score(id int32) float32 {
	if id < 0 || int(id) >= len(t.scores) {
		return 0
	}
	return t.scores[id]
}
