package chattemplate

// Python methods on str, dict and list values, as Jinja2's immutable
// sandbox allows them: read-only methods work, mutating ones (append,
// update, pop, ...) raise an error as they do under Hugging Face.

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

func isStrMethod(name string) bool {
	switch name {
	case "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines", "startswith", "endswith",
		"lower", "upper", "title", "capitalize", "swapcase", "replace", "find", "rfind", "index", "rindex",
		"count", "join", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper",
		"isnumeric", "isdecimal", "format", "removeprefix", "removesuffix", "zfill", "ljust", "rjust", "center":
		return true
	}
	return false
}

func isDictMethod(name string) bool {
	switch name {
	case "items", "keys", "values", "get", "copy", "update", "pop", "popitem", "setdefault", "clear":
		return true
	}
	return false
}

func isListMethod(name string) bool {
	switch name {
	case "index", "count", "copy", "append", "extend", "insert", "remove", "reverse", "sort", "pop", "clear":
		return true
	}
	return false
}

func boundMethod(obj any, name string) *function {
	return &function{name: name, call: func(s *state, args []any, kw []kwarg) (any, error) {
		v, _, err := s.callMethod(obj, name, args, kw)
		return v, err
	}}
}

func unsafeMethod(obj any, name string) error {
	return fmt.Errorf("%w: access to attribute '%s' of '%s' object is unsafe (templates cannot modify their input)", ErrType, name, typeName(obj))
}

// callMethod calls obj.name(args...) when obj is a str, dict or list and
// name is one of its methods; handled is false otherwise.
func (s *state) callMethod(obj any, name string, args []any, kw []kwarg) (v any, handled bool, err error) {
	switch x := norm(obj).(type) {
	case string:
		if !isStrMethod(name) {
			return nil, false, nil
		}
		v, err = s.strMethod(x, name, args, kw)
		return v, true, err
	case *dict:
		if !isDictMethod(name) {
			return nil, false, nil
		}
		switch name {
		case "items":
			return dictItems(x), true, nil
		case "keys":
			return x.keys(), true, nil
		case "values":
			out := make([]any, len(x.entries))
			for i, e := range x.entries {
				out[i] = e.val
			}
			return out, true, nil
		case "get":
			k, ok := arg(args, kw, 0, "key")
			if !ok {
				return nil, true, fmt.Errorf("%w: get expected at least 1 argument", ErrType)
			}
			def, _ := arg(args, kw, 1, "default")
			if ks, ok := k.(string); ok {
				if v, ok := x.get(ks); ok {
					return v, true, nil
				}
			}
			return def, true, nil
		case "copy":
			return x, true, nil
		}
		return nil, true, unsafeMethod(obj, name)
	case []any:
		if !isListMethod(name) {
			return nil, false, nil
		}
		switch name {
		case "index", "count":
			a, ok := arg(args, kw, 0, "value")
			if !ok {
				return nil, true, fmt.Errorf("%w: %s expected 1 argument", ErrType, name)
			}
			n := int64(0)
			for i, e := range x {
				if s.equal(e, a, 0) {
					if name == "index" {
						return int64(i), true, nil
					}
					n++
				}
			}
			if name == "index" {
				return nil, true, fmt.Errorf("%w: value is not in list", ErrType)
			}
			return n, true, nil
		case "copy":
			return append([]any{}, x...), true, nil
		}
		return nil, true, unsafeMethod(obj, name)
	}
	return nil, false, nil
}

func (s *state) strMethod(str, name string, args []any, kw []kwarg) (any, error) {
	switch name {
	case "strip", "lstrip", "rstrip":
		chars, has, err := strArg(args, kw, 0, "chars")
		if err != nil {
			return nil, err
		}
		return pyStrip(str, chars, has, name != "rstrip", name != "lstrip"), nil
	case "split", "rsplit":
		sep, has, err := strArg(args, kw, 0, "sep")
		if err != nil {
			return nil, err
		}
		maxSplit, err := intArg(args, kw, 1, "maxsplit", -1)
		if err != nil {
			return nil, err
		}
		if has && sep == "" {
			return nil, fmt.Errorf("%w: empty separator", ErrType)
		}
		var parts []string
		switch {
		case !has:
			parts = splitWhitespace(str, maxSplit, name == "rsplit")
		case name == "rsplit" && maxSplit >= 0:
			parts = rsplitN(str, sep, int(maxSplit))
		case maxSplit >= 0:
			parts = strings.SplitN(str, sep, int(min(maxSplit, int64(len(str)))+1))
		default:
			parts = strings.Split(str, sep)
		}
		out := make([]any, len(parts))
		for i, p := range parts {
			out[i] = p
		}
		return out, nil
	case "splitlines":
		lines := splitLines(str)
		out := make([]any, len(lines))
		for i, l := range lines {
			out[i] = l
		}
		return out, nil
	case "startswith", "endswith":
		a, ok := arg(args, kw, 0, "prefix")
		if !ok {
			return nil, fmt.Errorf("%w: %s expected 1 argument", ErrType, name)
		}
		cands := []any{a}
		if l, isList := norm(a).([]any); isList {
			cands = l
		}
		for _, c := range cands {
			cs, ok := c.(string)
			if !ok {
				return nil, fmt.Errorf("%w: %s first arg must be str or a tuple of str, not %s", ErrType, name, typeName(c))
			}
			if (name == "startswith" && strings.HasPrefix(str, cs)) || (name == "endswith" && strings.HasSuffix(str, cs)) {
				return true, nil
			}
		}
		return false, nil
	case "lower":
		return strings.ToLower(str), nil
	case "upper":
		return pyUpper(str), nil
	case "title":
		return pyTitle(str), nil
	case "capitalize":
		return capitalize(str), nil
	case "swapcase":
		return strings.Map(func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}, str), nil
	case "replace":
		return s.replace(str, args, kw)
	case "find", "rfind", "index", "rindex", "count":
		sub, has, err := strArg(args, kw, 0, "sub")
		if err != nil {
			return nil, err
		}
		if !has {
			return nil, fmt.Errorf("%w: %s expected 1 argument", ErrType, name)
		}
		if name == "count" {
			if sub == "" {
				return int64(strLen(str) + 1), nil
			}
			return int64(strings.Count(str, sub)), nil
		}
		var i int
		if name == "find" || name == "index" {
			i = strings.Index(str, sub)
		} else {
			i = strings.LastIndex(str, sub)
		}
		if i < 0 {
			if name == "index" || name == "rindex" {
				return nil, fmt.Errorf("%w: substring not found", ErrType)
			}
			return int64(-1), nil
		}
		return int64(strLen(str[:i])), nil
	case "join":
		a, ok := arg(args, kw, 0, "iterable")
		if !ok {
			return nil, fmt.Errorf("%w: join expected 1 argument", ErrType)
		}
		items, err := iterate(a)
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		for i, it := range items {
			is, ok := it.(string)
			if !ok {
				return nil, fmt.Errorf("%w: sequence item %d: expected str instance, %s found", ErrType, i, typeName(it))
			}
			if i > 0 {
				b.WriteString(str)
			}
			b.WriteString(is)
			if err := s.checkLen(b.Len()); err != nil {
				return nil, err
			}
		}
		return b.String(), nil
	case "isdigit", "isnumeric", "isdecimal":
		return str != "" && strings.IndexFunc(str, func(r rune) bool { return !unicode.IsDigit(r) }) < 0, nil
	case "isalpha":
		return str != "" && strings.IndexFunc(str, func(r rune) bool { return !unicode.IsLetter(r) }) < 0, nil
	case "isalnum":
		return str != "" && strings.IndexFunc(str, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) < 0, nil
	case "isspace":
		return str != "" && strings.IndexFunc(str, func(r rune) bool { return !isPySpace(r) }) < 0, nil
	case "islower", "isupper":
		return applyCaseTest(name[2:], str), nil
	case "removeprefix":
		p, _, err := strArg(args, kw, 0, "prefix")
		return strings.TrimPrefix(str, p), err
	case "removesuffix":
		p, _, err := strArg(args, kw, 0, "suffix")
		return strings.TrimSuffix(str, p), err
	case "zfill", "ljust", "rjust", "center":
		width, err := intArg(args, kw, 0, "width", 0)
		if err != nil {
			return nil, err
		}
		if err := s.checkLen(int(min(width, int64(s.maxOut)+1))); err != nil {
			return nil, err
		}
		fill := " "
		if name != "zfill" {
			if f, has, err := strArg(args, kw, 1, "fillchar"); err != nil {
				return nil, err
			} else if has {
				fill = f
			}
		}
		pad := int(width) - strLen(str)
		if pad <= 0 {
			return str, nil
		}
		switch name {
		case "zfill":
			if str != "" && (str[0] == '-' || str[0] == '+') {
				return str[:1] + strings.Repeat("0", pad) + str[1:], nil
			}
			return strings.Repeat("0", pad) + str, nil
		case "ljust":
			return str + strings.Repeat(fill, pad), nil
		case "rjust":
			return strings.Repeat(fill, pad) + str, nil
		}
		left := pad / 2
		if pad%2 == 1 && int(width)%2 == 1 {
			left++
		}
		return strings.Repeat(fill, left) + str + strings.Repeat(fill, pad-left), nil
	case "format":
		return s.strFormat(str, args, kw)
	}
	return nil, fmt.Errorf("%w: str has no method '%s'", ErrType, name)
}

// pyUpper is str.upper(), including the full mapping of "ß" to "SS".
func pyUpper(s string) string {
	u := strings.ToUpper(s)
	if strings.Contains(u, "ß") {
		u = strings.ReplaceAll(u, "ß", "SS")
	}
	return u
}

func applyCaseTest(which, str string) bool {
	cased := false
	for _, r := range str {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			cased = true
			if (which == "lower" && unicode.IsUpper(r)) || (which == "upper" && unicode.IsLower(r)) {
				return false
			}
		}
	}
	return cased
}

// pyStrip is str.strip/lstrip/rstrip: whitespace, or the given chars.
func pyStrip(s, chars string, hasChars, left, right bool) string {
	f := isPySpace
	if hasChars {
		f = func(r rune) bool { return strings.ContainsRune(chars, r) }
	}
	if left {
		s = strings.TrimLeftFunc(s, f)
	}
	if right {
		s = strings.TrimRightFunc(s, f)
	}
	return s
}

func splitWhitespace(s string, maxSplit int64, fromRight bool) []string {
	if maxSplit < 0 {
		return strings.FieldsFunc(s, isPySpace)
	}
	var out []string
	if fromRight {
		s = strings.TrimRightFunc(s, isPySpace)
		for int64(len(out)) < maxSplit {
			i := strings.LastIndexFunc(s, isPySpace)
			if i < 0 {
				break
			}
			out = append(out, s[i+1:])
			s = strings.TrimRightFunc(s[:i], isPySpace)
		}
		if s != "" {
			out = append(out, s)
		}
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
		return out
	}
	s = strings.TrimLeftFunc(s, isPySpace)
	for int64(len(out)) < maxSplit {
		i := strings.IndexFunc(s, isPySpace)
		if i < 0 {
			break
		}
		out = append(out, s[:i])
		s = strings.TrimLeftFunc(s[i:], isPySpace)
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

func rsplitN(s, sep string, n int) []string {
	var out []string
	for len(out) < n {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[i+len(sep):])
		s = s[:i]
	}
	out = append(out, s)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// strFormat is str.format with "{}", "{0}" and "{name}" fields (no format
// specs) and "{{" / "}}" escapes.
func (s *state) strFormat(f string, args []any, kw []kwarg) (any, error) {
	var b strings.Builder
	auto := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == '{' && i+1 < len(f) && f[i+1] == '{', c == '}' && i+1 < len(f) && f[i+1] == '}':
			b.WriteByte(c)
			i++
		case c == '{':
			j := strings.IndexByte(f[i:], '}')
			if j < 0 {
				return nil, fmt.Errorf("%w: single '{' encountered in format string", ErrType)
			}
			field := f[i+1 : i+j]
			i += j
			var v any
			if field == "" {
				if auto >= len(args) {
					return nil, fmt.Errorf("%w: format: not enough positional arguments", ErrType)
				}
				v = args[auto]
				auto++
			} else if n, err := strconv.Atoi(field); err == nil {
				if n < 0 || n >= len(args) {
					return nil, fmt.Errorf("%w: format: index %d out of range", ErrType, n)
				}
				v = args[n]
			} else {
				found := false
				for _, k := range kw {
					if k.name == field {
						v, found = k.val, true
					}
				}
				if !found {
					return nil, fmt.Errorf("%w: format: unsupported or missing field '%s'", ErrType, field)
				}
			}
			b.WriteString(s.str(v))
			if err := s.checkLen(b.Len()); err != nil {
				return nil, err
			}
		case c == '}':
			return nil, fmt.Errorf("%w: single '}' encountered in format string", ErrType)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// strftime formats t with Python/C strftime directives, including the
// glibc "%-d" style that drops padding.
func strftime(t time.Time, f string) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 >= len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		noPad := false
		if f[i] == '-' && i+1 < len(f) {
			noPad = true
			i++
		}
		num := func(v, width int) {
			if noPad {
				b.WriteString(strconv.Itoa(v))
			} else {
				fmt.Fprintf(&b, "%0*d", width, v)
			}
		}
		switch f[i] {
		case 'Y':
			b.WriteString(strconv.Itoa(t.Year()))
		case 'y':
			num(t.Year()%100, 2)
		case 'm':
			num(int(t.Month()), 2)
		case 'd':
			num(t.Day(), 2)
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'H':
			num(t.Hour(), 2)
		case 'I':
			h := t.Hour() % 12
			if h == 0 {
				h = 12
			}
			num(h, 2)
		case 'M':
			num(t.Minute(), 2)
		case 'S':
			num(t.Second(), 2)
		case 'f':
			fmt.Fprintf(&b, "%06d", t.Nanosecond()/1000)
		case 'j':
			num(t.YearDay(), 3)
		case 'p':
			if t.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'B':
			b.WriteString(t.Month().String())
		case 'b', 'h':
			b.WriteString(t.Month().String()[:3])
		case 'A':
			b.WriteString(t.Weekday().String())
		case 'a':
			b.WriteString(t.Weekday().String()[:3])
		case 'w':
			b.WriteString(strconv.Itoa(int(t.Weekday())))
		case 'Z':
			name, _ := t.Zone()
			b.WriteString(name)
		case 'z':
			b.WriteString(t.Format("-0700"))
		case 'F':
			b.WriteString(t.Format("2006-01-02"))
		case 'T':
			b.WriteString(t.Format("15:04:05"))
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			if noPad {
				b.WriteByte('-')
			}
			b.WriteByte(f[i])
		}
	}
	return b.String()
}
