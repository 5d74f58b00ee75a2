//go:build pact

package provider

import "testing"

// verifyOrderingEvents is a placeholder until its verification lands.
func verifyOrderingEvents(t *testing.T, _ *mall) { t.Skip("not written yet") }
