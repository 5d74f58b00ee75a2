package steps

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/cucumber/godog"

	"github.com/mallbots/mallbots/system/platform/httpx"
)

func registerHTTP(r *registry, x *scenarioSteps) {
	r.add(`^I send (GET|DELETE|POST) "([^"]*)" to (\w+)$`,
		`I send GET "/api/stores/{storeId}" to stores`, x.send)
	r.add(`^I send (POST|PUT|DELETE) "([^"]*)" to (\w+) with:$`,
		"I send POST \"/api/stores\" to stores with:\n  \"\"\"\n  {\"name\": \"Corner Shop\", \"location\": \"Level 1\"}\n  \"\"\"", x.sendWith)
	r.add(`^the response status is (\d+)$`, `the response status is 201`, x.statusIs)
	r.add(`^the response is a problem of type "([^"]*)"$`,
		`the response is a problem of type "invalid-input"`, x.problemIs)
	r.add(`^the response field "([^"]*)" is "([^"]*)"$`, `the response field "name" is "Corner Shop"`, x.fieldIsText)
	r.add(`^the response field "([^"]*)" is (-?\d+(?:\.\d+)?|true|false|null)$`,
		`the response field "items.#" is 2`, x.fieldIsLiteral)
	r.add(`^the response field "([^"]*)" exists$`, `the response field "storeId" exists`, x.fieldExists)
	r.add(`^the response has the fields:$`,
		"the response has the fields:\n  | field | value |\n  | name  | Corner Shop |", x.fieldsAre)
}

func (x *scenarioSteps) send(ctx context.Context, method, path, context string) error {
	return x.sendBody(ctx, method, path, context, "")
}

func (x *scenarioSteps) sendWith(ctx context.Context, method, path, context string, doc *godog.DocString) error {
	return x.sendBody(ctx, method, path, context, doc.Content)
}

func (x *scenarioSteps) sendBody(ctx context.Context, method, path, context, body string) error {
	path, err := x.s.Expand(path)
	if err != nil {
		return err
	}
	if body, err = x.s.Expand(body); err != nil {
		return err
	}
	_, err = x.s.Send(ctx, method, context, path, body)
	return err
}

func (x *scenarioSteps) statusIs(_ context.Context, want int) error {
	r, err := x.s.Last()
	if err != nil {
		return err
	}
	if r.Status != want {
		return fmt.Errorf("expected status %d, got %d: %s", want, r.Status, r.Body)
	}
	return nil
}

func (x *scenarioSteps) problemIs(_ context.Context, typ string) error {
	r, err := x.s.Last()
	if err != nil {
		return err
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/problem+json" {
		return fmt.Errorf("expected problem details, got %s: %s", ct, r.Body)
	}
	got, err := r.Field("type")
	if err != nil {
		return err
	}
	if want := httpx.ProblemBase + typ; got.String() != want {
		return fmt.Errorf("expected problem type %s, got %s", want, got.String())
	}
	return nil
}

func (x *scenarioSteps) fieldIsText(_ context.Context, path, want string) error {
	want, err := x.s.Expand(want)
	if err != nil {
		return err
	}
	return x.compareField(path, want, func(got string) bool { return got == want })
}

func (x *scenarioSteps) fieldIsLiteral(_ context.Context, path, want string) error {
	return x.compareField(path, want, func(got string) bool {
		if a, errA := strconv.ParseFloat(got, 64); errA == nil {
			b, errB := strconv.ParseFloat(want, 64)
			return errB == nil && a == b
		}
		return got == want
	})
}

func (x *scenarioSteps) compareField(path, want string, equal func(string) bool) error {
	r, err := x.s.Last()
	if err != nil {
		return err
	}
	got, err := r.Field(path)
	if err != nil {
		if want == "null" && strings.Contains(err.Error(), "has no field") {
			return nil
		}
		return err
	}
	text := got.String()
	if got.Type.String() == "Null" {
		text = "null"
	}
	if !equal(text) {
		return fmt.Errorf("expected field %q to be %s, got %s", path, want, got.Raw)
	}
	return nil
}

func (x *scenarioSteps) fieldExists(_ context.Context, path string) error {
	r, err := x.s.Last()
	if err != nil {
		return err
	}
	_, err = r.Field(path)
	return err
}

func (x *scenarioSteps) fieldsAre(ctx context.Context, table *godog.Table) error {
	rows, err := rowsOf(table, "field", "value")
	if err != nil {
		return err
	}
	for _, row := range rows {
		if err := x.fieldIsText(ctx, row["field"], row["value"]); err != nil {
			return err
		}
	}
	return nil
}
