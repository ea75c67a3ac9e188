package strictoml

import "testing"

// FuzzDecode feeds arbitrary documents and overrides to Decode: it must
// decode or return an *Error, never panic or hang.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(good), "inner.nodes=64")
	f.Add([]byte(good), "items[1].kind=c")
	f.Add([]byte("[[items]]\n[[items]]\ncount = -1\n"), "rates=[1, 2.5]")
	f.Add([]byte("a.b.c = 1\n[x.y]\nz = [1, {q = 2}]\n"), "x.y.z[1].q=3")
	f.Fuzz(func(t *testing.T, doc []byte, set string) {
		v := defaults()
		var sets []string
		if set != "" {
			sets = []string{set}
		}
		meta, err := Decode("f.toml", doc, sets, &v)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if meta == nil {
			t.Fatal("nil meta without error")
		}
	})
}
