package model_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/model"
)

// TestLoRADecodeCost measures the decode cost of a LoRA adapter side by
// side in one process: blocks of decode steps of one sequence alternate
// between a slot running the base model and a slot running the adapter
// in GAIANET_BENCH_LORA, on the model in GAIANET_BENCH_MODEL, with
// GAIANET_BENCH_THREADS threads (default 2). Skipped unless both are set.
func TestLoRADecodeCost(t *testing.T) {
	mp, ap := os.Getenv("GAIANET_BENCH_MODEL"), os.Getenv("GAIANET_BENCH_LORA")
	if mp == "" || ap == "" {
		t.Skip("GAIANET_BENCH_MODEL and GAIANET_BENCH_LORA not set")
	}
	threads := 2
	if s := os.Getenv("GAIANET_BENCH_THREADS"); s != "" {
		threads, _ = strconv.Atoi(s)
	}
	mf, err := gguf.Open(mp)
	if err != nil {
		t.Fatal(err)
	}
	defer mf.Close()
	m, err := model.Load(mf.Metadata, mf)
	if err != nil {
		t.Fatal(err)
	}
	af, err := gguf.Open(ap)
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, len(af.Tensors))
	for i := range af.Tensors {
		names[i] = af.Tensors[i].Name
	}
	a, err := model.LoadLoRA(af.Metadata, af, names, m)
	af.Close()
	if err != nil {
		t.Fatal(err)
	}
	const steps, rounds, block = 160, 10, 16
	st := model.NewState(m, 4, steps+8, threads)
	defer st.Close()
	st.Pool().SetBatchInvariant(true) // as the engine runs by default
	c, err := model.NewCache(m, 2, steps+8, gguf.TypeF16)
	if err != nil {
		t.Fatal(err)
	}
	st.SetLoRA(1, []model.LoRAUse{{Adapter: a, Scale: 1}})
	pos := [2]int32{}
	step := func(slot int) {
		b := model.Batch{Tokens: []int32{int32(100 + pos[slot])}, Pos: []int32{pos[slot]}, Slot: []int32{int32(slot)}, Logits: []bool{true}}
		if _, err := m.Forward(context.Background(), st, c, b); err != nil {
			t.Fatal(err)
		}
		pos[slot]++
	}
	step(0)
	step(1) // warm up
	var tb, tl []float64
	for r := range rounds {
		for k, slot := range []int{r % 2, 1 - r%2} {
			_ = k
			t0 := time.Now()
			for range block {
				step(slot)
			}
			ms := float64(time.Since(t0).Microseconds()) / 1000 / block
			if slot == 0 {
				tb = append(tb, ms)
			} else {
				tl = append(tl, ms)
			}
		}
	}
	slices.Sort(tb)
	slices.Sort(tl)
	t.Logf("%s, rank %d adapter, %d threads: ms per decode step, base min %.2f median %.2f; adapter min %.2f median %.2f; cost min %+.1f%%, median %+.1f%%",
		mp, a.MaxRank, threads, tb[0], tb[len(tb)/2], tl[0], tl[len(tl)/2], 100*(tl[0]/tb[0]-1), 100*(tl[len(tl)/2]/tb[len(tb)/2]-1))
}
