package download

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Bar draws a one-line terminal progress bar from Progress reports:
//
//	Qwen3-4B-Q5_K_M.gguf  45% [=========>           ] 1.2 GiB/2.7 GiB  38.1 MiB/s  ETA 41s
//
// Use its Update method as Options.Progress. It redraws the line with a
// carriage return and ends it with a newline on the finished report. A Bar
// is not safe for concurrent use; the zero value is not usable (NewBar).
type Bar struct {
	w     io.Writer
	label string
	width int
	now   func() time.Time

	started   bool
	start     time.Time
	startDone int64
	lastLen   int
}

// NewBar returns a Bar writing to w (usually os.Stderr) with the given label.
func NewBar(w io.Writer, label string) *Bar {
	return &Bar{w: w, label: label, width: 24, now: time.Now}
}

// Update draws p. Write errors are ignored: progress is best effort.
func (b *Bar) Update(p Progress) {
	now := b.now()
	if !b.started {
		b.started, b.start, b.startDone = true, now, p.Done
	}
	var line strings.Builder
	line.WriteString(b.label)
	if p.Total > 0 {
		frac := min(float64(p.Done)/float64(p.Total), 1)
		filled := int(frac * float64(b.width))
		bar := strings.Repeat("=", filled)
		if filled < b.width {
			bar += ">" + strings.Repeat(" ", b.width-filled-1)
		}
		fmt.Fprintf(&line, " %3d%% [%s] %s/%s", int(frac*100), bar, FormatBytes(p.Done), FormatBytes(p.Total))
	} else {
		fmt.Fprintf(&line, " %s", FormatBytes(p.Done))
	}
	elapsed := now.Sub(b.start)
	if rate := float64(p.Done-b.startDone) / elapsed.Seconds(); elapsed > 0 && rate > 0 {
		fmt.Fprintf(&line, "  %s/s", FormatBytes(int64(rate)))
		if p.Total > 0 && !p.Finished && p.Done < p.Total {
			eta := time.Duration(float64(p.Total-p.Done) / rate * float64(time.Second))
			fmt.Fprintf(&line, "  ETA %s", eta.Round(time.Second))
		}
	}
	s := line.String()
	pad := max(b.lastLen-len(s), 0)
	b.lastLen = len(s)
	end := ""
	if p.Finished {
		end = "\n"
	}
	fmt.Fprintf(b.w, "\r%s%s%s", s, strings.Repeat(" ", pad), end)
}

// FormatBytes renders n with binary units: "512 B", "1.5 KiB", "2.7 GiB".
func FormatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 5; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
