// Package sweep runs a scenario over a grid of parameter values and seeds
// and writes one row of summary figures per run, in an order and with
// bytes that do not depend on the number of workers, on how the grid is
// split into shards, or on interruptions and resumes.
//
// # Grid and cells
//
// A sweep has parameters ([Param], from --param path.to.key=LIST, see
// [ParseParam] and [ExpandRange]) and seeds ([ParseSeeds]). Its cells are
// the cross product, numbered from 0 ([Grid]): parameter combinations in
// lexicographic order of the params as given (the last varies fastest),
// and for each combination the seeds ascending. Each cell loads the
// scenario with the --set overrides and then "path=value" for each param,
// replaces its seed and runs it.
//
// # Rows
//
// Columns ([Columns]): cell, seed, one per param named by its path and
// holding the value as written, then requests, succeeded, success_rate,
// latency_mean_ms, latency_p50_ms, latency_p95_ms, latency_p99_ms,
// latency_max_ms, time_to_sync_p50_ms, time_to_sync_p99_ms, ignitions,
// min_gap_ms, refractory_rejections, arousal_mean, digest and error.
// Floats have [FloatDecimals] decimals; a missing value is empty in CSV
// and null in JSON Lines; a failed cell has only its error. Rows hold no
// wall-clock figure, so a sweep always writes the same bytes.
//
// # Shards
//
// [Shard] I/N takes cells c with c mod N = I. A sharded output ends with
// a trailer line naming the sweep's [Plan.Fingerprint], the shard and a
// checksum; [Merge] checks a set of shard outputs against their trailers
// and writes exactly the bytes of the unsharded sweep.
//
// # Journal
//
// A sweep that writes a file keeps its finished rows in a [Journal]
// beside it until every cell is done, then writes the file whole and
// removes the journal. Resuming reads the journal, checks its fingerprint
// and shard, and runs only the missing cells. Each journal row carries a
// checksum: a row edited or damaged on disk runs again rather than being
// written out. A running sweep locks its journal, so a second sweep on
// the same output is refused ([LockedError]).
//
// # Fingerprint
//
// [Plan.Fingerprint] comes from the effective configuration of every
// parameter combination (the scenario after defaults, the file, --set and
// the combination's --param values), the seeds, the params as written,
// the format and the program version; not from the scenario file's
// bytes, but from those of a fabric.edges file (its SHA-256 beside its
// path). A comment or a respelled value keeps a journal resumable and
// shards mergeable; a real change is refused, and named
// ("triggers.refractory_period changed from 50ms to 60ms").
//
// # Concurrency
//
// Runs share no state; [Plan.Run] runs cells on a pool of goroutines and
// the [Writer] puts rows back in cell order.
//
// # Place in the module
//
// sweep is public, above scenarios and below the command line: esgtsim
// sweep, merge and summarize are thin layers over it, and a Go program can
// run the same studies without the CLI. Its summaries carry the
// statistics of package inference.
package sweep
