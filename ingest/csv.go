package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CSVMode chooses how CSV records become chunks.
type CSVMode int

const (
	// CSVTable, the default, reads the first record as a header row and
	// makes each later record one chunk holding every non-blank column as a
	// "name: value" line, so no column is lost.
	CSVTable CSVMode = iota
	// CSVGaiaNet follows GaiaNet's csv_embed tool: no header row, column 1
	// is the text stored, column 2 (when present, not blank and different)
	// the text embedded, further columns are ignored.
	CSVGaiaNet
)

// ParseCSVMode reads a mode name as users write it: "table" (or "") or
// "gaianet".
func ParseCSVMode(name string) (CSVMode, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "table":
		return CSVTable, nil
	case "gaianet", "two-column":
		return CSVGaiaNet, nil
	}
	return 0, fmt.Errorf("ingest: unknown CSV mode %q (want table or gaianet)", name)
}

// String returns the mode's name, as ParseCSVMode reads it.
func (m CSVMode) String() string {
	if m == CSVGaiaNet {
		return "gaianet"
	}
	return "table"
}

// ParseCSV reads CSV into one section per record, each holding a single
// Record block (so one chunk), as mode says (see CSVTable and CSVGaiaNet).
// Quoted fields may hold commas, quotes ("") and newlines; a stray quote
// inside an unquoted field is kept as text. A UTF-8 byte order mark is
// dropped. Records whose cells are all blank are skipped (in CSVGaiaNet
// mode, records whose first column is blank). All sections have an empty
// heading.
func ParseCSV(text string, mode CSVMode) ([]Section, error) {
	r := csv.NewReader(strings.NewReader(cleanText(text)))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	var (
		out    []Section
		header []string // CSVTable: the column names, once read
	)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("ingest: csv: %w", err)
		}
		if mode == CSVGaiaNet {
			if b, ok := gaianetRecord(rec); ok {
				out = append(out, Section{Blocks: []Block{b}})
			}
			continue
		}
		if allBlank(rec) {
			continue
		}
		if header == nil {
			header = make([]string, len(rec))
			for i, h := range rec {
				header[i] = strings.Join(strings.Fields(h), " ")
			}
			continue
		}
		out = append(out, Section{Blocks: []Block{{Kind: Record, Text: tableRecord(header, rec)}}})
	}
	if mode == CSVTable && len(out) == 0 && header != nil {
		// A file of one row has no data under its header: keep the row
		// itself rather than losing it.
		out = append(out, Section{Blocks: []Block{{Kind: Record, Text: tableRecord(nil, header)}}})
	}
	return out, nil
}

// gaianetRecord applies csv_embed's rule to one record.
func gaianetRecord(rec []string) (Block, bool) {
	stored := strings.TrimSpace(rec[0])
	if stored == "" {
		return Block{}, false
	}
	b := Block{Kind: Record, Text: stored}
	if len(rec) > 1 {
		if embed := strings.TrimSpace(rec[1]); embed != "" && embed != stored {
			b.EmbedText = embed
		}
	}
	return b, true
}

// tableRecord writes one "name: value" line per non-blank cell; a cell with
// no header name (blank, or beyond the header) is named "column N".
func tableRecord(header, rec []string) string {
	var b strings.Builder
	for i, v := range rec {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		name := ""
		if i < len(header) {
			name = header[i]
		}
		if name == "" {
			name = fmt.Sprintf("column %d", i+1)
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(name)
		b.WriteString(": ")
		b.WriteString(v)
	}
	return b.String()
}

func allBlank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
