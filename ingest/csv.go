package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseCSV reads CSV the way GaiaNet's csv_embed tool does: there is no
// header row, every record is one Record block (so one chunk), column 1 is
// the text stored and column 2, when present and not blank, is the text
// embedded; further columns are ignored. Records whose first column is
// blank are skipped. Quoted fields may hold commas, quotes ("") and
// newlines; a stray quote inside an unquoted field is kept as text. A UTF-8
// byte order mark is dropped. All sections have an empty heading; each
// holds one record.
func ParseCSV(text string) ([]Section, error) {
	r := csv.NewReader(strings.NewReader(cleanText(text)))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	var out []Section
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("ingest: csv: %w", err)
		}
		stored := strings.TrimSpace(rec[0])
		if stored == "" {
			continue
		}
		b := Block{Kind: Record, Text: stored}
		if len(rec) > 1 {
			if embed := strings.TrimSpace(rec[1]); embed != "" && embed != stored {
				b.EmbedText = embed
			}
		}
		out = append(out, Section{Blocks: []Block{b}})
	}
	return out, nil
}
