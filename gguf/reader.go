package gguf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"unicode/utf8"
)

// Magic is the four bytes every GGUF file starts with.
const Magic = "GGUF"

// DefaultAlignment is the alignment of the data section when the file does
// not set general.alignment.
const DefaultAlignment = 32

// MaxDims is the largest number of dimensions a tensor may have.
const MaxDims = 4

// ErrFormat marks every error caused by a malformed or unsupported file.
// Test for it with errors.Is.
var ErrFormat = errors.New("gguf: malformed file")

// FormatError describes where and why decoding failed.
type FormatError struct {
	Offset int64  // byte offset where decoding stopped
	What   string // what was being decoded, e.g. `metadata "general.name"`
	Reason string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("gguf: %s at offset %d: %s", e.What, e.Offset, e.Reason)
}

// Unwrap makes errors.Is(err, ErrFormat) true.
func (e *FormatError) Unwrap() error { return ErrFormat }

// TensorInfo describes one tensor of a file.
type TensorInfo struct {
	Name string
	// Dims are the tensor's dimensions, innermost first as ggml orders them:
	// a weight matrix with R rows of C columns has Dims [C, R].
	Dims   []uint64
	Type   TensorType
	Offset uint64 // relative to the start of the data section
	Size   uint64 // bytes of data
}

// Elements returns the number of elements in the tensor.
func (t *TensorInfo) Elements() uint64 {
	n := uint64(1)
	for _, d := range t.Dims {
		n *= d
	}
	return n
}

// Dim returns dimension i, or 1 when the tensor has fewer dimensions.
func (t *TensorInfo) Dim(i int) int {
	if i < len(t.Dims) {
		return int(t.Dims[i])
	}
	return 1
}

// File is a decoded GGUF file. Its tensor data is memory-mapped when it comes
// from Open. A File is safe for concurrent reads; Close must not race with them.
type File struct {
	Version    uint32
	Metadata   Metadata
	Tensors    []TensorInfo
	Alignment  int
	DataOffset int64 // absolute offset of the data section

	data   []byte // whole file (mapped or in memory)
	byName map[string]int
	unmap  func() error
}

// Open memory-maps the GGUF file at path and decodes its header. The caller
// must Close the file when done; slices returned by TensorData are invalid
// after that.
func Open(path string) (*File, error) {
	fd, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gguf: %w", err)
	}
	defer fd.Close()
	st, err := fd.Stat()
	if err != nil {
		return nil, fmt.Errorf("gguf: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("gguf: %s: not a regular file", path)
	}
	data, unmap, err := mapFile(fd, st.Size())
	if err != nil {
		return nil, fmt.Errorf("gguf: map %s: %w", path, err)
	}
	f, err := Parse(data)
	if err != nil {
		unmap()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f.unmap = unmap
	return f, nil
}

// Close releases the file's mapping. It is safe to call more than once.
func (f *File) Close() error {
	if f.unmap == nil {
		return nil
	}
	err := f.unmap()
	f.unmap = nil
	f.data = nil
	return err
}

// Tensor returns the info of the tensor with the given name.
func (f *File) Tensor(name string) (*TensorInfo, bool) {
	i, ok := f.byName[name]
	if !ok {
		return nil, false
	}
	return &f.Tensors[i], true
}

// TensorData returns the bytes of t. The slice aliases the file's mapping:
// the caller must not modify it or use it after Close.
func (f *File) TensorData(t *TensorInfo) []byte {
	start := f.DataOffset + int64(t.Offset)
	return f.data[start : start+int64(t.Size) : start+int64(t.Size)]
}

// Size returns the size of the whole file in bytes.
func (f *File) Size() int64 { return int64(len(f.data)) }

// Parse decodes a GGUF file held in data. The returned File aliases data.
func Parse(data []byte) (*File, error) {
	d := decoder{buf: data}
	f := &File{data: data}

	magic := d.bytes(4, "magic")
	if d.err != nil {
		return nil, d.err
	}
	if string(magic) != Magic {
		return nil, &FormatError{0, "magic", fmt.Sprintf("bad magic %q, want %q (not a GGUF file)", magic, Magic)}
	}
	f.Version = d.u32("version")
	switch {
	case d.err != nil:
		return nil, d.err
	case f.Version == 1:
		return nil, &FormatError{4, "version", "GGUF version 1 is not supported (re-convert the model with a current llama.cpp)"}
	case f.Version == 2 || f.Version == 3:
	case f.Version&0xFFFF == 0 && f.Version>>16 != 0:
		return nil, &FormatError{4, "version", "big-endian GGUF files are not supported"}
	default:
		return nil, &FormatError{4, "version", fmt.Sprintf("unsupported version %d", f.Version)}
	}
	nTensors := d.u64("tensor count")
	nKV := d.u64("metadata count")
	if d.err != nil {
		return nil, d.err
	}
	// Every KV needs at least a key length and a type (12 bytes); every
	// tensor info at least a name length, n_dims, type and offset (24 bytes).
	if nKV > uint64(d.remaining())/12 {
		return nil, d.fail("metadata count", fmt.Sprintf("%d entries cannot fit in %d remaining bytes: file truncated or corrupt", nKV, d.remaining()))
	}
	for i := uint64(0); i < nKV; i++ {
		at := d.off
		key := d.str("metadata key")
		if d.err != nil {
			return nil, d.err
		}
		if _, dup := f.Metadata.Get(key); dup {
			return nil, &FormatError{int64(at), "metadata key", fmt.Sprintf("duplicate key %q", key)}
		}
		typ := ValueType(d.u32("metadata type"))
		v := d.value(typ, key, 0)
		if d.err != nil {
			return nil, d.err
		}
		f.Metadata.Set(key, v)
	}

	f.Alignment = DefaultAlignment
	if v, ok := f.Metadata.Get("general.alignment"); ok {
		a, isU32 := v.(uint32)
		if !isU32 || a == 0 || a&(a-1) != 0 || a > 1<<20 {
			return nil, d.fail("general.alignment", fmt.Sprintf("must be a power-of-two uint32, got %v (%T)", v, v))
		}
		f.Alignment = int(a)
	}

	if nTensors > uint64(d.remaining())/24 {
		return nil, d.fail("tensor count", fmt.Sprintf("%d tensors cannot fit in %d remaining bytes: file truncated or corrupt", nTensors, d.remaining()))
	}
	f.Tensors = make([]TensorInfo, 0, nTensors)
	f.byName = make(map[string]int, nTensors)
	for i := uint64(0); i < nTensors; i++ {
		t := d.tensorInfo()
		if d.err != nil {
			return nil, d.err
		}
		if _, dup := f.byName[t.Name]; dup {
			return nil, d.fail("tensor info", fmt.Sprintf("duplicate tensor name %q", t.Name))
		}
		f.byName[t.Name] = len(f.Tensors)
		f.Tensors = append(f.Tensors, t)
	}

	// The data section starts at the next multiple of the alignment. A file
	// with no tensors (a vocabulary-only file) may end before it.
	start := alignUp(uint64(d.off), uint64(f.Alignment))
	if len(f.Tensors) == 0 && start > uint64(len(data)) {
		start = uint64(len(data))
	}
	if start > uint64(len(data)) {
		return nil, d.fail("data section", fmt.Sprintf("starts at %d, past the end of the file (%d bytes): file truncated", start, len(data)))
	}
	f.DataOffset = int64(start)
	dataLen := uint64(len(data)) - start
	for i := range f.Tensors {
		t := &f.Tensors[i]
		if t.Offset%uint64(f.Alignment) != 0 {
			return nil, &FormatError{f.DataOffset, fmt.Sprintf("tensor %q", t.Name), fmt.Sprintf("offset %d is not a multiple of the alignment %d", t.Offset, f.Alignment)}
		}
		if t.Offset > dataLen || t.Size > dataLen-t.Offset {
			return nil, &FormatError{f.DataOffset + int64(min(t.Offset, dataLen)), fmt.Sprintf("tensor %q", t.Name),
				fmt.Sprintf("data [%d, +%d) runs past the end of the data section (%d bytes): file truncated or corrupt", t.Offset, t.Size, dataLen)}
		}
	}
	return f, nil
}

func alignUp(n, a uint64) uint64 { return (n + a - 1) / a * a }

// decoder reads little-endian values from buf. Its first error is sticky:
// once set, every read returns a zero value.
type decoder struct {
	buf []byte
	off int
	err error
}

// maxNesting bounds nested arrays so hostile input cannot exhaust the stack.
const maxNesting = 8

func (d *decoder) remaining() int { return len(d.buf) - d.off }

func (d *decoder) fail(what, reason string) error {
	if d.err == nil {
		d.err = &FormatError{int64(d.off), what, reason}
	}
	return d.err
}

func (d *decoder) bytes(n int, what string) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > d.remaining() {
		d.fail(what, fmt.Sprintf("needs %d bytes, only %d remain: file truncated", n, d.remaining()))
		return nil
	}
	b := d.buf[d.off : d.off+n]
	d.off += n
	return b
}

func (d *decoder) u8(what string) uint8 {
	b := d.bytes(1, what)
	if b == nil {
		return 0
	}
	return b[0]
}

func (d *decoder) u16(what string) uint16 {
	b := d.bytes(2, what)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint16(b)
}

func (d *decoder) u32(what string) uint32 {
	b := d.bytes(4, what)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (d *decoder) u64(what string) uint64 {
	b := d.bytes(8, what)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

func (d *decoder) str(what string) string {
	n := d.u64(what + " length")
	if d.err != nil {
		return ""
	}
	if n > uint64(d.remaining()) {
		d.fail(what, fmt.Sprintf("string of %d bytes, only %d remain", n, d.remaining()))
		return ""
	}
	b := d.bytes(int(n), what)
	if !utf8.Valid(b) {
		// llama.cpp accepts any bytes; so do we, but names must be text.
		if what == "metadata key" || what == "tensor name" {
			d.off -= int(n)
			d.fail(what, "not valid UTF-8")
			return ""
		}
	}
	return string(b)
}

func (d *decoder) value(typ ValueType, key string, depth int) any {
	what := fmt.Sprintf("metadata %q", key)
	switch typ {
	case ValueUint8:
		return d.u8(what)
	case ValueInt8:
		return int8(d.u8(what))
	case ValueUint16:
		return d.u16(what)
	case ValueInt16:
		return int16(d.u16(what))
	case ValueUint32:
		return d.u32(what)
	case ValueInt32:
		return int32(d.u32(what))
	case ValueFloat32:
		return math.Float32frombits(d.u32(what))
	case ValueBool:
		b := d.u8(what)
		if b > 1 {
			d.off--
			d.fail(what, fmt.Sprintf("bool value %d is neither 0 nor 1", b))
		}
		return b == 1
	case ValueString:
		return d.str(what)
	case ValueUint64:
		return d.u64(what)
	case ValueInt64:
		return int64(d.u64(what))
	case ValueFloat64:
		return math.Float64frombits(d.u64(what))
	case ValueArray:
		return d.array(key, depth)
	}
	d.off -= 4
	d.fail(what, fmt.Sprintf("unknown value type %d", uint32(typ)))
	return nil
}

func (d *decoder) array(key string, depth int) Array {
	what := fmt.Sprintf("metadata %q", key)
	if depth >= maxNesting {
		d.fail(what, fmt.Sprintf("arrays nested deeper than %d", maxNesting))
		return Array{}
	}
	et := ValueType(d.u32(what + " element type"))
	n := d.u64(what + " element count")
	if d.err != nil {
		return Array{}
	}
	// Bound the count by the bytes left before allocating: a string or an
	// array element takes at least 8 bytes, a scalar its size.
	minSize := uint64(et.scalarSize())
	switch et {
	case ValueString:
		minSize = 8
	case ValueArray:
		minSize = 12
	}
	if minSize == 0 {
		d.off -= 12
		d.fail(what, fmt.Sprintf("unknown array element type %d", uint32(et)))
		return Array{}
	}
	if n > uint64(d.remaining())/minSize {
		d.fail(what, fmt.Sprintf("array of %d %s elements cannot fit in %d remaining bytes", n, et, d.remaining()))
		return Array{}
	}
	a := Array{Type: et}
	switch et {
	case ValueUint8:
		a.Values = append([]uint8(nil), d.bytes(int(n), what)...)
	case ValueInt8, ValueUint16, ValueInt16, ValueUint32, ValueInt32, ValueFloat32, ValueUint64, ValueInt64, ValueFloat64:
		v := numberSlices[et](int(n))
		if _, err := binary.Decode(d.bytes(int(n)*et.scalarSize(), what), binary.LittleEndian, v); err != nil {
			d.fail(what, err.Error())
			return Array{}
		}
		a.Values = v
	case ValueBool:
		b := d.bytes(int(n), what)
		v := make([]bool, n)
		for i := range v {
			if b[i] > 1 {
				d.fail(what, fmt.Sprintf("bool element %d has value %d", i, b[i]))
				return Array{}
			}
			v[i] = b[i] == 1
		}
		a.Values = v
	case ValueString:
		v := make([]string, n)
		for i := range v {
			v[i] = d.str(what)
			if d.err != nil {
				return Array{}
			}
		}
		a.Values = v
	case ValueArray:
		v := make([]Array, n)
		for i := range v {
			v[i] = d.array(key, depth+1)
			if d.err != nil {
				return Array{}
			}
		}
		a.Values = v
	}
	if d.err != nil {
		return Array{}
	}
	return a
}

func (d *decoder) tensorInfo() TensorInfo {
	var t TensorInfo
	t.Name = d.str("tensor name")
	what := fmt.Sprintf("tensor %q", t.Name)
	nDims := d.u32(what + " n_dims")
	if d.err != nil {
		return t
	}
	if nDims == 0 || nDims > MaxDims {
		d.off -= 4
		d.fail(what, fmt.Sprintf("%d dimensions (want 1 to %d)", nDims, MaxDims))
		return t
	}
	t.Dims = make([]uint64, nDims)
	elems := uint64(1)
	for i := range t.Dims {
		t.Dims[i] = d.u64(what + " dimension")
		if d.err != nil {
			return t
		}
		if t.Dims[i] == 0 {
			d.fail(what, fmt.Sprintf("dimension %d is zero", i))
			return t
		}
		if t.Dims[i] > math.MaxInt64/elems {
			d.fail(what, "element count overflows")
			return t
		}
		elems *= t.Dims[i]
	}
	t.Type = TensorType(d.u32(what + " type"))
	if d.err != nil {
		return t
	}
	if !t.Type.Known() {
		d.off -= 4
		d.fail(what, fmt.Sprintf("unknown tensor type %d", uint32(t.Type)))
		return t
	}
	bs := uint64(t.Type.BlockSize())
	if t.Dims[0]%bs != 0 {
		d.fail(what, fmt.Sprintf("row length %d is not a multiple of the %s block size %d", t.Dims[0], t.Type, bs))
		return t
	}
	if elems/bs > math.MaxInt64/uint64(t.Type.TypeSize()) {
		d.fail(what, "data size overflows")
		return t
	}
	t.Size = elems / bs * uint64(t.Type.TypeSize())
	t.Offset = d.u64(what + " offset")
	return t
}
