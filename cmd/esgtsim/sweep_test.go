package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The test binary runs as esgtsim when ESGTSIM_TEST_MAIN is set, so that
// tests can kill a real sweep process. With ESGTSIM_TEST_BLOCK_AFTER=K
// too, a sweep stops once K cells are journaled, prints "blocked after K
// cells" on standard output and waits there until it is interrupted.
func init() {
	if os.Getenv("ESGTSIM_TEST_MAIN") != "1" {
		return
	}
	if k, err := strconv.Atoi(os.Getenv("ESGTSIM_TEST_BLOCK_AFTER")); err == nil {
		testHookSweepProgress = func(ctx context.Context, done, total int) {
			if done == k {
				fmt.Printf("blocked after %d cells\n", done)
				<-ctx.Done()
			}
		}
	}
	main()
}

// sweepArgs is a small sweep: 3 refractory periods × 2 sizes × 3 seeds.
var sweepArgs = []string{"sweep", "latency",
	"--param", "triggers.refractory_period=10ms:50ms:20ms", "--param", "fabric.nodes=16,24", "--seeds", "1..3"}

func args(extra ...string) []string { return append(append([]string{}, sweepArgs...), extra...) }

func TestSweepSameBytesForAnyWorkers(t *testing.T) {
	want, stderr, code := runCLI(t, args("-j", "1")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(want, "cell,seed,triggers.refractory_period,fabric.nodes,requests,") || strings.Count(want, "\n") != 19 {
		t.Errorf("want a CSV header and 18 rows, got:\n%s", want)
	}
	// Without a terminal there is no progress bar: only the summary line.
	if strings.Contains(stderr, "\r") || !strings.HasPrefix(stderr, "esgtsim: sweep: 18 cells (0 resumed, 18 run, 0 failed)") {
		t.Errorf("stderr holds more than the summary line: %q", stderr)
	}
	for _, j := range []string{"2", "5"} {
		// Flags after and before the scenario name.
		got, _, code := runCLI(t, append([]string{"sweep", "-j", j}, sweepArgs[1:]...)...)
		if code != 0 || got != want {
			t.Errorf("-j %s: exit %d, output differs from -j 1:\n%s", j, code, got)
		}
	}
}

func TestSweepOutFileMatchesStdout(t *testing.T) {
	for _, format := range []string{"csv", "jsonl"} {
		want, _, _ := runCLI(t, args("--format", format)...)
		out := filepath.Join(t.TempDir(), "out."+format)
		stdout, stderr, code := runCLI(t, args("--format", format, "--out", out)...)
		if code != 0 || stdout != "" {
			t.Fatalf("exit %d, stdout %q: %s", code, stdout, stderr)
		}
		if got, _ := os.ReadFile(out); string(got) != want {
			t.Errorf("%s: --out file differs from standard output:\n%s\nwant:\n%s", format, got, want)
		}
		if _, err := os.Stat(out + ".partial"); err == nil {
			t.Errorf("%s: journal left behind", format)
		}
	}
}

func TestSweepShardMergeCLI(t *testing.T) {
	for _, format := range []string{"csv", "jsonl"} {
		want, _, _ := runCLI(t, args("--format", format)...)
		dir := t.TempDir()
		var files []string
		for i, shard := range []string{"0/4", "1/4", "2/4", "3/4"} {
			if i == 3 { // one shard streams to standard output
				out, stderr, code := runCLI(t, args("--format", format, "--shard", shard)...)
				if code != 0 {
					t.Fatalf("shard %s: exit %d: %s", shard, code, stderr)
				}
				files = append(files, filepath.Join(dir, "s3"))
				os.WriteFile(files[3], []byte(out), 0o644)
				continue
			}
			files = append(files, filepath.Join(dir, "s"+shard[:1]))
			if _, stderr, code := runCLI(t, args("--format", format, "--shard", shard, "--out", files[i])...); code != 0 {
				t.Fatalf("shard %s: exit %d: %s", shard, code, stderr)
			}
		}
		got, stderr, code := runCLI(t, "merge", files[2], files[0], files[3], files[1])
		if code != 0 || got != want {
			t.Errorf("%s: merge exit %d (%s), output differs from the unsharded sweep:\n%s\nwant:\n%s", format, code, stderr, got, want)
		}
		merged := filepath.Join(dir, "merged")
		if _, stderr, code := runCLI(t, "merge", "--out", merged, files[0], files[1], files[2], files[3]); code != 0 {
			t.Fatalf("merge --out: exit %d: %s", code, stderr)
		}
		if b, _ := os.ReadFile(merged); string(b) != want {
			t.Errorf("%s: merge --out differs from the unsharded sweep", format)
		}
		out, stderr, code := runCLI(t, "merge", files[0], files[1], files[3])
		if code != 1 || out != "" || !strings.Contains(stderr, "missing shard(s) [2] of 4") {
			t.Errorf("merge with a shard missing: exit %d, stdout %q, stderr %q", code, out, stderr)
		}
	}
}

func TestSweepUsageErrors(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(out+".partial", []byte(`{"esgtsim_sweep_journal":1,"fingerprint":"x","shard":"","cells":1}`+"\n"), 0o644)
	for _, tc := range []struct {
		name   string
		args   []string
		code   int // 2 for the command line, 1 for bad input (a key, a value, a file)
		stderr string
	}{
		{"no scenario", []string{"sweep"}, 2, "want 1 argument(s), got 0"},
		{"param syntax", []string{"sweep", "latency", "--param", "fabric.nodes"}, 2, "want path.to.key=v1,v2"},
		{"bad range", []string{"sweep", "latency", "--param", "fabric.nodes=10:1:1"}, 2, `range "10:1:1": START is above STOP`},
		{"unknown key", []string{"sweep", "latency", "--param", "fabric.nodez=8,16"}, 1, `--param fabric.nodez=8: fabric.nodez: unknown key (did you mean "nodes"?)`},
		{"bad value", []string{"sweep", "latency", "--param", "triggers.refractory_period=10ms,-1ms"}, 1, "--param triggers.refractory_period=-1ms: triggers.refractory_period: durations must not be negative"},
		{"seed as param", []string{"sweep", "latency", "--param", "seed=1,2"}, 2, "--seeds"},
		{"bad seeds", []string{"sweep", "latency", "--seeds", "3..1"}, 2, "counts down"},
		{"bad format", []string{"sweep", "latency", "--format", "xml"}, 2, "--format must be csv or jsonl"},
		{"bad shard", []string{"sweep", "latency", "--shard", "4/4"}, 2, "I must be between 0 and N-1 = 3"},
		{"resume without out", []string{"sweep", "latency", "--resume"}, 2, "--resume needs --out"},
		{"zero workers", []string{"sweep", "latency", "-j", "0"}, 2, "-j must be at least 1"},
		{"unknown scenario", []string{"sweep", "nope"}, 1, "neither a built-in scenario"},
		{"journal exists", []string{"sweep", "latency", "--out", out}, 1, "add --resume to continue it"},
		{"journal of another sweep", []string{"sweep", "latency", "--out", out, "--resume"}, 1, "belongs to a different sweep"},
		{"merge nothing", []string{"merge"}, 2, "no shard files given"},
		{"merge missing file", []string{"merge", "no-such-file.csv"}, 1, "no-such-file.csv"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d and stderr containing %q", code, stdout, stderr, tc.code, tc.stderr)
			}
		})
	}
}

// TestSweepKilledThenResumed stops a real sweep process once it has
// journaled 7 cells, for certain: a test hook holds it there. Meanwhile a
// second sweep on the same --out is refused. Then it kills the process
// (SIGKILL, nothing runs on the way out) or stops it (SIGTERM, as batch
// systems do), resumes, and checks the file is the uninterrupted one.
func TestSweepKilledThenResumed(t *testing.T) {
	if testing.Short() {
		t.Skip("runs esgtsim processes")
	}
	const blockAfter = 7
	long := []string{"sweep", "latency", "--param", "triggers.refractory_period=10ms:50ms:1ms", "--seeds", "1..2", "-j", "2"}
	ref := filepath.Join(t.TempDir(), "ref.csv")
	if _, stderr, code := runCLI(t, append(long, "--out", ref)...); code != 0 {
		t.Fatalf("reference sweep: exit %d: %s", code, stderr)
	}
	want, _ := os.ReadFile(ref)
	for _, sig := range []os.Signal{os.Kill, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.csv")
			cmd := exec.Command(os.Args[0], append(long, "--out", out)...)
			cmd.Env = append(os.Environ(), "ESGTSIM_TEST_MAIN=1", fmt.Sprintf("ESGTSIM_TEST_BLOCK_AFTER=%d", blockAfter))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if line != fmt.Sprintf("blocked after %d cells\n", blockAfter) {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("sweep process said %q (%v), want it blocked; stderr: %s", line, err, stderr.String())
			}
			journal, _ := os.ReadFile(out + ".partial")
			if n := bytes.Count(journal, []byte("\n")); n != 1+blockAfter {
				t.Errorf("journal of the blocked sweep has %d lines, want a header and %d rows", n, blockAfter)
			}
			_, errOut, code := runCLI(t, append(long, "--out", out, "--resume")...)
			if code != 1 || !strings.Contains(errOut, "locked by another esgtsim sweep") {
				t.Errorf("second sweep on the same --out: exit %d, stderr %q; want exit 1 and the lock named", code, errOut)
			}

			cmd.Process.Signal(sig)
			err = cmd.Wait()
			if err == nil {
				t.Fatalf("the interrupted sweep exited 0")
			}
			if _, statErr := os.Stat(out); statErr == nil {
				t.Errorf("an interrupted sweep wrote %s", out)
			}
			if sig == syscall.SIGTERM && !strings.Contains(stderr.String(), "--resume to finish") {
				t.Errorf("SIGTERM: %v; stderr lacks the resume hint: %s", err, stderr.String())
			}
			_, errOut, code = runCLI(t, append(long, "--out", out, "--resume")...)
			if code != 0 {
				t.Fatalf("resume: exit %d: %s", code, errOut)
			}
			var resumed int
			if _, err := fmt.Sscanf(errOut, "esgtsim: sweep: 82 cells (%d resumed", &resumed); err != nil {
				t.Fatalf("resume summary %q: %v", errOut, err)
			}
			// SIGKILL freezes the journal at the hook; after SIGTERM, cells
			// already finished may still be journaled on the way out.
			if resumed < blockAfter || (sig == os.Kill && resumed != blockAfter) {
				t.Errorf("resume kept %d cells of the interrupted run, want %d", resumed, blockAfter)
			}
			if got, _ := os.ReadFile(out); !bytes.Equal(got, want) {
				t.Errorf("resumed file differs from the uninterrupted one")
			}
		})
	}
}
