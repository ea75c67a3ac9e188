package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestKuramotoJSON(t *testing.T) {
	out, stderr, code := runCLI(t, "kuramoto", "--topology", "ring", "--nodes", "40", "--coupling", "30", "--duration", "2", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"r_mean", "r_final", "time_to_sync_s", "nodes", "edges"} {
		if _, ok := res[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	if res["edges"].(float64) != 80 {
		t.Errorf("ring of 40 with k=2 has %v edges, want 80", res["edges"])
	}
	again, _, _ := runCLI(t, "kuramoto", "--topology", "ring", "--nodes", "40", "--coupling", "30", "--duration", "2", "--format", "json")
	if again != out {
		t.Error("the same flags printed different results")
	}
}

// TestKuramotoSyncOrNot: identical oscillators with strong coupling sync;
// uncoupled ones never do, and time_to_sync_s is then null.
func TestKuramotoSyncOrNot(t *testing.T) {
	var synced, never struct {
		RMean       float64  `json:"r_mean"`
		TimeToSyncS *float64 `json:"time_to_sync_s"`
	}
	out, _, _ := runCLI(t, "kuramoto", "--nodes", "50", "--coupling", "40", "--format", "json")
	if err := json.Unmarshal([]byte(out), &synced); err != nil || synced.TimeToSyncS == nil || synced.RMean < 0.95 {
		t.Fatalf("K=40: %s", out)
	}
	out, _, _ = runCLI(t, "kuramoto", "--nodes", "50", "--coupling", "0", "--format", "json")
	if err := json.Unmarshal([]byte(out), &never); err != nil || never.TimeToSyncS != nil || never.RMean > 0.5 {
		t.Fatalf("K=0: %s", out)
	}
}

func TestKuramotoBadFlagsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"--freq-dist", "gauss"},
		{"--normalization", "edges"},
		{"--dt", "-1"},
		{"--dt", "NaN"},
		{"--nodes", "0"},
		{"--nodes", "4473"}, // complete: more than 10^7 pairs
		{"--nodes", "5000", "--topology", "er", "--er-p", "0.001"},
		{"--format", "xml"},
		{"--topology", "star"},
		{"--er-p", "2", "--topology", "er"},
		{"--coupling", "abc"},
		{"extra-positional"},
	} {
		_, stderr, code := runCLI(t, append([]string{"kuramoto"}, args...)...)
		if code != 2 || !strings.Contains(stderr, "Run 'esgtsim help kuramoto' for usage.") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

// TestKuramotoEnumFlagsNamed: an unknown name for an enumeration flag is
// reported at the flag as the user wrote it, once, with every valid name.
func TestKuramotoFlagsNamed(t *testing.T) {
	for _, tc := range []struct{ flag, value, want string }{
		{"--freq-dist", "gauss", `esgtsim: kuramoto: --freq-dist: unknown value "gauss" (want none, normal, cauchy or uniform)`},
		{"--integrator", "rk5", `esgtsim: kuramoto: --integrator: unknown value "rk5" (want euler or rk4)`},
		{"--normalization", "edges", `esgtsim: kuramoto: --normalization: unknown value "edges" (want degree or nodes)`},
		{"--noise", "-1", "esgtsim: kuramoto: --noise: -1 must be >= 0"},
		{"--target", "1.5", "esgtsim: kuramoto: --target: 1.5 must be in (0, 1]"},
		{"--coupling", "-2", "esgtsim: kuramoto: --coupling: -2 must be >= 0"},
	} {
		_, stderr, code := runCLI(t, "kuramoto", tc.flag, tc.value)
		if first, _, _ := strings.Cut(stderr, "\n"); code != 2 || first != tc.want {
			t.Errorf("%s %s: exit %d, first line %q; want exit 2, %q", tc.flag, tc.value, code, first, tc.want)
		}
	}
}

// TestKuramotoNormalization: K/N and K/|Ni| are different dynamics on a
// fabric, and the report says which ran.
func TestKuramotoNormalization(t *testing.T) {
	run := func(norm string) (string, float64) {
		out, stderr, code := runCLI(t, "kuramoto", "--topology", "fabric", "--nodes", "32", "--duration", "0.3", "--normalization", norm, "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", norm, code, stderr)
		}
		var rep struct {
			Normalization string  `json:"normalization"`
			RFinal        float64 `json:"r_final"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatal(err)
		}
		return rep.Normalization, rep.RFinal
	}
	n1, r1 := run("degree")
	n2, r2 := run("nodes")
	if n1 != "degree" || n2 != "nodes" || r1 == r2 {
		t.Errorf("degree: %s r %v; nodes: %s r %v", n1, r1, n2, r2)
	}
}
