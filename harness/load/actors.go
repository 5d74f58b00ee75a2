package load

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/payments/paymentsapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// actorWorkers is how many bot or payer actions run at once.
const actorWorkers = 16

// actors play the depot's bots (take and complete a list as soon as it is
// available) and the customer at pickup (pay the invoice as soon as it is
// issued), so that an order goes all the way to completed.
type actors struct {
	api    *client.Client
	track  *tracker
	tasks  chan func(context.Context)
	bots   chan string
	botN   atomic.Int64
	wg     sync.WaitGroup
	mu     sync.Mutex // guards closed and sends on tasks
	closed bool
}

func startActors(ctx context.Context, api *client.Client, track *tracker) *actors {
	a := &actors{api: api, track: track, tasks: make(chan func(context.Context), 1<<16),
		bots: make(chan string, 1<<12)}
	for range actorWorkers {
		a.wg.Go(func() {
			for task := range a.tasks {
				task(ctx)
			}
		})
	}
	return a
}

// stop lets queued actions finish; an event that arrives later (from a
// stream callback still running) is dropped.
func (a *actors) stop() {
	a.mu.Lock()
	a.closed = true
	close(a.tasks)
	a.mu.Unlock()
	a.wg.Wait()
}

func (a *actors) listAvailable(corr, listID string) {
	a.enqueue(corr, "shop", func(ctx context.Context) error { return a.shop(ctx, listID) })
}

func (a *actors) invoiceCreated(corr, invoiceID string) {
	a.enqueue(corr, "pay invoice", func(ctx context.Context) error {
		return persist(ctx, func(ctx context.Context, lost bool) error { return a.pay(ctx, invoiceID, lost) })
	})
}

// pay pays the invoice. After a lost answer (lost), a refusal may mean
// the earlier try was applied: an invoice found paid is then a success.
func (a *actors) pay(ctx context.Context, invoiceID string, lost bool) error {
	_, err := a.api.PayInvoice(ctx, invoiceID)
	if err == nil || !lost || client.StatusOf(err) != http.StatusConflict {
		return err
	}
	inv, getErr := a.api.Invoice(ctx, invoiceID)
	if getErr == nil && inv.Status == paymentsapi.InvoiceStatusPaid {
		return nil
	}
	return err
}

// enqueue queues an action under the journey's correlation id; a failure
// ends the journey with its kind.
func (a *actors) enqueue(corr, step string, action func(context.Context) error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.tasks <- func(ctx context.Context) {
		ctx = msg.WithMeta(ctx, msg.Meta{CorrelationID: corr})
		if err := action(ctx); err != nil {
			a.track.failOrder(corr, step+": "+errorKind(err))
		}
	}
}

// shop has a free bot take the list and complete it. The same bot tries
// each step again while depot is unavailable: assigning or completing
// again by the same bot changes nothing.
func (a *actors) shop(ctx context.Context, listID string) error {
	var bot string
	err := persist(ctx, func(ctx context.Context, _ bool) (err error) {
		bot, err = a.bot(ctx)
		return err
	})
	if err != nil {
		return err
	}
	defer func() { a.bots <- bot }()
	in := depotapi.AssignList{BotID: bot}
	if err := persist(ctx, func(ctx context.Context, _ bool) error {
		_, err := a.api.AssignList(ctx, listID, in)
		return err
	}); err != nil {
		return err
	}
	return persist(ctx, func(ctx context.Context, _ bool) error {
		_, err := a.api.CompleteList(ctx, listID, in)
		return err
	})
}

// bot returns an idle bot, registering a new one when all are busy.
func (a *actors) bot(ctx context.Context) (string, error) {
	select {
	case id := <-a.bots:
		return id, nil
	default:
	}
	b, err := a.api.RegisterBot(ctx, depotapi.RegisterBot{Name: fmt.Sprintf("Load bot %d", a.botN.Add(1))})
	if err != nil {
		return "", fmt.Errorf("register bot: %w", err)
	}
	return b.ID, nil
}
