// Package golden holds the golden files of esgtsim's built-in scenarios,
// one JSON file per scenario at its default seed, and the test that runs
// every scenario and compares its results with them.
//
// Run "go test ./golden -update" to rewrite the files after a deliberate
// change to the model, and explain the diff in the commit message. On a
// mismatch the test prints the difference (-golden +got) and writes the
// new results beside the file as NAME.json.got.
package golden
