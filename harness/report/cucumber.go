package report

import (
	"encoding/json"
	"fmt"
	"os"
)

// Feature is a feature of godog's cucumber JSON, as written.
type Feature struct {
	URI         string    `json:"uri"`
	ID          string    `json:"id"`
	Keyword     string    `json:"keyword"`
	Name        string    `json:"name"`
	Description string    `json:"description"`
	Line        int       `json:"line"`
	Tags        []Tag     `json:"tags"`
	Elements    []Element `json:"elements"`
}

// Tag is a Gherkin tag.
type Tag struct {
	Name string `json:"name"`
}

// Element is a scenario (or an example row of an outline).
type Element struct {
	ID          string `json:"id"`
	Keyword     string `json:"keyword"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Line        int    `json:"line"`
	Type        string `json:"type"`
	Tags        []Tag  `json:"tags"`
	Steps       []Step `json:"steps"`
}

// Step is a step as written, with its outcome.
type Step struct {
	Keyword   string     `json:"keyword"`
	Name      string     `json:"name"`
	Line      int        `json:"line"`
	DocString *DocString `json:"doc_string"`
	Rows      []Row      `json:"rows"`
	Result    Result     `json:"result"`
}

// DocString is a step's doc string.
type DocString struct {
	Value       string `json:"value"`
	ContentType string `json:"content_type"`
}

// Row is a row of a step's data table.
type Row struct {
	Cells []string `json:"cells"`
}

// Result is a step's outcome: passed, failed, skipped, undefined, pending
// or ambiguous; Duration is in nanoseconds.
type Result struct {
	Status   string `json:"status"`
	Error    string `json:"error_message"`
	Duration *int64 `json:"duration"`
}

// ReadCucumber reads a cucumber JSON report.
func ReadCucumber(path string) ([]Feature, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read cucumber report: %w", err)
	}
	var features []Feature
	if err := json.Unmarshal(data, &features); err != nil {
		return nil, fmt.Errorf("%s is not valid cucumber JSON: %w", path, err)
	}
	return features, nil
}
