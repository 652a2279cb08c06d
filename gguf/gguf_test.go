package gguf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

func TestOpenConformanceModels(t *testing.T) {
	dir := sharedtest.Conformance(t)
	tests := []struct {
		file, arch string
		tensors    bool
		types      []TensorType
	}{
		{"models/llama-spm-q4_0.gguf", "llama", true, []TensorType{TypeQ4_0}},
		{"models/llama-spm-q4_k_m.gguf", "llama", true, []TensorType{TypeQ4_K, TypeQ6_K}},
		{"models/llama-spm-tiny-f16.gguf", "llama", true, []TensorType{TypeF16}},
		{"models/qwen2-spm-q6_k.gguf", "qwen2", true, []TensorType{TypeQ6_K}},
		{"models/bert-q8_0.gguf", "bert", true, []TensorType{TypeQ8_0}},
		{"vocab/llama3-bpe.gguf", "llama", false, nil},
		{"vocab/bert-wpm.gguf", "bert", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Open(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.Metadata.Architecture(); got != tt.arch {
				t.Errorf("architecture = %q, want %q", got, tt.arch)
			}
			if tt.tensors != (len(f.Tensors) > 0) {
				t.Fatalf("%d tensors", len(f.Tensors))
			}
			if toks, ok := f.Metadata.Strings("tokenizer.ggml.tokens"); !ok || len(toks) < 1000 {
				t.Errorf("tokenizer.ggml.tokens: %d tokens, ok=%v", len(toks), ok)
			}
			seen := map[TensorType]bool{}
			for i := range f.Tensors {
				ti := &f.Tensors[i]
				seen[ti.Type] = true
				if got := len(f.TensorData(ti)); uint64(got) != ti.Size {
					t.Errorf("%s: %d bytes, want %d", ti.Name, got, ti.Size)
				}
			}
			for _, typ := range tt.types {
				if !seen[typ] {
					t.Errorf("no %s tensor found", typ)
				}
			}
			if tt.tensors && f.Metadata.ContextLength() == 0 {
				t.Error("context length missing")
			}
		})
	}
}

func sampleFile(t testing.TB) (Metadata, []WriteTensor) {
	md := NewMetadata(
		KV{"general.architecture", "llama"},
		KV{"general.name", "tiny ü"},
		KV{"llama.context_length", uint32(64)},
		KV{"u8", uint8(7)}, KV{"i8", int8(-7)}, KV{"u16", uint16(600)}, KV{"i16", int16(-600)},
		KV{"i32", int32(-70000)}, KV{"f32", float32(1.5)}, KV{"b", true}, KV{"u64", uint64(1 << 40)},
		KV{"i64", int64(-1 << 40)}, KV{"f64", 2.25},
		KV{"tokenizer.ggml.tokens", NewArray([]string{"<unk>", "a", "b"})},
		KV{"tokenizer.ggml.scores", NewArray([]float32{0, -1, -2})},
		KV{"tokenizer.ggml.token_type", NewArray([]int32{2, 1, 1})},
		KV{"nested", NewArray([]Array{NewArray([]uint8{1, 2}), NewArray([]uint8{3})})},
		KV{"empty", NewArray([]string{})},
	)
	f32 := make([]byte, 4*8*2)
	for i := range f32 {
		f32[i] = byte(i)
	}
	q := make([]byte, 2*TypeQ8_0.TypeSize())
	q[0] = 0x3c
	return md, []WriteTensor{
		{Name: "a", Dims: []uint64{8, 2}, Type: TypeF32, Data: f32},
		{Name: "b", Dims: []uint64{64}, Type: TypeQ8_0, Data: q},
	}
}

func encode(t testing.TB, md Metadata, ts []WriteTensor) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, md, ts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteParseRoundTrip(t *testing.T) {
	md, ts := sampleFile(t)
	for _, align := range []uint32{0, 64} {
		if align != 0 {
			md.Set("general.alignment", align)
		}
		data := encode(t, md, ts)
		f, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(f.Metadata.KVs(), md.KVs()) {
			t.Errorf("metadata differs:\n got %v\nwant %v", f.Metadata.KVs(), md.KVs())
		}
		if f.DataOffset%int64(f.Alignment) != 0 {
			t.Errorf("data offset %d not aligned to %d", f.DataOffset, f.Alignment)
		}
		for _, w := range ts {
			ti, ok := f.Tensor(w.Name)
			if !ok {
				t.Fatalf("tensor %s missing", w.Name)
			}
			if ti.Type != w.Type || !reflect.DeepEqual(ti.Dims, w.Dims) || !bytes.Equal(f.TensorData(ti), w.Data) {
				t.Errorf("tensor %s differs", w.Name)
			}
		}
		// Writing what was read gives the same bytes.
		var again []WriteTensor
		for i := range f.Tensors {
			ti := &f.Tensors[i]
			again = append(again, WriteTensor{ti.Name, ti.Dims, ti.Type, f.TensorData(ti)})
		}
		if !bytes.Equal(encode(t, f.Metadata, again), data) {
			t.Error("re-encoding differs")
		}
	}
}

func TestMetadataAccessors(t *testing.T) {
	md, _ := sampleFile(t)
	if n, ok := md.Uint("u16"); !ok || n != 600 {
		t.Errorf("Uint(u16) = %d, %v", n, ok)
	}
	if _, ok := md.Uint("i8"); ok {
		t.Error("Uint of a negative value succeeded")
	}
	if n, ok := md.Int("i64"); !ok || n != -1<<40 {
		t.Errorf("Int(i64) = %d, %v", n, ok)
	}
	if x, ok := md.Float("f32"); !ok || x != 1.5 {
		t.Errorf("Float(f32) = %v, %v", x, ok)
	}
	if x, ok := md.Float("u8"); !ok || x != 7 {
		t.Errorf("Float(u8) = %v, %v", x, ok)
	}
	if md.ContextLength() != 64 {
		t.Errorf("ContextLength = %d", md.ContextLength())
	}
	if s, ok := md.Strings("tokenizer.ggml.tokens"); !ok || len(s) != 3 {
		t.Errorf("Strings = %v, %v", s, ok)
	}
	if _, ok := md.String("u8"); ok {
		t.Error("String of a uint8 succeeded")
	}
	if md.Alignment() != DefaultAlignment {
		t.Errorf("Alignment = %d", md.Alignment())
	}
}

// patch returns a copy of b with v written little-endian at off.
func patch(b []byte, off int, v any) []byte {
	c := append([]byte(nil), b...)
	var w bytes.Buffer
	binary.Write(&w, binary.LittleEndian, v)
	copy(c[off:], w.Bytes())
	return c
}

func TestParseMalformed(t *testing.T) {
	md, ts := sampleFile(t)
	good := encode(t, md, ts)
	// Offsets of interest in the sample: the first key starts at 24.
	firstKeyLen := 24
	firstType := 24 + 8 + len("general.architecture")
	oneTensor := encode(t, NewMetadata(), ts[:1])
	// In oneTensor the tensor info starts at 24: name len(8) "a" n_dims(4) dims(16) type(4) offset(8).
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "magic"},
		{"bad magic", append([]byte("GGML"), good[4:]...), "bad magic"},
		{"version 1", patch(good, 4, uint32(1)), "version 1"},
		{"big endian", patch(good, 4, uint32(3<<24)), "big-endian"},
		{"future version", patch(good, 4, uint32(9)), "unsupported version"},
		{"truncated header", good[:20], "truncated"},
		{"absurd kv count", patch(good, 16, uint64(1<<62)), "cannot fit"},
		{"absurd tensor count", patch(good, 8, uint64(1<<62)), "cannot fit"},
		{"absurd string length", patch(good, firstKeyLen, uint64(1<<60)), "remain"},
		{"unknown value type", patch(good, firstType, uint32(99)), "unknown value type"},
		{"truncated metadata", good[:firstType+6], "truncated"},
		{"too many dims", patch(oneTensor, 24+9, uint32(5)), "dimensions"},
		{"zero dim", patch(oneTensor, 24+13, uint64(0)), "zero"},
		{"unknown tensor type", patch(oneTensor, 24+29, uint32(77)), "unknown tensor type"},
		{"misaligned offset", patch(oneTensor, 24+33, uint64(3)), "alignment"},
		{"offset past end", patch(oneTensor, 24+33, uint64(1<<40)), "past the end"},
		{"truncated data", oneTensor[:len(oneTensor)-8], "past the end"},
		{"overflowing dims", patch(patch(oneTensor, 24+13, uint64(1<<40)), 24+21, uint64(1<<40)), "overflow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "offset") {
				t.Errorf("error %q does not say %q and where", err, tt.want)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "missing.gguf")); err == nil {
		t.Error("missing file opened")
	}
	if _, err := Open(dir); err == nil {
		t.Error("directory opened")
	}
	p := filepath.Join(dir, "html.gguf")
	os.WriteFile(p, []byte("<!DOCTYPE html><html>Not found</html>"), 0o644)
	if _, err := Open(p); err == nil || !strings.Contains(err.Error(), "not a GGUF file") {
		t.Errorf("html file: %v", err)
	}
}

func TestWriteFileAndOpen(t *testing.T) {
	md, ts := sampleFile(t)
	p := filepath.Join(t.TempDir(), "m.gguf")
	if err := WriteFile(p, md, ts); err != nil {
		t.Fatal(err)
	}
	f, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ti, _ := f.Tensor("a")
	if !bytes.Equal(f.TensorData(ti), ts[0].Data) {
		t.Error("tensor data differs")
	}
}

func TestWriteRejects(t *testing.T) {
	md, ts := sampleFile(t)
	bad := []WriteTensor{{Name: "x", Dims: []uint64{10}, Type: TypeQ4_0, Data: make([]byte, 18)}}
	if err := Write(&bytes.Buffer{}, md, bad); err == nil {
		t.Error("row length not a multiple of the block size accepted")
	}
	short := []WriteTensor{{Name: "x", Dims: []uint64{4}, Type: TypeF32, Data: make([]byte, 15)}}
	if err := Write(&bytes.Buffer{}, md, short); err == nil {
		t.Error("short data accepted")
	}
	md.Set("bad", struct{}{})
	if err := Write(&bytes.Buffer{}, md, ts); err == nil {
		t.Error("unsupported metadata type accepted")
	}
}

func TestTensorTypes(t *testing.T) {
	for _, tt := range []struct {
		t          TensorType
		name       string
		block, row int
	}{
		{TypeF32, "F32", 1, 4 * 256}, {TypeQ4_0, "Q4_0", 32, 8 * 18}, {TypeQ4_K, "Q4_K", 256, 144},
		{TypeQ6_K, "Q6_K", 256, 210}, {TypeBF16, "BF16", 1, 512},
	} {
		if tt.t.String() != tt.name || tt.t.BlockSize() != tt.block || tt.t.RowSize(256) != tt.row {
			t.Errorf("%v: name %s block %d row %d", tt.t, tt.t, tt.t.BlockSize(), tt.t.RowSize(256))
		}
		if p, ok := ParseTensorType(strings.ToLower(tt.name)); !ok || p != tt.t {
			t.Errorf("ParseTensorType(%s) = %v", tt.name, p)
		}
	}
	if TypeQ4_0.RowSize(33) != -1 || TensorType(99).Known() {
		t.Error("bad sizes accepted")
	}
}
