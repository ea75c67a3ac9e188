package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// splitWords splits line into words as a POSIX shell does, for the
// quoting the tests meet: blanks between words, '...' literal, "..." with
// \ escaping \, ", $ and `, and \ outside quotes escaping the next
// character. An unquoted character the shell would treat specially
// (< > | & ; ( ) $ ` * ? [ ~ #) is an error: the word would not reach
// esgtsim as written.
func splitWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
			continue
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("unclosed ' at %d", i)
			}
			w.WriteString(line[i+1 : i+1+end])
			i += end + 1
		case c == '"':
			for i++; ; i++ {
				if i == len(line) {
					return nil, fmt.Errorf("unclosed \"")
				}
				if line[i] == '"' {
					break
				}
				if line[i] == '\\' && i+1 < len(line) && strings.IndexByte("\\\"$`", line[i+1]) >= 0 {
					i++
				} else if line[i] == '$' || line[i] == '`' {
					return nil, fmt.Errorf("expansion in double quotes at %d", i)
				}
				w.WriteByte(line[i])
			}
		case c == '\\':
			if i+1 == len(line) {
				return nil, fmt.Errorf("trailing backslash")
			}
			i++
			w.WriteByte(line[i])
		case strings.IndexByte("<>|&;()$`*?[#", c) >= 0 || c == '~' && !inWord:
			return nil, fmt.Errorf("unquoted %q at %d in %s", c, i, line)
		default:
			w.WriteByte(c)
		}
		inWord = true
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// TestShellCommand: the words come back from a shell's splitting as they
// went in, and only the words that need it are quoted.
func TestShellCommand(t *testing.T) {
	words := []string{"esgtsim", "run", "my scenarios/load full.toml", "--criterion", "latency_ms.p99<100ms",
		"--set", "fabric.nodes=20", "--set", `workload[0].kind="burst"`, "it's", "", "~/x", "a$b", "*", "tab\there", "--seeds", "1..3,7"}
	line := shellCommand(words...)
	got, err := splitWords(line)
	if err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	if !slices.Equal(got, words) {
		t.Errorf("%s\nsplits into %q\nwant %q", line, got, words)
	}
	for in, want := range map[string]string{
		"fabric.nodes=20":      "fabric.nodes=20",
		"latency_ms.p99<100ms": "'latency_ms.p99<100ms'",
		"a b":                  "'a b'",
		"it's":                 `'it'\''s'`,
		"":                     "''",
		"1..3,7":               "1..3,7",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestReproduceCommand: the command holds every flag that shaped the run,
// quoted where a shell needs it.
func TestReproduceCommand(t *testing.T) {
	got := reproduceCommand("my dir/s.toml", 7, []string{"fabric.nodes=20"}, []string{"latency_ms.p99<100ms"}, "target")
	want := `esgtsim run 'my dir/s.toml' --seed 7 --set fabric.nodes=20 --criterion 'latency_ms.p99<100ms' --tier target`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := reproduceCommand("latency", 42, nil, nil, "asserted"); got != "esgtsim run latency --seed 42" {
		t.Errorf("asserted, the default, is written: %s", got)
	}
}
