package ordering_test

import (
	"net/http"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/ordering/orderingapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func TestCancelRules(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	tests := []struct {
		from   orderingapi.Status
		status int
	}{
		{orderingapi.StatusPending, http.StatusOK},
		{orderingapi.StatusApproved, http.StatusOK},
		{orderingapi.StatusReady, http.StatusConflict},
		{orderingapi.StatusCompleted, http.StatusConflict},
		{orderingapi.StatusRejected, http.StatusConflict},
		{orderingapi.StatusCanceled, http.StatusConflict},
	}
	for _, tt := range tests {
		t.Run("from "+string(tt.from), func(t *testing.T) {
			t.Parallel()
			ctx := testContext(t)
			o := m.orderIn(t, ctx, tt.from)
			got, err := m.c.CancelOrder(ctx, o.ID, orderingapi.CancelOrder{Reason: "changed my mind"})
			if tt.status != http.StatusOK {
				require.Equal(t, tt.status, client.StatusOf(err), "%v", err)
				var e *client.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, httpx.TypeConflict, e.Problem.Type)
				assert.Contains(t, e.Problem.Detail, "is "+string(tt.from)+"; it cannot be cancelled")
				after, err := m.c.Order(ctx, o.ID)
				require.NoError(t, err)
				assert.Equal(t, o, after, "nothing changed")
				return
			}
			require.NoError(t, err)
			want := o
			want.Status, want.Reason = orderingapi.StatusCanceled, "changed my mind"
			assert.Equal(t, want, got)
		})
	}
}

func TestCancelPublishesTheCancelledOrder(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	o := m.orderIn(t, ctx, orderingapi.StatusApproved)
	cancelled := systest.ReadWire(t, m.env.NATS.URL(), orderingapi.Subject("OrderCanceled"))
	correlation := "cancel-" + msg.NewID()
	got, err := m.c.CancelOrder(msg.WithMeta(ctx, msg.Meta{CorrelationID: correlation}), o.ID, orderingapi.CancelOrder{})
	require.NoError(t, err)
	assert.Equal(t, orderingapi.StatusCanceled, got.Status)
	assert.Empty(t, got.Reason, "the reason is optional")

	e := cancelled.Next(t)
	assert.Equal(t, o.ID, e.AggregateID)
	assert.Equal(t, 3, e.AggregateVersion)
	assert.Equal(t, correlation, e.CorrelationID, "the request's correlation id flows into the event")
	assert.Equal(t, got, systest.Payload[orderingapi.OrderCanceled](t, e).Order)
	t.Logf("OrderCanceled on the wire: %s", systest.MustJSON(t, e))
}

func TestCancelWithoutBody(t *testing.T) {
	t.Parallel()
	m := startOrdering(t)
	ctx := testContext(t)
	o := m.orderIn(t, ctx, orderingapi.StatusPending)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.env.URL+"/api/orders/"+o.ID+"/cancel", nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, orderingapi.StatusCanceled, m.awaitStatus(t, ctx, o.ID, orderingapi.StatusCanceled).Status)
}
