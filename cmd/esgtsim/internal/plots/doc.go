// Package plots draws the figures of a run and of a sweep with
// gonum.org/v1/plot, as SVG or PNG.
//
// # Runs
//
// A run's figures come from a [Collector]: pass its OnEvent method to
// [scenarios.Options.OnEvent], with KeepHistory set for the coherence
// curves, then write the figures with [WriteRun] (or one at a time with
// [RenderRun]). The collector copies only what the figures need, in memory
// that does not grow with the number of requests:
//
//   - latencies as exact streaming samples per outcome reason
//     (internal/stats: one count per distinct value);
//   - outcomes as counts per reason per time bin, and arousal, its target
//     and the salience threshold as series keeping the lowest and highest
//     sample per time bin: at most 1,024 bins each, about 400 over the
//     scenario's duration, merged in pairs if the run outgrows them;
//   - the coherence histories of the first 10 and the latest 10
//     synchronisation attempts, each decimated to 1,000 samples, and the
//     running mean r(t) of every successful ignition.
//
// [WriteRun] writes one file per name in [RunPlots]:
//
//   - latency: histogram (stacked by outcome reason) and CDF of the
//     latency from arrival to outcome, with the P50, P95 and P99 of all
//     requests (the run report's latency_ms) as dashed lines; the CDF also
//     shows successful ignitions alone. Requests rejected at arrival have a
//     latency of exactly 0 ms: the title counts them, the histogram leaves
//     them out and the CDF of all requests starts at their share. The
//     latency axis is logarithmic when the positive latencies span more
//     than a factor of 20.
//   - coherence: r(t) from the start of SYNCHRONIZE for the kept attempts
//     (coloured by outcome), the mean of every successful ignition, the
//     target coherence, and the phases shaded with the median durations of
//     the kept successful ignitions.
//   - arousal: arousal, its target and the salience threshold
//     (min_salience) over virtual time, with successful ignitions as ticks
//     at their start. A scenario without an arousal controller still gets
//     the file: it draws the fixed arousal (triggers.fixed_arousal) and
//     threshold (triggers.min_salience) and says so in its title, so that
//     every run writes the same files.
//   - outcomes: a raster of requests by outcome reason over virtual time of
//     arrival (one row per reason that occurred, darker for more requests
//     in the bin) above the stacked request rate by reason.
//
// A figure with nothing to show (no requests, no synchronisation) is still
// written, with a note saying why.
//
// # Sweeps
//
// [WriteSweep] (or [RenderSweep]) reads a sweep's CSV or JSON Lines
// (package sweep's Table: optional '#' lines, a header or one object per
// row, a shard trailer), where parameter columns are the names that hold a
// dot and rows with a non-empty error column are skipped and counted. It
// plots one figure against one parameter: the mean over seeds, with its
// Student-t confidence interval ([CI], the default) or the min–max range
// over seeds ([MinMax]) as error bars and a shaded band, one line per
// combination of the other parameters that vary; those that do not vary,
// and the scenario when a shard trailer names it, go in the title.
// Durations ("50ms") are shown in milliseconds, numbers spanning more
// than a factor of 50 on a log axis, other values as evenly spaced
// categories (bars, no band).
//
// # Output
//
// Each outcome reason has one colour in every figure (refractory
// rejections red, successes green), legends sit outside the data to the
// right, and nothing depends on the clock or on map order: the same data
// gives the same bytes. Files are written whole or not at all, through a
// temporary file renamed over the target.
//
// Text is measured with Liberation Sans, which gonum/plot embeds; an SVG
// names it with Arial, Helvetica and the generic sans-serif after it
// (font-family:'Liberation Sans', Arial, Helvetica, sans-serif), so that a
// viewer without Liberation Sans draws it in a face of the same metrics, or
// at least in a sans-serif one, rather than in its default serif.
//
// plots is private to the command line (run --plot, esgtsim plot, run
// --html through package htmlreport), as the go command keeps its own
// packages under cmd/go/internal.
package plots
