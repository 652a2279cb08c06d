//go:build unix

package model_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"syscall"
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
	step(1)                      // warm up
	var tb, tl, cb, cl []float64 // wall and process CPU ms per step
	for r := range rounds {
		for _, slot := range []int{r % 2, 1 - r%2} {
			t0, c0 := time.Now(), cpuTime()
			for range block {
				step(slot)
			}
			ms := float64(time.Since(t0).Microseconds()) / 1000 / block
			cpu := float64((cpuTime() - c0).Microseconds()) / 1000 / block
			if slot == 0 {
				tb, cb = append(tb, ms), append(cb, cpu)
			} else {
				tl, cl = append(tl, ms), append(cl, cpu)
			}
		}
	}
	for _, s := range [][]float64{tb, tl, cb, cl} {
		slices.Sort(s)
	}
	med := func(s []float64) float64 { return s[len(s)/2] }
	t.Logf("%s, rank %d adapter, %d threads, ms per decode step: wall base min %.2f median %.2f, adapter min %.2f median %.2f (cost min %+.1f%%, median %+.1f%%); "+
		"CPU base min %.2f median %.2f, adapter min %.2f median %.2f (cost min %+.1f%%, median %+.1f%%)",
		mp, a.MaxRank, threads, tb[0], med(tb), tl[0], med(tl), 100*(tl[0]/tb[0]-1), 100*(med(tl)/med(tb)-1),
		cb[0], med(cb), cl[0], med(cl), 100*(cl[0]/cb[0]-1), 100*(med(cl)/med(cb)-1))
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
