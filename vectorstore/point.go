package vectorstore

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
)

// PointID identifies a point, like Qdrant's PointId: either an unsigned
// 64-bit integer or a UUID. The zero value is the numeric id 0. PointID is
// comparable and can be used as a map key.
//
// IDs are totally ordered as Qdrant orders them: every numeric id sorts
// before every UUID; numbers sort numerically and UUIDs by their bytes.
type PointID struct {
	uuid   [16]byte
	num    uint64
	isUUID bool
}

// NumID returns the numeric point id n.
func NumID(n uint64) PointID { return PointID{num: n} }

// UUIDID returns the point id for the 16 bytes of a UUID.
func UUIDID(u [16]byte) PointID { return PointID{uuid: u, isUUID: true} }

// ParsePointID parses a decimal unsigned integer or a UUID in its canonical
// 8-4-4-4-12 hex form (or 32 bare hex digits, or wrapped in braces or
// "urn:uuid:", as Qdrant accepts). UUIDs are normalised to lower case.
func ParsePointID(s string) (PointID, error) {
	if n, err := strconv.ParseUint(s, 10, 64); err == nil {
		return NumID(n), nil
	}
	u, err := parseUUID(s)
	if err != nil {
		return PointID{}, fmt.Errorf("%w: %q is neither an unsigned integer nor a UUID", ErrInvalidID, s)
	}
	return UUIDID(u), nil
}

func parseUUID(s string) ([16]byte, error) {
	var u [16]byte
	if len(s) == 45 && s[:9] == "urn:uuid:" {
		s = s[9:]
	} else if len(s) == 38 && s[0] == '{' && s[37] == '}' {
		s = s[1:37]
	}
	var hexDigits []byte
	switch len(s) {
	case 36:
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return u, ErrInvalidID
		}
		hexDigits = make([]byte, 0, 32)
		hexDigits = append(hexDigits, s[0:8]...)
		hexDigits = append(hexDigits, s[9:13]...)
		hexDigits = append(hexDigits, s[14:18]...)
		hexDigits = append(hexDigits, s[19:23]...)
		hexDigits = append(hexDigits, s[24:36]...)
	case 32:
		hexDigits = []byte(s)
	default:
		return u, ErrInvalidID
	}
	if _, err := hex.Decode(u[:], hexDigits); err != nil {
		return u, ErrInvalidID
	}
	return u, nil
}

// IsUUID reports whether the id is a UUID rather than a number.
func (id PointID) IsUUID() bool { return id.isUUID }

// Num returns the numeric value of a numeric id (0 for a UUID).
func (id PointID) Num() uint64 { return id.num }

// UUID returns the bytes of a UUID id (all zero for a numeric id).
func (id PointID) UUID() [16]byte { return id.uuid }

// String returns the decimal number or the canonical lower-case UUID.
func (id PointID) String() string {
	if !id.isUUID {
		return strconv.FormatUint(id.num, 10)
	}
	var b [36]byte
	hex.Encode(b[0:8], id.uuid[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], id.uuid[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], id.uuid[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], id.uuid[8:10])
	b[23] = '-'
	hex.Encode(b[24:36], id.uuid[10:16])
	return string(b[:])
}

// Compare returns -1, 0 or +1 as id sorts before, equal to or after o.
func (id PointID) Compare(o PointID) int {
	switch {
	case id.isUUID != o.isUUID:
		if !id.isUUID {
			return -1
		}
		return 1
	case id.isUUID:
		return bytes.Compare(id.uuid[:], o.uuid[:])
	case id.num < o.num:
		return -1
	case id.num > o.num:
		return 1
	}
	return 0
}

// MarshalJSON encodes a numeric id as a JSON number and a UUID as a string,
// as Qdrant does.
func (id PointID) MarshalJSON() ([]byte, error) {
	if !id.isUUID {
		return strconv.AppendUint(nil, id.num, 10), nil
	}
	return json.Marshal(id.String())
}

// UnmarshalJSON accepts a non-negative integer or a UUID string.
func (id *PointID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("%w: %v", ErrInvalidID, err)
		}
		u, err := parseUUID(s)
		if err != nil {
			return fmt.Errorf("%w: %q is not a UUID", ErrInvalidID, s)
		}
		*id = UUIDID(u)
		return nil
	}
	n, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: %s is not an unsigned 64-bit integer", ErrInvalidID, b)
	}
	*id = NumID(n)
	return nil
}

// Point is a vector with its id and an optional JSON payload, the unit of
// Upsert. The store copies what it keeps: the caller may reuse Vector and
// Payload after Upsert returns.
//
// Vector is the unnamed vector: of the collection's dimension, or empty
// for a point without it (refused when the collection has none, Dim 0).
// Vectors and Sparse hold named dense and sparse vectors: any subset of
// the collection's names. As in Qdrant every vector is optional: a point
// may have none, a search on a vector skips the points without it, and
// reads return only the vectors a point has.
type Point struct {
	ID      PointID                 `json:"id"`
	Vector  []float32               `json:"vector"`
	Vectors map[string][]float32    `json:"vectors,omitempty"`
	Sparse  map[string]SparseVector `json:"sparse,omitempty"`
	// MultiVectors holds named multi-vectors (VectorParams.MultiVector):
	// each a non-empty list of vectors of the vector's size.
	MultiVectors map[string][][]float32 `json:"multivectors,omitempty"`
	Payload      map[string]any         `json:"payload,omitempty"`
}

// Record is a stored point as returned by Get and Scroll. Vector and Payload
// are nil unless asked for; they are copies owned by the caller. Payload
// numbers are float64, as encoding/json decodes them. For a Cosine collection
// the vector is the normalised one that was stored.
type Record struct {
	ID PointID `json:"id"`
	// Version is the WAL seq of the write that last set the point
	// (Qdrant's point version).
	Version uint64                  `json:"version"`
	Payload map[string]any          `json:"payload,omitempty"`
	Vector  []float32               `json:"vector,omitempty"`
	Vectors map[string][]float32    `json:"vectors,omitempty"`
	Sparse  map[string]SparseVector `json:"sparse,omitempty"`
	// MultiVectors holds the point's multi-vectors.
	MultiVectors map[string][][]float32 `json:"multivectors,omitempty"`
}

// ScoredPoint is one search hit. Score follows the collection's Distance (see
// Distance). Vector and Payload are filled only when asked for.
type ScoredPoint struct {
	ID      PointID                 `json:"id"`
	Version uint64                  `json:"version"`
	Score   float32                 `json:"score"`
	Payload map[string]any          `json:"payload,omitempty"`
	Vector  []float32               `json:"vector,omitempty"`
	Vectors map[string][]float32    `json:"vectors,omitempty"`
	Sparse  map[string]SparseVector `json:"sparse,omitempty"`
	// MultiVectors holds the point's multi-vectors.
	MultiVectors map[string][][]float32 `json:"multivectors,omitempty"`
	// OrderValue is the payload value a query with OrderBy sorted by.
	OrderValue *float64 `json:"order_value,omitempty"`
}
