package vectorstore

import (
	"encoding/json"
	"errors"
	"slices"
	"sync/atomic"
)

// unmarshalPayload decodes a payload JSON object. A payload must be an
// object (not null, an array or a scalar).
func unmarshalPayload(b []byte, dst *map[string]any) error {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	if m == nil {
		return errors.New("payload is not a JSON object")
	}
	*dst = m
	return nil
}

// jsonMarshalSorted encodes v with map keys sorted (encoding/json's default),
// giving a canonical form for comparing payloads.
func jsonMarshalSorted(v any) ([]byte, error) { return json.Marshal(v) }

// payloadSet holds the payload of each slot of a collection as its JSON
// bytes and decodes a payload on first use, caching the map. Loading a
// checkpoint therefore costs no JSON decoding: a knowledge base's payloads
// (the chunk texts) are read when a search returns them or a filter looks
// at them, and most never are.
//
// The writer appends and replaces under the collection's write lock;
// readers (any number, under the read lock) may decode concurrently, so
// the cache is a slice of atomic pointers: two readers decoding the same
// slot at once both produce equal maps and one wins.
type payloadSet struct {
	raw [][]byte // slot -> payload JSON object, nil = none
	dec []atomic.Pointer[map[string]any]
	// corrupt is called with the slot and the error when a payload that
	// was stored as valid JSON fails to decode (only a checkpoint damaged
	// in a way its checksum did not catch can cause that).
	corrupt func(slot uint32, err error)
}

// at returns slot s's payload (nil when it has none). The map is shared:
// callers must not modify it (reads hand out copies, see copyPayload).
func (p *payloadSet) at(s uint32) map[string]any {
	if m := p.dec[s].Load(); m != nil {
		return *m
	}
	raw := p.raw[s]
	if raw == nil {
		return nil
	}
	var m map[string]any
	if err := unmarshalPayload(raw, &m); err != nil {
		if p.corrupt != nil {
			p.corrupt(s, err)
		}
		m = nil
	}
	p.dec[s].Store(&m)
	return m
}

// grow makes room for n more slots without reallocating on append.
func (p *payloadSet) grow(n int) {
	p.raw = slices.Grow(p.raw, n)
	if cap(p.dec)-len(p.dec) < n {
		dec := make([]atomic.Pointer[map[string]any], len(p.dec), len(p.dec)+n)
		for i := range p.dec {
			dec[i].Store(p.dec[i].Load())
		}
		p.dec = dec
	}
}

// add appends a slot with payload JSON raw (nil for none).
func (p *payloadSet) add(raw []byte) {
	if len(p.dec) == cap(p.dec) {
		p.grow(max(len(p.dec), 64))
	}
	p.raw = append(p.raw, raw)
	p.dec = p.dec[:len(p.dec)+1]
	p.dec[len(p.dec)-1].Store(nil)
}

// set replaces slot s's payload.
func (p *payloadSet) set(s uint32, raw []byte) {
	p.raw[s] = raw
	p.dec[s].Store(nil)
}
