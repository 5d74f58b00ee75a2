//go:build pact

package provider

import "testing"

// verifyEventsToOrdering is a placeholder until its verification lands.
func verifyEventsToOrdering(t *testing.T, _ *mall) { t.Skip("not written yet") }
