package load

import (
	"context"
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"

	"github.com/mallbots/mallbots/system/baskets/basketsapi"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// shopper runs the customer's side of a journey over REST.
type shopper struct {
	api     *client.Client
	catalog *catalog
	track   *tracker
	items   int
}

// checkout registers a customer, fills a basket, authorizes the exact
// total and checks out, all under the journey's correlation id. A failed
// step ends the journey with the step and the kind of failure.
func (s *shopper) checkout(ctx context.Context, j *journey, n int) {
	ctx = msg.WithMeta(ctx, msg.Meta{CorrelationID: j.corr})
	step, err := s.run(ctx, j, n)
	if err != nil {
		s.track.fail(j, step+": "+errorKind(err))
	}
}

func (s *shopper) run(ctx context.Context, j *journey, n int) (string, error) {
	cust, err := s.api.RegisterCustomer(ctx, customersapi.RegisterCustomer{
		Name: fmt.Sprintf("Load %d", n), SmsNumber: fmt.Sprintf("+1555%07d", n%10_000_000)})
	if err != nil {
		return "register customer", err
	}
	basket, err := s.api.StartBasket(ctx, basketsapi.StartBasket{CustomerID: cust.ID})
	if err != nil {
		return "start basket", err
	}
	var total int64
	for _, p := range s.catalog.pick(n, s.items) {
		if _, err := s.api.AddItem(ctx, basket.ID, basketsapi.AddItem{ProductID: p.id, Quantity: 1}); err != nil {
			return "add item", err
		}
		total += p.priceCents
	}
	pay, err := s.api.AuthorizePayment(ctx, paymentsapi.AuthorizePayment{CustomerID: cust.ID, AmountCents: total})
	if err != nil {
		return "authorize payment", err
	}
	s.track.sent(j, time.Now())
	if _, err := s.api.CheckoutBasket(ctx, basket.ID, basketsapi.Checkout{PaymentID: pay.ID}); err != nil {
		return "checkout", err
	}
	s.track.accept(j, time.Now())
	return "", nil
}

// errorKind names a failure without the ids in it, so that failures of
// the same kind count together.
func errorKind(err error) string {
	var apiErr *client.Error
	var netErr net.Error
	switch {
	case errors.As(err, &apiErr):
		return fmt.Sprintf("%d %s", apiErr.Status, apiErr.Problem.Title)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "cancelled or timed out"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.As(err, &netErr) && netErr.Timeout():
		return "network timeout"
	}
	return "transport error"
}
