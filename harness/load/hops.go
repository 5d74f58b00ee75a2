package load

import (
	"sort"
)

// minHopCount leaves out hops seen too rarely to summarise.
const minHopCount = 5

// hops measures, over every journey's timeline, the time between each
// message and the next one of the same journey: where an order's time goes
// (a relay, a consumer, a saga step). The slowest hops come first.
func hops(js []*journey) []Hop {
	byPair := map[[2]string][]float64{}
	for _, j := range js {
		for i := 1; i < len(j.timeline); i++ {
			a, b := j.timeline[i-1], j.timeline[i]
			pair := [2]string{a.name, b.name}
			byPair[pair] = append(byPair[pair], ms(b.at.Sub(a.at)))
		}
	}
	var out []Hop
	for pair, v := range byPair {
		if len(v) >= minHopCount {
			l := summarise("", v)
			out = append(out, Hop{From: pair[0], To: pair[1], Count: l.Count, P50: l.P50, P90: l.P90, Max: l.Max})
		}
	}
	sort.Slice(out, func(i, k int) bool {
		if out[i].P50 != out[k].P50 {
			return out[i].P50 > out[k].P50
		}
		return out[i].From+out[i].To < out[k].From+out[k].To
	})
	return out
}
