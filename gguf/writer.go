package gguf

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
)

// WriteTensor is a tensor to be written: its name, dimensions (innermost
// first), type and encoded bytes.
type WriteTensor struct {
	Name string
	Dims []uint64
	Type TensorType
	Data []byte
}

// Write encodes a version 3 GGUF file holding md and tensors to w, in the
// given order. The data section is aligned to md's general.alignment (which
// must then be a uint32 power of two) or DefaultAlignment. Each tensor's Data
// must hold exactly the bytes its dimensions and type call for.
func Write(w io.Writer, md Metadata, tensors []WriteTensor) error {
	align := uint64(DefaultAlignment)
	if v, ok := md.Get("general.alignment"); ok {
		a, isU32 := v.(uint32)
		if !isU32 || a == 0 || a&(a-1) != 0 {
			return fmt.Errorf("gguf: write: general.alignment must be a power-of-two uint32, got %v (%T)", v, v)
		}
		align = uint64(a)
	}
	e := encoder{w: bufio.NewWriterSize(w, 1<<16)}
	e.raw([]byte(Magic))
	e.u32(3)
	e.u64(uint64(len(tensors)))
	e.u64(uint64(md.Len()))
	for _, kv := range md.KVs() {
		e.str(kv.Key)
		if err := e.value(kv.Key, kv.Value, true); err != nil {
			return err
		}
	}
	offset := uint64(0)
	for i := range tensors {
		t := &tensors[i]
		if len(t.Dims) == 0 || len(t.Dims) > MaxDims {
			return fmt.Errorf("gguf: write: tensor %q has %d dimensions", t.Name, len(t.Dims))
		}
		elems := uint64(1)
		for _, d := range t.Dims {
			elems *= d
		}
		if !t.Type.Known() || t.Dims[0]%uint64(t.Type.BlockSize()) != 0 {
			return fmt.Errorf("gguf: write: tensor %q: type %s does not fit row length %d", t.Name, t.Type, t.Dims[0])
		}
		if want := elems / uint64(t.Type.BlockSize()) * uint64(t.Type.TypeSize()); uint64(len(t.Data)) != want {
			return fmt.Errorf("gguf: write: tensor %q: %d bytes of data, want %d", t.Name, len(t.Data), want)
		}
		e.str(t.Name)
		e.u32(uint32(len(t.Dims)))
		for _, d := range t.Dims {
			e.u64(d)
		}
		e.u32(uint32(t.Type))
		e.u64(offset)
		offset = alignUp(offset+uint64(len(t.Data)), align)
	}
	e.pad(align)
	for i := range tensors {
		e.raw(tensors[i].Data)
		e.pad(align)
	}
	if e.err != nil {
		return fmt.Errorf("gguf: write: %w", e.err)
	}
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("gguf: write: %w", err)
	}
	return nil
}

// WriteFile writes a GGUF file at path atomically: it writes a temporary file
// in the same directory and renames it into place.
func WriteFile(path string, md Metadata, tensors []WriteTensor) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gguf-*")
	if err != nil {
		return fmt.Errorf("gguf: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := Write(tmp, md, tensors); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("gguf: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("gguf: %w", err)
	}
	return nil
}

// encoder writes little-endian values, keeping the first error.
type encoder struct {
	w   *bufio.Writer
	n   uint64
	err error
}

func (e *encoder) raw(b []byte) {
	if e.err != nil {
		return
	}
	_, e.err = e.w.Write(b)
	e.n += uint64(len(b))
}

func (e *encoder) u8(v uint8) { e.raw([]byte{v}) }
func (e *encoder) u16(v uint16) {
	e.raw(binary.LittleEndian.AppendUint16(nil, v))
}
func (e *encoder) u32(v uint32) {
	e.raw(binary.LittleEndian.AppendUint32(nil, v))
}
func (e *encoder) u64(v uint64) {
	e.raw(binary.LittleEndian.AppendUint64(nil, v))
}
func (e *encoder) str(s string) {
	e.u64(uint64(len(s)))
	e.raw([]byte(s))
}
func (e *encoder) pad(align uint64) {
	if n := alignUp(e.n, align) - e.n; n > 0 {
		e.raw(make([]byte, n))
	}
}

// value writes v, preceded by its type tag when tagged is set.
func (e *encoder) value(key string, v any, tagged bool) error {
	tag := func(t ValueType) {
		if tagged {
			e.u32(uint32(t))
		}
	}
	switch x := v.(type) {
	case uint8:
		tag(ValueUint8)
		e.u8(x)
	case int8:
		tag(ValueInt8)
		e.u8(uint8(x))
	case uint16:
		tag(ValueUint16)
		e.u16(x)
	case int16:
		tag(ValueInt16)
		e.u16(uint16(x))
	case uint32:
		tag(ValueUint32)
		e.u32(x)
	case int32:
		tag(ValueInt32)
		e.u32(uint32(x))
	case float32:
		tag(ValueFloat32)
		e.u32(math.Float32bits(x))
	case bool:
		tag(ValueBool)
		if x {
			e.u8(1)
		} else {
			e.u8(0)
		}
	case string:
		tag(ValueString)
		e.str(x)
	case uint64:
		tag(ValueUint64)
		e.u64(x)
	case int64:
		tag(ValueInt64)
		e.u64(uint64(x))
	case float64:
		tag(ValueFloat64)
		e.u64(math.Float64bits(x))
	case Array:
		tag(ValueArray)
		return e.array(key, x)
	default:
		return fmt.Errorf("gguf: write: metadata %q: unsupported Go type %T", key, v)
	}
	return nil
}

func (e *encoder) array(key string, a Array) error {
	if t, ok := elemType(a.Values); !ok || t != a.Type {
		return fmt.Errorf("gguf: write: metadata %q: array type %s does not match values %T", key, a.Type, a.Values)
	}
	e.u32(uint32(a.Type))
	e.u64(uint64(a.Len()))
	var err error
	each := func(n int, at func(i int) any) {
		for i := 0; i < n && err == nil; i++ {
			err = e.value(key, at(i), false)
		}
	}
	switch v := a.Values.(type) {
	case []uint8:
		e.raw(v)
	case []int8:
		each(len(v), func(i int) any { return v[i] })
	case []uint16:
		each(len(v), func(i int) any { return v[i] })
	case []int16:
		each(len(v), func(i int) any { return v[i] })
	case []uint32:
		each(len(v), func(i int) any { return v[i] })
	case []int32:
		each(len(v), func(i int) any { return v[i] })
	case []float32:
		each(len(v), func(i int) any { return v[i] })
	case []bool:
		each(len(v), func(i int) any { return v[i] })
	case []string:
		each(len(v), func(i int) any { return v[i] })
	case []uint64:
		each(len(v), func(i int) any { return v[i] })
	case []int64:
		each(len(v), func(i int) any { return v[i] })
	case []float64:
		each(len(v), func(i int) any { return v[i] })
	case []Array:
		each(len(v), func(i int) any { return v[i] })
	default:
		return fmt.Errorf("gguf: write: metadata %q: unsupported array of %T", key, a.Values)
	}
	return err
}

// NewArray returns an Array holding values, which must be a slice of one of
// the types Array documents; it panics otherwise (a programming error).
func NewArray(values any) Array {
	t, ok := elemType(values)
	if !ok {
		panic(fmt.Sprintf("gguf: NewArray: unsupported %T", values))
	}
	return Array{Type: t, Values: values}
}

func elemType(values any) (ValueType, bool) {
	switch values.(type) {
	case []uint8:
		return ValueUint8, true
	case []int8:
		return ValueInt8, true
	case []uint16:
		return ValueUint16, true
	case []int16:
		return ValueInt16, true
	case []uint32:
		return ValueUint32, true
	case []int32:
		return ValueInt32, true
	case []float32:
		return ValueFloat32, true
	case []bool:
		return ValueBool, true
	case []string:
		return ValueString, true
	case []uint64:
		return ValueUint64, true
	case []int64:
		return ValueInt64, true
	case []float64:
		return ValueFloat64, true
	case []Array:
		return ValueArray, true
	}
	return 0, false
}
