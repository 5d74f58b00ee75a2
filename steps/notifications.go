package steps

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/harness/world"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/notifications/notificationsapi"
	"github.com/mallbots/mallbots/thirdparty/smsprovider"
)

// quietWindow is how long a step watches the SMS provider after the SMS it
// expects, to say that no second one follows.
const quietWindow = 500 * time.Millisecond

// smsKinds maps the words of the features onto the kinds of notification,
// with a word the SMS of that kind says to the customer.
var smsKinds = map[string]struct{ kind, says string }{
	"created":   {notificationsapi.KindOrderCreated, "received"},
	"ready":     {notificationsapi.KindOrderReady, "ready"},
	"cancelled": {notificationsapi.KindOrderCanceled, "cancelled"},
	"completed": {notificationsapi.KindOrderCompleted, "complete"},
}

func registerNotifications(r *registry, x *scenarioSteps) {
	r.add(`^"([^"]*)" receives exactly one SMS about their order being (created|ready|cancelled|completed)$`,
		`"Ada" receives exactly one SMS about their order being ready`, x.receivesExactlyOneSMS)
	r.add(`^"([^"]*)" receives these SMS about their order, in this order:$`,
		"\"Ada\" receives these SMS about their order, in this order:\n  | order   |\n  | created |", x.receivesSMSInOrder)
	r.add(`^"([^"]*)" has received (\d+) SMS in all at their (first|new) SMS number$`,
		`"Ada" has received 1 SMS in all at their first SMS number`, x.receivedInAll)
	r.add(`^the SMS provider fails the next (?:(\d+) )?SMS to "([^"]*)"$`,
		`the SMS provider fails the next 2 SMS to "Ada"`, x.providerFails)
	r.add(`^the SMS provider drops the answer to the next SMS to "([^"]*)"$`,
		`the SMS provider drops the answer to the next SMS to "Ada"`, x.providerDrops)
	r.add(`^the SMS to "([^"]*)" about their order being (created|ready|cancelled|completed) was sent after (\d+) attempts?$`,
		`the SMS to "Ada" about their order being created was sent after 3 attempts`, x.smsAttempts)
	r.add(`^the notifications of "([^"]*)" about their order are:$`,
		"the notifications of \"Ada\" about their order are:\n  | order   | status | attempts |\n  | created | sent   | 1        |",
		x.notificationsAre)
}

// providerFails makes the provider answer "unavailable" to the next sends
// (one unless counted) to the customer's number only, so that concurrent
// scenarios are not hit.
func (x *scenarioSteps) providerFails(ctx context.Context, count, customer string) error {
	n := 1
	if count != "" {
		var err error
		if n, err = strconv.Atoi(count); err != nil {
			return err
		}
	}
	return x.smsFault(ctx, customer, smsprovider.Fault{Mode: smsprovider.ModeFail, Count: n})
}

// providerDrops makes the provider record the next send to the customer's
// number and hang up without answering.
func (x *scenarioSteps) providerDrops(ctx context.Context, customer string) error {
	return x.smsFault(ctx, customer, smsprovider.Fault{Mode: smsprovider.ModeDrop, Count: 1})
}

func (x *scenarioSteps) smsFault(ctx context.Context, customer string, f smsprovider.Fault) error {
	number, err := x.s.Lookup("sms", customer)
	if err != nil {
		return err
	}
	f.To = number
	_, err = x.s.Client.SetSMSFault(ctx, f)
	return err
}

// receivesExactlyOneSMS awaits the SMS of that kind about the customer's
// order at their number, checks that it names them and the order, then
// watches for a quiet window in which no second one arrives.
func (x *scenarioSteps) receivesExactlyOneSMS(ctx context.Context, customer, about string) error {
	number, orderID, err := x.smsTarget(ctx, customer)
	if err != nil {
		return err
	}
	key := notificationsapi.IdempotencyKey(orderID, smsKinds[about].kind)
	of := func(ctx context.Context) ([]smsprovider.Message, error) {
		list, err := x.s.Client.SMSMessages(ctx, client.SMSFilter{To: number})
		return keyed(list, key), err
	}
	what := fmt.Sprintf("an SMS to %s (%s) about their order %s being %s", customer, number, orderReference(orderID), about)
	var got []smsprovider.Message
	if err := x.s.Eventually(ctx, 0, what, func(ctx context.Context) (bool, string, error) {
		var err error
		got, err = of(ctx)
		return len(got) > 0, "no such SMS at the provider", err
	}); err != nil {
		return err
	}
	if err := x.namesCustomerAndOrder(got[0], customer, orderID, about); err != nil {
		return err
	}
	return x.quietFor(ctx, "one SMS "+what, func(ctx context.Context) (int, string, error) {
		got, err := of(ctx)
		return len(got), bodies(got), err
	}, 1)
}

// receivesSMSInOrder awaits every SMS about the customer's order at their
// number, checks that the provider received them in the table's order, then
// watches for a quiet window in which no other arrives.
func (x *scenarioSteps) receivesSMSInOrder(ctx context.Context, customer string, table *godog.Table) error {
	rows, err := rowsOf(table, "order")
	if err != nil {
		return err
	}
	var want []string
	for _, row := range rows {
		if _, ok := smsKinds[row["order"]]; !ok {
			return fmt.Errorf("the order column says %q; use created, ready, cancelled or completed", row["order"])
		}
		want = append(want, row["order"])
	}
	number, orderID, err := x.smsTarget(ctx, customer)
	if err != nil {
		return err
	}
	about := func(ctx context.Context) ([]string, error) {
		list, err := x.s.Client.SMSMessages(ctx, client.SMSFilter{To: number})
		return aboutOrder(list, orderID), err
	}
	what := fmt.Sprintf("SMS to %s about their order %s being %s, in that order",
		customer, orderReference(orderID), strings.Join(want, ", "))
	if err := x.s.Eventually(ctx, 0, what, func(ctx context.Context) (bool, string, error) {
		got, err := about(ctx)
		return len(got) >= len(want), "SMS about " + strings.Join(got, ", "), err
	}); err != nil {
		return err
	}
	got, err := about(ctx)
	if err != nil {
		return err
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		return fmt.Errorf("expected %s, but the provider received SMS about: %s", what, strings.Join(got, ", "))
	}
	return x.quietFor(ctx, what, func(ctx context.Context) (int, string, error) {
		got, err := about(ctx)
		return len(got), strings.Join(got, ", "), err
	}, len(want))
}

// receivedInAll waits for the customer's number to have received want SMS,
// then checks over a quiet window that no more arrive.
func (x *scenarioSteps) receivedInAll(ctx context.Context, customer string, want int, which string) error {
	number := x.smsNumber(customer, 0)
	if which == "new" {
		number = x.smsNumber(customer, 1)
	}
	what := fmt.Sprintf("%d SMS at the %s SMS number of %s (%s)", want, which, customer, number)
	count := func(ctx context.Context) (int, string, error) {
		got, err := x.s.Client.SMSMessages(ctx, client.SMSFilter{To: number})
		return len(got), bodies(got), err
	}
	if err := x.s.Eventually(ctx, 0, what, func(ctx context.Context) (bool, string, error) {
		n, seen, err := count(ctx)
		return n >= want, seen, err
	}); err != nil {
		return err
	}
	return x.quietFor(ctx, what, count, want)
}

// smsAttempts waits for the SMS to be sent and checks how many attempts it took.
func (x *scenarioSteps) smsAttempts(ctx context.Context, customer, about string, want int) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	kind := smsKinds[about].kind
	return x.s.Eventually(ctx, 0, fmt.Sprintf("the SMS about the order of %s being %s sent after %d attempts", customer, about, want),
		func(ctx context.Context) (bool, string, error) {
			list, err := x.s.Client.Notifications(ctx, o.CustomerID, o.ID)
			for _, n := range list.Notifications {
				if n.Kind == kind {
					return n.Status == notificationsapi.StatusSent && n.Attempts == want,
						fmt.Sprintf("%s after %d attempts%s", n.Status, n.Attempts, lastSMSError(n.LastError)), err
				}
			}
			return false, fmt.Sprintf("%d notifications, none about the order being %s", len(list.Notifications), about), err
		})
}

// notificationsAre waits until the notifications of the customer's order
// are those of the table, in the order they were requested.
func (x *scenarioSteps) notificationsAre(ctx context.Context, customer string, table *godog.Table) error {
	rows, err := rowsOf(table, "order", "status", "attempts")
	if err != nil {
		return err
	}
	var want []string
	for _, row := range rows {
		want = append(want, row["order"]+" "+row["status"]+" after "+row["attempts"]+" attempts")
	}
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	return x.s.Eventually(ctx, 0, "the notifications of "+customer+" about their order to be ["+strings.Join(want, "; ")+"]",
		func(ctx context.Context) (bool, string, error) {
			list, err := x.s.Client.Notifications(ctx, o.CustomerID, o.ID)
			var got []string
			for _, n := range list.Notifications {
				got = append(got, wordFor(n.Kind)+" "+n.Status+" after "+strconv.Itoa(n.Attempts)+" attempts")
			}
			return slices.Equal(got, want), "[" + strings.Join(got, "; ") + "]", err
		})
}

// smsTarget is the customer's current SMS number and their current order.
func (x *scenarioSteps) smsTarget(ctx context.Context, customer string) (number, orderID string, err error) {
	number, err = x.s.Lookup("sms", customer)
	if err != nil {
		return "", "", err
	}
	o, err := x.order(ctx, customer)
	return number, o.ID, err
}

func (x *scenarioSteps) namesCustomerAndOrder(m smsprovider.Message, customer, orderID, about string) error {
	for _, part := range []string{x.s.Unique(customer), orderReference(orderID), smsKinds[about].says} {
		if !strings.Contains(m.Body, part) {
			return fmt.Errorf("expected the SMS about the order being %s to say %q, it says %q",
				about, world.Displayed(part), m.Body)
		}
	}
	return nil
}

// quietFor polls count until the quiet window ends and fails as soon as it
// is not want: the window is how "no more SMS arrive" is observed, since
// the provider offers nothing to wait on. It polls, it does not sleep.
func (x *scenarioSteps) quietFor(ctx context.Context, what string,
	count func(context.Context) (int, string, error), want int) error {
	window, cancel := context.WithTimeout(ctx, quietWindow)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		n, seen, err := count(window)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case err != nil && window.Err() != nil:
			return nil // the window ended during the read
		case err != nil:
			return err
		case n != want:
			return fmt.Errorf("expected %s within a quiet window of %s, but the provider has %d: %s",
				what, quietWindow, n, seen)
		}
		select {
		case <-window.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// orderReference is how an SMS names an order to the customer: the last
// eight letters and digits of its id.
func orderReference(id string) string {
	var b []rune
	for _, r := range id {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b = append(b, r)
		}
	}
	return string(b[max(0, len(b)-8):])
}

// keyed keeps the messages sent under the idempotency key.
func keyed(list []smsprovider.Message, key string) []smsprovider.Message {
	var out []smsprovider.Message
	for _, m := range list {
		if m.IdempotencyKey == key {
			out = append(out, m)
		}
	}
	return out
}

// aboutOrder names, oldest first, what each SMS about the order was about.
func aboutOrder(list []smsprovider.Message, orderID string) []string {
	var out []string
	for _, m := range list {
		for word, k := range smsKinds {
			if m.IdempotencyKey == notificationsapi.IdempotencyKey(orderID, k.kind) {
				out = append(out, word)
			}
		}
	}
	return out
}

func wordFor(kind string) string {
	for word, k := range smsKinds {
		if k.kind == kind {
			return word
		}
	}
	return kind
}

func bodies(list []smsprovider.Message) string {
	var out []string
	for _, m := range list {
		out = append(out, fmt.Sprintf("%q", m.Body))
	}
	return strings.Join(out, ", ")
}

func lastSMSError(e string) string {
	if e == "" {
		return ""
	}
	return " (last failure: " + e + ")"
}
