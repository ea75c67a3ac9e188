package suite

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// The common JUnit XML schema, the JUnit XSD of Jenkins' JUnit format
// (dtkit junit-4.xsd; GitLab's and GitHub's reporters read the same
// format), as a table: each element's attributes (true: required), its
// children in sequence with their occurrences, and whether it may hold
// text.
type xsdElement struct {
	attrs    map[string]bool
	children []xsdChild
	text     bool
}

type xsdChild struct {
	name     string
	min, max int // max −1: unbounded
}

var junitSchema = map[string]xsdElement{
	"testsuites": {
		attrs:    map[string]bool{"name": false, "time": false, "tests": false, "failures": false, "disabled": false, "errors": false},
		children: []xsdChild{{"testsuite", 0, -1}},
	},
	"testsuite": {
		attrs: map[string]bool{"name": true, "tests": true, "failures": false, "errors": false, "time": false, "disabled": false,
			"skipped": false, "timestamp": false, "hostname": false, "id": false, "package": false},
		children: []xsdChild{{"properties", 0, 1}, {"testcase", 0, -1}, {"system-out", 0, 1}, {"system-err", 0, 1}},
	},
	"properties": {children: []xsdChild{{"property", 1, -1}}},
	"property":   {attrs: map[string]bool{"name": true, "value": true}},
	"testcase": {
		attrs:    map[string]bool{"name": true, "assertions": false, "time": false, "classname": false, "status": false},
		children: []xsdChild{{"skipped", 0, 1}, {"error", 0, -1}, {"failure", 0, -1}, {"system-out", 0, -1}, {"system-err", 0, -1}},
	},
	"failure":    {attrs: map[string]bool{"type": false, "message": false}, text: true},
	"error":      {attrs: map[string]bool{"type": false, "message": false}, text: true},
	"skipped":    {text: true},
	"system-out": {text: true},
	"system-err": {text: true},
}

// xmlNode is a parsed element.
type xmlNode struct {
	name     string
	attrs    []xml.Attr
	children []*xmlNode
	text     strings.Builder
}

func parseXML(r io.Reader) (*xmlNode, error) {
	dec := xml.NewDecoder(r)
	var stack []*xmlNode
	var root *xmlNode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: t.Name.Local, attrs: t.Attr}
			if t.Name.Space != "" {
				return nil, fmt.Errorf("element %s has namespace %q", t.Name.Local, t.Name.Space)
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

// validateJUnit checks a document against junitSchema; its root is
// testsuites or testsuite.
func validateJUnit(r io.Reader) error {
	root, err := parseXML(r)
	if err != nil {
		return err
	}
	if root.name != "testsuites" && root.name != "testsuite" {
		return fmt.Errorf("root element %s, want testsuites or testsuite", root.name)
	}
	return validateNode(root, root.name)
}

func validateNode(n *xmlNode, path string) error {
	el, ok := junitSchema[n.name]
	if !ok {
		return fmt.Errorf("%s: element not in the schema", path)
	}
	seen := map[string]bool{}
	for _, a := range n.attrs {
		if _, ok := el.attrs[a.Name.Local]; !ok || a.Name.Space != "" {
			return fmt.Errorf("%s: attribute %s not in the schema", path, a.Name.Local)
		}
		seen[a.Name.Local] = true
	}
	for name, required := range el.attrs {
		if required && !seen[name] {
			return fmt.Errorf("%s: required attribute %s missing", path, name)
		}
	}
	if !el.text && strings.TrimSpace(n.text.String()) != "" {
		return fmt.Errorf("%s: text in an element that holds none", path)
	}
	// The children must follow the sequence.
	i := 0
	for _, want := range el.children {
		count := 0
		for i < len(n.children) && n.children[i].name == want.name {
			if err := validateNode(n.children[i], path+"/"+want.name); err != nil {
				return err
			}
			count++
			i++
		}
		if count < want.min || (want.max >= 0 && count > want.max) {
			return fmt.Errorf("%s: %d %s elements, want %d to %d", path, count, want.name, want.min, want.max)
		}
	}
	if i < len(n.children) {
		return fmt.Errorf("%s: element %s out of sequence or not allowed here", path, n.children[i].name)
	}
	return nil
}

// TestSchemaCheckerCanFail: the checker refuses documents that break the
// schema in each way it checks.
func TestSchemaCheckerCanFail(t *testing.T) {
	good := `<testsuites><testsuite name="m" tests="1"><testcase name="a"><skipped>x</skipped><failure message="m">t</failure><system-out>o</system-out></testcase></testsuite></testsuites>`
	if err := validateJUnit(strings.NewReader(good)); err != nil {
		t.Fatalf("a valid document refused: %v", err)
	}
	for name, doc := range map[string]string{
		"unknown root":          `<results/>`,
		"unknown element":       `<testsuites><suite/></testsuites>`,
		"unknown attribute":     `<testsuites skipped="1"/>`,
		"missing required":      `<testsuites><testsuite name="m"/></testsuites>`,
		"testcase without name": `<testsuites><testsuite name="m" tests="1"><testcase/></testsuite></testsuites>`,
		"skipped attribute":     `<testsuites><testsuite name="m" tests="1"><testcase name="a"><skipped message="x"/></testcase></testsuite></testsuites>`,
		"out of sequence":       `<testsuites><testsuite name="m" tests="1"><testcase name="a"><failure/><skipped/></testcase></testsuite></testsuites>`,
		"two skipped":           `<testsuites><testsuite name="m" tests="1"><testcase name="a"><skipped/><skipped/></testcase></testsuite></testsuites>`,
		"empty properties":      `<testsuites><testsuite name="m" tests="1"><properties/></testsuite></testsuites>`,
		"text in testcase":      `<testsuites><testsuite name="m" tests="1"><testcase name="a">oops</testcase></testsuite></testsuites>`,
		"not well formed":       `<testsuites><testsuite name="m" tests="1"></testsuites>`,
	} {
		if err := validateJUnit(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: accepted %s", name, doc)
		}
	}
}
