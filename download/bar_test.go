package download

import (
	"strings"
	"testing"
	"time"
)

func TestBar(t *testing.T) {
	var out strings.Builder
	b := NewBar(&out, "model.gguf")
	now := time.Unix(0, 0)
	b.now = func() time.Time { return now }
	const mib = 1 << 20

	b.Update(Progress{Done: 0, Total: 100 * mib})
	now = now.Add(10 * time.Second)
	b.Update(Progress{Done: 50 * mib, Total: 100 * mib})
	line := out.String()[strings.LastIndex(out.String(), "\r")+1:]
	for _, want := range []string{"model.gguf", " 50% [", "50.0 MiB/100.0 MiB", "5.0 MiB/s", "ETA 10s"} {
		if !strings.Contains(line, want) {
			t.Errorf("line %q lacks %q", line, want)
		}
	}
	if got := strings.Count(line, "="); got != 12 {
		t.Errorf("bar has %d '=' at 50%%, want 12", got)
	}

	now = now.Add(10 * time.Second)
	b.Update(Progress{Done: 100 * mib, Total: 100 * mib, Finished: true})
	if !strings.HasSuffix(out.String(), "\n") || !strings.Contains(out.String(), "100% [========================]") {
		t.Errorf("finished output %q", out.String())
	}

	var unk strings.Builder
	u := NewBar(&unk, "x")
	u.Update(Progress{Done: 1536, Total: -1})
	if !strings.Contains(unk.String(), "x 1.5 KiB") || strings.Contains(unk.String(), "%") {
		t.Errorf("unknown total: %q", unk.String())
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 1536: "1.5 KiB", 5 << 30: "5.0 GiB", 1 << 62: "4.0 EiB",
	} {
		if got := FormatBytes(n); got != want {
			t.Errorf("FormatBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
