package htmlreport

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"

	"github.com/esgtsim/esgtsim/cmd/esgtsim/internal/plots"
)

// figure is one of a run's figures, inline.
type figure struct {
	Name      string // one of plots.RunPlots
	Caption   string
	CaptionID string // the caption's element id, which names the SVG image
	SVG       template.HTML
}

// captions say what each figure shows, under it.
var captions = map[string]string{
	"latency":   "Latency from arrival to outcome: histogram stacked by outcome reason, and CDF, with the P50, P95 and P99 of every request.",
	"coherence": "Coherence r(t) from the start of SYNCHRONIZE: the first and latest attempts, the mean of every successful ignition, the target, and the phases.",
	"arousal":   "Arousal, its target and the salience threshold over virtual time, with successful ignitions as ticks.",
	"outcomes":  "Requests by outcome reason over virtual time of arrival, and the request rate stacked by reason.",
}

// figures draws every figure of plots.RunPlots from c as inline SVG, for
// the run whose element ids start with id. Each is an image for assistive
// technology (role img), named by its caption, not a tree of tick labels.
func figures(c *plots.Collector, id string) ([]figure, error) {
	var out []figure
	for _, name := range plots.RunPlots {
		var buf bytes.Buffer
		if err := plots.RenderRun(&buf, name, plots.SVG, c); err != nil {
			return nil, err
		}
		captionID := id + "-figure-" + name
		svg, err := inline(buf.Bytes(), captionID)
		if err != nil {
			return nil, fmt.Errorf("htmlreport: %s figure: %w", name, err)
		}
		out = append(out, figure{Name: name, Caption: captions[name], CaptionID: captionID, SVG: svg})
	}
	return out, nil
}

// svgRoot matches the root element's size, in points, which inline gives
// up for the viewBox alone: the page's style sheet sizes the figure to the
// width of the page, and the viewBox keeps its proportions.
var svgRoot = regexp.MustCompile(`^<svg width="[^"]*" height="[^"]*"`)

// inline turns an SVG document as plots writes it into an element for an
// HTML page: no XML declaration or comment before it, no fixed size, and
// the role of an image labelled by the element labelledBy (an id of
// letters, digits and dashes). The document is plots' own output, text
// escaped, so it is trusted HTML.
func inline(doc []byte, labelledBy string) (template.HTML, error) {
	i := bytes.Index(doc, []byte("<svg"))
	if i < 0 {
		return "", fmt.Errorf("no <svg> element")
	}
	doc = doc[i:]
	loc := svgRoot.FindIndex(doc)
	if loc == nil {
		return "", fmt.Errorf("the <svg> element has no width and height")
	}
	return template.HTML(`<svg role="img" aria-labelledby="` + template.HTMLEscapeString(labelledBy) + `"` + string(doc[loc[1]:])), nil
}
