package grammar

import (
	"errors"
	"strings"
	"testing"
)

func TestFromJSONSchema(t *testing.T) {
	v := byteVocab()
	cases := []struct {
		name   string
		schema string
		opts   SchemaOptions
		accept []string
		refuse []string
	}{
		{"types", `{"type":["string","null","boolean"]}`, SchemaOptions{},
			[]string{`"x"`, `null`, `true`, `""`, `"a\"b\\c\u00e9"`, `"日本"`},
			[]string{`1`, `{}`, `[]`, `"a`, `"` + "\n" + `"`, ` "x"`}},
		{"integer bounds", `{"type":"integer","minimum":-12,"maximum":105}`, SchemaOptions{},
			[]string{`-12`, `-1`, `0`, `7`, `99`, `100`, `105`},
			[]string{`-13`, `106`, `1000`, `-0`, `007`, `1.5`, `1e2`}},
		{"exclusive integer bounds draft 6", `{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":10}`, SchemaOptions{},
			[]string{`1`, `9`}, []string{`0`, `10`, `-1`}},
		{"exclusive draft 4", `{"type":"integer","minimum":0,"exclusiveMinimum":true,"maximum":3}`, SchemaOptions{},
			[]string{`1`, `3`}, []string{`0`, `4`}},
		{"number bounds", `{"type":"number","minimum":0.5,"exclusiveMaximum":2.25}`, SchemaOptions{},
			[]string{`0.5`, `0.50`, `0.51`, `1`, `1.999`, `2`, `2.2`, `2.249999`},
			[]string{`0.49`, `0`, `2.25`, `2.250`, `2.3`, `3`, `-1`}},
		{"negative number bounds", `{"type":"number","minimum":-1.5,"maximum":-0.25}`, SchemaOptions{},
			[]string{`-1.5`, `-1`, `-0.25`, `-0.3`, `-1.49`},
			[]string{`-1.51`, `-2`, `-0.2`, `0`, `1`}},
		{"plain number", `{"type":"number"}`, SchemaOptions{},
			[]string{`0`, `-0.5`, `1e10`, `2.5E-3`, `123`}, []string{`01`, `.5`, `1.`, `--1`, `+1`}},
		{"string lengths", `{"type":"string","minLength":2,"maxLength":3}`, SchemaOptions{},
			[]string{`"ab"`, `"abc"`, `"é日"`, `"\n\t"`}, []string{`"a"`, `"abcd"`, `""`}},
		{"pattern", `{"type":"string","pattern":"^[a-z]+-\\d{2,3}$"}`, SchemaOptions{},
			[]string{`"ab-12"`, `"x-123"`}, []string{`"ab-1"`, `"AB-12"`, `"ab-1234"`, `"ab12"`}},
		{"unanchored pattern", `{"type":"string","pattern":"foo|ba+r"}`, SchemaOptions{},
			[]string{`"xfooy"`, `"baaar"`, `"foo"`}, []string{`"fo"`, `"br"`}},
		{"formats", `{"type":"object","properties":{"d":{"type":"string","format":"date"},"t":{"type":"string","format":"date-time"},"u":{"type":"string","format":"uuid"}},"additionalProperties":false}`, SchemaOptions{},
			[]string{`{"d":"2024-02-29","t":"2023-12-01T12:00:00.5Z","u":"123e4567-e89b-12d3-a456-426614174000"}`, `{"d":"2000-02-29"}`},
			[]string{`{"d":"2023-02-29"}`, `{"d":"1900-02-29"}`, `{"d":"2023-13-01"}`, `{"t":"2023-12-01 12:00:00Z"}`, `{"u":"123"}`}},
		{"email and ipv4", `{"type":"array","prefixItems":[{"type":"string","format":"email"},{"type":"string","format":"ipv4"}],"items":false}`, SchemaOptions{},
			[]string{`["a.b@example.com","10.0.0.255"]`, `[]`, `["x@y"]`}, []string{`["a@","1.2.3.4"]`, `["a@b","256.1.1.1"]`, `["a@b","1.2.3.4",1]`}},
		{"schema order and required", `{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"}},"required":["b"],"additionalProperties":false}`, SchemaOptions{SchemaOrder: true},
			[]string{`{"b":"x"}`, `{"a":1,"b":"x"}`}, []string{`{}`, `{"a":1}`, `{"b":"x","a":1}`, `{"b":"x","c":1}`, `{"a":"1","b":"x"}`}},
		{"any order (default)", `{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"}},"required":["b"],"additionalProperties":false}`, SchemaOptions{},
			[]string{`{"b":"x"}`, `{"a":1,"b":"x"}`, `{"b":"x","a":1}`}, []string{`{}`, `{"a":1}`, `{"b":"x","b":"y"}`, `{"b":"x","c":1}`, `{"a":1,"a":2,"b":"x"}`}},
		{"additional properties", `{"type":"object","properties":{"a":{"type":"integer"}},"additionalProperties":{"type":"boolean"}}`, SchemaOptions{},
			[]string{`{}`, `{"a":1}`, `{"a":1,"x":true}`, `{"x":false,"ab":true}`, `{"é":true}`}, []string{`{"x":1}`, `{"a":true}`, `{"a":1,"a":2}`}},
		{"min and max properties", `{"type":"object","minProperties":1,"maxProperties":2}`, SchemaOptions{},
			[]string{`{"a":1}`, `{"a":1,"b":[2]}`}, []string{`{}`, `{"a":1,"b":2,"c":3}`}},
		{"pattern properties", `{"type":"object","patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}`, SchemaOptions{},
			[]string{`{}`, `{"x-a":"1","x-b":"2"}`}, []string{`{"y":"1"}`, `{"x-a":1}`}},
		{"enum and const", `{"anyOf":[{"enum":["red","green",1,null,{"k":[1]}]},{"const":true}]}`, SchemaOptions{},
			[]string{`"red"`, `1`, `null`, `{"k":[1]}`, `true`}, []string{`"blue"`, `false`, `{"k":[2]}`, `2`}},
		{"enum filtered by type", `{"type":"string","enum":["a",1]}`, SchemaOptions{},
			[]string{`"a"`}, []string{`1`}},
		{"exclusive oneOf", `{"oneOf":[{"type":"string"},{"type":"integer"}]}`, SchemaOptions{},
			[]string{`"a"`, `1`}, []string{`1.5`, `null`}},
		{"allOf", `{"allOf":[{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]},{"properties":{"a":{"minimum":5}}}]}`, SchemaOptions{},
			[]string{`{"a":5}`, `{"a":7,"b":1}`}, []string{`{"a":4}`, `{}`}},
		{"allOf additionalProperties", `{"allOf":[{"properties":{"a":{}},"additionalProperties":false}],"properties":{"b":{}},"required":["b"]}`, SchemaOptions{},
			nil, []string{`{"b":1}`, `{"a":1,"b":1}`}},
		{"allOf of enums", `{"allOf":[{"enum":["a","b",1,{"x":1}]},{"enum":["b",{"x":1},2]}]}`, SchemaOptions{},
			[]string{`"b"`, `{"x":1}`}, []string{`"a"`, `1`, `2`}},
		{"allOf of recursive refs", `{"allOf":[{"$ref":"#/$defs/a"},{"$ref":"#/$defs/b"}],"$defs":{"a":{"type":"object","properties":{"n":{"$ref":"#/$defs/a"}},"additionalProperties":false},"b":{"type":"object","additionalProperties":{"$ref":"#/$defs/c"},"minProperties":1},"c":{"additionalProperties":{"$ref":"#/$defs/b"}}}}`, SchemaOptions{},
			[]string{`{"n":{}}`, `{"n":{"n":{"n":{}}}}`, `{"n":{"n":{"n":{"n":{"n":{}}}}}}`}, []string{`{}`, `{"n":{"n":{}}}`, `{"m":{}}`, `{"n":{"n":{"n":{"n":{}}}}}`}},
		{"recursive ref", `{"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"v":{"type":"integer"},"next":{"$ref":"#/$defs/node"}},"required":["v"],"additionalProperties":false}}}`, SchemaOptions{},
			[]string{`{"v":1}`, `{"v":1,"next":{"v":2,"next":{"v":3}}}`}, []string{`{"v":1,"next":{}}`, `{"next":{"v":1}}`}},
		{"draft 4 definitions and tuple items", `{"definitions":{"n":{"type":"number"}},"type":"array","items":[{"$ref":"#/definitions/n"},{"type":"string"}],"additionalItems":{"type":"boolean"}}`, SchemaOptions{},
			[]string{`[]`, `[1]`, `[1,"a"]`, `[1,"a",true,false]`}, []string{`["a"]`, `[1,2]`, `[1,"a",3]`}},
		{"items bounds", `{"type":"array","items":{"type":"integer"},"minItems":2,"maxItems":3}`, SchemaOptions{},
			[]string{`[1,2]`, `[1,2,3]`}, []string{`[]`, `[1]`, `[1,2,3,4]`, `[1,"a"]`}},
		{"any value", `{}`, SchemaOptions{},
			[]string{`{"a":[1,{"b":null}],"c":"d"}`, `[]`, `-1.5e3`, `"x"`}, []string{`{a:1}`, `[1,]`, ``}},
		{"false schema property", `{"type":"object","properties":{"a":false}}`, SchemaOptions{},
			[]string{`{}`, `{"b":1}`}, []string{`{"a":1}`}},
		{"whitespace", `{"type":"object","properties":{"a":{"type":"array"}}}`, SchemaOptions{Whitespace: 2},
			[]string{`{"a":[]}`, `{ "a": [ 1,  2 ] }`, "{\n \"a\": []}", "{\"a\": [\n 1,\n 2\n]\n}"},
			[]string{`{   "a":[]}`, `{"a" :[]}`, `{"a":[1 ,2]}`, ` {"a":[]}`, `{"a":[]} `}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := FromJSONSchema([]byte(tc.schema), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkLanguage(t, g, v, tc.accept, tc.refuse)
		})
	}
}

func TestSchemaUnsupported(t *testing.T) {
	cases := []struct{ schema, keyword string }{
		{`{"not":{"type":"string"}}`, "not"},
		{`{"type":"object","properties":{"a":{"if":{},"then":{}}}}`, "if"},
		{`{"type":"array","uniqueItems":true}`, "uniqueItems"},
		{`{"type":"integer","multipleOf":3}`, "multipleOf"},
		{`{"type":"string","format":"ipv6"}`, "format"},
		{`{"type":"string","pattern":"(?=a)b"}`, "pattern"},
		{`{"$ref":"https://example.com/schema.json"}`, "$ref"},
		{`{"oneOf":[{"type":"integer"},{"type":"number"}]}`, "oneOf"},
		// {"login":"x","password":"y"} matches both; generation offers
		// additional keys only after the required ones, the proof must not
		{`{"type":"object","oneOf":[{"properties":{"login":{"type":"string"}},"required":["login"]},{"properties":{"password":{"type":"string"}},"required":["password"]}]}`, "oneOf"},
		{`{"type":"object","dependentRequired":{"a":["b"]}}`, "dependentRequired"},
	}
	for _, tc := range cases {
		_, err := FromJSONSchema([]byte(tc.schema), SchemaOptions{})
		var u *UnsupportedError
		if !errors.As(err, &u) || u.Keyword != tc.keyword {
			t.Errorf("%s: err %v, want UnsupportedError naming %q", tc.schema, err, tc.keyword)
			continue
		}
		if !strings.Contains(err.Error(), tc.keyword) {
			t.Errorf("%s: message %q does not name %q", tc.schema, err, tc.keyword)
		}
	}
	// Annotations and unknown keywords are ignored.
	if _, err := FromJSONSchema([]byte(`{"title":"t","description":"d","examples":[1],"x-custom":1,"$comment":"c","type":"integer","default":3}`), SchemaOptions{}); err != nil {
		t.Errorf("annotations: %v", err)
	}
	for _, bad := range []string{`{`, `[1]`, `{"type":"strin"}`, `{"type":"integer","minimum":"a"}`, `{"$ref":"#/definitions/missing"}`} {
		if _, err := FromJSONSchema([]byte(bad), SchemaOptions{}); err == nil {
			t.Errorf("%s: compiled", bad)
		}
	}
}

func TestJSONObject(t *testing.T) {
	v := byteVocab()
	checkLanguage(t, JSONObject(), v, []string{`{}`, `{"a":{"b":[1,"x",null]}}`}, []string{`[]`, `"x"`, `{"a"}`})
}
