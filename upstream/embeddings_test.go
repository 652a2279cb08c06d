package upstream

import (
	"reflect"
	"testing"
)

func TestDecodeEmbeddings(t *testing.T) {
	good := `{"data":[{"index":1,"embedding":[3,4]},{"index":0,"embedding":"AACAPwAAAEA="}],"usage":{"prompt_tokens":4}}`
	vecs, tokens, err := decodeEmbeddings([]byte(good), 2)
	if err != nil || tokens != 4 || !reflect.DeepEqual(vecs, [][]float32{{1, 2}, {3, 4}}) {
		t.Errorf("%v %d %v", vecs, tokens, err)
	}
	for _, bad := range []string{
		`{"data":[{"index":0,"embedding":[1]}]}`,                                   // too few
		`{"data":[{"index":0,"embedding":[1]},{"index":0,"embedding":[2]}]}`,       // repeated index
		`{"data":[{"index":0,"embedding":[1]},{"index":1,"embedding":[2,3]}]}`,     // ragged
		`{"data":[{"index":0,"embedding":[]},{"index":1,"embedding":[]}]}`,         // empty
		`{"data":[{"index":0,"embedding":"AAA"},{"index":1,"embedding":[1]}]}`,     // bad base64
		`{"data":[{"index":5,"embedding":[1]},{"index":1,"embedding":[1]}]}`,       // out of range
		`{"data":[{"index":1,"embedding":[1,2]},{"index":0,"embedding":[1,2,3]}]}`, // ragged, reversed
	} {
		if _, _, err := decodeEmbeddings([]byte(bad), 2); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}
