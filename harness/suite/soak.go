package suite

import "strings"

// ChaosTag marks the soak scenarios (features/chaos): each drives
// checkouts for seconds while a fault strikes. They run only when the tag
// expression names the tag (make e2e TAGS=@chaos); a run that does not
// excludes them, so that every other run stays quick.
const ChaosTag = "@chaos"

// withoutSoak adds ~@chaos to every OR term of tags unless tags mentions
// @chaos (godog's filter is an OR, ",", of ANDs, "&&", without brackets).
func withoutSoak(tags string) string {
	if strings.Contains(tags, ChaosTag) {
		return tags
	}
	if strings.TrimSpace(tags) == "" {
		return "~" + ChaosTag
	}
	terms := strings.Split(tags, ",")
	for i, t := range terms {
		terms[i] = strings.TrimSpace(t) + " && ~" + ChaosTag
	}
	return strings.Join(terms, ",")
}
