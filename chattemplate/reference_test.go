package chattemplate

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestReference renders the snippets of testdata/reference.json, whose
// expected outputs come from Python jinja2 configured as Hugging Face
// does (testdata/gen_reference.py).
func TestReference(t *testing.T) {
	b, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Vars  json.RawMessage `json:"vars"`
		Cases []struct {
			Name     string  `json:"name"`
			Template string  `json:"template"`
			Rendered *string `json:"rendered"`
			Error    *string `json:"error"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	vars, err := decodeJSON(ref.Vars)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ref.Cases {
		t.Run(c.Name, func(t *testing.T) {
			tpl, err := Parse(c.Template)
			var got string
			if err == nil {
				got, err = tpl.renderCtx(vars.(*dict), Options{Now: ConformanceClock})
			}
			switch {
			case c.Error != nil && err == nil:
				t.Errorf("rendered %q, want error (%s)", got, *c.Error)
			case c.Error == nil && err != nil:
				t.Errorf("error %v, want %q", err, *c.Rendered)
			case c.Error == nil && got != *c.Rendered:
				t.Errorf("rendered\n%q\nwant\n%q", got, *c.Rendered)
			}
		})
	}
}

// TestRandomReference renders the random templates of testdata/random.jsonl
// (testdata/gen_random.py) and requires Python jinja2's output, or an
// error where jinja2 raised one.
func TestRandomReference(t *testing.T) {
	ref, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var r struct{ Vars json.RawMessage }
	if err := json.Unmarshal(ref, &r); err != nil {
		t.Fatal(err)
	}
	vars, err := decodeJSON(r.Vars)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/random.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) < 1000 {
		t.Fatalf("only %d random cases", len(lines))
	}
	failed := 0
	for _, line := range lines {
		var c struct {
			Name, Template string
			Rendered       *string
			Error          *string
		}
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatal(err)
		}
		tpl, err := Parse(c.Template)
		var got string
		if err == nil {
			got, err = tpl.renderCtx(vars.(*dict), Options{Now: ConformanceClock})
		}
		var msg string
		switch {
		case c.Error != nil && err == nil:
			msg = fmt.Sprintf("rendered %q, want error (%s)", got, *c.Error)
		case c.Error == nil && err != nil:
			msg = fmt.Sprintf("error %v, want %q", err, *c.Rendered)
		case c.Error == nil && got != *c.Rendered:
			msg = fmt.Sprintf("rendered\n%q\nwant\n%q", got, *c.Rendered)
		}
		if msg != "" {
			if failed++; failed <= 10 {
				t.Errorf("%s: %q: %s", c.Name, c.Template, msg)
			}
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d random cases differ from jinja2", failed, len(lines))
	}
}
