package main

import "testing"

func TestComponentFlag(t *testing.T) {
	h := "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	c := componentFlag{}
	for _, bad := range []string{"", h, h + "=", h + "=0", h + "=-1", h + "=x", "=3"} {
		if err := c.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
	if err := c.Set("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08=7"); err != nil || c[h] != 7 {
		t.Fatalf("Set: %v, %v", c, err)
	}
}
