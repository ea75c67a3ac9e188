package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// flagGetter reads declared flags, keeping the first error so that a
// command can read all its flags and check once.
type flagGetter struct {
	fs  *pflag.FlagSet
	err error
}

func (g *flagGetter) keep(err error) {
	if g.err == nil {
		g.err = err
	}
}

func (g *flagGetter) str(name string) string {
	v, err := g.fs.GetString(name)
	g.keep(err)
	return v
}

func (g *flagGetter) int(name string) int {
	v, err := g.fs.GetInt(name)
	g.keep(err)
	return v
}

func (g *flagGetter) uint64(name string) uint64 {
	v, err := g.fs.GetUint64(name)
	g.keep(err)
	return v
}

func (g *flagGetter) float(name string) float64 {
	v, err := g.fs.GetFloat64(name)
	g.keep(err)
	return v
}

// oneOf reads string flag name and keeps a usage error unless its value
// is one of allowed.
func (g *flagGetter) oneOf(name string, allowed ...string) string {
	v := g.str(name)
	if g.err == nil && !slices.Contains(allowed, v) {
		list := strings.Join(allowed[:len(allowed)-1], ", ") + " or " + allowed[len(allowed)-1]
		g.err = fmt.Errorf("--%s must be %s, got %q", name, list, v)
	}
	return v
}

func (g *flagGetter) bool(name string) bool {
	v, err := g.fs.GetBool(name)
	g.keep(err)
	return v
}
