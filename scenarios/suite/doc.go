// Package suite runs a set of scenarios as a stress suite and judges them
// by their criteria: the original's verdict table (tests, passing,
// failing and skipped per module, and the overall pass rate), each
// scenario's criteria with what was observed, and a JUnit XML file for CI.
//
// [Select] turns command-line arguments (built-in names, files,
// directories) into scenarios; [Run] runs every scenario at every seed in
// parallel and returns a [Report] whose order and content do not depend on
// the number of workers or on scheduling. With several seeds a criterion
// holds when it held in at least the quorum's fraction of them (every
// seed by default), and the report says in how many it held: one seed's
// verdict can be luck.
//
// A scenario passes when every criterion of the judged tier holds, fails
// when one does not, is skipped when it has no criterion of that tier,
// and is in error when a run failed (the report keeps the error).
package suite
