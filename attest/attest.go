package attest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gaianet-go/gaianet/identity"
)

// Headers (or, on a streamed answer, trailers) carrying a signed Answer.
const (
	HeaderSeed      = "X-Gaianet-Seed"
	HeaderRequest   = "X-Gaianet-Request-Sha256"
	HeaderOutput    = "X-Gaianet-Output-Sha256"
	HeaderSignature = "X-Gaianet-Signature"
)

// ErrInvalid marks a statement that is malformed, unsigned, signed by
// another key, stale or for another nonce.
var ErrInvalid = errors.New("attest: invalid statement")

// Signer signs a message as EIP-191 personal_sign (identity.Identity).
type Signer interface {
	Sign(message []byte) ([]byte, error)
}

// Text returns s as a JSON client decodes it: each byte that is not part
// of valid UTF-8 becomes U+FFFD, as encoding/json writes it. A node hashes
// its output as sent (each streamed piece through Text), so that the hash
// matches what the domain and the user decode.
func Text(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Hash returns the lowercase hex SHA-256 of b.
func Hash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Answer is what a node states about one answer: the SHA-256 of the
// request body it received, the seed it sampled with and the SHA-256 of
// the text it generated (the content of the first choice: the message
// content of a chat answer, the concatenated deltas of a stream).
type Answer struct {
	Request string
	Seed    uint64
	Output  string
}

// Statement returns the bytes a node signs for a.
func (a Answer) Statement() []byte {
	return fmt.Appendf(nil, "gaianet answer v1\nrequest sha256: %s\nseed: %d\noutput sha256: %s\n", a.Request, a.Seed, a.Output)
}

// Sign returns a's signature by s, as 0x-prefixed hex.
func (a Answer) Sign(s Signer) (string, error) {
	sig, err := s.Sign(a.Statement())
	if err != nil {
		return "", err
	}
	return identity.FormatSignature(sig), nil
}

// Header is the part of an HTTP header (or trailer) set attest reads.
type Header interface{ Get(string) string }

// ReadAnswer reads a signed Answer from h and checks that address signed
// it. It returns the answer and its signature.
func ReadAnswer(h Header, address string) (Answer, string, error) {
	sig := h.Get(HeaderSignature)
	if sig == "" {
		return Answer{}, "", fmt.Errorf("%w: the answer carries no %s", ErrInvalid, HeaderSignature)
	}
	seed, err := strconv.ParseUint(h.Get(HeaderSeed), 10, 64)
	if err != nil {
		return Answer{}, "", fmt.Errorf("%w: %s %q", ErrInvalid, HeaderSeed, h.Get(HeaderSeed))
	}
	a := Answer{Request: h.Get(HeaderRequest), Seed: seed, Output: h.Get(HeaderOutput)}
	if !isHash(a.Request) || !isHash(a.Output) {
		return Answer{}, "", fmt.Errorf("%w: request or output hash is not 64 hex digits", ErrInvalid)
	}
	if err := verify(address, a.Statement(), sig); err != nil {
		return Answer{}, "", err
	}
	return a, sig, nil
}

// VerifyAnswer checks that sig is address's signature of a.
func VerifyAnswer(a Answer, address, sig string) error { return verify(address, a.Statement(), sig) }

func verify(address string, msg []byte, sig string) error {
	b, err := identity.ParseSignature(sig)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := identity.Verify(address, msg, b); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// Info is what a node states about what it serves. Hashes are lowercase
// hex SHA-256; empty means the node has no such thing (no embedding
// model, no knowledge base, no system prompt) or, for a model served by
// an upstream server, that the file is not the node's to hash.
type Info struct {
	NodeID               string `json:"node_id"`
	ChatModel            string `json:"chat_model"`
	ChatModelSHA256      string `json:"chat_model_sha256"`
	EmbeddingModel       string `json:"embedding_model"`
	EmbeddingModelSHA256 string `json:"embedding_model_sha256"`
	KnowledgeBaseSHA256  string `json:"knowledge_base_sha256"`
	SystemPromptSHA256   string `json:"system_prompt_sha256"`
	// PluginsSHA256 are the SHA-256 of the plugin (wasm) files the node
	// loaded, sorted; a domain shares royalties by them.
	PluginsSHA256 []string `json:"plugins_sha256,omitempty"`
	ContextSize   int      `json:"ctx_size"`
	// Nonce is the domain's, echoed; Time is when the node signed.
	Nonce string `json:"nonce"`
	Time  int64  `json:"time"`
}

// Attestation is the "attestation" member of /v1/info?nonce=N: the exact
// statement signed (Info as JSON after a version line) and its signature.
type Attestation struct {
	Statement string `json:"statement"`
	Signature string `json:"signature"`
}

const infoPrefix = "gaianet info v1\n"

// Sign returns i signed by s.
func (i Info) Sign(s Signer) (Attestation, error) {
	b, err := json.Marshal(i)
	if err != nil {
		return Attestation{}, err
	}
	msg := infoPrefix + string(b)
	sig, err := s.Sign([]byte(msg))
	if err != nil {
		return Attestation{}, err
	}
	return Attestation{Statement: msg, Signature: identity.FormatSignature(sig)}, nil
}

// MaxAge is how old a signed Info may be when checked.
const MaxAge = 2 * time.Minute

// Verify checks that address signed a for nonce no longer than MaxAge
// before now (and not in the future beyond that skew), and returns the
// stated Info.
func (a Attestation) Verify(address, nonce string, now time.Time) (Info, error) {
	js, ok := strings.CutPrefix(a.Statement, infoPrefix)
	if !ok {
		return Info{}, fmt.Errorf("%w: the statement is not a gaianet info v1 statement", ErrInvalid)
	}
	if err := verify(address, []byte(a.Statement), a.Signature); err != nil {
		return Info{}, err
	}
	var i Info
	dec := json.NewDecoder(strings.NewReader(js))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&i); err != nil {
		return Info{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if i.Nonce != nonce {
		return Info{}, fmt.Errorf("%w: signed for nonce %q, not %q (a replayed statement)", ErrInvalid, i.Nonce, nonce)
	}
	if age := now.Sub(time.Unix(i.Time, 0)); age > MaxAge || age < -MaxAge {
		return Info{}, fmt.Errorf("%w: signed at %s, %s from now", ErrInvalid, time.Unix(i.Time, 0).UTC().Format(time.RFC3339), age.Round(time.Second))
	}
	if !strings.EqualFold(i.NodeID, address) {
		return Info{}, fmt.Errorf("%w: states node id %s, signed by %s", ErrInvalid, i.NodeID, address)
	}
	return i, nil
}
