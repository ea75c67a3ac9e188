package param

import (
	"fmt"
	"strings"
)

// UnknownNameError is a name that no value of an enumeration has. Its
// message names neither the package nor the key, so that whoever read the
// name (a scenario's decoder, a flag) says where it was written.
type UnknownNameError struct {
	Name  string   // the name given
	Names []string // the enumeration's names, in the order of its values
}

// Error returns, for instance, `unknown value "rk5" (want euler or rk4)`.
func (e *UnknownNameError) Error() string {
	want := e.Names[len(e.Names)-1]
	if len(e.Names) > 1 {
		want = strings.Join(e.Names[:len(e.Names)-1], ", ") + " or " + want
	}
	return fmt.Sprintf("unknown value %q (want %s)", e.Name, want)
}

// SetByName sets *v to the value of an enumeration named text, where
// names[i] is the name of value i; for an unknown name it leaves *v alone
// and returns an [*UnknownNameError]. The enumerations' UnmarshalText
// methods use it.
func SetByName[T ~uint8](v *T, text []byte, names []string) error {
	for i, name := range names {
		if name == string(text) {
			*v = T(i)
			return nil
		}
	}
	return &UnknownNameError{Name: string(text), Names: names}
}
