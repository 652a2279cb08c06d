package vectorstore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Stopwords is a text index's stopwords option, as Qdrant's: tokens left
// out of the index and of text queries. In JSON it is a language name
// ("english") or {"languages": [...], "custom": [...]}. Of Qdrant's
// predefined lists only English is built in; another language is refused
// by name (a custom list serves any language).
type Stopwords struct {
	// Language is set when the option was a bare language name.
	Language  string
	Languages []string
	Custom    []string
}

// MarshalJSON writes the form it was given.
func (sw Stopwords) MarshalJSON() ([]byte, error) {
	if sw.Language != "" {
		return json.Marshal(sw.Language)
	}
	type set struct {
		Languages []string `json:"languages,omitempty"`
		Custom    []string `json:"custom,omitempty"`
	}
	return json.Marshal(set{sw.Languages, sw.Custom})
}

// UnmarshalJSON reads a language name or a set.
func (sw *Stopwords) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		*sw = Stopwords{}
		return json.Unmarshal(b, &sw.Language)
	}
	var set struct {
		Languages []string `json:"languages"`
		Custom    []string `json:"custom"`
	}
	if err := decodeStrict(b, &set); err != nil {
		return fmt.Errorf("%w: stopwords: %v", ErrInvalid, err)
	}
	*sw = Stopwords{Languages: set.Languages, Custom: set.Custom}
	return nil
}

func (sw *Stopwords) check() error {
	for _, l := range append([]string{sw.Language}, sw.Languages...) {
		if l != "" && l != "english" {
			return fmt.Errorf("%w: stopwords for %q are not built in (english is; give others as a custom list)", ErrInvalid, l)
		}
	}
	return nil
}

// stop reports whether token t (as the tokenizer left it) is a stopword.
// Lists match case-insensitively.
func (sw *Stopwords) stop(t string) bool {
	lt := strings.ToLower(t)
	if (sw.Language == "english" || slices.Contains(sw.Languages, "english")) && englishStopwords[lt] {
		return true
	}
	return slices.ContainsFunc(sw.Custom, func(c string) bool { return strings.EqualFold(c, t) })
}

// englishStopwords are common English function words (articles,
// pronouns, auxiliaries, prepositions, conjunctions).
var englishStopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all am an and any are as at be because
		been before being below between both but by can did do does doing down during each few for from
		further had has have having he her here hers herself him himself his how i if in into is it its
		itself just me more most my myself no nor not now of off on once only or other our ours ourselves
		out over own same she should so some such than that the their theirs them themselves then there
		these they this those through to too under until up very was we were what when where which while
		who whom why will with you your yours yourself yourselves`) {
		m[w] = true
	}
	return m
}()
