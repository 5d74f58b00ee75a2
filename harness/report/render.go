package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/mallbots/mallbots/system/platform/redact"
)

// Page is what the living documentation shows.
type Page struct {
	// Title heads the page; "MallBots living documentation" when empty.
	Title string
	// Run is one line about the run (verdict, runtime, when), under the title.
	Run          string
	Features     []Feature
	Interactions Interactions
}

// Load reads the cucumber JSON and the interactions sidecar into a page.
func Load(cucumberPath, interactionsPath string) (Page, error) {
	features, err := ReadCucumber(cucumberPath)
	if err != nil {
		return Page{}, err
	}
	in, err := ReadInteractions(interactionsPath)
	if err != nil {
		return Page{}, err
	}
	return Page{Features: features, Interactions: in}, nil
}

// WriteFile renders the page to path.
func (p Page) WriteFile(path string) error {
	var b bytes.Buffer
	if err := p.Render(&b); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write living documentation: %w", err)
	}
	return nil
}

//go:embed living-doc.html.tmpl
var pageSource string

var pageTemplate = template.Must(template.New("page").Parse(pageSource))

// Render writes the page as one self-contained HTML document.
func (p Page) Render(w io.Writer) error {
	if err := pageTemplate.Execute(w, p.view()); err != nil {
		return fmt.Errorf("render living documentation: %w", err)
	}
	return nil
}

type pageView struct {
	Title, Run        string
	Passed, Failed    int
	Other             int
	Features          []featureView
	ScenariosWithData int
}

type featureView struct {
	Anchor, Keyword, Name, URI string
	Description                string
	Tags                       []string
	Passed, Failed, Other      int
	Scenarios                  []scenarioView
}

type scenarioView struct {
	Anchor, Keyword, Name, Status string
	Icon, Duration                string
	Line                          int
	Tags                          []string
	Steps                         []stepView
	Diagram                       *diagram
	Traffic                       string // "3 HTTP calls, 1 message"
	CorrelationID                 string
}

type stepView struct {
	Keyword, Text, Status, Icon, Duration string
	DocString                             string
	Rows                                  [][]string
	ErrorHead, ErrorRest                  string
}

func (p Page) view() pageView {
	v := pageView{Title: p.Title, Run: p.Run}
	if v.Title == "" {
		v.Title = "MallBots living documentation"
	}
	recorded := map[string]Scenario{}
	for _, s := range p.Interactions.Scenarios {
		recorded[Key(s.URI, s.Line)] = s
	}
	for i, f := range p.Features {
		fv := featureView{Anchor: fmt.Sprintf("f%d", i+1), Keyword: f.Keyword, Name: f.Name, URI: f.URI,
			Description: dedent(f.Description), Tags: tagNames(f.Tags, nil)}
		for j, e := range f.Elements {
			sv := scenarioOf(e, f.Tags, recorded[Key(f.URI, e.Line)])
			sv.Anchor = fmt.Sprintf("%s-s%d", fv.Anchor, j+1)
			if sv.Diagram != nil {
				v.ScenariosWithData++
			}
			switch sv.Status {
			case "passed":
				fv.Passed++
			case "failed":
				fv.Failed++
			default:
				fv.Other++
			}
			fv.Scenarios = append(fv.Scenarios, sv)
		}
		v.Passed, v.Failed, v.Other = v.Passed+fv.Passed, v.Failed+fv.Failed, v.Other+fv.Other
		v.Features = append(v.Features, fv)
	}
	return v
}

func scenarioOf(e Element, featureTags []Tag, rec Scenario) scenarioView {
	sv := scenarioView{Keyword: e.Keyword, Name: e.Name, Line: e.Line, Tags: tagNames(e.Tags, featureTags),
		Diagram: layout(masked(rec.Interactions)), CorrelationID: rec.CorrelationID}
	var total time.Duration
	for _, s := range e.Steps {
		sv.Steps = append(sv.Steps, stepOf(s))
		if s.Result.Duration != nil {
			total += time.Duration(*s.Result.Duration)
		}
	}
	sv.Status = scenarioStatus(e.Steps)
	sv.Icon, sv.Duration = icon(sv.Status), duration(total)
	calls, messages := 0, 0
	for _, it := range rec.Interactions {
		if it.Kind == KindHTTP {
			calls++
		} else {
			messages++
		}
	}
	sv.Traffic = plural(calls, "HTTP call") + ", " + plural(messages, "message")
	return sv
}

func stepOf(s Step) stepView {
	sv := stepView{Keyword: strings.TrimSpace(s.Keyword), Text: s.Name, Status: s.Result.Status, Icon: icon(s.Result.Status)}
	if s.Result.Duration != nil {
		sv.Duration = duration(time.Duration(*s.Result.Duration))
	}
	if s.DocString != nil {
		sv.DocString = s.DocString.Value
	}
	for _, r := range s.Rows {
		sv.Rows = append(sv.Rows, r.Cells)
	}
	if msg := redact.Text(strings.TrimSpace(s.Result.Error)); msg != "" {
		sv.ErrorHead, sv.ErrorRest, _ = strings.Cut(msg, "\n")
	}
	return sv
}

// scenarioStatus is passed when every step passed, failed when a step did
// not pass and was not merely skipped, skipped otherwise (the run is strict:
// undefined, pending and ambiguous steps fail it).
func scenarioStatus(steps []Step) string {
	status := "passed"
	for _, s := range steps {
		switch s.Result.Status {
		case "passed":
		case "skipped":
			status = "skipped"
		default:
			return "failed"
		}
	}
	if len(steps) == 0 {
		return "skipped"
	}
	return status
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func icon(status string) string {
	switch status {
	case "passed":
		return "✓"
	case "failed":
		return "✗"
	case "skipped":
		return "–"
	case "undefined", "pending":
		return "?"
	}
	return "!"
}

func duration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// tagNames lists the tags not inherited from the feature.
func tagNames(tags, inherited []Tag) []string {
	var out []string
	for _, t := range tags {
		if !slices.Contains(inherited, t) && !slices.Contains(out, t.Name) {
			out = append(out, t.Name)
		}
	}
	return out
}

// dedent removes the indentation the description has in the feature file.
func dedent(text string) string {
	lines := strings.Split(strings.Trim(text, "\n"), "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			lines[i] = l[indent:]
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
