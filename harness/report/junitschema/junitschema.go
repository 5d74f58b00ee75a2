// Package junitschema checks JUnit XML against the common Jenkins JUnit
// schema (testdata/jenkins-junit.xsd, whose origin and licence its opening
// comment gives), for the tests of the code that writes reports/junit.xml.
//
// The validator is libxml2, the XML Schema implementation behind xmllint,
// through cgo (github.com/terminalstatic/go-xsd-validate). Of the routes
// there were, it has the fewest surprises on a fresh machine: the project's
// machines come with gcc, pkg-config and Debian's libxml2-dev, so nothing is
// downloaded or installed to run the tests (scripts/libxml2.sh, run by
// `make tools`, installs libxml2-dev only where it is missing), and errors
// come back as Go values with their line numbers. xmllint itself would be
// one more Debian package (libxml2-utils) to install on every machine and a
// program to find and run; the pure-Go XSD validator looked for
// (github.com/knroy/go-xml) is not served by the Go module proxy; and a
// checker written here would prove only what it was written to look for. Without libxml2's headers the tests that import
// this package do not build, and the compiler names the missing
// pkg-config package libxml-2.0.
package junitschema

import (
	_ "embed"
	"fmt"
	"sync"

	xsdvalidate "github.com/terminalstatic/go-xsd-validate"
)

// XSD is the schema, as committed in testdata/jenkins-junit.xsd.
//
//go:embed testdata/jenkins-junit.xsd
var XSD []byte

var (
	once    sync.Once
	schema  *xsdvalidate.XsdHandler
	loadErr error
)

// load initialises libxml2 and parses the schema, once for the process.
func load() (*xsdvalidate.XsdHandler, error) {
	once.Do(func() {
		if err := xsdvalidate.Init(); err != nil {
			loadErr = fmt.Errorf("initialise libxml2: %w", err)
			return
		}
		if schema, loadErr = xsdvalidate.NewXsdHandlerMem(XSD, xsdvalidate.ParsErrVerbose); loadErr != nil {
			loadErr = fmt.Errorf("parse the Jenkins JUnit schema: %w", loadErr)
		}
	})
	return schema, loadErr
}

// Validate reports whether doc, a JUnit XML document, is valid against the
// Jenkins JUnit schema; the error lists each violation with its line.
func Validate(doc []byte) error {
	s, err := load()
	if err != nil {
		return err
	}
	if err := s.ValidateMem(doc, xsdvalidate.ParsErrVerbose); err != nil {
		return fmt.Errorf("not valid against the Jenkins JUnit schema:\n%w", err)
	}
	return nil
}
