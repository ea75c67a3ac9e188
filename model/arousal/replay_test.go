package arousal

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/esgtsim/esgtsim/clock"
)

// TestReplayAgainstOriginal feeds the controller the rows that were fed to
// the original's ArousalController (testdata/arousal_replay_*.csv, each
// file's first line says how they were produced) and checks arousal,
// target, threshold and stress after every update to 1e-12. The original
// runs on 1.0 + t_ns/1e9 seconds; only time differences matter to it.
func TestReplayAgainstOriginal(t *testing.T) {
	for _, name := range []string{"arousal_replay_arousal-modulation.csv", "arousal_replay_needs-stress-modulation.csv"} {
		t.Run(name, func(t *testing.T) {
			rows := readReplay(t, filepath.Join("testdata", name))
			src := new(fixedNeeds)
			c, err := New(DefaultConfig(), src)
			if err != nil {
				t.Fatal(err)
			}
			var ticks, worst float64
			for i, r := range rows {
				now := clock.Time(r.int("t_ns"))
				switch r.get("event") {
				case "tick":
					*src = fixedNeeds{
						Rest: r.float("rest"), Repair: r.float("repair"), Efficiency: r.float("efficiency"),
						Connectivity: r.float("connectivity"), Curiosity: r.float("curiosity"), Learning: r.float("learning"),
					}
					c.update(now)
					ticks++
					for _, v := range []struct {
						name      string
						got, want float64
					}{
						{"arousal", c.Arousal(), r.float("arousal")},
						{"target", c.Target(), r.float("target")},
						{"threshold", c.EffectiveThreshold(), r.float("threshold")},
						{"stress", c.Stress(), r.float("stress")},
					} {
						d := math.Abs(v.got - v.want)
						worst = max(worst, d)
						if !(d <= 1e-12) {
							t.Fatalf("row %d (t = %v): %s %v, the original %v", i+3, now, v.name, v.got, v.want)
						}
					}
					if r.get("near_level_boundary") == "0" && c.Level().String() != r.get("level") {
						t.Fatalf("row %d: level %v, the original %s", i+3, c.Level(), r.get("level"))
					}
				case "modulation":
					err := c.Modulate(now, Modulation{
						Source: r.get("mod_source"), Delta: r.float("mod_delta"), Priority: r.float("mod_priority"),
						Duration: clock.Duration(math.Round(r.float("mod_duration_s") * float64(clock.Second))),
					})
					if err != nil {
						t.Fatalf("row %d: %v", i+3, err)
					}
				case "ignition":
					c.NotifyIgnition(now)
				default:
					t.Fatalf("row %d: unknown event %q", i+3, r.get("event"))
				}
			}
			if ticks < 1000 {
				t.Fatalf("only %v updates replayed", ticks)
			}
			t.Logf("%v updates, largest difference %.3g", ticks, worst)
		})
	}
}

// replayRow is one row of a replay file, by column name.
type replayRow struct {
	t      *testing.T
	cols   map[string]int
	fields []string
}

func (r replayRow) get(col string) string {
	i, ok := r.cols[col]
	if !ok {
		r.t.Fatalf("no column %q", col)
	}
	return r.fields[i]
}

func (r replayRow) float(col string) float64 {
	v, err := strconv.ParseFloat(r.get(col), 64)
	if err != nil {
		r.t.Fatalf("column %s: %v", col, err)
	}
	return v
}

func (r replayRow) int(col string) int64 {
	v, err := strconv.ParseInt(r.get(col), 10, 64)
	if err != nil {
		r.t.Fatalf("column %s: %v", col, err)
	}
	return v
}

// readReplay reads a replay CSV: a '#' provenance line, a header, rows.
func readReplay(t *testing.T, path string) []replayRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := csv.NewReader(f)
	rd.Comment = '#'
	all, err := rd.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]int{}
	for i, c := range all[0] {
		cols[c] = i
	}
	rows := make([]replayRow, 0, len(all)-1)
	for _, fields := range all[1:] {
		rows = append(rows, replayRow{t: t, cols: cols, fields: fields})
	}
	return rows
}
