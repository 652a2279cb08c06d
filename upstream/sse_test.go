package upstream

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadSSE(t *testing.T) {
	tests := []struct {
		in   string
		want []Event
	}{
		{"data: a\n\ndata: b\n\n", []Event{{Data: "a"}, {Data: "b"}}},
		{"data:a\r\ndata: b\r\n\r\n", []Event{{Data: "a\nb"}}},
		{": comment\nevent: error\ndata: x\n\n", []Event{{Type: "error", Data: "x"}}},
		{"data: last", []Event{{Data: "last"}}},
		{"event: ping\n\nid: 3\nretry: 10\n\n", nil},
		{"data\n\n", []Event{{Data: ""}}},
		{"\n\n\ndata:  two spaces\n\n", []Event{{Data: " two spaces"}}},
	}
	for _, tc := range tests {
		var got []Event
		err := ReadSSE(strings.NewReader(tc.in), 1<<10, func(e Event) error { got = append(got, e); return nil })
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	long := "data: " + strings.Repeat("x", 2000) + "\n\n"
	if err := ReadSSE(strings.NewReader(long), 1<<10, func(Event) error { return nil }); err == nil {
		t.Error("an event over the limit was accepted")
	}
	stop := errors.New("stop")
	n := 0
	err := ReadSSE(strings.NewReader("data: 1\n\ndata: 2\n\n"), 1<<10, func(Event) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("callback error: %v after %d events", err, n)
	}
}

// FuzzReply feeds arbitrary bytes to the SSE reader, the error-body reader
// and the embeddings decoder, as an upstream could.
func FuzzReply(f *testing.F) {
	f.Add([]byte("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: [DONE]\n\n"))
	f.Add([]byte("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":3,\"function\":{\"arguments\":\"x\"}}]}}]}\n\n"))
	f.Add([]byte("event: error\ndata: {\"error\":{\"code\":429,\"message\":\"m\"}}\r\n\r\n"))
	f.Add([]byte(`{"data":[{"index":0,"embedding":[1,2]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ReadSSE(bytes.NewReader(b), 1<<12, func(e Event) error {
			ErrorDetails([]byte(e.Data))
			return nil
		})
		ErrorDetails(b)
		decodeEmbeddings(b, 2)
	})
}
