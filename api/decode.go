package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
)

// Decode reads a JSON request body into v, returning errors shaped for
// clients. Unknown fields are ignored.
func Decode(r *http.Request, v any) error { return decode(r, v) }

// decode reads a JSON body into v. Unknown fields are ignored.
//
// The body is taken as JSON when it has no Content-Type, a JSON one
// (application/json, anything +json), or the types curl and browsers send
// by default for a raw body (application/x-www-form-urlencoded, text/plain)
// as long as it then looks like JSON, as llama-server and Ollama accept it,
// unless a web page of another origin sent it. Other types are refused
// with 415.
//
// Errors name the field at fault as the client wrote it
// ("messages[0].content: expected ..."), never Go types.
func decode(r *http.Request, v any) error {
	ct := r.Header.Get("Content-Type")
	lenient, err := jsonContentType(ct)
	if err != nil {
		return err
	}
	if lenient && crossSite(r) {
		// A browser sends these types cross-site without asking the node
		// first (no CORS preflight); only curl-style clients get the leniency.
		return Errorf(http.StatusUnsupportedMediaType, "invalid_request_error", "unsupported_media_type",
			"content type %q is not accepted from a web page of another site; send Content-Type: application/json", ct)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return badRequest("", "cannot read the request body: %v", err)
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return badRequest("", "request body is empty; send a JSON object")
	}
	if lenient && trimmed[0] != '{' && trimmed[0] != '[' {
		return Errorf(http.StatusUnsupportedMediaType, "invalid_request_error", "unsupported_media_type",
			"content type %q: form fields are not supported; send a JSON object (Content-Type: application/json)", ct)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		return decodeError(body, err)
	}
	if dec.More() {
		return badRequest("", "request body has data after the JSON object")
	}
	return nil
}

// crossSite reports whether a browser sent r from a page of another origin.
func crossSite(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	u, err := url.Parse(origin)
	return err != nil || !strings.EqualFold(u.Host, r.Host)
}

// jsonContentType checks a request's Content-Type: it reports whether the
// type is one a client sends by default for a raw body (the body must then
// look like JSON), or an error for a type that is not JSON.
func jsonContentType(ct string) (lenient bool, err error) {
	if strings.TrimSpace(ct) == "" {
		return false, nil
	}
	mt, _, perr := mime.ParseMediaType(ct)
	switch {
	case perr != nil:
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return false, nil
	case mt == "application/x-www-form-urlencoded" || mt == "text/plain":
		return true, nil
	}
	return false, Errorf(http.StatusUnsupportedMediaType, "invalid_request_error", "unsupported_media_type",
		"content type %q is not supported; send a JSON body (Content-Type: application/json)", ct)
}

// decodeError turns an encoding/json error into a client error that names
// the field by its JSON path.
func decodeError(body []byte, err error) error {
	var (
		mbe *http.MaxBytesError
		se  *json.SyntaxError
		te  *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &mbe):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("", "request body is not valid JSON: it ends before the JSON value is complete")
	case errors.As(err, &se):
		return badRequest("", "request body is not valid JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		path, raw := locate(body, te)
		where := path
		if where == "" {
			where = "request body"
		}
		got := describeValue(raw, te.Value)
		e := badRequest(path, "%s: expected %s, got %s", where, expected(te.Type), got)
		return e
	}
	return badRequest("", "request body is not valid: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// Shaped is implemented by request field types with their own JSON
// decoding, to say what JSON they accept in error messages.
type Shaped interface {
	JSONShape() string
}

// expected describes the JSON a Go type accepts, for error messages.
func expected(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	shaped := reflect.TypeFor[Shaped]()
	if t.Implements(shaped) {
		return reflect.Zero(t).Interface().(Shaped).JSONShape()
	}
	if reflect.PointerTo(t).Implements(shaped) {
		return reflect.New(t).Interface().(Shaped).JSONShape()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return expected(t.Elem())
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return "a base64 string"
		}
		return "an array"
	case reflect.Struct:
		if t == reflect.TypeFor[json.RawMessage]() {
			return "a JSON value"
		}
		return "an object"
	case reflect.Map:
		return "an object"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another kind of value"
}

// describeValue says what a raw JSON value is, for error messages; kind is
// encoding/json's description, used when raw is unknown.
func describeValue(raw []byte, kind string) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		if n, ok := strings.CutPrefix(kind, "number "); ok {
			return n + " (out of range)"
		}
		if kind == "" {
			return "another kind of value"
		}
		return kind
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return string(raw)
	case 'n':
		return "null"
	}
	s := string(raw)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	if strings.HasPrefix(kind, "number ") || kind == "number" {
		if _, err := strconv.ParseFloat(string(raw), 64); err != nil {
			return s + " (out of range)"
		}
	}
	return s
}

// jsonValue is a value of a JSON document, met while walking it.
type jsonValue struct {
	stack      []pathElem // the keys and indexes on the way to it
	start, end int64      // its bytes in the document
	// state is how much of the field name its object keys match (see
	// fieldMatcher); parent is its parent's.
	state, parent int
}

// pathElem is an object key or, when key is nil, an array index.
type pathElem struct {
	key   *string
	index int
}

// path writes the value's path as a client writes it: messages[0].content.
func (v jsonValue) path() string {
	var b strings.Builder
	for _, e := range v.stack {
		if e.key == nil {
			b.WriteString("[" + strconv.Itoa(e.index) + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(*e.key)
	}
	return b.String()
}

// maxProbes bounds how many candidate values locate decodes again.
const maxProbes = 256

// locate finds the value an UnmarshalTypeError is about. encoding/json
// names its field by Go's view (embedded structs' names added, array
// indexes and map keys left out), so a candidate is a value whose object
// keys spell that name (or a map entry under it) and whose JSON kind is the
// one reported. Among candidates, the one ending (a scalar) or opening (an
// array or object) at the error's offset is it; an error from a type's own
// UnmarshalJSON has no offset, so the first candidate in document order,
// innermost first, that does not decode into the type is taken. It returns
// the value's path and bytes, or the field with Go's names removed when no
// value matches.
func locate(body []byte, te *json.UnmarshalTypeError) (string, []byte) {
	var field []string
	if te.Field != "" {
		field = strings.Split(te.Field, ".")
	}
	m := fieldMatcher(field)
	kind, _, _ := strings.Cut(te.Value, " ")
	for _, mapEntry := range []bool{false, true} {
		var (
			found  *jsonValue
			probes int
		)
		walkJSON(body, m, func(v jsonValue) bool {
			done := len(field)
			if mapEntry {
				if v.parent != done || len(v.stack) == 0 || v.stack[len(v.stack)-1].key == nil {
					return true
				}
			} else if v.state != done {
				return true
			}
			raw := body[v.start:v.end]
			if jsonKind(raw) != kind {
				return true
			}
			if te.Offset > 0 {
				opens := kind == "array" || kind == "object"
				if (opens && v.start+1 != te.Offset) || (!opens && v.end != te.Offset) {
					return true
				}
			} else if te.Type != nil {
				if probes++; probes > maxProbes {
					return false
				}
				if json.Unmarshal(raw, reflect.New(te.Type).Interface()) == nil {
					return true
				}
			}
			found = &v
			return false
		})
		if found != nil {
			return found.path(), body[found.start:found.end]
		}
	}
	var names []string
	for _, f := range field {
		if !isGoName(f) {
			names = append(names, f)
		}
	}
	return strings.Join(names, "."), nil
}

// jsonKind names a raw value's kind as encoding/json's UnmarshalTypeError
// does: string, number, object, array, bool or null.
func jsonKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// fieldMatcher returns the step function of a matcher of object keys
// against encoding/json's field name: a state is how many elements of field
// the keys so far spell, skipping the Go names of embedded structs; -1
// means they cannot. A value's keys spell the whole name when its state is
// len(field).
func fieldMatcher(field []string) func(state int, key string) int {
	return func(state int, key string) int {
		for state >= 0 && state < len(field) {
			if strings.EqualFold(field[state], key) { // as encoding/json matches keys
				return state + 1
			}
			if !isGoName(field[state]) {
				return -1
			}
			state++
		}
		return -1
	}
}

// isGoName reports whether a field path element is a Go identifier that
// encoding/json added for an embedded struct (exported, so upper case).
func isGoName(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// walkJSON calls visit for every value of a syntactically valid document,
// children before their parent, in document order, until visit returns
// false. step advances the key-matching state (see fieldMatcher).
func walkJSON(body []byte, step func(int, string) int, visit func(jsonValue) bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var stack []pathElem
	var walk func(state, parent int) (cont bool)
	walk = func(state, parent int) bool {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if d, isDelim := tok.(json.Delim); isDelim {
			switch d {
			case '{':
				for dec.More() {
					kt, err := dec.Token()
					if err != nil {
						return false
					}
					k, _ := kt.(string)
					stack = append(stack, pathElem{key: &k})
					cont := walk(step(state, k), state)
					stack = stack[:len(stack)-1]
					if !cont {
						return false
					}
				}
			case '[':
				for i := 0; dec.More(); i++ {
					stack = append(stack, pathElem{index: i})
					cont := walk(state, state)
					stack = stack[:len(stack)-1]
					if !cont {
						return false
					}
				}
			}
			if _, err := dec.Token(); err != nil { // the closing delimiter
				return false
			}
		}
		end := dec.InputOffset()
		// start is where the previous token ended: skip the separator.
		for start < end && strings.IndexByte(" \t\r\n:,", body[start]) >= 0 {
			start++
		}
		return visit(jsonValue{stack: stack, start: start, end: end, state: state, parent: parent})
	}
	walk(0, -1)
}

// typeError is the error the request's own JSON types return for a value of
// the wrong shape, so that it is reported with the field's path.
func typeError(raw []byte, t reflect.Type) error {
	return &json.UnmarshalTypeError{Value: jsonKind(raw), Type: t}
}

// Shapes of the request types with their own decoding.

// JSONShape says what JSON a StringList accepts.
func (StringList) JSONShape() string { return "a string or an array of strings" }

// JSONShape says what JSON a Content accepts.
func (Content) JSONShape() string { return "a string or an array of text parts" }
