package suite

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"

	messages "github.com/cucumber/messages/go/v34"
)

// shardFS is what godog reads the features from in a shard's run: the
// files as they are, except those holding scenarios of other shards, which
// it serves with those scenarios blanked (blankOthers).
type shardFS map[string][]byte

// Open opens name as godog asks for it: a folder to walk or a file to parse.
func (f shardFS) Open(name string) (fs.File, error) {
	data, ok := f[name]
	if !ok {
		return os.Open(name)
	}
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(data), info: sizedInfo{info, int64(len(data))}}, nil
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (m *memFile) Stat() (fs.FileInfo, error) { return m.info, nil }
func (m *memFile) Close() error               { return nil }

type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }

// pathLine is the ":12" godog accepts after a feature file's path.
var pathLine = regexp.MustCompile(`:\d+$`)

// blankOthers is a feature file's content with every line of the scenarios
// this shard does not run made empty, and every example row of an outline
// it runs only in part: godog then finds only this shard's scenarios,
// every line where it was, so that the shard's reports name scenarios,
// steps and rows by the lines one run gives them. Comment lines stay (the
// cucumber JSON lists a file's comments). selected and kept are the lines
// of the scenarios (or rows) that the run selects and this shard runs; a
// scenario the run does not select (its tags) is left for godog to filter.
func blankOthers(content []byte, doc *messages.GherkinDocument, selected, kept map[int]bool) []byte {
	lines := bytes.SplitAfter(content, []byte("\n"))
	comments := map[int]bool{}
	for _, c := range doc.Comments {
		comments[int(c.Location.Line)] = true
	}
	blank := func(from, to int) {
		for n := from; n <= to && n <= len(lines); n++ {
			if !comments[n] {
				lines[n-1] = lineEnd(lines[n-1])
			}
		}
	}
	blocks := blocksOf(doc)
	for i, b := range blocks {
		if b.scenario == nil {
			continue
		}
		end := len(lines)
		if i+1 < len(blocks) {
			end = blocks[i+1].start - 1
		}
		mine, others := b.scenario.split(selected, kept)
		switch {
		case len(others) == 0:
		case len(mine) == 0:
			blank(b.start, end)
		default:
			for _, line := range others {
				blank(line, line)
			}
		}
	}
	return bytes.Join(lines, nil)
}

// split sorts the lines of a scenario's pickles (its own, or its rows')
// that the run selects into those this shard runs and the others.
func (s *scenarioNode) split(selected, kept map[int]bool) (mine, others []int) {
	lines := []int{s.line}
	if len(s.rows) > 0 {
		lines = lines[:0]
		for _, r := range s.rows {
			lines = append(lines, r.line)
		}
	}
	for _, line := range lines {
		switch {
		case !selected[line]:
		case kept[line]:
			mine = append(mine, line)
		default:
			others = append(others, line)
		}
	}
	return mine, others
}

// lineEnd is the line break that ends line, if any.
func lineEnd(line []byte) []byte {
	switch {
	case bytes.HasSuffix(line, []byte("\r\n")):
		return []byte("\r\n")
	case bytes.HasSuffix(line, []byte("\n")):
		return []byte("\n")
	}
	return nil
}
