package qdrantapi

import (
	"bytes"
	"encoding/json"

	"github.com/gaianet-go/gaianet/vectorstore"
)

// pointVectors are the vectors of one point as Qdrant's VectorStruct
// carries them: a plain array (the unnamed vector) or an object of named
// vectors, each dense (an array), a multi-vector (an array of arrays) or
// sparse ({"indices", "values"}); the name "" is the unnamed vector.
type pointVectors struct {
	unnamed []float32
	dense   map[string][]float32
	multi   map[string][][]float32
	sparse  map[string]vectorstore.SparseVector
}

// decodeVectorStruct decodes a VectorStruct. A multi-vector on the unnamed
// vector and inference objects are refused by name.
func decodeVectorStruct(raw json.RawMessage, field string) (pointVectors, error) {
	var pv pointVectors
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return pv, nil
	}
	switch raw[0] {
	case '[':
		if isMulti(raw) {
			return pv, refusedField(field+" as an array of vectors", "multi-vectors on the unnamed vector; name the vector")
		}
		v, err := decodeDense(raw, field)
		pv.unnamed = v
		return pv, err
	case '{':
	default:
		return pv, badRequest("%s must be an array of numbers or an object of named vectors", field)
	}
	var named map[string]json.RawMessage
	if err := json.Unmarshal(raw, &named); err != nil {
		return pv, badRequest("%s: %v", field, err)
	}
	if _, isDoc := named["model"]; isDoc {
		return pv, refusedField("vector as a document/image/inference object", "server-side inference")
	}
	for name, v := range named {
		v = bytes.TrimSpace(v)
		if len(v) == 0 {
			continue
		}
		switch v[0] {
		case '[':
			if isMulti(v) && name != "" {
				m, err := decodeMulti(v, field+"."+name)
				if err != nil {
					return pv, err
				}
				if pv.multi == nil {
					pv.multi = map[string][][]float32{}
				}
				pv.multi[name] = m
				continue
			}
			if isMulti(v) {
				return pv, refusedField(field+". as an array of vectors", "multi-vectors on the unnamed vector; name the vector")
			}
			d, err := decodeDense(v, field+"."+name)
			if err != nil {
				return pv, err
			}
			if name == "" {
				pv.unnamed = d
				continue
			}
			if pv.dense == nil {
				pv.dense = map[string][]float32{}
			}
			pv.dense[name] = d
		case '{':
			var probe map[string]json.RawMessage
			if json.Unmarshal(v, &probe) == nil {
				if _, ok := probe["model"]; ok {
					return pv, refusedField(field+"."+name+" as a document/image/inference object", "server-side inference")
				}
			}
			sv, err := decodeSparse(v, field+".?")
			if err != nil {
				return pv, err
			}
			if pv.sparse == nil {
				pv.sparse = map[string]vectorstore.SparseVector{}
			}
			pv.sparse[name] = sv
		default:
			return pv, badRequest("%s.%s must be an array of numbers or a sparse vector", field, name)
		}
	}
	return pv, nil
}

// isMulti reports whether raw (an array) is an array of arrays.
func isMulti(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	if len(raw) < 2 || raw[0] != '[' {
		return false
	}
	rest := bytes.TrimSpace(raw[1:])
	return len(rest) > 0 && rest[0] == '['
}

// decodeMulti decodes a multi-vector: a non-empty array of non-empty
// arrays of numbers.
func decodeMulti(raw json.RawMessage, field string) ([][]float32, error) {
	var m [][]float32
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, badRequest("%s must be an array of arrays of numbers", field)
	}
	for i, v := range m {
		if len(v) == 0 {
			return nil, wrongInput("%s[%d] is an empty vector", field, i)
		}
	}
	return m, nil
}

// decodeDense decodes an array of numbers.
func decodeDense(raw json.RawMessage, field string) ([]float32, error) {
	var v []float32
	if err := json.Unmarshal(raw, &v); err == nil {
		if len(v) == 0 {
			return nil, wrongInput("%s is an empty vector", field)
		}
		return v, nil
	}
	return nil, badRequest("%s must be an array of numbers", field)
}

// decodeSparse decodes {"indices": [...], "values": [...]}.
func decodeSparse(raw json.RawMessage, field string) (vectorstore.SparseVector, error) {
	var sv struct {
		Indices *[]uint32  `json:"indices"`
		Values  *[]float32 `json:"values"`
	}
	if err := decodeJSON(raw, &sv); err != nil {
		return vectorstore.SparseVector{}, badRequest("%s: a sparse vector is {\"indices\": [...], \"values\": [...]}: %v", field, err)
	}
	if sv.Indices == nil || sv.Values == nil {
		return vectorstore.SparseVector{}, badRequest("%s: a sparse vector needs both indices and values", field)
	}
	if len(*sv.Indices) != len(*sv.Values) {
		return vectorstore.SparseVector{}, unprocessable("%s.values: Validation error: must be the same length as indices [{}]", field)
	}
	seen := make(map[uint32]bool, len(*sv.Indices))
	for _, i := range *sv.Indices {
		if seen[i] {
			return vectorstore.SparseVector{}, unprocessable("%s.indices: Validation error: must be unique [{}]", field)
		}
		seen[i] = true
	}
	return vectorstore.SparseVector{Indices: *sv.Indices, Values: *sv.Values}, nil
}

func (pv *pointVectors) empty() bool {
	return pv.unnamed == nil && len(pv.dense) == 0 && len(pv.multi) == 0 && len(pv.sparse) == 0
}

// point builds a store point.
func (pv *pointVectors) point(id vectorstore.PointID, payload map[string]any) vectorstore.Point {
	return vectorstore.Point{ID: id, Vector: pv.unnamed, Vectors: pv.dense, MultiVectors: pv.multi, Sparse: pv.sparse, Payload: payload}
}

// vectorOutput renders a point's vectors as Qdrant does: a plain array when
// the point holds only the unnamed vector, else an object by name (empty
// for a point without vectors).
func vectorOutput(unnamed []float32, dense map[string][]float32, multi map[string][][]float32, sparse map[string]vectorstore.SparseVector) any {
	if len(dense) == 0 && len(multi) == 0 && len(sparse) == 0 && unnamed != nil {
		return unnamed
	}
	out := make(map[string]any, len(dense)+len(multi)+len(sparse)+1)
	for n, v := range multi {
		out[n] = v
	}
	if unnamed != nil {
		out[""] = unnamed
	}
	for n, v := range dense {
		out[n] = v
	}
	for n, v := range sparse {
		out[n] = map[string]any{"indices": v.Indices, "values": v.Values}
	}
	return out
}
