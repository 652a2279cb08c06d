package config

import (
	"encoding/json"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// tagField finds the field of the struct v whose `json:` tag is key, by the
// tags alone (not through the codec's table).
func tagField(v reflect.Value, key string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name == key {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

// TestGaiaNetKeysRoundTrip reads every real GaiaNet config (the default,
// the 0.4.27 default and the presets): each key they use is modelled (not
// left in Extra), lands in the field whose `json:` tag names it with the
// file's value, and is written back under the same name with the same
// text; and every GaiaNet key the package models occurs in a real config,
// so a mistyped tag cannot pass.
func TestGaiaNetKeysRoundTrip(t *testing.T) {
	seen := map[string]int{}
	files := presetFiles(t)
	for _, path := range files {
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]string
		if err := json.Unmarshal(orig, &want); err != nil {
			t.Fatalf("%s: GaiaNet writes every value as a string: %v", path, err)
		}
		c, err := Decode(orig)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		enc, err := c.Encode()
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := json.Unmarshal(enc, &got); err != nil {
			t.Fatal(err)
		}
		for key, text := range want {
			seen[key]++
			if _, ok := c.Extra[key]; ok {
				t.Errorf("%s: GaiaNet key %q is not modelled (left in Extra)", path, key)
				continue
			}
			f, ok := tagField(reflect.ValueOf(c).Elem(), key)
			if !ok {
				t.Errorf("%s: no field is tagged %q", path, key)
				continue
			}
			if !holds(f, text) {
				t.Errorf("%s: %q = %q, but its field holds %v", path, key, text, f.Interface())
			}
			if got[key] != text {
				t.Errorf("%s: %q written back as %v, want %q", path, key, got[key], text)
			}
		}
	}
	for _, key := range KnownKeys() {
		if seen[key] == 0 {
			t.Errorf("key %q is modelled but no GaiaNet config in %d files uses it: a mistyped tag?", key, len(files))
		}
	}
	if len(seen) != len(KnownKeys()) {
		t.Errorf("the configs use %d keys, the package models %d", len(seen), len(KnownKeys()))
	}
}

// holds reports whether f holds the value GaiaNet wrote as text.
func holds(f reflect.Value, text string) bool {
	if f.Kind() == reflect.String {
		return f.String() == text
	}
	text = strings.TrimSpace(text)
	switch f.Kind() {
	case reflect.Int:
		if text == "" {
			return f.Int() == 0
		}
		n, err := strconv.Atoi(text)
		return err == nil && f.Int() == int64(n)
	case reflect.Float64:
		if text == "" {
			return f.Float() == 0
		}
		x, err := strconv.ParseFloat(text, 64)
		return err == nil && f.Float() == x
	}
	return false
}

// TestExtensionKeysRoundTrip sets every field of Extensions, encodes and
// decodes: each is written under its `json:` tag inside "gaianet_go" and
// read back into the same field, none left in Ext.Extra.
func TestExtensionKeysRoundTrip(t *testing.T) {
	c := Default()
	ev := reflect.ValueOf(&c.Ext).Elem()
	var keys []string
	for i := range ev.NumField() {
		sf := ev.Type().Field(i)
		key, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || key == "" || key == "-" {
			continue
		}
		keys = append(keys, key)
		f := ev.Field(i)
		switch {
		case f.Type() == reflect.TypeFor[json.RawMessage]():
			f.Set(reflect.ValueOf(json.RawMessage(`[{"k":1}]`)))
		case f.Kind() == reflect.String:
			f.SetString("v-" + key)
		case f.Kind() == reflect.Int:
			f.SetInt(int64(len(key)))
		case f.Kind() == reflect.Bool:
			f.SetBool(true)
		case f.Kind() == reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
			if e := f.Index(0); e.Kind() == reflect.String {
				e.SetString("v-" + key)
			}
		case f.Kind() == reflect.Map:
			f.Set(reflect.MakeMap(f.Type()))
			f.SetMapIndex(reflect.ValueOf("k"), reflect.New(f.Type().Elem()).Elem())
		default:
			t.Fatalf("field %s has a type this test does not fill: %s", sf.Name, f.Type())
		}
	}
	enc, err := c.Encode()
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(enc, &top); err != nil {
		t.Fatal(err)
	}
	var ext map[string]json.RawMessage
	if err := json.Unmarshal(top[ExtensionsKey], &ext); err != nil {
		t.Fatalf("%s: %v\n%s", ExtensionsKey, err, enc)
	}
	for _, k := range keys {
		if _, ok := ext[k]; !ok {
			t.Errorf("%q not written", k)
		}
	}
	if len(ext) != len(keys) {
		t.Errorf("wrote %d keys, want %d", len(ext), len(keys))
	}
	back, err := Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Ext.Extra) != 0 {
		t.Errorf("keys left unread: %v", slices.Sorted(maps.Keys(back.Ext.Extra)))
	}
	if !back.Equal(c) {
		t.Errorf("round trip changed the extensions:\n got %+v\nwant %+v", back.Ext, c.Ext)
	}
}

// TestValidateNamesKnownKeys breaks every scalar field at once and checks
// that each key Validate names in its errors is one the tags define, so
// the key names written out in validate.go cannot drift from them.
func TestValidateNamesKnownKeys(t *testing.T) {
	c := &Config{}
	breakFields := func(v reflect.Value) {
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue
			}
			switch f := v.Field(i); {
			case f.Kind() == reflect.String:
				f.SetString("no such\tthing")
			case f.Kind() == reflect.Int:
				f.SetInt(-1)
			case f.Kind() == reflect.Float64:
				f.SetFloat(5)
			case f.Type() == reflect.TypeFor[[]string]():
				f.Set(reflect.ValueOf([]string{"", "::bad::"}))
			}
		}
	}
	breakFields(reflect.ValueOf(c).Elem())
	breakFields(reflect.ValueOf(&c.Ext).Elem())
	err := c.Validate()
	if err == nil {
		t.Fatal("a config with every field broken is valid")
	}
	top := map[string]bool{}
	for _, k := range KnownKeys() {
		top[k] = true
	}
	ext := map[string]bool{}
	for _, f := range (&Extensions{}).fields() {
		ext[f.key] = true
	}
	named := 0
	for _, line := range strings.Split(err.Error(), "\n") {
		rest, ok := strings.CutPrefix(line, ErrInvalid.Error()+": ")
		if !ok {
			t.Errorf("error line without the ErrInvalid prefix: %q", line)
			continue
		}
		key, _, _ := strings.Cut(rest, ": ")
		key, _, _ = strings.Cut(key, "[")
		named++
		if sub, ok := strings.CutPrefix(key, ExtensionsKey+"."); ok {
			sub, _, _ = strings.Cut(sub, ".")
			if !ext[sub] {
				t.Errorf("Validate names %s.%s, which no Extensions tag defines: %q", ExtensionsKey, sub, line)
			}
		} else if !top[key] {
			t.Errorf("Validate names %q, which no Config tag defines: %q", key, line)
		}
	}
	if named < 20 {
		t.Errorf("only %d keys named; the test no longer breaks most fields:\n%v", named, err)
	}
}
