// Package benchmarks holds esgtsim's benchmark suite. It contains no code
// outside its _test.go files; run it with
//
//	go test -run '^$' -bench . -benchmem ./benchmarks/
//
// Every benchmark reports figures in domain units with b.ReportMetric
// (events/s, ns/edge, simulated-s/wall-s, requests/s, cells/s,
// wall-s/suite) beside Go's
// ns/op, so that results read as what a user cares about.
package benchmarks
