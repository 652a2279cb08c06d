package engine

import "github.com/gaianet-go/gaianet/tokenizer"

// vocab is what the scheduler needs from a tokenizer: which tokens end
// generation and the bytes of each generated token.
type vocab interface {
	EOG(id int32) bool
	// Piece returns the text of a generated token (special tokens render
	// as nothing); it may be an incomplete UTF-8 sequence.
	Piece(id int32) string
	// SpecialPiece is Piece with special tokens rendered as their text.
	SpecialPiece(id int32) []byte
}

var _ vocab = (*tokenizer.Tokenizer)(nil)

// metaVocab serves models without tokenizer metadata (test models): it
// knows end-of-generation tokens from GGUF metadata and produces no text.
type metaVocab struct{ eog map[int32]bool }

type metaReader interface {
	Uint(key string) (uint64, bool)
}

func newMetaVocab(md metaReader) metaVocab {
	v := metaVocab{eog: map[int32]bool{}}
	for _, k := range []string{"tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"} {
		if id, ok := md.Uint(k); ok && id < 1<<31 {
			v.eog[int32(id)] = true
		}
	}
	return v
}

func (v metaVocab) EOG(id int32) bool         { return v.eog[id] }
func (v metaVocab) Piece(int32) string        { return "" }
func (v metaVocab) SpecialPiece(int32) []byte { return nil }
