package bridge

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/esgtsim/esgtsim/model/arousal"
)

// TestThresholdMatchesTheOriginal: for the arousal of every update of the
// arousal replays (kept with the arousal package's test data; each file's
// first line says how it was produced), the bridge's threshold is the
// original ESGTArousalBridge's to 1e-12.
func TestThresholdMatchesTheOriginal(t *testing.T) {
	b, err := New(DefaultConfig(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := arousal.DefaultConfig()
	for _, name := range []string{"arousal_replay_arousal-modulation.csv", "arousal_replay_needs-stress-modulation.csv"} {
		f, err := os.Open(filepath.Join("..", "arousal", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		rd := csv.NewReader(f)
		rd.Comment = '#'
		rows, err := rd.ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, c := range rows[0] {
			col[c] = i
		}
		checked := 0
		for i, r := range rows[1:] {
			if r[col["event"]] != "tick" {
				continue
			}
			a, err1 := strconv.ParseFloat(r[col["arousal"]], 64)
			want, err2 := strconv.ParseFloat(r[col["threshold_bridge"]], 64)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s row %d: %v %v", name, i+3, err1, err2)
			}
			if got := b.Threshold(cfg.ThresholdFactor(a)); !(math.Abs(got-want) <= 1e-12) {
				t.Fatalf("%s row %d: arousal %v: threshold %v, the original bridge %v", name, i+3, a, got, want)
			}
			checked++
		}
		if checked < 1000 {
			t.Fatalf("%s: only %d rows", name, checked)
		}
	}
}
