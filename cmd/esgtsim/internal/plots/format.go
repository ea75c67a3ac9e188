package plots

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format is an output file format.
type Format string

// The supported formats.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

// ParseFormat returns the format named s ("svg" or "png", any case).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case SVG, PNG:
		return f, nil
	}
	return "", fmt.Errorf("plots: unknown format %q (want svg or png)", s)
}

// FormatOf returns the format given by path's extension.
func FormatOf(path string) (Format, error) {
	ext := strings.TrimPrefix(filepath.Ext(path), ".")
	if ext == "" {
		return "", fmt.Errorf("plots: %s has no extension (want .svg or .png)", path)
	}
	f, err := ParseFormat(ext)
	if err != nil {
		return "", fmt.Errorf("plots: %s: extension %q is neither .svg nor .png", path, "."+ext)
	}
	return f, nil
}
