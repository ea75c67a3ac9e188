package main

import (
	"bytes"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/esgtsim/esgtsim/internal/atomicfile"
	"github.com/esgtsim/esgtsim/sweep"
)

var mergeCmd = &command{
	name:    "merge",
	summary: "combine sharded sweep outputs",
	usage:   "esgtsim merge FILES... [--out FILE]",
	about: `Merge combines the outputs of "esgtsim sweep --shard I/N", in any order,
into exactly the bytes the unsharded sweep would have written: the CSV
header once, then every row in cell order, without the shard trailers. It
checks that the files are every shard of one sweep (same effective
scenario configuration, --param, --seeds, --format, --columns and program
version; comments in the scenario file do not matter), each complete and
unedited, none given twice; otherwise it names the problem and writes
nothing. The result goes to standard output, or to FILE written whole.`,
	example: `esgtsim merge shard-*.csv --out sweep.csv
esgtsim merge shards/*.jsonl > sweep.jsonl`,
	flags: func(fs *pflag.FlagSet) {
		fs.String("out", "", "write the merged output to FILE, atomically (default: standard output)")
	},
	run: runSimple(-1, runMerge),
}

func runMerge(e *env, fs *pflag.FlagSet, args []string) error {
	get := flagGetter{fs: fs}
	out := get.str("out")
	if get.err != nil {
		return e.usagef("%v", get.err)
	}
	if len(args) == 0 {
		return e.usagef("no shard files given")
	}
	if err := e.checkOutputs("out", out); err != nil {
		return err
	}
	inputs := make([]sweep.Input, len(args))
	for i, name := range args {
		data, err := os.ReadFile(name)
		if err != nil {
			return e.inputError(err)
		}
		inputs[i] = sweep.Input{Name: name, Data: data}
	}
	var merged bytes.Buffer
	if err := sweep.Merge(&merged, inputs); err != nil {
		return e.inputError(err)
	}
	if out == "" {
		out = atomicfile.Stdout
	}
	return e.writeOutput(out, func(w io.Writer) error {
		_, err := w.Write(merged.Bytes())
		return err
	})
}
