package vectorstore

import (
	"encoding/json"
	"errors"
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
