package plots

import "regexp"

// svgFontFallback follows the font family of every SVG text, which
// gonum/plot names after the face it measured the text with (Liberation
// Sans): Arial and Helvetica have the same metrics, so text keeps the
// width it was laid out for, and sans-serif is the generic family every
// renderer has, so the figures read the same where Liberation Sans is not
// installed.
const svgFontFallback = ", Arial, Helvetica, sans-serif"

// svgFontFamily matches the font-family declaration gonum/plot writes in
// each text element's style attribute.
var svgFontFamily = regexp.MustCompile(`font-family:([^;"']+)`)

// withFontFallback returns the SVG document svg with svgFontFallback
// after the font family of every text.
func withFontFallback(svg []byte) []byte {
	return svgFontFamily.ReplaceAll(svg, []byte("font-family:'$1'"+svgFontFallback))
}
