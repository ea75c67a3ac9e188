// Package compare runs two configurations of a scenario on the same seeds
// (common random numbers) and compares them metric by metric: the mean of
// each side, the paired difference B − A with its confidence interval, the
// relative change, and the p-values of the paired t-test and of the
// Wilcoxon signed-rank test (see package inference for the statistics).
//
// A [Study] names the two sides, the seeds, the metrics (a sweep's column
// names, see sweep.LookupMetric) and the confidence level. [Study.Run]
// runs every (side, seed) on a pool of workers and returns a [Result] that
// does not depend on the number of workers. A metric undefined for a seed
// on either side (an empty sample: no ignition, no request) leaves that
// seed out of that metric's comparison, and the metric's N says how many
// seeds were compared.
//
// compare is public, above scenarios and sweep and below the command line
// (esgtsim compare prints its [Result]), so that a Go program can compare
// two configurations without the CLI.
package compare
