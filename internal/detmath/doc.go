// Package detmath provides the elementary functions esgtsim's numeric models
// use, computed identically on every platform.
//
// The standard library's math.Exp and math.Log use assembly on amd64 whose
// Exp takes a fused multiply-add path chosen at run time by the CPU, and the
// Go compiler may fuse x*y+z into one FMA instruction (always on arm64, on
// amd64 with GOAMD64=v3). Either changes the last bit of a result, and a
// chaotic simulation amplifies one bit into a different run. The functions
// here are the standard library's portable algorithms (Cephes and FreeBSD
// msun, BSD licence, as in Go's math package) with every product that could
// be fused wrapped in an explicit float64 conversion, which the Go
// specification defines as a rounding point that forbids fusion. They are
// therefore bit-identical across architectures, GOAMD64 levels and CPUs.
// Square root needs no wrapper: IEEE 754 defines it exactly.
package detmath
