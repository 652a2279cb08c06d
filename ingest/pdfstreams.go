package ingest

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"fmt"
	"io"
)

// Bounds on what a PDF's compressed streams may decompress to. The
// extractor inflates content streams while it reads them and keeps every
// glyph, so a small file whose page is gigabytes of "(A) Tj" deflated at
// 1000:1 would exhaust memory. Images are not read for text and are not
// counted (a blank scanned page inflates to megabytes legitimately).
const (
	maxPDFStreamBytes = 64 << 20  // one stream
	maxPDFInflated    = 512 << 20 // all streams of a file
	// maxPDFDictBytes is how far before "stream" its dictionary is
	// looked for.
	maxPDFDictBytes = 64 << 10
)

// checkPDFStreams inflates each compressed stream that is not an image,
// through the filters its dictionary lists, counting the bytes and giving
// up at the bounds above. Streams it cannot decode are left to the
// extractor, which fails on them the same way.
func checkPDFStreams(data []byte) error {
	var total int64
	kw := []byte("stream")
	for off := 0; off < len(data); {
		i := bytes.Index(data[off:], kw)
		if i < 0 {
			break
		}
		i += off
		off = i + len(kw)
		if i >= 3 && bytes.Equal(data[i-3:i], []byte("end")) {
			continue
		}
		start := off // the data follows an end of line: CRLF or LF
		if start < len(data) && data[start] == '\r' {
			start++
		}
		if start >= len(data) || data[start] != '\n' {
			continue
		}
		start++
		from := max(0, i-maxPDFDictBytes)
		dict := data[from:i]
		if o := bytes.LastIndex(dict, []byte("obj")); o >= 0 {
			dict = dict[o:]
		}
		dict = pdfNameEscRE.ReplaceAllFunc(dict, func(m []byte) []byte {
			var b [1]byte
			fmt.Sscanf(string(m[1:]), "%02x", &b[0])
			return b[:]
		})
		end := bytes.Index(data[start:], []byte("endstream"))
		if end < 0 {
			end = len(data) - start
		}
		off = start + end
		filters := pdfFilters(dict)
		if len(filters) == 0 || bytes.Contains(dict, []byte("/Image")) {
			continue
		}
		n := inflatedSize(data[start:start+end], filters, maxPDFStreamBytes+1)
		if n > maxPDFStreamBytes {
			return fmt.Errorf("%w: a stream decompresses to more than %d bytes", ErrPDF, maxPDFStreamBytes)
		}
		if total += n; total > maxPDFInflated {
			return fmt.Errorf("%w: streams decompress to more than %d bytes in all", ErrPDF, maxPDFInflated)
		}
	}
	return nil
}

// pdfFilters returns the filter names of a stream dictionary's /Filter
// entry: one name, or an array of them.
func pdfFilters(dict []byte) []string {
	i := bytes.Index(dict, []byte("/Filter"))
	if i < 0 {
		return nil
	}
	rest := bytes.TrimLeft(dict[i+len("/Filter"):], " \t\r\n\f\x00")
	if len(rest) > 0 && rest[0] == '[' {
		if j := bytes.IndexByte(rest, ']'); j >= 0 {
			rest = rest[1:j]
		}
	} else if j := bytes.IndexAny(rest[min(1, len(rest)):], "/ \t\r\n\f>["); j >= 0 {
		rest = rest[:j+1]
	}
	var out []string
	for _, f := range bytes.Fields(rest) {
		for _, name := range bytes.Split(f, []byte("/")) {
			if len(name) > 0 {
				out = append(out, string(name))
			}
		}
	}
	return out
}

// inflatedSize decodes raw through filters and returns how many bytes come
// out, counting at most limit; 0 when the filters are not all compression
// filters it knows or the data does not decode.
func inflatedSize(raw []byte, filters []string, limit int64) int64 {
	var rd io.Reader = bytes.NewReader(raw)
	compressed := false
	for _, f := range filters {
		switch f {
		case "FlateDecode", "Fl":
			zr, err := zlib.NewReader(rd)
			if err != nil {
				return 0
			}
			rd, compressed = zr, true
		case "ASCII85Decode", "A85":
			rd = ascii85.NewDecoder(rd)
		default:
			return 0
		}
	}
	if !compressed {
		return 0
	}
	n, _ := io.Copy(io.Discard, io.LimitReader(rd, limit))
	return n
}
