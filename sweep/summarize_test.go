package sweep

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// sleepCSV holds, for refractory 50ms, the ten values of R's sleep data
// set (group 1), whose one-sample t.test gives the 95 % interval
// [-0.5297804, 2.0297804] around 0.75; for 100ms, two values, one cell
// failed and one without the figure.
const sleepCSV = `cell,seed,triggers.refractory_period,fabric.nodes,requests,ignitions,digest,error
0,1,50ms,32,10,0.7,d,
1,2,50ms,32,10,-1.6,d,
2,3,50ms,32,10,-0.2,d,
3,4,50ms,32,10,-1.2,d,
4,5,50ms,32,10,-0.1,d,
5,6,50ms,48,10,3.4,d,
6,7,50ms,48,10,3.7,d,
7,8,50ms,48,10,0.8,d,
8,9,50ms,48,10,0.0,d,
9,10,50ms,48,10,2.0,d,
10,1,100ms,32,10,4,d,
11,2,100ms,32,10,6,d,
12,3,100ms,32,,,,boom
13,4,100ms,32,10,,d,
`

func readTable(t *testing.T, files ...string) *Table {
	t.Helper()
	var tab Table
	for i, f := range files {
		if err := tab.ReadTable(fmt.Sprintf("f%d", i), []byte(f)); err != nil {
			t.Fatal(err)
		}
	}
	return &tab
}

func TestSummarizeAgainstR(t *testing.T) {
	tab := readTable(t, sleepCSV)
	s, err := Summarize(tab, SummaryOptions{By: []string{"refractory_period"}, Metrics: []string{"ignitions"}, Confidence: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := s.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	want := `triggers.refractory_period,metric,n,failed,mean,sd,ci_low,ci_high,half_width
50ms,ignitions,10,0,0.750000,1.789010,-0.529780,2.029780,1.279780
100ms,ignitions,2,1,5.000000,1.414214,-7.706205,17.706205,12.706205
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestSummarizeGroupsAndFormats(t *testing.T) {
	tab := readTable(t, sleepCSV)
	s, err := Summarize(tab, SummaryOptions{Confidence: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.By) != 2 || len(s.Rows) != 3*2 {
		t.Fatalf("by %v, %d rows; want both parameters, 3 combinations × 2 metrics", s.By, len(s.Rows))
	}
	var j bytes.Buffer
	s.WriteJSONL(&j)
	first := strings.SplitN(j.String(), "\n", 2)[0]
	want := `{"triggers.refractory_period":"50ms","fabric.nodes":"32","metric":"requests","n":5,"failed":0,"mean":10.000000,"sd":0.000000,"ci_low":10.000000,"ci_high":10.000000,"half_width":0.000000}`
	if first != want {
		t.Errorf("first JSON line\n%s\nwant\n%s", first, want)
	}
	var text bytes.Buffer
	s.WriteText(&text)
	if !strings.Contains(text.String(), "100ms") || !strings.Contains(text.String(), "90% Student-t") {
		t.Errorf("text:\n%s", text.String())
	}
}

// TestReadJSONLAndShards checks that the JSON Lines form of a sweep and
// its shards read back to the same table as the CSV.
func TestReadJSONLAndShards(t *testing.T) {
	csvTab := readTable(t, sleepCSV)
	var lines []string
	for _, r := range csvTab.Rows {
		var b strings.Builder
		b.WriteByte('{')
		for i, c := range csvTab.Columns {
			if i > 0 {
				b.WriteByte(',')
			}
			v := r.Fields[i]
			switch {
			case c == "triggers.refractory_period" || c == "fabric.nodes" || (v != "" && (c == "digest" || c == "error")):
				fmt.Fprintf(&b, "%q:%q", c, v)
			case v == "":
				fmt.Fprintf(&b, "%q:null", c)
			default:
				fmt.Fprintf(&b, "%q:%s", c, v)
			}
		}
		b.WriteString("}\n")
		lines = append(lines, b.String())
	}
	shard := func(i int) string {
		var b strings.Builder
		for c := i; c < len(lines); c += 2 {
			b.WriteString(lines[c])
		}
		fmt.Fprintf(&b, "#esgtsim-shard {\"version\":1,\"fingerprint\":\"abc\",\"format\":\"jsonl\",\"shard\":%d,\"shards\":2}\n", i)
		return b.String()
	}
	jsonTab := readTable(t, shard(1), shard(0))
	if miss, err := jsonTab.MissingShards(); err != nil || len(miss) != 0 {
		t.Errorf("missing %v, %v", miss, err)
	}
	opt := SummaryOptions{Confidence: 0.95}
	a, err := Summarize(csvTab, opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Summarize(jsonTab, opt)
	if err != nil {
		t.Fatal(err)
	}
	var ab, bb bytes.Buffer
	a.WriteCSV(&ab)
	b.WriteCSV(&bb)
	if ab.String() != bb.String() {
		t.Errorf("CSV and sharded JSON Lines summarize differently:\n%s\n%s", ab.String(), bb.String())
	}
	half := readTable(t, shard(0))
	if miss, _ := half.MissingShards(); len(miss) != 1 || miss[0] != 1 {
		t.Errorf("one shard of two: missing %v", miss)
	}
}

func TestSummarizeErrors(t *testing.T) {
	tab := readTable(t, sleepCSV)
	for _, tc := range []struct {
		opt  SummaryOptions
		want string
	}{
		{SummaryOptions{By: []string{"nodez"}, Confidence: 0.95}, "no such parameter"},
		{SummaryOptions{Metrics: []string{"latency"}, Confidence: 0.95}, "no such column"},
		{SummaryOptions{Confidence: 1.5}, "between 0 and 1"},
	} {
		if _, err := Summarize(tab, tc.opt); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", tc.opt, err, tc.want)
		}
	}
	twice := readTable(t, sleepCSV, sleepCSV)
	if _, err := Summarize(twice, SummaryOptions{Confidence: 0.95}); err == nil || !strings.Contains(err.Error(), "appears twice") {
		t.Errorf("a file given twice: %v", err)
	}
	bad := readTable(t, strings.Replace(sleepCSV, "0.7", "x", 1))
	if _, err := Summarize(bad, SummaryOptions{Confidence: 0.95}); err == nil || !strings.Contains(err.Error(), `f0:2: ignitions = "x"`) {
		t.Errorf("bad number: %v", err)
	}
	var other Table
	if err := other.ReadTable("x.csv", []byte("a,b\n1,2\n")); err == nil || !strings.Contains(err.Error(), "not an esgtsim sweep") {
		t.Errorf("not a sweep: %v", err)
	}
}
