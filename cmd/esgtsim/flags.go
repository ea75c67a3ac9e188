package main

import "github.com/spf13/pflag"

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

func (g *flagGetter) bool(name string) bool {
	v, err := g.fs.GetBool(name)
	g.keep(err)
	return v
}
