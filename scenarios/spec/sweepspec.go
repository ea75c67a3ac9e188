package spec

// SweepSpec is the [sweep] table: the grid and seeds of a study, kept in
// the scenario file so that the study is one versioned file. A run ignores
// it; esgtsim sweep takes its params when no --param is given and its
// seeds when --seeds is not, and esgtsim compare its seeds:
//
//	[sweep]
//	params = ["triggers.refractory_period=0ms:400ms:50ms", "fabric.nodes=32,48"]
//	seeds = "1..30"
//
// The values are written as the flags take them and checked when a
// command uses them.
type SweepSpec struct {
	Params []string `toml:"params" doc:"the study's parameters, each as --param path.to.key=VALUES"` // each as --param: path.to.key=VALUES
	Seeds  string   `toml:"seeds" doc:"the study's seeds, as --seeds: 1..N or a list"`               // as --seeds: 1..N or a list
}
