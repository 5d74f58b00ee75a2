package suite

import "strings"

// ChaosTag marks the soak scenarios (features/chaos): each drives
// checkouts for seconds while a fault strikes. They run only when the tag
// expression names the tag (make e2e TAGS=@chaos); a run that does not
// excludes them, so that every other run stays quick.
const ChaosTag = "@chaos"

// ClusterTag marks scenarios that need NATS as a cluster (stopping one
// node): they run on the cluster topology and nowhere else.
const ClusterTag = "@cluster"

// defaultTags leaves the soak out unless tags names it, and the cluster
// scenarios out unless NATS runs as a cluster.
func defaultTags(tags string, clustered bool) string {
	if !strings.Contains(tags, ChaosTag) {
		tags = without(tags, ChaosTag)
	}
	if !clustered {
		tags = without(tags, ClusterTag)
	}
	return tags
}

// without adds ~tag to every OR term of tags (godog's filter is an OR,
// ",", of ANDs, "&&", without brackets).
func without(tags, tag string) string {
	if strings.TrimSpace(tags) == "" {
		return "~" + tag
	}
	terms := strings.Split(tags, ",")
	for i, t := range terms {
		terms[i] = strings.TrimSpace(t) + " && ~" + tag
	}
	return strings.Join(terms, ",")
}
