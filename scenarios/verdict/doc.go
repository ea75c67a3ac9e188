// Package verdict judges a run's report against criteria, the way a stress
// tester's thresholds judge a load test: "requests.success_rate >= 0.95",
// "latency_ms.p99 < 100ms".
//
// A [Criterion] names a metric by the dotted path of a numeric field of the
// run's JSON report ("latency_ms.p99", "requests.failed.sync_timeout"), a
// comparison ([Op]), a bound and a [Tier]: asserted criteria decide the
// verdict; target criteria (the stated goals of the original suite) are
// reported and decide it only when a caller judges the target tier.
//
// A [Schema], built once from the report's Go type, knows every numeric
// path, so a criterion naming an unknown path, or a table, list, string or
// boolean, is refused when the scenario is loaded, with the closest known
// path as a suggestion.
//
// Null observations. A metric has no value when its field is JSON null (a
// section the scenario disables, a ratio of an empty count) or when it is a
// statistic of an empty sample: a struct that reports itself empty through
// an Empty() bool method (the report's quantile tables) has every field but
// its count null. A criterion on a null observation never passes: its
// [Result] has a nil Observed, Pass false, and text reports show "n/a". A
// check that may legitimately see no sample should say so with a count
// criterion ("latency_ms.count >= 1") beside it rather than rely on nulls.
//
// [Evaluate] turns criteria and a report into [Result]s; [Judge] reduces
// them to the verdict of one tier.
package verdict
