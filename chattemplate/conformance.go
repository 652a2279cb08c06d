package chattemplate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ConformanceClock is the fixed time strftime_now sees in conformance
// runs, as in the reference renderings (2026-01-02).
func ConformanceClock() time.Time { return time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC) }

// confCase is one line of templates/renderings.jsonl.
type confCase struct {
	Template            string          `json:"template"`
	Case                string          `json:"case"`
	Messages            json.RawMessage `json:"messages"`
	Tools               json.RawMessage `json:"tools"`
	AddGenerationPrompt bool            `json:"add_generation_prompt"`
	BOSToken            string          `json:"bos_token"`
	EOSToken            string          `json:"eos_token"`
	Rendered            *string         `json:"rendered"`
	Error               *string         `json:"error"`
}

func (c *confCase) name() string { return c.Template + "/" + c.Case }

func loadConformance(dir string) ([]confCase, error) {
	b, err := os.ReadFile(filepath.Join(dir, "templates", "renderings.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("chattemplate: conformance: %w", err)
	}
	var cases []confCase
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var c confCase
		if err := json.Unmarshal(line, &c); err != nil {
			return nil, fmt.Errorf("chattemplate: conformance: renderings.jsonl line %d: %w", n, err)
		}
		if (c.Rendered == nil) == (c.Error == nil) {
			return nil, fmt.Errorf("chattemplate: conformance: renderings.jsonl line %d: need exactly one of rendered and error", n)
		}
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

// run renders one case and returns a description of any mismatch.
func (c *confCase) run(dir string, cache map[string]*Template) (string, error) {
	t := cache[c.Template]
	if t == nil {
		src, err := os.ReadFile(filepath.Join(dir, "templates", c.Template+".jinja"))
		if err != nil {
			return "", fmt.Errorf("chattemplate: conformance: %w", err)
		}
		if t, err = Parse(string(src)); err != nil {
			return fmt.Sprintf("%s: parse: %v", c.name(), err), nil
		}
		cache[c.Template] = t
	}
	opt := Options{
		AddGenerationPrompt: c.AddGenerationPrompt,
		BOSToken:            c.BOSToken,
		EOSToken:            c.EOSToken,
		Now:                 ConformanceClock,
	}
	if len(c.Tools) > 0 && string(c.Tools) != "null" {
		var tools []json.RawMessage
		if err := json.Unmarshal(c.Tools, &tools); err != nil {
			return "", fmt.Errorf("chattemplate: conformance: %s: tools: %w", c.name(), err)
		}
		opt.Tools = make([]any, len(tools))
		for i, tl := range tools {
			opt.Tools[i] = tl
		}
	}
	got, err := t.RenderJSON(c.Messages, opt)
	if c.Error != nil {
		var exc *ExceptionError
		switch {
		case err == nil:
			return fmt.Sprintf("%s: rendered %q, want error %q", c.name(), got, *c.Error), nil
		case errors.As(err, &exc) && exc.Message != *c.Error:
			return fmt.Sprintf("%s: error %q, want %q", c.name(), exc.Message, *c.Error), nil
		case !errors.As(err, &exc) && !strings.Contains(err.Error(), *c.Error):
			return fmt.Sprintf("%s: error %v, want %q", c.name(), err, *c.Error), nil
		}
		return "", nil
	}
	if err != nil {
		return fmt.Sprintf("%s: %v", c.name(), err), nil
	}
	if got != *c.Rendered {
		return fmt.Sprintf("%s: rendered\n%q\nwant\n%q", c.name(), got, *c.Rendered), nil
	}
	return "", nil
}

// RunConformance renders every case of DIR/templates/renderings.jsonl
// with the DIR/templates/<template>.jinja it names and compares the output
// byte for byte (or, for error cases, that rendering fails with the
// expected message). err reports unreadable data, not mismatches.
func RunConformance(dir string) (passed, failed int, firstFailure string, err error) {
	cases, err := loadConformance(dir)
	if err != nil {
		return 0, 0, "", err
	}
	cache := map[string]*Template{}
	for i := range cases {
		msg, err := cases[i].run(dir, cache)
		if err != nil {
			return passed, failed, firstFailure, err
		}
		if msg == "" {
			passed++
			continue
		}
		failed++
		if firstFailure == "" {
			firstFailure = msg
		}
	}
	return passed, failed, firstFailure, nil
}
