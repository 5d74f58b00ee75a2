package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"
)

// JUnit is a run as JUnit XML: a <testsuite> per feature, a <testcase> per
// scenario. It is valid against the common Jenkins JUnit schema
// (junitschema/testdata/jenkins-junit.xsd): no skipped count on
// <testsuites>, and a test case's elements in the schema's order, skipped,
// then errors, then failures (the fields' order below is that order).
// godog's own JUnit formatter writes neither way, so the suite writes this
// instead, from the run's cucumber JSON (JUnitOf): a merge of several runs
// merges their cucumber JSON and writes this from the result.
type JUnit struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

// JUnitSuite is a feature.
type JUnitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []JUnitCase `xml:"testcase"`
}

// JUnitCase is a scenario. Status is how it ended, as godog says it:
// passed, failed, undefined, pending, ambiguous or skipped. Skipped, in the
// schema a bare string, says why it was skipped.
type JUnitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Status    string         `xml:"status,attr"`
	Time      string         `xml:"time,attr"`
	Skipped   *string        `xml:"skipped"`
	Errors    []JUnitProblem `xml:"error"`
	Failures  []JUnitProblem `xml:"failure"`
}

// JUnitProblem is an <error> or a <failure>: Type is the step's status.
type JUnitProblem struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
}

// JUnitOf is the JUnit report of a run from its cucumber JSON: features and
// scenarios in the cucumber JSON's order. A failed step is a <failure>; an
// undefined, pending or ambiguous step an <error>; skipped steps (those
// after a failure, say) are left out; a scenario that skipped a step
// (godog.ErrSkip) and failed none, or has no step results (not run), is
// <skipped>. A scenario counts once in the totals, by its first step that
// neither passed nor skipped, as the suite's outcomes do. Scenarios of one feature with the same name (an outline's
// examples) are numbered " #1", " #2"..., as godog does. Times are in
// seconds, the sums of the scenarios' step durations.
func JUnitOf(name string, features []Feature) JUnit {
	out := JUnit{Name: name, Suites: []JUnitSuite{}}
	var total time.Duration
	for _, f := range features {
		suite, took := junitSuite(f)
		out.Suites = append(out.Suites, suite)
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Errors += suite.Errors
		total += took
	}
	out.Time = seconds(total)
	return out
}

func junitSuite(f Feature) (JUnitSuite, time.Duration) {
	suite := JUnitSuite{Name: f.Name, Cases: []JUnitCase{}}
	names := map[string]int{}
	for _, e := range f.Elements {
		if e.Type == "scenario" {
			names[e.Name]++
		}
	}
	numbered := map[string]int{}
	var total time.Duration
	for _, e := range f.Elements {
		if e.Type != "scenario" {
			continue
		}
		c, took := junitCase(f.Name, e)
		if names[e.Name] > 1 {
			numbered[e.Name]++
			c.Name = fmt.Sprintf("%s #%d", e.Name, numbered[e.Name])
		}
		suite.Tests++
		switch c.Status {
		case "passed":
		case "failed":
			suite.Failures++
		case "skipped":
			suite.Skipped++
		default: // undefined, pending, ambiguous
			suite.Errors++
		}
		suite.Cases = append(suite.Cases, c)
		total += took
	}
	suite.Time = seconds(total)
	return suite, total
}

func junitCase(feature string, e Element) (JUnitCase, time.Duration) {
	c := JUnitCase{Name: e.Name, Classname: feature}
	var took time.Duration
	skipped := ""
	for _, s := range e.Steps {
		if s.Result.Duration != nil {
			took += time.Duration(*s.Result.Duration)
		}
		switch s.Result.Status {
		case "passed":
			continue
		case "skipped":
			if skipped == "" {
				skipped = "Step " + s.Name + ": skipped"
			}
			continue
		}
		message := "Step " + s.Name + ": " + s.Result.Error
		if s.Result.Error == "" {
			message = "Step " + s.Name + ": the step is " + s.Result.Status
		}
		switch s.Result.Status {
		case "failed":
			c.Failures = append(c.Failures, JUnitProblem{Type: s.Result.Status, Message: message})
		default: // undefined, pending, ambiguous
			c.Errors = append(c.Errors, JUnitProblem{Type: s.Result.Status, Message: message})
		}
		if c.Status == "" {
			c.Status = s.Result.Status
		}
	}
	switch {
	case c.Status != "":
	case len(e.Steps) == 0:
		c.Status, skipped = "skipped", "no step ran"
		c.Skipped = &skipped
	case skipped != "":
		c.Status = "skipped"
		c.Skipped = &skipped
	default:
		c.Status = "passed"
	}
	c.Time = seconds(took)
	return c, took
}

// seconds is d in seconds with three decimals, as JUnit writers put it.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
}

// Write writes the report as an XML document.
func (j JUnit) Write(w io.Writer) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(j); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// WriteFile writes the report to path.
func (j JUnit) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write the JUnit report: %w", err)
	}
	if err := j.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("write the JUnit report %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write the JUnit report %s: %w", path, err)
	}
	return nil
}
