package steps

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cucumber/godog"
)

// rowsOf reads a data table with a header row into maps, checking that
// every required column is there.
func rowsOf(table *godog.Table, required ...string) ([]map[string]string, error) {
	if table == nil || len(table.Rows) < 1 {
		return nil, fmt.Errorf("the step needs a table with a header row (%s)", strings.Join(required, " | "))
	}
	var header []string
	for _, c := range table.Rows[0].Cells {
		header = append(header, strings.TrimSpace(c.Value))
	}
	for _, col := range required {
		if !slices.Contains(header, col) {
			return nil, fmt.Errorf("the table needs a %q column, it has: %s", col, strings.Join(header, " | "))
		}
	}
	var rows []map[string]string
	for _, row := range table.Rows[1:] {
		m := map[string]string{}
		for i, c := range row.Cells {
			m[header[i]] = strings.TrimSpace(c.Value)
		}
		rows = append(rows, m)
	}
	return rows, nil
}
