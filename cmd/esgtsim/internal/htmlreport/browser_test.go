package htmlreport

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// browserEnv names the Chromium executable TestBrowser renders the report
// with; .ci/run sets it when it has Chromium.
const browserEnv = "ESGTSIM_CHROMIUM"

// shotsEnv, if set, names a directory where TestBrowser keeps its
// screenshots, for a person to look at.
const shotsEnv = "ESGTSIM_BROWSER_SHOTS"

// frame is the page TestBrowser loads: the report in a frame of the size
// of the screen under test (headless Chromium lays a page out at least 500
// pixels wide, whatever its window, but a frame at its own width), and a
// script that, once the report has loaded, records on the <html> element
// the report's DOM as the browser built it, the width of its viewport and
// of its page, and the boxes of the parts TestBrowser looks for in the
// screenshot. The report itself has no script.
const frame = `<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body style="margin: 0">
<iframe id="report" style="border: 0; display: block" width="%d" height="%d" srcdoc="%s"></iframe>
<script>
var f = document.getElementById("report");
f.addEventListener("load", function () {
	var d = f.contentDocument;
	function box(sel) {
		var e = d.querySelector(sel);
		if (!e) return null;
		var r = e.getBoundingClientRect();
		return {x: r.left, y: r.top, w: r.width, h: r.height};
	}
	document.documentElement.setAttribute("data-layout", JSON.stringify({
		viewport: d.documentElement.clientWidth,
		page: d.documentElement.scrollWidth,
		heading: box("h1"),
		bars: box(".scenarios tbody, .outcomes tbody"),
		figure: box("figure svg")
	}));
	document.documentElement.setAttribute("data-dom", "<!DOCTYPE html>" + d.documentElement.outerHTML);
});
</script>
</body></html>
`

// layout is what frame's script records.
type layout struct {
	Viewport, Page        float64
	Heading, Bars, Figure *struct{ X, Y, W, H float64 }
}

// TestBrowser renders the report of a run in headless Chromium at laptop
// and phone widths, and checks that the browser built the page's parts
// (its DOM after loading), logged no console error, kept the page within
// the width of the screen, and drew the heading, the outcome bars and a
// figure (non-white pixels where the layout puts them).
func TestBrowser(t *testing.T) {
	browser := os.Getenv(browserEnv)
	if browser == "" {
		t.Skipf("%s is not set: no browser to render the report with (.ci/run sets it where it can install Chromium)", browserEnv)
	}
	run := sample(t)
	runPage, _ := render(t, run)
	var suitePage bytes.Buffer
	if err := WriteSuite(&suitePage, sampleSuite(t), testVersion); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, size := range []struct {
		name          string
		page          []byte
		check         func(*testing.T, *html.Node)
		width, height int
	}{
		// Tall enough to show the first figure.
		{"laptop", runPage, func(t *testing.T, doc *html.Node) { checkPage(t, doc, run.Summary) }, 1280, 2400},
		{"phone", runPage, func(t *testing.T, doc *html.Node) { checkPage(t, doc, run.Summary) }, 390, 844},
		{"suite-phone", suitePage.Bytes(), checkSuitePage, 390, 844},
	} {
		t.Run(size.name, func(t *testing.T) {
			page := size.page
			path := filepath.Join(dir, size.name+".html")
			framed := fmt.Sprintf(frame, size.width, size.height, html.EscapeString(string(page)))
			if err := os.WriteFile(path, []byte(framed), 0o644); err != nil {
				t.Fatal(err)
			}
			shot := filepath.Join(dir, size.name+".png")
			dumped, logs := chromium(t, browser, path, shot, size.width, size.height)
			for _, line := range strings.Split(logs, "\n") {
				if strings.Contains(line, ":CONSOLE") || strings.Contains(line, "Uncaught") {
					t.Errorf("console: %s", line)
				}
			}
			wrapper, err := html.Parse(strings.NewReader(dumped))
			if err != nil {
				t.Fatal(err)
			}
			root := find(wrapper, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "html" })
			var lay layout
			if err := json.Unmarshal([]byte(attr(root, "data-layout")), &lay); err != nil {
				t.Fatalf("the frame's script did not run: %v\nlogs:\n%s", err, logs)
			}
			doc, err := html.Parse(strings.NewReader(attr(root, "data-dom")))
			if err != nil {
				t.Fatal(err)
			}
			size.check(t, doc)

			if lay.Viewport != float64(size.width) {
				t.Errorf("viewport %v px wide, want %d", lay.Viewport, size.width)
			}
			if lay.Page > lay.Viewport {
				t.Errorf("the page is %v px wide on a %v px screen: it scrolls sideways", lay.Page, lay.Viewport)
			}
			img := decodePNG(t, shot)
			if got := img.Bounds().Dx(); got != size.width {
				t.Errorf("screenshot %d px wide, want %d", got, size.width)
			}
			if f := ink(img, img.Bounds()); f < 0.01 {
				t.Errorf("the page is blank: %.4f of its pixels are not white", f)
			}
			for _, part := range []struct {
				name     string
				box      *struct{ X, Y, W, H float64 }
				min      float64
				coloured bool
			}{
				{"heading", lay.Heading, 0.02, false},
				{"outcome bars or suite verdicts", lay.Bars, 0.02, true},
				{"first figure", lay.Figure, 0.02, true},
			} {
				if part.box == nil {
					t.Errorf("no %s on the page", part.name)
					continue
				}
				r := image.Rect(int(part.box.X), int(part.box.Y), int(part.box.X+part.box.W), int(part.box.Y+part.box.H)).Intersect(img.Bounds())
				if r.Dy() < 20 {
					continue // below the fold at this size
				}
				if f := ink(img, r); f < part.min {
					t.Errorf("%s at %v: %.4f of its pixels are not white, want at least %.2f", part.name, r, f, part.min)
				}
				if part.coloured && !hasColour(img, r) {
					t.Errorf("%s at %v: no coloured pixel", part.name, r)
				}
			}
			if out := os.Getenv(shotsEnv); out != "" {
				data, _ := os.ReadFile(shot)
				if err := os.WriteFile(filepath.Join(out, "report-"+size.name+".png"), data, 0o644); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// chromium loads the file at path in a headless browser with a window of
// width × height, writes a screenshot to shot, and returns the DOM after
// loading and the browser's log. The browser runs with a fresh profile,
// no network (every host name fails to resolve) and no background
// services.
func chromium(t *testing.T, browser, path, shot string, width, height int) (dom, logs string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars",
		"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0",
		"--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height),
		"--screenshot="+shot, "--dump-dom", "file://"+path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// ink returns the share of pixels in r that are not (nearly) white.
func ink(img image.Image, r image.Rectangle) float64 {
	if r.Empty() {
		return 0
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if cr, cg, cb, _ := img.At(x, y).RGBA(); cr < 0xf000 || cg < 0xf000 || cb < 0xf000 {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}

// hasColour reports whether r has a clearly coloured (not grey) pixel.
func hasColour(img image.Image, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			hi, lo := max(cr, cg, cb), min(cr, cg, cb)
			if hi-lo > 0x6000 {
				return true
			}
		}
	}
	return false
}

// checkSuitePage checks a suite's page as the browser built it: self
// contained, with its verdict, its table by module and its scenarios.
func checkSuitePage(t *testing.T, doc *html.Node) {
	t.Helper()
	checkSelfContained(t, doc)
	for _, class := range []string{"suite-header", "verdict-word", "modules", "scenarios", "in-suite", "run-details"} {
		if find(doc, hasClass(class)) == nil {
			t.Errorf("no element of class %q", class)
		}
	}
}
