package flakes

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
)

//go:embed flakes.html.tmpl
var pageTemplate string

var page = template.Must(template.New("flakes").Funcs(template.FuncMap{
	"seconds": seconds,
	"runs":    runList,
}).Parse(pageTemplate))

// Write writes flakes.json and flakes.html into dir and returns their paths.
func (r *Report) Write(dir string) (jsonPath, htmlPath string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("flake report: %w", err)
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", "", fmt.Errorf("flake report: %w", err)
	}
	jsonPath, htmlPath = filepath.Join(dir, "flakes.json"), filepath.Join(dir, "flakes.html")
	if err := os.WriteFile(jsonPath, append(data, '\n'), 0o644); err != nil {
		return "", "", fmt.Errorf("flake report: %w", err)
	}
	var b strings.Builder
	if err := page.Execute(&b, r); err != nil {
		return "", "", fmt.Errorf("flake report page: %w", err)
	}
	if err := os.WriteFile(htmlPath, []byte(b.String()), 0o644); err != nil {
		return "", "", fmt.Errorf("flake report page: %w", err)
	}
	return jsonPath, htmlPath, nil
}

// Read reads a report Write wrote.
func Read(path string) (*Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read flake report: %w", err)
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s is not a flake report: %w", path, err)
	}
	return &r, nil
}
