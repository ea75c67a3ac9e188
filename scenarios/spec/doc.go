// Package spec reads, validates and describes esgtsim's scenario files; it
// never runs one (package [github.com/esgtsim/esgtsim/scenarios] does).
//
// A scenario file is TOML whose tables are the model's configurations
// ([fabric], [oscillator], [triggers], [ignition], [hardening], [arousal],
// [needs], [bridge]) and the scenario's own: [defects], [original], the
// [[workload]] and [[fault]] arrays, [[criterion]] and [sweep]. Every key
// defaults to the model's value at a revision of the original ([Revisions],
// [DefaultSpecFor]); a file sets only what it changes. [Spec] is the file,
// [Scenario] a file parsed and validated by [Parse] or [Load]: unknown
// keys, wrong types, out-of-range values, keys a workload kind does not
// read and the model's own checks are refused as "file:line: key: message"
// at the key the user wrote (or the --set override), and [Scenario.Origin]
// says where each value came from.
//
// A Scenario gives the model's configs it describes ([Scenario.ESGTConfig]
// and the others), the very configs validation checked and a run is built
// from; [Scenario.Effective] is its effective configuration, and
// [KeyDefaults] and [Defaults] list every key with its default and doc.
// Criteria are checked against the schema of the report they judge, which
// the caller passes: spec knows the model's configs, not the run.
package spec
