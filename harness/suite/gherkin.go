package suite

import (
	messages "github.com/cucumber/messages/go/v34"
)

// block is a part of a feature file that starts on a line of its own: a
// background, a scenario or a rule; scenario is nil unless it is one.
type block struct {
	start    int // its first tag's line, else its keyword's
	scenario *scenarioNode
}

// scenarioNode is a scenario, or a scenario outline and its example rows.
type scenarioNode struct {
	id   string
	line int
	rows []rowNode
}

// rowNode is an example row; number is the one godog ends its cucumber id
// with: its place in its Examples table, the first row being 2.
type rowNode struct {
	id           string
	line, number int
}

// blocksOf lists a feature file's blocks in the order they are written.
func blocksOf(doc *messages.GherkinDocument) []block {
	if doc == nil || doc.Feature == nil {
		return nil
	}
	var out []block
	for _, child := range doc.Feature.Children {
		switch {
		case child.Background != nil:
			out = append(out, block{start: int(child.Background.Location.Line)})
		case child.Scenario != nil:
			out = append(out, scenarioBlock(child.Scenario))
		case child.Rule != nil:
			out = append(out, block{start: firstLine(child.Rule.Location, child.Rule.Tags)})
			for _, rc := range child.Rule.Children {
				if rc.Background != nil {
					out = append(out, block{start: int(rc.Background.Location.Line)})
				}
				if rc.Scenario != nil {
					out = append(out, scenarioBlock(rc.Scenario))
				}
			}
		}
	}
	return out
}

func scenarioBlock(sc *messages.Scenario) block {
	node := &scenarioNode{id: sc.Id, line: int(sc.Location.Line)}
	for _, ex := range sc.Examples {
		for i, row := range ex.TableBody {
			node.rows = append(node.rows, rowNode{id: row.Id, line: int(row.Location.Line), number: i + 2})
		}
	}
	return block{start: firstLine(sc.Location, sc.Tags), scenario: node}
}

func firstLine(loc *messages.Location, tags []*messages.Tag) int {
	line := int(loc.Line)
	for _, t := range tags {
		line = min(line, int(t.Location.Line))
	}
	return line
}
