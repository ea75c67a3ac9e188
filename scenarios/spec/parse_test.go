package spec

import (
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

const minimal = `name = "t"
duration = "2s"

[fabric]
nodes = 16

[[workload]]
kind = "constant"
rate_hz = 10
`

// TestParseErrors: bad input is refused with the file, the line and the key.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  string
		sets []string
		want string
	}{
		{"unknown key", "duration = \"1s\"\n[fabric]\nnode = 3\n", nil, `t.toml:3: fabric.node: unknown key (did you mean "nodes"?)`},
		{"wrong type", "duration = 10\n", nil, `t.toml:1: duration: want a duration string`},
		{"NaN", "[oscillator]\ncoupling = nan\n", nil, "t.toml:2: oscillator.coupling: want a finite number, got NaN"},
		{"negative rate", "[[workload]]\nkind = \"constant\"\nrate_hz = -5\n", nil, "t.toml:3: workload[0].rate_hz: -5 must be >= 0"},
		{"probability", "[fabric]\npacket_loss = 1.5\n", nil, "t.toml:2: fabric.packet_loss: 1.5 must be in [0, 1]"},
		{"negative duration", "[triggers]\nrefractory_period = \"-1ms\"\n", nil, "t.toml:2: triggers.refractory_period: durations must not be negative"},
		{"unknown enum", "[oscillator]\nfreq_dist = \"gauss\"\n", nil, `t.toml:2: oscillator.freq_dist: unknown value "gauss" (want none, normal, cauchy or uniform)`},
		{"unknown counting", "[triggers]\nfrequency_counts = \"bogus\"\n", nil, `t.toml:2: triggers.frequency_counts: unknown value "bogus" (want ignitions or attempts)`},
		{"unknown metric", "[needs]\nenabled = true\n[[needs.change]]\nat = \"1s\"\nkind = \"step\"\nmetric = \"cpu\"\nvalue = 1\n", nil,
			`t.toml:6: needs.change[0].metric: unknown value "cpu" (want cpu_percent, memory_percent, `},
		{"unknown drop mode", "[arousal.refractory_drop]\nmode = \"both\"\n", nil, `t.toml:2: arousal.refractory_drop.mode: unknown value "both" (want target, modulation or off)`},
		{"model validation", "[fabric]\nnodes = 5\nmin_degree = 5\n", nil, "t.toml:3: fabric.min_degree: 5 must be < fabric.nodes 5"},
		{"unknown workload", "[[workload]]\nkind = \"storm\"\n", nil, `t.toml:2: workload[0].kind: unknown workload kind "storm"`},
		{"rate missing", "[[workload]]\nkind = \"poisson\"\n", nil, "workload[0].rate_hz: a poisson workload needs rate_hz > 0"},
		{"unpaced loop", "[[workload]]\nkind = \"closed_loop\"\n", nil, "an unpaced closed loop"},
		{"fault node", "[fabric]\nnodes = 8\n[[fault]]\nkind = \"node_crash\"\nnode = 9\n", nil, "t.toml:5: fault[0].node: node 9 does not exist"},
		{"fault after end", "duration = \"1s\"\n[[fault]]\nat = \"2s\"\nkind = \"coordinator_stop\"\n", nil, "fault[0].at: the last occurrence, at 2s, is after the end"},
		{"bridge without arousal", "[arousal]\nenabled = false\n", nil, "bridge.enabled: the bridge needs [arousal] enabled"},
		{"absurd nodes", "[fabric]\nnodes = 100000000\n", nil, "fabric.nodes: 100000000 nodes exceed the limit"},
		{"absurd duration", "duration = \"87600h\"\n", nil, "duration: 87600h0m0s exceeds"},
		{"absurd requests", "duration = \"100h\"\n[[workload]]\nkind = \"constant\"\nrate_hz = 1e6\n", nil, "a run may have at most"},
		{"absurd step", "duration = \"2s\"\n[oscillator]\nstep = \"1ns\"\n", nil, "t.toml:3: oscillator.step: a 2s run (2.551s with its last ignition) at this period needs about 2.55e+09 periodic events"},
		{"absurd timeout", "[ignition]\nsync_timeout = \"200000h\"\n", nil, "t.toml:2: ignition.sync_timeout: 200000h0m0s exceeds the 168h0m0s a run may simulate"},
		{"absurd request sustain", "[[workload]]\nkind = \"constant\"\nrate_hz = 1\nsustain = \"200000h\"\n", nil, "t.toml:4: workload[0].sustain: 200000h0m0s exceeds"},
		{"long ignition, small step", "duration = \"1s\"\n[ignition]\nsync_timeout = \"100h\"\n[oscillator]\nstep = \"100us\"\n", nil, "oscillator.step: a 1s run (100h0m1.251s with its last ignition) at this period needs about 3.61e+09"},
		{"absurd interval", "duration = \"1h\"\n[needs]\ninterval = \"1us\"\n", nil, "t.toml:3: needs.interval: a 1h0m0s run"},
		{"override checked", minimal, []string{"fabric.nodes=-3"}, "--set fabric.nodes=-3: fabric.nodes: -3 must be >= 2"},
		{"override unknown", minimal, []string{"fabric.nodez=3"}, "--set fabric.nodez=3: fabric.nodez: unknown key"},
		{"override enum", minimal, []string{"oscillator.integrator=leapfrog"}, `--set oscillator.integrator=leapfrog: oscillator.integrator: unknown value "leapfrog" (want euler or rk4)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.toml", []byte(tc.doc), tc.sets, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

func TestParseDefaultsAndOverrides(t *testing.T) {
	sc, err := Parse("t.toml", []byte(minimal), []string{"triggers.refractory_period=75ms", "seed=9"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := sc.Spec
	if s.Seed != 9 || s.Triggers.RefractoryPeriod != 75*clock.Millisecond || s.Fabric.Nodes != 16 {
		t.Fatalf("spec %+v", s)
	}
	def := DefaultSpec()
	if s.Triggers.MinSalience != def.Triggers.MinSalience || s.Oscillator.Coupling != 14 || s.Ignition.SyncTimeout != 300*clock.Millisecond {
		t.Fatal("unset keys lost the model's defaults")
	}
	if w := s.Workloads[0]; w.Stop != s.Duration || w.Salience.Mode != "fixed" || w.Salience.Value != 0.9 {
		t.Fatalf("workload defaults %+v", w)
	}
}
