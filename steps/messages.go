package steps

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cucumber/godog"
	"github.com/tidwall/gjson"

	"github.com/mallbots/mallbots/harness/tap"
)

func registerMessages(r *registry, x *scenarioSteps) {
	r.add(`^an? "([^"]*)" message is published(?: within (\d+(?:\.\d+)?) seconds?)?$`,
		`a "StoreCreated" message is published within 5 seconds`, x.messagePublished)
	r.add(`^no "([^"]*)" message is published within (\d+(?:\.\d+)?) seconds?$`,
		`no "OrderRejected" message is published within 1 second`, x.noMessagePublished)
	r.add(`^the "([^"]*)" message has the field "([^"]*)" equal to "([^"]*)"$`,
		`the "StoreCreated" message has the field "payload.name" equal to "{storeName}"`, x.messageField)
	r.add(`^these messages are published in order:$`,
		"these messages are published in order:\n  | message |\n  | OrderCreated |\n  | OrderApproved |", x.messagesInOrder)
	r.add(`^(search|baskets|notifications) has applied the "([^"]*)" message$`,
		`notifications has applied the "CustomerSmsNumberChanged" message`, x.messageApplied)
}

func seconds(text string) time.Duration {
	if text == "" {
		return 0
	}
	f, _ := strconv.ParseFloat(text, 64)
	return time.Duration(f * float64(time.Second))
}

func (x *scenarioSteps) messagePublished(ctx context.Context, name, within string) error {
	_, err := x.s.AwaitMessage(ctx, seconds(within), "a "+name+" message", tap.Named(name))
	return err
}

// messageApplied awaits the message, then its application by the read
// model of a context (see world.Scenario.AwaitApplied): what the read model
// shows from then on reflects it.
func (x *scenarioSteps) messageApplied(ctx context.Context, readModel, name string) error {
	r, err := x.s.AwaitMessage(ctx, 0, "a "+name+" message", tap.Named(name))
	if err != nil {
		return err
	}
	return x.s.AwaitApplied(ctx, 0, readModel, r)
}

func (x *scenarioSteps) noMessagePublished(ctx context.Context, name, window string) error {
	return x.s.AssertNoMessage(ctx, seconds(window), name+" message", tap.Named(name))
}

func (x *scenarioSteps) messageField(ctx context.Context, name, path, want string) error {
	want, err := x.s.Expand(want)
	if err != nil {
		return err
	}
	r, err := x.s.AwaitMessage(ctx, 0, "a "+name+" message", tap.Named(name))
	if err != nil {
		return err
	}
	got := gjson.GetBytes(r.Raw, path)
	if !got.Exists() || got.String() != want {
		return fmt.Errorf("expected %s field %q to be %q, got %s in %s", name, path, want, got.Raw, r.Raw)
	}
	return nil
}

// messagesInOrder awaits each message after the previous one.
func (x *scenarioSteps) messagesInOrder(ctx context.Context, table *godog.Table) error {
	rows, err := rowsOf(table, "message")
	if err != nil {
		return err
	}
	after := 0
	for _, row := range rows {
		name := row["message"]
		prev := after
		r, err := x.s.AwaitMessage(ctx, 0, name+" after message #"+strconv.Itoa(prev),
			tap.All(tap.Named(name), func(r tap.Record) bool { return r.Seq > prev }))
		if err != nil {
			return fmt.Errorf("in order %s: %w", names(rows), err)
		}
		after = r.Seq
	}
	return nil
}

func names(rows []map[string]string) string {
	var n []string
	for _, r := range rows {
		n = append(n, r["message"])
	}
	return strings.Join(n, " -> ")
}
