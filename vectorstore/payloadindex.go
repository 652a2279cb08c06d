package vectorstore

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// PayloadSchemaType names the type of a payload index, as Qdrant does.
type PayloadSchemaType string

// The payload index types.
const (
	SchemaKeyword  PayloadSchemaType = "keyword"
	SchemaInteger  PayloadSchemaType = "integer"
	SchemaFloat    PayloadSchemaType = "float"
	SchemaBool     PayloadSchemaType = "bool"
	SchemaDatetime PayloadSchemaType = "datetime"
	SchemaText     PayloadSchemaType = "text"
	SchemaUUID     PayloadSchemaType = "uuid"
	// SchemaGeo indexes geo points ({"lon", "lat"}) by latitude: geo
	// conditions take the points in their area's latitude band as
	// candidates.
	SchemaGeo PayloadSchemaType = "geo"
)

// Text tokenizers.
const (
	TokenizerWord       = "word"
	TokenizerWhitespace = "whitespace"
	TokenizerPrefix     = "prefix"
)

// PayloadIndexParams configures a payload index. Fields other than Type
// and Prefix apply to text indexes only.
type PayloadIndexParams struct {
	Type PayloadSchemaType `json:"type"`
	// Prefix, on a keyword index, declares that it serves match prefix
	// conditions (Qdrant's keyword index option; this index serves them
	// either way, by scanning its keys).
	Prefix *bool `json:"prefix,omitempty"`
	// Tokenizer is "word" (default: split at anything but letters and
	// digits), "whitespace" or "prefix" (word tokens, each also indexed
	// by its prefixes of MinTokenLen or more characters, so that a query
	// token matches the words it starts).
	Tokenizer string `json:"tokenizer,omitempty"`
	// MinTokenLen and MaxTokenLen drop shorter or longer tokens (0: no
	// bound).
	MinTokenLen int `json:"min_token_len,omitempty"`
	MaxTokenLen int `json:"max_token_len,omitempty"`
	// Lowercase folds tokens to lower case; nil means true.
	Lowercase *bool `json:"lowercase,omitempty"`
	// PhraseMatching allows match phrase conditions on this field.
	PhraseMatching *bool `json:"phrase_matching,omitempty"`
	// Stopwords are tokens left out of the index and of queries.
	Stopwords *Stopwords `json:"stopwords,omitempty"`
}

// PayloadIndexInfo describes one payload index of a collection.
type PayloadIndexInfo struct {
	Params PayloadIndexParams `json:"params"`
	// Points is the number of live points with a value indexed.
	Points int `json:"points"`
}

func (p *PayloadIndexParams) check() error {
	switch p.Type {
	case SchemaKeyword, SchemaInteger, SchemaFloat, SchemaBool, SchemaDatetime, SchemaUUID, SchemaGeo:
		if p.Tokenizer != "" || p.MinTokenLen != 0 || p.MaxTokenLen != 0 || p.Lowercase != nil || p.PhraseMatching != nil || p.Stopwords != nil {
			return fmt.Errorf("%w: tokenizer options apply to text indexes only", ErrInvalid)
		}
		if p.Prefix != nil && p.Type != SchemaKeyword {
			return fmt.Errorf("%w: the prefix option applies to keyword indexes only", ErrInvalid)
		}
	case SchemaText:
		if p.Prefix != nil {
			return fmt.Errorf("%w: the prefix option applies to keyword indexes only (text indexes take the prefix tokenizer)", ErrInvalid)
		}
		switch p.Tokenizer {
		case "", TokenizerWord, TokenizerWhitespace, TokenizerPrefix:
		default:
			return fmt.Errorf("%w: unsupported tokenizer %q (want word, whitespace or prefix)", ErrInvalid, p.Tokenizer)
		}
		if p.MinTokenLen < 0 || p.MaxTokenLen < 0 || (p.MaxTokenLen > 0 && p.MinTokenLen > p.MaxTokenLen) {
			return fmt.Errorf("%w: token length bounds %d..%d", ErrInvalid, p.MinTokenLen, p.MaxTokenLen)
		}
		if p.Stopwords != nil {
			if err := p.Stopwords.check(); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("%w: unknown payload index type %q", ErrInvalid, p.Type)
	}
	return nil
}

// indexRecord is the JSON body of a WAL payload-index record.
type indexRecord struct {
	Field  string              `json:"field"`
	Params *PayloadIndexParams `json:"params,omitempty"`
	Delete bool                `json:"delete,omitempty"`
}

func (ir *indexRecord) check() error {
	if _, err := parsePath(ir.Field); err != nil {
		return err
	}
	if (ir.Params == nil) != ir.Delete {
		return fmt.Errorf("%w: index record needs params or delete", ErrInvalid)
	}
	if ir.Params != nil {
		return ir.Params.check()
	}
	return nil
}

// numEntry is one value of a numeric index.
type numEntry struct {
	v    float64
	slot uint32
}

// payloadIndex is one payload index of a collection. The writer adds the
// values of every new or changed slot (under the collection's write lock);
// entries are never removed until the collection is compacted, so an index
// yields a superset of the matching slots and every candidate is checked
// against the whole filter. Readers build the sorted view of numeric
// entries lazily.
type payloadIndex struct {
	field  string
	path   []pathSeg
	params PayloadIndexParams
	keys   map[string][]uint32 // keyword, uuid, bool, integer: value -> slots
	nums   []numEntry          // integer, float, datetime
	tokens map[string][]uint32 // text: token -> slots

	sortMu sync.Mutex
	sorted []numEntry // nums sorted by value; nil when stale
}

func newPayloadIndex(field string, p PayloadIndexParams) (*payloadIndex, error) {
	path, err := parsePath(field)
	if err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	return &payloadIndex{field: field, path: path, params: p, keys: map[string][]uint32{}, tokens: map[string][]uint32{}}, nil
}

// leaves calls fn for each scalar value at the index's path (array
// elements one by one).
func (ix *payloadIndex) leaves(payload map[string]any, fn func(any)) {
	if payload == nil {
		return
	}
	visitPath(payload, ix.path, func(v any) bool {
		if arr, ok := v.([]any); ok {
			for _, e := range arr {
				fn(e)
			}
		} else {
			fn(v)
		}
		return false
	})
}

// add indexes slot s's payload.
func (ix *payloadIndex) add(s uint32, payload map[string]any) {
	added := false
	ix.leaves(payload, func(v any) {
		switch ix.params.Type {
		case SchemaKeyword, SchemaUUID:
			if x, ok := v.(string); ok {
				if ix.params.Type == SchemaUUID {
					x = strings.ToLower(x)
				}
				ix.keys[x] = appendSlot(ix.keys[x], s)
			}
		case SchemaBool:
			if x, ok := v.(bool); ok {
				k := strconv.FormatBool(x)
				ix.keys[k] = appendSlot(ix.keys[k], s)
			}
		case SchemaInteger:
			if x, ok := v.(float64); ok && x == math.Trunc(x) {
				k := numKey(x)
				ix.keys[k] = appendSlot(ix.keys[k], s)
				ix.nums = append(ix.nums, numEntry{x, s})
				added = true
			}
		case SchemaFloat:
			if x, ok := v.(float64); ok {
				ix.nums = append(ix.nums, numEntry{x, s})
				added = true
			}
		case SchemaDatetime:
			if x, ok := v.(string); ok {
				if t, err := parseDatetime(x); err == nil {
					ix.nums = append(ix.nums, numEntry{t, s})
					added = true
				}
			}
		case SchemaGeo:
			if p, ok := asGeoPoint(v); ok {
				ix.nums = append(ix.nums, numEntry{p.Lat, s})
				added = true
			}
		case SchemaText:
			if x, ok := v.(string); ok {
				for _, t := range ix.indexTokens(x) {
					ix.tokens[t] = appendSlot(ix.tokens[t], s)
				}
			}
		}
	})
	if added {
		ix.sortMu.Lock()
		ix.sorted = nil
		ix.sortMu.Unlock()
	}
}

// appendSlot appends s unless it is the last slot already there.
func appendSlot(list []uint32, s uint32) []uint32 {
	if n := len(list); n > 0 && list[n-1] == s {
		return list
	}
	return append(list, s)
}

func numKey(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// sortedNums returns the numeric entries sorted by value.
func (ix *payloadIndex) sortedNums() []numEntry {
	ix.sortMu.Lock()
	defer ix.sortMu.Unlock()
	if ix.sorted == nil {
		s := slices.Clone(ix.nums)
		slices.SortFunc(s, func(a, b numEntry) int {
			switch {
			case a.v < b.v:
				return -1
			case a.v > b.v:
				return 1
			}
			return int(a.slot) - int(b.slot)
		})
		if s == nil {
			s = []numEntry{}
		}
		ix.sorted = s
	}
	return ix.sorted
}

// tokenize splits text as the index's tokenizer does (without prefixes).
func (p *PayloadIndexParams) tokenize(text string) []string {
	var words []string
	if p.Tokenizer == TokenizerWhitespace {
		words = strings.Fields(text)
	} else {
		words = strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	lower := p.Lowercase == nil || *p.Lowercase
	out := words[:0]
	for _, w := range words {
		if lower {
			w = strings.ToLower(w)
		}
		n := len([]rune(w))
		if (p.MinTokenLen > 0 && n < p.MinTokenLen) || (p.MaxTokenLen > 0 && n > p.MaxTokenLen) {
			continue
		}
		if p.Stopwords != nil && p.Stopwords.stop(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// indexTokens is what a text value is indexed under: its tokens, and for
// the prefix tokenizer every prefix of them too.
func (ix *payloadIndex) indexTokens(text string) []string {
	toks := ix.params.tokenize(text)
	if ix.params.Tokenizer != TokenizerPrefix {
		return toks
	}
	var out []string
	minLen := max(ix.params.MinTokenLen, 1)
	for _, t := range toks {
		r := []rune(t)
		for n := minLen; n <= len(r); n++ {
			out = append(out, string(r[:n]))
		}
	}
	return out
}

// parseDatetime parses an RFC 3339 date-time (or a date, or a date-time
// without zone, taken as UTC, or without seconds, with T or a space
// between date and time), as Qdrant accepts, and returns Unix seconds.
func parseDatetime(s string) (float64, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02",
		"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04Z07:00", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return float64(t.UnixNano()) / 1e9, nil
		}
	}
	return 0, fmt.Errorf("%w: %q is not an RFC 3339 date-time", ErrInvalid, s)
}

// --- the collection's indexes ---

// indexParams returns the params of c's indexes by field.
func (c *collection) indexParams() map[string]PayloadIndexParams {
	if len(c.indexes) == 0 {
		return nil
	}
	out := make(map[string]PayloadIndexParams, len(c.indexes))
	for f, ix := range c.indexes {
		out[f] = ix.params
	}
	return out
}

// createIndexLocked builds an index of field over the live slots and adds
// it (replacing one of the same field). Needs mu (write) or exclusive use.
func (c *collection) createIndexLocked(field string, p PayloadIndexParams) error {
	ix, err := newPayloadIndex(field, p)
	if err != nil {
		return err
	}
	for s := range c.ids {
		if !c.deleted[s] {
			ix.add(uint32(s), c.payloads.at(uint32(s)))
		}
	}
	if c.indexes == nil {
		c.indexes = map[string]*payloadIndex{}
	}
	c.indexes[field] = ix
	return nil
}

// indexSlotLocked adds slot s's payload to every index. Needs mu (write).
func (c *collection) indexSlotLocked(s uint32, payload map[string]any) {
	for _, ix := range c.indexes {
		ix.add(s, payload)
	}
}

// rebuildIndexes returns c's indexes built anew over payloads (after a
// compaction renumbered the slots).
func (c *collection) rebuildIndexes(payloads *payloadSet) map[string]*payloadIndex {
	if len(c.indexes) == 0 {
		return nil
	}
	out := make(map[string]*payloadIndex, len(c.indexes))
	for f, old := range c.indexes {
		ix, _ := newPayloadIndex(f, old.params)
		for s := range payloads.raw {
			ix.add(uint32(s), payloads.at(uint32(s)))
		}
		out[f] = ix
	}
	return out
}

func (c *collection) applyIndexRecord(ir *indexRecord) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ir.Delete {
		delete(c.indexes, ir.Field)
		return
	}
	// Checked when decoded: it cannot fail here.
	if err := c.createIndexLocked(ir.Field, *ir.Params); err != nil {
		panic(err)
	}
}

// payloadSchemaLocked describes c's indexes. Needs mu (read).
func (c *collection) payloadSchemaLocked() map[string]PayloadIndexInfo {
	out := make(map[string]PayloadIndexInfo, len(c.indexes))
	for f, ix := range c.indexes {
		seen := map[uint32]bool{}
		count := func(s uint32) {
			if !c.deleted[s] {
				seen[s] = true
			}
		}
		for _, l := range ix.keys {
			for _, s := range l {
				count(s)
			}
		}
		for _, e := range ix.nums {
			count(e.slot)
		}
		for _, l := range ix.tokens {
			for _, s := range l {
				count(s)
			}
		}
		out[f] = PayloadIndexInfo{Params: ix.params, Points: len(seen)}
	}
	return out
}

// CreatePayloadIndex indexes the payload field (a key path as in filters)
// with p, replacing an index of that field, as one durable step. Filters
// on indexed fields are then planned from the index when it is selective.
func (s *Store) CreatePayloadIndex(ctx context.Context, collection, field string, p PayloadIndexParams) error {
	ir := indexRecord{Field: field, Params: &p}
	if err := ir.check(); err != nil {
		return err
	}
	return s.indexOp(ctx, collection, &ir)
}

// DeletePayloadIndex drops the index of field and reports whether there
// was one.
func (s *Store) DeletePayloadIndex(ctx context.Context, collection, field string) (bool, error) {
	c, err := s.collection(collection)
	if err != nil {
		return false, err
	}
	c.mu.RLock()
	_, ok := c.indexes[field]
	c.mu.RUnlock()
	if !ok {
		return false, nil
	}
	return true, s.indexOp(ctx, collection, &indexRecord{Field: field, Delete: true})
}

func (s *Store) indexOp(ctx context.Context, collection string, ir *indexRecord) error {
	c, err := s.beginCollectionWrite(ctx, collection, nil)
	if err != nil {
		return err
	}
	defer s.writeMu.Unlock()
	rec, err := encodeJSONOp(s.seq+1, opIndex, c.name, ir)
	if err != nil {
		return err
	}
	if err := s.logLocked(rec); err != nil {
		return err
	}
	s.nextSeqLocked()
	c.applyIndexRecord(ir)
	return s.afterWriteLocked(ctx)
}

// hasValue reports whether payload has value v at the index's field (for
// numeric and datetime indexes).
func (ix *payloadIndex) hasValue(payload map[string]any, v float64) bool {
	found := false
	ix.leaves(payload, func(x any) {
		switch y := x.(type) {
		case float64:
			found = found || (ix.params.Type != SchemaDatetime && y == v)
		case string:
			if ix.params.Type == SchemaDatetime {
				if t, err := parseDatetime(y); err == nil && t == v {
					found = true
				}
			}
		}
	})
	return found
}
