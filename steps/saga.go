package steps

import (
	"context"
	"fmt"
	"strings"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/system/cosec/cosecapi"
)

func registerSaga(r *registry, x *scenarioSteps) {
	r.add(`^the create-order saga of "([^"]*)" failed because "([^"]*)"$`,
		`the create-order saga of "Ada" failed because "is disabled"`, x.sagaFailedBecause)
	r.add(`^the create-order saga of "([^"]*)" recorded that "([^"]*)" (succeeded|failed)(?: because "([^"]*)")?$`,
		`the create-order saga of "Ada" recorded that "ConfirmPayment" failed because "does not match"`, x.sagaRecorded)
	r.add(`^the create-order saga of "([^"]*)" went through:$`,
		"the create-order saga of \"Ada\" went through:\n  | step              | outcome   |\n  | AuthorizeCustomer | sent      |", x.sagaWentThrough)
}

// endedSaga waits for the saga of the customer's order to end, succeeded or failed.
func (x *scenarioSteps) endedSaga(ctx context.Context, customer string) (cosecapi.Saga, error) {
	o, err := x.order(ctx, customer)
	if err != nil {
		return cosecapi.Saga{}, err
	}
	var saga cosecapi.Saga
	err = x.s.Eventually(ctx, 0, "the create-order saga of "+customer+" to end", func(ctx context.Context) (bool, string, error) {
		var err error
		saga, err = x.s.Client.Saga(ctx, o.ID)
		ended := saga.Status == cosecapi.StatusSucceeded || saga.Status == cosecapi.StatusFailed
		return ended, fmt.Sprintf("status %s at step %s", saga.Status, saga.CurrentStep), err
	})
	return saga, err
}

func (x *scenarioSteps) sagaFailedBecause(ctx context.Context, customer, why string) error {
	saga, err := x.endedSaga(ctx, customer)
	if err != nil {
		return err
	}
	if saga.Status != cosecapi.StatusFailed || !strings.Contains(saga.FailureReason, why) {
		return fmt.Errorf("expected the saga to fail because %q, got status %s, reason %q", why, saga.Status, saga.FailureReason)
	}
	return nil
}

func (x *scenarioSteps) sagaRecorded(ctx context.Context, customer, step, outcome, why string) error {
	saga, err := x.endedSaga(ctx, customer)
	if err != nil {
		return err
	}
	for _, h := range saga.History {
		if h.Step == step && h.Outcome == outcome && strings.Contains(h.Reason, why) {
			return nil
		}
	}
	return fmt.Errorf("expected the saga to record that %s %s (reason mentioning %q), its history is:\n%s",
		step, outcome, why, history(saga))
}

func (x *scenarioSteps) sagaWentThrough(ctx context.Context, customer string, table *godog.Table) error {
	rows, err := rowsOf(table, "step", "outcome")
	if err != nil {
		return err
	}
	saga, err := x.endedSaga(ctx, customer)
	if err != nil {
		return err
	}
	want := make([]string, len(rows))
	for i, row := range rows {
		want[i] = row["step"] + " " + row["outcome"]
	}
	got := make([]string, len(saga.History))
	for i, h := range saga.History {
		got[i] = h.Step + " " + h.Outcome
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		return fmt.Errorf("expected the saga to go through:\n  %s\nbut its history is:\n%s",
			strings.Join(want, "\n  "), history(saga))
	}
	return nil
}

func history(saga cosecapi.Saga) string {
	var b strings.Builder
	for _, h := range saga.History {
		fmt.Fprintf(&b, "  %s %s %s %s\n", h.At.Format("15:04:05.000"), h.Step, h.Outcome, h.Reason)
	}
	return b.String()
}
