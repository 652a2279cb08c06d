package model

import (
	"math"
	"testing"
)

// TestLlama4AttnTemp checks the attention temperature of Llama 4's NoPE
// layers at the positions where llama.cpp's formula
// log(floor((pos+1)/8192)+1)*0.1+1 steps.
func TestLlama4AttnTemp(t *testing.T) {
	tt := AttnTemp{Floor: llama4Chunk, Scale: 0.1, Offset: 1}
	for _, c := range []struct {
		pos  int32
		want float64
	}{{0, 1}, {8190, 1}, {8191, 1 + 0.1*math.Log(2)}, {16382, 1 + 0.1*math.Log(2)}, {16383, 1 + 0.1*math.Log(3)}, {1 << 20, 1 + 0.1*math.Log(129)}} {
		if got := tt.factor(c.pos); math.Abs(float64(got)-c.want) > 1e-6 {
			t.Errorf("factor(%d) = %v, want %v", c.pos, got, c.want)
		}
	}
}
