package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/gaianet-go/gaianet/download"
)

// progressBar draws a one-line progress bar on a terminal, or prints a line
// every few seconds elsewhere (logs, CI), so long operations always say
// how far they are.
type progressBar struct {
	w       io.Writer
	label   string
	tty     bool
	start   time.Time
	last    time.Time
	unit    string // "B" for bytes, else a noun like "chunks"
	drawn   bool
	lastPct int
}

func newProgressBar(w io.Writer, label, unit string) *progressBar {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progressBar{w: w, label: label, tty: tty, start: time.Now(), unit: unit, lastPct: -1}
}

func (p *progressBar) amount(n int64) string {
	if p.unit == "B" {
		return download.FormatBytes(n)
	}
	return fmt.Sprintf("%d %s", n, p.unit)
}

// update reports done of total (total < 0 when unknown).
func (p *progressBar) update(done, total int64) {
	now := time.Now()
	if p.tty && now.Sub(p.last) < 100*time.Millisecond && done != total {
		return
	}
	pct := -1
	if total > 0 {
		pct = int(done * 100 / total)
	}
	if !p.tty {
		// Every 10% (or 5 s when the total is unknown).
		if (pct >= 0 && pct/10 == p.lastPct/10 && done != total) || (pct < 0 && now.Sub(p.last) < 5*time.Second) {
			return
		}
	}
	p.last, p.lastPct = now, pct
	elapsed := now.Sub(p.start).Seconds()
	rate := ""
	if elapsed > 0.2 {
		rate = fmt.Sprintf(", %s/s", p.amount(int64(float64(done)/elapsed)))
	}
	var line string
	if total > 0 {
		const width = 30
		filled := int(done * width / total)
		line = fmt.Sprintf("%s [%s%s] %3d%% %s / %s%s", p.label, strings.Repeat("=", filled), strings.Repeat(" ", width-filled),
			pct, p.amount(done), p.amount(total), rate)
	} else {
		line = fmt.Sprintf("%s %s%s", p.label, p.amount(done), rate)
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%s", line)
		p.drawn = true
	} else {
		fmt.Fprintln(p.w, line)
	}
}

// finish ends the bar's line.
func (p *progressBar) finish() {
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
	}
}
