package loadreport

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"os"

	"github.com/mallbots/mallbots/harness/load"
)

//go:embed report.html.tmpl
var pageSource string

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{"px": px, "table": newTable}).Parse(pageSource))

// RenderHTML writes r as one self-contained page: no script, no link to
// anything, the plots drawn in inline SVG.
func RenderHTML(w io.Writer, r load.Result) error {
	if err := pageTemplate.Execute(w, view(r)); err != nil {
		return fmt.Errorf("render load report: %w", err)
	}
	return nil
}

// WriteHTML renders r to path.
func WriteHTML(path string, r load.Result) error {
	var b bytes.Buffer
	if err := RenderHTML(&b, r); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write load report: %w", err)
	}
	return nil
}

// tableView is a summary table for the template; a row's note spans every
// column but the first.
type tableView struct {
	Head []string
	Rows []row
	None string
	Span int
}

func newTable(head []string, rows []row, none string) tableView {
	return tableView{Head: head, Rows: rows, None: none, Span: len(head) - 1}
}
