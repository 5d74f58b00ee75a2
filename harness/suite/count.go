package suite

import (
	"encoding/json"
	"fmt"
	"os"
)

// cucumberFeature is the part of godog's cucumber JSON the summary reads.
type cucumberFeature struct {
	Elements []struct {
		Type  string `json:"type"`
		Steps []struct {
			Result struct {
				Status string `json:"status"`
			} `json:"result"`
		} `json:"steps"`
	} `json:"elements"`
}

// countScenarios reads how many scenarios ran and failed from the report.
func countScenarios(path string) (scenarios, failed int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, fmt.Errorf("read %s: %w", path, err)
	}
	var features []cucumberFeature
	if err := json.Unmarshal(data, &features); err != nil {
		return 0, 0, fmt.Errorf("%s is not valid cucumber JSON: %w", path, err)
	}
	for _, f := range features {
		for _, e := range f.Elements {
			if e.Type != "scenario" {
				continue
			}
			scenarios++
			for _, s := range e.Steps {
				if s.Result.Status != "passed" {
					failed++
					break
				}
			}
		}
	}
	return scenarios, failed, nil
}
