package shard

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Part is one shard's report and where it came from, for errors.
type Part struct {
	From string
	Data []byte
}

// feature is a feature of a cucumber JSON report, every member kept.
type feature struct {
	obj      object
	uri      string
	name     string
	elements []element
}

type element struct {
	obj  object
	line int
	from string
}

// MergeCucumber merges the shards' cucumber JSON reports into one, as one
// run writes it: a feature that several shards ran once, with the
// scenarios of all of them ordered by line; features ordered by name, then
// URI. Every member godog wrote is kept as written. A scenario found in
// two parts is refused.
func MergeCucumber(parts []Part) ([]byte, error) {
	byURI := map[string]*feature{}
	var features []*feature
	seen := map[Scenario]string{}
	for _, p := range parts {
		read, err := readFeatures(p)
		if err != nil {
			return nil, err
		}
		for _, f := range read {
			for _, e := range f.elements {
				key := Scenario{f.uri, e.line}
				if prev, ok := seen[key]; ok {
					return nil, fmt.Errorf("scenario %s is in two reports: %s and %s", key, prev, p.From)
				}
				seen[key] = p.From
			}
			if merged, ok := byURI[f.uri]; ok {
				merged.elements = append(merged.elements, f.elements...)
				continue
			}
			byURI[f.uri] = f
			features = append(features, f)
		}
	}
	return encodeFeatures(features)
}

// readFeatures decodes a part's features and their elements.
func readFeatures(p Part) ([]*feature, error) {
	var objs []object
	if err := json.Unmarshal(p.Data, &objs); err != nil {
		return nil, fmt.Errorf("%s is not valid cucumber JSON: %w", p.From, err)
	}
	out := make([]*feature, len(objs))
	for i, obj := range objs {
		f := &feature{obj: obj}
		var elements []object
		err := cmp.Or(obj.get("uri", &f.uri), obj.get("name", &f.name), obj.get("elements", &elements))
		if err == nil && f.uri == "" {
			err = fmt.Errorf("feature %d has no uri", i+1)
		}
		for _, e := range elements {
			el := element{obj: e, from: p.From}
			if err == nil {
				err = e.get("line", &el.line)
			}
			f.elements = append(f.elements, el)
		}
		if err != nil {
			return nil, fmt.Errorf("%s is not valid cucumber JSON: %w", p.From, err)
		}
		out[i] = f
	}
	return out, nil
}

// encodeFeatures writes the features as godog does (four-space indent,
// a final newline), ordered by name then URI, each one's elements by line.
func encodeFeatures(features []*feature) ([]byte, error) {
	slices.SortStableFunc(features, func(a, b *feature) int {
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.uri, b.uri))
	})
	out := make([]object, len(features))
	for i, f := range features {
		slices.SortStableFunc(f.elements, func(a, b element) int { return cmp.Compare(a.line, b.line) })
		elements := make([]object, len(f.elements))
		for j, e := range f.elements {
			elements[j] = e.obj
		}
		if len(elements) > 0 {
			if err := f.obj.set("elements", elements); err != nil {
				return nil, err
			}
		}
		out[i] = f.obj
	}
	data, err := json.MarshalIndent(out, "", "    ")
	if err != nil {
		return nil, fmt.Errorf("encode cucumber JSON: %w", err)
	}
	return append(data, '\n'), nil
}

// RenumberRows gives the example rows of scenario outlines in a shard's
// cucumber JSON the ids one run gives them. godog ends a row's id with its
// number in its Examples table (the first row is 2) counting the rows it
// parsed; a shard's run does not parse the rows of other shards, so its
// numbers can be smaller. numbers is each row's number in its whole table.
func RenumberRows(data []byte, numbers map[Scenario]int) ([]byte, error) {
	features, err := readFeatures(Part{From: "the shard's cucumber JSON", Data: data})
	if err != nil {
		return nil, err
	}
	for _, f := range features {
		for j := range f.elements {
			e := &f.elements[j]
			n, ok := numbers[Scenario{f.uri, e.line}]
			if !ok {
				continue
			}
			var id string
			if err := e.obj.get("id", &id); err != nil {
				return nil, err
			}
			if cut := strings.LastIndexByte(id, ';'); cut >= 0 {
				if err := e.obj.set("id", id[:cut+1]+strconv.Itoa(n)); err != nil {
					return nil, err
				}
			}
		}
	}
	return encodeFeatures(features)
}
