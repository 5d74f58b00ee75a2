package pgtemp_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/harness/pgtemp"
)

// TestAttachSharesAServerItDoesNotStop: an attached Server makes databases
// on the owner's server, and its Stop leaves that server running.
func TestAttachSharesAServerItDoesNotStop(t *testing.T) {
	ctx := testContext(t)
	owner := pgtemp.StartTB(t)
	guest := pgtemp.Attach(owner.Port(), owner.Major())

	dsn, err := guest.CreateDatabase(ctx, "guest")
	require.NoError(t, err)
	require.NoError(t, guest.Stop())
	queryDatabase(t, ctx, dsn, "guest")
	require.True(t, databaseExists(t, ctx, owner, "guest"))
}
