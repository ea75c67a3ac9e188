// Package golden holds the golden files of esgtsim's built-in scenarios
// and the test that runs every scenario and compares its results with
// them. For each scenario at its default seed, NAME.json is its run report
// as "esgtsim run NAME --format json" prints it, unrounded, without the
// digest checkpoints, which NAME.checkpoints holds one per line.
//
// Run "go test ./golden -update" to rewrite the files after a deliberate
// change to the model, and explain the diff in the commit message. On a
// mismatch the test prints the difference (-golden +got) and writes the
// new results beside the file as NAME.json.got (or NAME.checkpoints.got).
package golden
