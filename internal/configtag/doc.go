// Package configtag reads the struct tags that make a Go struct a table
// of configuration keys, and owns what its bounds mean, so that the
// decoder of scenario files (internal/strictoml) and the models' own
// validation (model/param) apply the same bounds the same way.
//
// Field tags:
//
//	toml:"name"           the key; fields without it are no keys, except
//	                      embedded structs, whose keys are inline
//	doc:"text"            a one-line description of the key
//	check:"prob"          the number must be in [0, 1]
//	check:"pos"           the number or duration must be > 0
//	check:"nonneg"        the number must be >= 0
//	check:"min=N"         the number must be >= N
//	check:"max=N"         the number must be <= N
//
// Checks combine with commas: check:"pos,max=100000"; a check on a list
// applies to each of its elements.
package configtag
