package scenarios

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
	"github.com/esgtsim/esgtsim/model/esgt"
	"github.com/esgtsim/esgtsim/model/fabric"
	"github.com/esgtsim/esgtsim/scenarios/trace"
	"github.com/esgtsim/esgtsim/sim"
)

// events runs the scenario doc and returns its summary and every event.
func events(t *testing.T, doc string, sets ...string) (Summary, []trace.Event) {
	t.Helper()
	sc, err := Parse("t.toml", []byte(doc), sets)
	if err != nil {
		t.Fatal(err)
	}
	var evs []trace.Event
	res, err := Run(context.Background(), sc, Options{Check: true, OnEvent: func(e *trace.Event) {
		cp := *e
		if e.Outcome != nil {
			o := *e.Outcome
			o.History = nil
			cp.Outcome = &o
		}
		evs = append(evs, cp)
	}})
	if err != nil {
		t.Fatal(err)
	}
	return res.Summary, evs
}

func ofKind(evs []trace.Event, k trace.EventKind) []trace.Event {
	var out []trace.Event
	for _, e := range evs {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

const quiet = `
[arousal]
enabled = false
[needs]
enabled = false
[bridge]
enabled = false
`

func TestClosedLoopWaitsForOutcomes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		rate   string
		minGap clock.Duration
	}{{"paced", "rate_hz = 10", 100 * clock.Millisecond}, {"unpaced", "count = 30", 0}} {
		t.Run(tc.name, func(t *testing.T) {
			_, evs := events(t, `duration = "5s"`+quiet+"[[workload]]\nkind = \"closed_loop\"\n"+tc.rate+"\n")
			reqs, outs := ofKind(evs, trace.EvRequest), ofKind(evs, trace.EvOutcome)
			if len(reqs) < 5 || len(outs) != len(reqs) {
				t.Fatalf("%d requests, %d outcomes", len(reqs), len(outs))
			}
			done := map[uint64]clock.Time{}
			for _, o := range outs {
				done[o.ID] = o.At
			}
			for i := 1; i < len(reqs); i++ {
				prev, cur := reqs[i-1], reqs[i]
				if cur.At < done[prev.ID] || cur.At.Sub(prev.At) < tc.minGap {
					t.Fatalf("request %d at %v: previous arrived %v, ended %v", cur.ID, cur.At, prev.At, done[prev.ID])
				}
				if tc.minGap == 0 && cur.At != done[prev.ID] {
					t.Fatalf("unpaced request %d at %v, previous ended %v", cur.ID, cur.At, done[prev.ID])
				}
			}
		})
	}
}

func TestPoissonArrivals(t *testing.T) {
	s, evs := events(t, `duration = "20s"`+quiet+"[[workload]]\nkind = \"poisson\"\nrate_hz = 200\n")
	n := float64(s.Requests.Total)
	if math.Abs(n-4000) > 4*math.Sqrt(4000) {
		t.Fatalf("%v Poisson arrivals in 20 s at 200/s, want 4000 ± 253", n)
	}
	reqs := ofKind(evs, trace.EvRequest)
	var sum, sumSq float64
	for i := 1; i < len(reqs); i++ {
		g := reqs[i].At.Sub(reqs[i-1].At).Seconds()
		sum += g
		sumSq += g * g
	}
	k := float64(len(reqs) - 1)
	mean := sum / k
	cv := math.Sqrt(sumSq/k-mean*mean) / mean
	if math.Abs(mean-0.005) > 0.0003 || math.Abs(cv-1) > 0.06 {
		t.Fatalf("gaps: mean %v s, coefficient of variation %v; want 0.005 and 1 (exponential)", mean, cv)
	}
}

func TestArrivalPatterns(t *testing.T) {
	ms := func(v int) clock.Time { return clock.Time(clock.Duration(v) * clock.Millisecond) }
	for _, tc := range []struct {
		name string
		doc  string
		want []clock.Time
	}{
		{"batches", "[[workload]]\nkind = \"batches\"\nsize = 2\nbatches = 3\nevery = \"100ms\"\nstart = \"10ms\"\n",
			[]clock.Time{ms(10), ms(10), ms(110), ms(110), ms(210), ms(210)}},
		{"list", "[[workload]]\nkind = \"list\"\nat = [\"5ms\", \"700ms\", \"700ms\"]\n", []clock.Time{ms(5), ms(700), ms(700)}},
		{"constant with count", "[[workload]]\nkind = \"constant\"\nrate_hz = 3\ncount = 4\n", []clock.Time{0, 333_333_333, 666_666_667, ms(1000)}},
		{"constant stops", "[[workload]]\nkind = \"constant\"\nrate_hz = 4\nstart = \"500ms\"\nstop = \"1s\"\n", []clock.Time{ms(500), ms(750)}},
		{"burst", "[[workload]]\nkind = \"burst\"\nsize = 3\nstart = \"1s\"\n", []clock.Time{ms(1000), ms(1000), ms(1000)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, evs := events(t, `duration = "2s"`+quiet+tc.doc)
			var got []clock.Time
			for _, e := range ofKind(evs, trace.EvRequest) {
				got = append(got, e.At)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("arrivals %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("arrivals %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func TestSalienceModes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		table string
		check func(i int, v float64) bool
	}{
		{"cycle", "mode = \"cycle\"\npattern = [0.1, 0.6, 0.9]", func(i int, v float64) bool { return v == []float64{0.1, 0.6, 0.9}[i%3] }},
		{"uniform", "mode = \"uniform\"\nmin = 0.4\nmax = 0.5", func(_ int, v float64) bool { return v >= 0.4 && v < 0.5 }},
		{"normal clamped", "mode = \"normal\"\nmean = 0.95\nsd = 0.3", func(_ int, v float64) bool { return v >= 0 && v <= 1 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, evs := events(t, `duration = "2s"`+quiet+"[[workload]]\nkind = \"constant\"\nrate_hz = 100\n[workload.salience]\n"+tc.table+"\n")
			reqs := ofKind(evs, trace.EvRequest)
			for i, e := range reqs {
				if !tc.check(i, e.Salience) {
					t.Fatalf("request %d salience %v", i, e.Salience)
				}
			}
			if len(reqs) != 200 {
				t.Fatalf("%d requests", len(reqs))
			}
		})
	}
}

func TestRepeatedFaults(t *testing.T) {
	s, evs := events(t, `duration = "3s"
[fabric]
nodes = 10
[[fault]]
at = "1s"
kind = "node_crash"
nodes = [1, 2]
every = "10ms"
[[fault]]
at = "2s"
kind = "node_recover"
nodes = [1, 2]
[[fault]]
at = "500ms"
kind = "fabric_recreate"
repeat = 3
period = "1s"
`)
	var got []string
	for _, e := range ofKind(evs, trace.EvFault) {
		got = append(got, e.At.String()+" "+e.Fault)
	}
	want := []string{"500ms fabric_recreate", "1s node_crash", "1.01s node_crash", "1.5s fabric_recreate",
		"2s node_recover", "2s node_recover", "2.5s fabric_recreate"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Fatalf("faults %v\nwant %v", got, want)
	}
	if s.Fabric.Recreations != 3 || s.Faults != 7 {
		t.Fatalf("recreations %d faults %d", s.Fabric.Recreations, s.Faults)
	}
}

// TestFaultRefusedByModel: a link fault naming a link that a fabric
// re-creation removed is refused by the model mid-run, and the run stops
// with the fault's position and time.
func TestFaultRefusedByModel(t *testing.T) {
	const seed = 42
	gen := func(stream string) *fabric.Fabric {
		fc := fabric.DefaultConfig()
		f, _ := fabric.New(fc)
		if err := f.Initialize(sim.NewStream(seed, stream)); err != nil {
			t.Fatal(err)
		}
		return f
	}
	first, second := gen("fabric"), gen("fabric/2")
	peer := -1
	for _, v := range first.Neighbors(0) {
		if _, err := second.LinkBetween(0, int(v)); err != nil {
			peer = int(v)
			break
		}
	}
	if peer < 0 {
		t.Fatal("every link of node 0 survives the re-creation; pick another seed")
	}
	doc := fmt.Sprintf("seed = %d\nduration = \"3s\"\n[[fault]]\nat = \"1s\"\nkind = \"fabric_recreate\"\n[[fault]]\nat = \"2s\"\nkind = \"link_degrade\"\nnode = 0\npeer = %d\nlatency_factor = 3\n", seed, peer)
	sc, err := Parse("t.toml", []byte(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), sc, Options{})
	if err == nil || !strings.Contains(err.Error(), "t.toml:6: fault[1]: at 2s: fabric: no such link") {
		t.Fatalf("err = %v", err)
	}
}

// TestTraceMatchesDigest: the trace is valid JSON Lines, one line per
// record, and its last running hash is the digest.
func TestTraceMatchesDigest(t *testing.T) {
	sc, err := Builtin("recovery", nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	res, err := Run(context.Background(), sc, Options{Trace: &buf})
	if err != nil {
		t.Fatal(err)
	}
	sc2, _ := Builtin("recovery", nil)
	res2, _ := Run(context.Background(), sc2, Options{})
	if res2.Summary.Digest != res.Summary.Digest {
		t.Fatal("tracing changed the digest")
	}
	lines := 0
	var last map[string]any
	kinds := map[string]int{}
	sc3 := bufio.NewScanner(&buf)
	for sc3.Scan() {
		last = nil
		if err := json.Unmarshal(sc3.Bytes(), &last); err != nil {
			t.Fatalf("line %d: %v: %s", lines+1, err, sc3.Text())
		}
		kinds[last["kind"].(string)]++
		lines++
	}
	if uint64(lines) != res.Summary.TraceRecords || last["h"] != res.Summary.Digest {
		t.Fatalf("%d lines, %d records; last hash %v, digest %s", lines, res.Summary.TraceRecords, last["h"], res.Summary.Digest)
	}
	for _, k := range []string{"request", "admitted", "phase", "outcome", "fault"} {
		if kinds[k] == 0 {
			t.Errorf("no %s record in the trace", k)
		}
	}
}

func TestDigestDeterministic(t *testing.T) {
	digest := func(sets ...string) string {
		sc, err := Builtin("memory-pressure", sets)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Run(context.Background(), sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Summary.Digest
	}
	a, b := digest(), digest()
	if a != b {
		t.Fatalf("same seed, digests %s and %s", a, b)
	}
	if c := digest("seed=43"); c == a {
		t.Fatal("a different seed gave the same digest")
	}
	if c := digest("triggers.refractory_period=250ms"); c == a {
		t.Fatal("a different refractory period gave the same digest")
	}
}

func TestCancelReturnsPartialResult(t *testing.T) {
	sc, err := Builtin("load-full", nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	res, err := Run(ctx, sc, Options{Progress: func(now, _ clock.Time) {
		if now >= clock.Time(3*clock.Second) {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || res == nil {
		t.Fatalf("err %v, result %v", err, res)
	}
	if v := res.Summary.VirtualSeconds; v < 3 || v > 5 {
		t.Fatalf("stopped at %v virtual s, want about 4", v)
	}
	if res.Summary.Requests.Total == 0 || res.Summary.Requests.Total > 500 {
		t.Fatalf("partial result has %d requests", res.Summary.Requests.Total)
	}
}

// TestOutcomeReasonsAreReported: the JSON summary counts every reason that
// occurred and nothing else.
func TestOutcomeReasonsAreReported(t *testing.T) {
	s, _ := events(t, `duration = "3s"`+quiet+"[[workload]]\nkind = \"constant\"\nrate_hz = 50\n[workload.salience]\nmode = \"cycle\"\npattern = [0.9, 0.3]\n")
	var sum uint64
	for reason, n := range s.Requests.Failed {
		if n == 0 || reason == esgt.Success.String() {
			t.Errorf("failed[%s] = %d", reason, n)
		}
		sum += n
	}
	if sum+s.Requests.Succeeded != s.Requests.Total || s.Requests.Failed["salience"] != 75 {
		t.Fatalf("requests %+v", s.Requests)
	}
}

// TestKeepHistory: histories reach the outcome records when asked for, and
// asking changes nothing else.
func TestKeepHistory(t *testing.T) {
	run := func(keep bool) (string, int) {
		sc, err := Builtin("latency", nil)
		if err != nil {
			t.Fatal(err)
		}
		samples := 0
		res, err := Run(context.Background(), sc, Options{KeepHistory: keep, OnEvent: func(e *trace.Event) {
			if e.Kind == trace.EvOutcome && e.Outcome.Reason == esgt.Success {
				samples += len(e.Outcome.History)
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		return res.Summary.Digest, samples
	}
	d1, n1 := run(false)
	d2, n2 := run(true)
	if d1 != d2 || n1 != 0 || n2 < 5*90 { // 5 ignitions of about 470 ms at 5 ms steps
		t.Fatalf("digests %s %s, history samples %d without, %d with", d1, d2, n1, n2)
	}
}
