// Package inference turns replications of a stochastic simulation into
// statements with a stated confidence: the mean of a metric over seeds with
// its Student-t interval ([Estimate]), and the comparison of two
// configurations run on the same seeds ([Paired]).
//
// # Replications and common random numbers
//
// Each seed of a simulation is one independent replication, so a metric
// over n seeds is a sample of n independent values, and its mean has the
// Student-t interval mean ± t(1−α/2, n−1)·sd/√n. Two configurations run on
// the same seeds share their random streams (the arrivals, the fabric, the
// phases), so the differences B − A seed by seed vary much less than either
// side: comparing those paired differences is the method of common random
// numbers, and it finds real differences that overlapping per-configuration
// intervals hide.
//
// # Tests
//
// [Paired] reports the paired t-test (the mean difference over its standard
// error, Student's t with n−1 degrees of freedom) and the Wilcoxon
// signed-rank test ([SignedRank]), which assumes no normality. Both are
// two-sided and follow R's t.test(paired = TRUE) and wilcox.test(paired =
// TRUE) with their defaults:
//
//   - Zero differences are dropped before ranking; tied absolute
//     differences share their average rank.
//   - With fewer than 50 non-zero differences and no ties nor zeros, the
//     signed-rank p-value is exact: the null distribution of V (the sum of
//     the ranks of the positive differences) is counted over all 2^n sign
//     assignments, by dynamic programming on the rank sums.
//   - Otherwise it is the normal approximation, with the variance reduced
//     for ties (Σ(t³−t)/48) and a continuity correction of 0.5 toward the
//     mean.
//
// The distributions themselves (Student's t, the normal) come from
// gonum.org/v1/gonum/stat/distuv, the means and standard deviations from
// gonum.org/v1/gonum/stat.
//
// # Degenerate samples
//
// Simulations are deterministic, so degenerate samples are common: a
// configuration compared with itself gives differences that are all zero.
// Where R stops with "data are essentially constant", this package answers:
// when every difference is zero, the interval is [0, 0] and both p-values
// are 1 (no evidence of any difference); when every difference is the same
// non-zero value, the interval is that value and the t-test's p-value is 0.
// With fewer than two values an interval cannot be formed: its bounds and
// the t-test's p-value are NaN. Values that are NaN are the caller's to
// remove (a metric undefined for a seed); see [Paired].
//
// # Place in the module
//
// inference knows nothing of the simulation: it imports only gonum, and
// packages sweep and compare report their results in its types, which is
// why it is public.
package inference
