package gguf

import (
	"fmt"
	"math"
)

// ValueType is the type tag of a metadata value.
type ValueType uint32

// Metadata value types, fixed by the file format.
const (
	ValueUint8   ValueType = 0
	ValueInt8    ValueType = 1
	ValueUint16  ValueType = 2
	ValueInt16   ValueType = 3
	ValueUint32  ValueType = 4
	ValueInt32   ValueType = 5
	ValueFloat32 ValueType = 6
	ValueBool    ValueType = 7
	ValueString  ValueType = 8
	ValueArray   ValueType = 9
	ValueUint64  ValueType = 10
	ValueInt64   ValueType = 11
	ValueFloat64 ValueType = 12
)

var valueTypeNames = [...]string{"uint8", "int8", "uint16", "int16", "uint32", "int32",
	"float32", "bool", "string", "array", "uint64", "int64", "float64"}

// String returns the format's name for v.
func (v ValueType) String() string {
	if int(v) < len(valueTypeNames) {
		return valueTypeNames[v]
	}
	return fmt.Sprintf("value_type(%d)", uint32(v))
}

// scalarSize returns the encoded size of a fixed-size value type, or 0 for
// strings, arrays and unknown types.
func (v ValueType) scalarSize() int {
	switch v {
	case ValueUint8, ValueInt8, ValueBool:
		return 1
	case ValueUint16, ValueInt16:
		return 2
	case ValueUint32, ValueInt32, ValueFloat32:
		return 4
	case ValueUint64, ValueInt64, ValueFloat64:
		return 8
	}
	return 0
}

// numberSlices makes the slice of n values that Array.Values holds for
// each fixed-size numeric element type but uint8.
var numberSlices = [...]func(n int) any{
	ValueInt8: func(n int) any { return make([]int8, n) }, ValueUint16: func(n int) any { return make([]uint16, n) },
	ValueInt16: func(n int) any { return make([]int16, n) }, ValueUint32: func(n int) any { return make([]uint32, n) },
	ValueInt32: func(n int) any { return make([]int32, n) }, ValueFloat32: func(n int) any { return make([]float32, n) },
	ValueUint64: func(n int) any { return make([]uint64, n) }, ValueInt64: func(n int) any { return make([]int64, n) },
	ValueFloat64: func(n int) any { return make([]float64, n) },
}

// Array is a metadata array. Values holds a typed slice that matches Type:
// []uint8, []int8, []uint16, []int16, []uint32, []int32, []float32, []bool,
// []string, []uint64, []int64, []float64, or []Array for nested arrays.
type Array struct {
	Type   ValueType
	Values any
}

// Len returns the number of elements in a.
func (a Array) Len() int {
	switch v := a.Values.(type) {
	case []uint8:
		return len(v)
	case []int8:
		return len(v)
	case []uint16:
		return len(v)
	case []int16:
		return len(v)
	case []uint32:
		return len(v)
	case []int32:
		return len(v)
	case []float32:
		return len(v)
	case []bool:
		return len(v)
	case []string:
		return len(v)
	case []uint64:
		return len(v)
	case []int64:
		return len(v)
	case []float64:
		return len(v)
	case []Array:
		return len(v)
	}
	return 0
}

// KV is one metadata entry. Value holds a Go value of the entry's type:
// uint8, int8, uint16, int16, uint32, int32, float32, bool, string, uint64,
// int64, float64 or Array.
type KV struct {
	Key   string
	Value any
}

// Metadata is the ordered list of a file's key/value pairs with lookup by
// key. The zero value is empty and usable. It is safe for concurrent reads.
type Metadata struct {
	kvs   []KV
	index map[string]int
}

// NewMetadata returns metadata holding kvs in order. A later duplicate key
// replaces an earlier one's value.
func NewMetadata(kvs ...KV) Metadata {
	var m Metadata
	for _, kv := range kvs {
		m.Set(kv.Key, kv.Value)
	}
	return m
}

// Set adds key with value, or replaces the value of an existing key in place.
// Set is not safe for concurrent use.
func (m *Metadata) Set(key string, value any) {
	if m.index == nil {
		m.index = make(map[string]int)
	}
	if i, ok := m.index[key]; ok {
		m.kvs[i].Value = value
		return
	}
	m.index[key] = len(m.kvs)
	m.kvs = append(m.kvs, KV{key, value})
}

// KVs returns the entries in file order. The caller must not modify the slice.
func (m Metadata) KVs() []KV { return m.kvs }

// Len returns the number of entries.
func (m Metadata) Len() int { return len(m.kvs) }

// Get returns the value stored under key.
func (m Metadata) Get(key string) (any, bool) {
	i, ok := m.index[key]
	if !ok {
		return nil, false
	}
	return m.kvs[i].Value, true
}

// String returns the string stored under key.
func (m Metadata) String(key string) (string, bool) {
	v, _ := m.Get(key)
	s, ok := v.(string)
	return s, ok
}

// Uint returns the non-negative integer stored under key, whatever its width.
func (m Metadata) Uint(key string) (uint64, bool) {
	v, _ := m.Get(key)
	switch x := v.(type) {
	case uint8:
		return uint64(x), true
	case uint16:
		return uint64(x), true
	case uint32:
		return uint64(x), true
	case uint64:
		return x, true
	case int8, int16, int32, int64:
		if i, ok := m.Int(key); ok && i >= 0 {
			return uint64(i), true
		}
	}
	return 0, false
}

// Int returns the integer stored under key, whatever its width and
// signedness, if it fits in an int64.
func (m Metadata) Int(key string) (int64, bool) {
	v, _ := m.Get(key)
	switch x := v.(type) {
	case int8:
		return int64(x), true
	case int16:
		return int64(x), true
	case int32:
		return int64(x), true
	case int64:
		return x, true
	case uint8:
		return int64(x), true
	case uint16:
		return int64(x), true
	case uint32:
		return int64(x), true
	case uint64:
		if x <= math.MaxInt64 {
			return int64(x), true
		}
	}
	return 0, false
}

// Float returns the number stored under key as a float64; integers convert.
func (m Metadata) Float(key string) (float64, bool) {
	v, _ := m.Get(key)
	switch x := v.(type) {
	case float32:
		return float64(x), true
	case float64:
		return x, true
	}
	if i, ok := m.Int(key); ok {
		return float64(i), true
	}
	return 0, false
}

// Bool returns the boolean stored under key.
func (m Metadata) Bool(key string) (bool, bool) {
	v, _ := m.Get(key)
	b, ok := v.(bool)
	return b, ok
}

// Array returns the array stored under key.
func (m Metadata) Array(key string) (Array, bool) {
	v, _ := m.Get(key)
	a, ok := v.(Array)
	return a, ok
}

// Strings returns the string array stored under key. The caller must not
// modify the returned slice.
func (m Metadata) Strings(key string) ([]string, bool) {
	a, _ := m.Array(key)
	s, ok := a.Values.([]string)
	return s, ok
}

// Float32s returns the float32 array stored under key. The caller must not
// modify the returned slice.
func (m Metadata) Float32s(key string) ([]float32, bool) {
	a, _ := m.Array(key)
	s, ok := a.Values.([]float32)
	return s, ok
}

// Int32s returns the int32 array stored under key (token types are stored
// so). The caller must not modify the returned slice.
func (m Metadata) Int32s(key string) ([]int32, bool) {
	a, _ := m.Array(key)
	s, ok := a.Values.([]int32)
	return s, ok
}

// Architecture returns general.architecture ("llama", "qwen2", "bert", ...).
func (m Metadata) Architecture() string {
	s, _ := m.String("general.architecture")
	return s
}

// ArchUint returns the integer stored under "<architecture>.<suffix>", for
// example ArchUint("context_length").
func (m Metadata) ArchUint(suffix string) (uint64, bool) {
	return m.Uint(m.Architecture() + "." + suffix)
}

// ArchFloat returns the number stored under "<architecture>.<suffix>".
func (m Metadata) ArchFloat(suffix string) (float64, bool) {
	return m.Float(m.Architecture() + "." + suffix)
}

// ContextLength returns <arch>.context_length, or 0 when absent.
func (m Metadata) ContextLength() int {
	n, _ := m.ArchUint("context_length")
	return int(min(n, math.MaxInt32))
}

// Alignment returns general.alignment, or DefaultAlignment when absent.
func (m Metadata) Alignment() int {
	if n, ok := m.Uint("general.alignment"); ok && n > 0 && n <= math.MaxInt32 {
		return int(n)
	}
	return DefaultAlignment
}
