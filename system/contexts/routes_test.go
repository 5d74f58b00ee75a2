package contexts_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
)

// TestEveryRouteRefusesBadInputWithAProblem walks every route the host of
// all contexts serves, as its mux lists them, and sends each the requests
// it must refuse (systest.RouteCases): wrong methods, bad query text, bad
// ids, malformed and wrongly typed documents, huge and deep bodies, wrong
// media types. Each answer must be the 4xx problem the case names, within
// systest.AnswerWithin: never a 5xx, a hang or a dropped connection.
func TestEveryRouteRefusesBadInputWithAProblem(t *testing.T) {
	t.Parallel()
	env := startMall(t)
	var routes []systest.Route
	for _, pattern := range env.Host.Routes() {
		routes = append(routes, systest.ParseRoute(pattern))
	}
	require.NotEmpty(t, routes, "the host lists its routes")
	rec := systest.NewRecorder(env.Host.Routes())
	tour(t, env, rec)
	samples, missing := rec.Samples(routes)
	require.Empty(t, missing, "routes the tour never called (call them in tour, so their cases have real ids and documents)")

	allowed, total := systest.Allowed(routes), 0
	for _, r := range routes {
		cases := systest.RouteCases(r, samples[r.Pattern], allowed[r.Template()])
		total += len(cases)
		t.Run(r.Pattern, func(t *testing.T) {
			t.Parallel()
			systest.RunBadRequests(t, env.URL, cases)
		})
	}
	t.Logf("%d routes, %d bad requests", len(routes), total)
}
