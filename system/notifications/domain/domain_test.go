package domain_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/notifications/domain"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
)

var (
	t0  = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	ada = domain.Customer{ID: "c-1", Name: "Ada", SmsNumber: "+14155550123", Enabled: true}
)

const orderID = "0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"

func requested(t *testing.T) domain.Event {
	t.Helper()
	e, err := domain.Request(ada, orderID, notificationsapi.KindOrderReady, t0)
	require.NoError(t, err)
	return e
}

func TestRequestWritesTheSMSForTheCustomer(t *testing.T) {
	e := requested(t)
	assert.Equal(t, domain.Event{
		Key: "sms:order_ready:" + orderID, Version: 1, Type: domain.Requested, At: t0,
		Message: domain.Message{CustomerID: "c-1", OrderID: orderID, Kind: notificationsapi.KindOrderReady,
			To: "+14155550123", Body: "Hi Ada, your order 2e3f4a5b is ready for pickup."},
	}, e)
}

func TestFoldFollowsTheAttempts(t *testing.T) {
	s := domain.Fold([]domain.Event{requested(t)})
	assert.True(t, s.Pending())
	assert.Equal(t, notificationsapi.StatusPending, s.Status())
	assert.False(t, s.InDoubt)

	var events = []domain.Event{requested(t)}
	step := func(e domain.Event) domain.SMS {
		events = append(events, e)
		return domain.Fold(events)
	}
	s = step(s.Start(t0.Add(time.Second)))
	assert.Equal(t, 1, s.Attempts)
	assert.True(t, s.InDoubt, "a started attempt without an outcome")

	s = step(s.Fail(t0.Add(2*time.Second), "the provider answered 503", false, t0.Add(3*time.Second)))
	assert.False(t, s.InDoubt, "the provider said it did not take it")
	assert.Equal(t, t0.Add(3*time.Second), s.NextAttemptAt)
	assert.Equal(t, 1, s.Failures)

	s = step(s.Start(t0.Add(4 * time.Second)))
	assert.True(t, s.NextAttemptAt.IsZero(), "an attempt in flight has no next attempt")
	s = step(s.Fail(t0.Add(5*time.Second), "EOF", true, t0.Add(6*time.Second)))
	assert.True(t, s.InDoubt, "the answer was lost: ask before sending again")
	assert.Equal(t, "EOF", s.LastError)

	s = step(s.Send(t0.Add(7*time.Second), "SM1"))
	assert.False(t, s.Pending())
	assert.Equal(t, notificationsapi.StatusSent, s.Status())
	assert.Equal(t, domain.SMS{
		Key: "sms:order_ready:" + orderID, Message: events[0].Message, Version: 6, RequestedAt: t0,
		Attempts: 2, Failures: 2, LastError: "EOF", SentAt: t0.Add(7 * time.Second), ProviderMessageID: "SM1",
	}, s)
	for i, e := range events {
		assert.Equal(t, i+1, e.Version)
		assert.Equal(t, events[0].Message, e.Message, "every event says what the SMS is")
	}
}

func TestARejectedSMSIsFailedForGood(t *testing.T) {
	events := []domain.Event{requested(t)}
	events = append(events, domain.Fold(events).Start(t0))
	events = append(events, domain.Fold(events).Reject(t0, "bad\u0000number"))
	s := domain.Fold(events)
	assert.False(t, s.Pending())
	assert.Equal(t, notificationsapi.StatusFailed, s.Status())
	assert.Equal(t, "bad number", s.LastError, "control characters cannot be stored")
}

func TestBackoffDoublesUpToTheCap(t *testing.T) {
	for failures, want := range map[int]time.Duration{
		1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 3: 400 * time.Millisecond,
		4: 800 * time.Millisecond, 5: time.Second, 50: time.Second,
	} {
		assert.Equal(t, want, domain.Backoff(failures, 100*time.Millisecond, time.Second), "after %d failures", failures)
	}
}

func TestBodiesSpeakTheCustomersLanguage(t *testing.T) {
	for kind, want := range map[string]string{
		notificationsapi.KindOrderCreated:   "Hi Ada, we have received your order 2e3f4a5b. We will text you when it is ready for pickup.",
		notificationsapi.KindOrderReady:     "Hi Ada, your order 2e3f4a5b is ready for pickup.",
		notificationsapi.KindOrderCanceled:  "Hi Ada, your order 2e3f4a5b has been cancelled.",
		notificationsapi.KindOrderCompleted: "Hi Ada, your order 2e3f4a5b is complete. Thank you for shopping at MallBots!",
	} {
		got, err := domain.Body(kind, "Ada", orderID)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	got, err := domain.Body(notificationsapi.KindOrderReady, "  ", "o-1")
	require.NoError(t, err)
	assert.Equal(t, "Hi there, your order o1 is ready for pickup.", got)
	_, err = domain.Body("order_lost", "Ada", orderID)
	assert.ErrorIs(t, err, domain.ErrInvalid)
}

func TestInvalidInputIsRefused(t *testing.T) {
	for name, order := range map[string]string{"empty": "", "spaces": "a b", "nul": "a\u0000", "long": string(make([]byte, 129))} {
		_, err := domain.Request(ada, order, notificationsapi.KindOrderReady, t0)
		assert.ErrorIs(t, err, domain.ErrInvalid, name)
	}
	assert.ErrorIs(t, domain.CheckCustomer(domain.Customer{ID: ""}), domain.ErrInvalid)
	assert.ErrorIs(t, domain.CheckCustomer(domain.Customer{ID: "c", Name: "A\u0000"}), domain.ErrInvalid)
	assert.NoError(t, domain.CheckCustomer(ada))
}
