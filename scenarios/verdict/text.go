package verdict

import (
	"bytes"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Line is one criterion line of a text report: cells aligned in columns,
// and an optional note (a why) on the line below, which does not widen
// the columns.
type Line struct {
	Cells []string
	Note  string
}

// WriteLines writes lines with their cells aligned in columns two spaces
// apart, each line after indent, each note under the line's third cell.
func WriteLines(w io.Writer, indent string, lines []Line) error {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, l := range lines {
		io.WriteString(tw, indent+strings.Join(l.Cells, "\t")+"\n")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	rows := strings.SplitAfter(b.String(), "\n")
	var out strings.Builder
	for i, l := range lines {
		out.WriteString(rows[i])
		if l.Note != "" {
			out.WriteString(strings.Repeat(" ", noteColumn(rows[i], indent, l.Cells)) + l.Note + "\n")
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// noteColumn is the display column where the third cell of an aligned
// row starts.
func noteColumn(row, indent string, cells []string) int {
	if len(cells) < 3 {
		return len(indent)
	}
	at := len(indent)
	for _, c := range cells[:2] {
		at += len(c)
		for at < len(row) && row[at] == ' ' {
			at++
		}
	}
	return utf8.RuneCountInString(row[:at])
}
