package gguf

import (
	"fmt"
	"strings"
)

// TensorType is a ggml tensor element type as stored in a GGUF tensor info.
// The numeric values are fixed by the file format (ggml.h, enum ggml_type);
// gaps are types that ggml has retired.
type TensorType uint32

// Tensor types known to the format. Not every type here can be computed by
// the engine; see the kernels package for which ones are supported.
const (
	TypeF32     TensorType = 0
	TypeF16     TensorType = 1
	TypeQ4_0    TensorType = 2
	TypeQ4_1    TensorType = 3
	TypeQ5_0    TensorType = 6
	TypeQ5_1    TensorType = 7
	TypeQ8_0    TensorType = 8
	TypeQ8_1    TensorType = 9
	TypeQ2_K    TensorType = 10
	TypeQ3_K    TensorType = 11
	TypeQ4_K    TensorType = 12
	TypeQ5_K    TensorType = 13
	TypeQ6_K    TensorType = 14
	TypeQ8_K    TensorType = 15
	TypeIQ2_XXS TensorType = 16
	TypeIQ2_XS  TensorType = 17
	TypeIQ3_XXS TensorType = 18
	TypeIQ1_S   TensorType = 19
	TypeIQ4_NL  TensorType = 20
	TypeIQ3_S   TensorType = 21
	TypeIQ2_S   TensorType = 22
	TypeIQ4_XS  TensorType = 23
	TypeI8      TensorType = 24
	TypeI16     TensorType = 25
	TypeI32     TensorType = 26
	TypeI64     TensorType = 27
	TypeF64     TensorType = 28
	TypeIQ1_M   TensorType = 29
	TypeBF16    TensorType = 30
	TypeTQ1_0   TensorType = 34
	TypeTQ2_0   TensorType = 35
	TypeMXFP4   TensorType = 39
)

// typeTraits describes how a type lays out elements: BlockSize elements are
// stored in TypeSize bytes.
type typeTraits struct {
	name      string
	blockSize int
	typeSize  int
}

var traits = map[TensorType]typeTraits{
	TypeF32:     {"F32", 1, 4},
	TypeF16:     {"F16", 1, 2},
	TypeQ4_0:    {"Q4_0", 32, 18},
	TypeQ4_1:    {"Q4_1", 32, 20},
	TypeQ5_0:    {"Q5_0", 32, 22},
	TypeQ5_1:    {"Q5_1", 32, 24},
	TypeQ8_0:    {"Q8_0", 32, 34},
	TypeQ8_1:    {"Q8_1", 32, 36},
	TypeQ2_K:    {"Q2_K", 256, 84},
	TypeQ3_K:    {"Q3_K", 256, 110},
	TypeQ4_K:    {"Q4_K", 256, 144},
	TypeQ5_K:    {"Q5_K", 256, 176},
	TypeQ6_K:    {"Q6_K", 256, 210},
	TypeQ8_K:    {"Q8_K", 256, 292},
	TypeIQ2_XXS: {"IQ2_XXS", 256, 66},
	TypeIQ2_XS:  {"IQ2_XS", 256, 74},
	TypeIQ3_XXS: {"IQ3_XXS", 256, 98},
	TypeIQ1_S:   {"IQ1_S", 256, 50},
	TypeIQ4_NL:  {"IQ4_NL", 32, 18},
	TypeIQ3_S:   {"IQ3_S", 256, 110},
	TypeIQ2_S:   {"IQ2_S", 256, 82},
	TypeIQ4_XS:  {"IQ4_XS", 256, 136},
	TypeI8:      {"I8", 1, 1},
	TypeI16:     {"I16", 1, 2},
	TypeI32:     {"I32", 1, 4},
	TypeI64:     {"I64", 1, 8},
	TypeF64:     {"F64", 1, 8},
	TypeIQ1_M:   {"IQ1_M", 256, 56},
	TypeBF16:    {"BF16", 1, 2},
	TypeTQ1_0:   {"TQ1_0", 256, 54},
	TypeTQ2_0:   {"TQ2_0", 256, 66},
	TypeMXFP4:   {"MXFP4", 32, 17},
}

// Known reports whether t is a type this package can size.
func (t TensorType) Known() bool {
	_, ok := traits[t]
	return ok
}

// String returns the ggml name of t ("Q4_K"), or "type(N)" for an unknown type.
func (t TensorType) String() string {
	if tr, ok := traits[t]; ok {
		return tr.name
	}
	return fmt.Sprintf("type(%d)", uint32(t))
}

// BlockSize returns how many elements one block of t holds (1 for plain
// types, 32 or 256 for quantized ones), or 0 for an unknown type.
func (t TensorType) BlockSize() int { return traits[t].blockSize }

// TypeSize returns the size in bytes of one block of t, or 0 for an unknown type.
func (t TensorType) TypeSize() int { return traits[t].typeSize }

// IsQuantized reports whether t stores elements in blocks with shared scales.
func (t TensorType) IsQuantized() bool {
	tr, ok := traits[t]
	return ok && tr.blockSize > 1
}

// RowSize returns the number of bytes n elements of t occupy. n must be a
// multiple of t.BlockSize(); RowSize returns -1 otherwise or for an unknown type.
func (t TensorType) RowSize(n int) int {
	tr, ok := traits[t]
	if !ok || n < 0 || n%tr.blockSize != 0 {
		return -1
	}
	return n / tr.blockSize * tr.typeSize
}

// ParseTensorType returns the type with the given ggml name ("q4_k" or "Q4_K").
func ParseTensorType(name string) (TensorType, bool) {
	for t, tr := range traits {
		if strings.EqualFold(tr.name, name) {
			return t, true
		}
	}
	return 0, false
}
