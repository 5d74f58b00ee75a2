package shard

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Check reports every reason why the shards whose manifests are given
// (read from dirs, in that order) are not one whole run: shards of
// different runs, a shard given twice or missing, a scenario in two shards,
// fewer scenarios than the run selected.
func Check(manifests []Manifest, dirs []string) error {
	if len(manifests) == 0 {
		return errors.New("no shard to merge: give the reports folders of the shards")
	}
	if err := sameRun(manifests, dirs); err != nil {
		return err
	}
	var errs []error
	seen := map[int]string{}
	for i, m := range manifests {
		if prev, ok := seen[m.Shard]; ok {
			errs = append(errs, fmt.Errorf("shard %s given twice: %s and %s", m.Spec(), prev, dirs[i]))
		}
		seen[m.Shard] = dirs[i]
	}
	var missing []string
	for k := 1; k <= manifests[0].Of; k++ {
		if _, ok := seen[k]; !ok {
			missing = append(missing, Spec{k, manifests[0].Of}.String())
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("shards missing: %s", strings.Join(missing, ", ")))
	}
	errs = append(errs, coverage(manifests, dirs))
	return errors.Join(errs...)
}

// sameRun checks that the manifests describe shards of one split.
func sameRun(manifests []Manifest, dirs []string) error {
	first := manifests[0]
	var errs []error
	for i, m := range manifests[1:] {
		for _, d := range []struct{ what, a, b string }{
			{"shard counts", fmt.Sprint(first.Of), fmt.Sprint(m.Of)},
			{"selections of scenarios", fmt.Sprintf("%d scenarios %s", first.Total, first.Selection),
				fmt.Sprintf("%d scenarios %s", m.Total, m.Selection)},
			{"splits", first.Split, m.Split},
			{"runtimes", first.Runtime, m.Runtime},
			{"topologies", first.Topology, m.Topology},
		} {
			if d.a != d.b {
				errs = append(errs, fmt.Errorf("not shards of one run: different %s: %s has %s, %s has %s",
					d.what, dirs[0], d.a, dirs[i+1], d.b))
			}
		}
	}
	return errors.Join(errs...)
}

// coverage checks that every selected scenario is in exactly one shard.
func coverage(manifests []Manifest, dirs []string) error {
	var errs []error
	where := map[string]string{}
	for i, m := range manifests {
		for _, s := range m.Scenarios {
			if prev, ok := where[s]; ok && prev != dirs[i] {
				errs = append(errs, fmt.Errorf("scenario %s is in two shards: %s and %s", s, prev, dirs[i]))
			}
			where[s] = dirs[i]
		}
	}
	if total := manifests[0].Total; len(where) != total && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("the shards ran %d scenarios of the %d selected", len(where), total))
	}
	return errors.Join(errs...)
}

// CheckRan checks that a shard's report holds the scenarios its manifest
// assigned to it, no more, no fewer.
func (m Manifest) CheckRan(dir string, ran []Scenario) error {
	got := make([]string, len(ran))
	for i, s := range ran {
		got[i] = s.String()
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(m.Scenarios))
	if slices.Equal(got, want) {
		return nil
	}
	var what []string
	if lacking := difference(want, got); len(lacking) > 0 {
		what = append(what, fmt.Sprintf("%d missing (%s)", len(lacking), abbreviate(lacking)))
	}
	if extra := difference(got, want); len(extra) > 0 {
		what = append(what, fmt.Sprintf("%d not given to it (%s)", len(extra), abbreviate(extra)))
	}
	return fmt.Errorf("%s: the report of shard %s does not hold the scenarios it was given: %s",
		dir, m.Spec(), strings.Join(what, ", "))
}

// difference is a without b; both sorted.
func difference(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, found := slices.BinarySearch(b, s); !found {
			out = append(out, s)
		}
	}
	return out
}

func abbreviate(list []string) string {
	if len(list) > 3 {
		return strings.Join(list[:3], ", ") + ", …"
	}
	return strings.Join(list, ", ")
}
