package trace

import (
	"bytes"
	"testing"
)

// FuzzCompareTraces feeds arbitrary traces to the trace reader: it must
// return a result or an error, never panic.
func FuzzCompareTraces(f *testing.F) {
	line := []byte(`{"t":100,"kind":"request","id":1,"salience":0.9,"h":"0123456789abcdef"}` + "\n")
	f.Add(line, line)
	f.Add(line, []byte("garbage\n"))
	f.Add([]byte{}, line)
	f.Fuzz(func(t *testing.T, a, b []byte) {
		div, err := CompareTraces(bytes.NewReader(a), bytes.NewReader(b))
		if err == nil && div != nil && bytes.Equal(a, b) {
			t.Fatalf("identical traces reported as different: %v", div)
		}
		if same, err := CompareTraces(bytes.NewReader(a), bytes.NewReader(a)); err == nil && same != nil {
			t.Fatalf("a trace differs from itself: %v", same)
		}
	})
}
