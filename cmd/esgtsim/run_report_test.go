package main

import (
	"encoding/json"
	"testing"
)

// TestRunReportReproducesItself checks that a JSON run report records
// how to reproduce it: running its scenario with its overrides gives the
// same digest, and the configuration shows the overridden values.
func TestRunReportReproducesItself(t *testing.T) {
	type report struct {
		Digest string
		Config struct {
			Scenario  string
			Overrides []string
			Config    struct {
				Seed   uint64
				Fabric struct{ Nodes int }
			}
		}
	}
	out, stderr, code := runCLI(t, "run", "load-short", "--seed", "3", "--set", "fabric.nodes=40", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var first report
	if err := json.Unmarshal([]byte(out), &first); err != nil {
		t.Fatal(err)
	}
	c := first.Config
	if c.Scenario != "load-short" || c.Config.Seed != 3 || c.Config.Fabric.Nodes != 40 || len(c.Overrides) != 2 {
		t.Fatalf("config %+v", c)
	}
	args := []string{"run", c.Scenario, "--format", "json"}
	for _, o := range c.Overrides {
		args = append(args, "--set", o)
	}
	out, stderr, code = runCLI(t, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	var again report
	if err := json.Unmarshal([]byte(out), &again); err != nil {
		t.Fatal(err)
	}
	if again.Digest != first.Digest || again.Digest == "" {
		t.Errorf("replaying the recorded overrides gives digest %s, the report says %s", again.Digest, first.Digest)
	}
}
