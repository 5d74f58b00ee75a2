package tap

import "strings"

// Matcher selects records.
type Matcher func(Record) bool

// Any matches everything.
func Any(Record) bool { return true }

// Correlation matches records of one correlation id (one scenario).
func Correlation(id string) Matcher {
	return func(r Record) bool { return r.CorrelationID == id }
}

// Named matches records by message name.
func Named(name string) Matcher {
	return func(r Record) bool { return r.Name() == name }
}

// Aggregate matches records of messages about one aggregate.
func Aggregate(id string) Matcher {
	return func(r Record) bool { return r.Envelope.AggregateID == id }
}

// SubjectPrefix matches records whose subject starts with prefix.
func SubjectPrefix(prefix string) Matcher {
	return func(r Record) bool { return strings.HasPrefix(r.Subject, prefix) }
}

// All matches when every matcher does.
func All(ms ...Matcher) Matcher {
	return func(r Record) bool {
		for _, m := range ms {
			if !m(r) {
				return false
			}
		}
		return true
	}
}
