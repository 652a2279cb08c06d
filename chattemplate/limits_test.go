package chattemplate

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestHostileTemplates checks that templates built to exhaust time,
// memory or stack fail with ErrLimit quickly instead.
func TestHostileTemplates(t *testing.T) {
	deepParens := "{{ " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + " }}"
	deepIfs := strings.Repeat("{% if true %}", 5000) + strings.Repeat("{% endif %}", 5000)
	deepNot := "{{ " + strings.Repeat("not ", 5000) + "1 }}"
	deepList := "{{ " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + " }}"
	tests := []struct{ name, src string }{
		{"nested loops", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"},
		{"infinite recursion", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"},
		{"mutual recursion", "{% macro a() %}{{ b() }}{% endmacro %}{% macro b() %}{{ a() }}{% endmacro %}{{ a() }}"},
		{"huge string repeat", "{{ 'a' * 1000000000 }}"},
		{"huge list repeat", "{{ ([1] * 1000000000) | length }}"},
		{"string doubling", "{% set ns = namespace(s='ab') %}{% for i in range(100) %}{% set ns.s = ns.s + ns.s %}{% endfor %}"},
		{"output flood", "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"},
		{"range too big", "{{ range(1000000000000) | length }}"},
		{"shared list repr", "{% set ns = namespace(l=[1]) %}{% for i in range(60) %}{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}"},
		{"shared list equality", "{% set ns = namespace(a=[1], b=[1]) %}{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}{% set ns.b = [ns.b, ns.b] %}{% endfor %}{{ ns.a == ns.b }}"},
		{"shared list json", "{% set ns = namespace(l=[1]) %}{% for i in range(60) %}{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l | tojson }}"},
		{"cyclic namespace", "{% set ns = namespace() %}{% set ns.x = [ns] %}{{ ns }}"},
		{"join flood", "{{ range(100000) | map('string') | join('x' * 100000) }}"},
		{"replace flood", "{{ ('a' * 100000) | replace('a', 'b' * 100000) }}"},
		{"integer overflow", "{{ 2 ** 64 }}"},
		{"deep parens", deepParens},
		{"deep ifs", deepIfs},
		{"deep not", deepNot},
		{"deep list literal", deepList},
		{"big string iteration", "{% for c in 'a' * 3000000 %}{% endfor %}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			tpl, err := Parse(tc.src)
			if err == nil {
				_, err = tpl.Render(nil, Options{})
			}
			if err == nil {
				t.Fatal("rendered without error")
			}
			if !errors.Is(err, ErrLimit) && !errors.Is(err, ErrType) {
				t.Errorf("error %v, want ErrLimit (or ErrType for overflow)", err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestLimitsOptions(t *testing.T) {
	tpl := MustParse("{% for i in range(100) %}{{ i }}{% endfor %}")
	if _, err := tpl.Render(nil, Options{MaxSteps: 50}); !errors.Is(err, ErrLimit) {
		t.Errorf("MaxSteps 50: err = %v, want ErrLimit", err)
	}
	if _, err := tpl.Render(nil, Options{MaxOutput: 20}); !errors.Is(err, ErrLimit) {
		t.Errorf("MaxOutput 20: err = %v, want ErrLimit", err)
	}
	out, err := tpl.Render(nil, Options{MaxOutput: 190, MaxSteps: 1000})
	if err != nil || len(out) != 190 {
		t.Errorf("within limits: %d bytes, err %v", len(out), err)
	}
	if _, err := Parse(strings.Repeat("x", MaxTemplateSize+1)); !errors.Is(err, ErrLimit) {
		t.Errorf("oversized template: err = %v, want ErrLimit", err)
	}
}

// TestLargeTemplatesLinear guards against quadratic work on big sources:
// each case took minutes before parsing and scoping were made linear.
func TestLargeTemplatesLinear(t *testing.T) {
	var sets strings.Builder
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&sets, "{%% set v%d = %d %%}", i, i)
	}
	sets.WriteString("{{ v0 + v49999 }}")
	tests := []struct{ name, src, want string }{
		{"adjacent string literals", "{{ " + strings.Repeat("'abcdefghij' ", 100000) + "| length }}", "1000000"},
		{"many variables in one scope", sets.String(), "49999"},
		{"long text", strings.Repeat("x", 1<<20) + "{{ 1 }}", strings.Repeat("x", 1<<20) + "1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got, err := MustParse(tc.src).Render(nil, Options{})
			if err != nil || got != tc.want {
				t.Fatalf("got %.40q, %v; want %.40q", got, err, tc.want)
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
