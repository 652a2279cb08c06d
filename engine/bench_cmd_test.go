package engine

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestBenchModel runs Bench on the model named by GAIANET_BENCH_MODEL
// (threads, prompt and generated tokens from GAIANET_BENCH_ARGS as
// "2 256 64 4"); it is skipped unless set, as it takes minutes. With
// GAIANET_BENCH_LORA (FILE[:SCALE], comma-separated) it alternates three
// runs of the base model with three runs with those adapters.
func TestBenchModel(t *testing.T) {
	path := os.Getenv("GAIANET_BENCH_MODEL")
	if path == "" {
		t.Skip("GAIANET_BENCH_MODEL not set")
	}
	args := []int{2, 256, 64, 4}
	if s := os.Getenv("GAIANET_BENCH_ARGS"); s != "" {
		var f []int
		for _, w := range strings.Fields(s) {
			n, err := strconv.Atoi(w)
			if err != nil {
				t.Fatal(err)
			}
			f = append(f, n)
		}
		copy(args, f)
	}
	variant := os.Getenv("GAIANET_BENCH_VARIANT") != ""
	var lora []LoRAFile
	if s := os.Getenv("GAIANET_BENCH_LORA"); s != "" {
		for _, f := range strings.Split(s, ",") {
			lf, err := ParseLoRA(f)
			if err != nil {
				t.Fatal(err)
			}
			lora = append(lora, lf)
		}
	}
	rounds := 1
	if lora != nil {
		rounds = 3
	}
	for range rounds {
		r, err := Bench(context.Background(), path, args[0], args[1], args[2], args[3], variant)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s (threads %d)\n%s", path, args[0], r)
		if lora != nil {
			r, err := Bench(context.Background(), path, args[0], args[1], args[2], args[3], variant, lora...)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s with %v (threads %d)\n%s", path, lora, args[0], r)
		}
	}
}
