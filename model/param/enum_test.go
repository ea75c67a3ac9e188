package param

import "testing"

// TestSetByName: a known name sets its value; an unknown one leaves the
// value alone and is refused with every valid name, without a package or
// key in the message.
func TestSetByName(t *testing.T) {
	names := []string{"a", "b", "c"}
	v := uint8(2)
	if err := SetByName(&v, []byte("b"), names); err != nil || v != 1 {
		t.Errorf(`SetByName("b") = %v, value %d; want 1`, err, v)
	}
	err := SetByName(&v, []byte("z"), names)
	if want := `unknown value "z" (want a, b or c)`; err == nil || err.Error() != want || v != 1 {
		t.Errorf(`SetByName("z") = %v, value %d; want %s, value 1`, err, v, want)
	}
	if err := SetByName(&v, []byte("z"), names[:1]); err == nil || err.Error() != `unknown value "z" (want a)` {
		t.Errorf("one name: %v", err)
	}
}
