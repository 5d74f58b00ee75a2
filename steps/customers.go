package steps

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func registerCustomers(r *registry, x *scenarioSteps) {
	r.add(`^a customer "([^"]*)" is registered$`, `a customer "Ada" is registered`, x.registerCustomer)
	r.add(`^I try to register a customer "([^"]*)" with SMS number "([^"]*)"$`,
		`I try to register a customer "Bob" with SMS number "555-0100"`, x.tryRegisterCustomer)
	r.add(`^the mall disables the customer "([^"]*)"$`, `the mall disables the customer "Ada"`, x.disableCustomer)
	r.add(`^the mall enables the customer "([^"]*)" again$`, `the mall enables the customer "Ada" again`, x.enableCustomer)
	r.add(`^I try to disable the customer "([^"]*)" again$`, `I try to disable the customer "Ada" again`, x.tryDisableCustomer)
	r.add(`^the customer "([^"]*)" changes their SMS number$`, `the customer "Ada" changes their SMS number`, x.changeNumber)
	r.add(`^the customer "([^"]*)" is (enabled|disabled)$`, `the customer "Ada" is enabled`, x.customerIs)
	r.add(`^I try to enable the customer "([^"]*)" again$`, `I try to enable the customer "Ada" again`, x.tryEnableCustomer)
	r.add(`^I try to register a customer without a name$`, `I try to register a customer without a name`, x.tryRegisterNameless)
	r.add(`^I try to disable a customer who was never registered$`,
		`I try to disable a customer who was never registered`, x.tryDisableUnknownCustomer)
	r.add(`^I try to change the SMS number of "([^"]*)" to "([^"]*)"$`,
		`I try to change the SMS number of "Ada" to "0415 555 0123"`, x.tryChangeNumber)
	r.add(`^the customer "([^"]*)" is reached at their (first|new) SMS number$`,
		`the customer "Ada" is reached at their new SMS number`, x.customerReachedAt)
}

// smsNumber gives each customer of each scenario its own phone number, so
// that concurrent scenarios never read each other's SMS.
func (x *scenarioSteps) smsNumber(name string, generation int) string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%s/%d", x.s.ID, name, generation)
	return fmt.Sprintf("+1555%07d", h.Sum64()%10_000_000)
}

func (x *scenarioSteps) registerCustomer(ctx context.Context, name string) error {
	c, err := x.s.Client.RegisterCustomer(ctx, customersapi.RegisterCustomer{
		Name: x.s.Unique(name), SmsNumber: x.smsNumber(name, 0)})
	if err != nil {
		return err
	}
	x.s.Remember("customer", name, c.ID)
	x.s.Remember("sms", name, c.SmsNumber)
	return nil
}

func (x *scenarioSteps) tryRegisterCustomer(ctx context.Context, name, number string) error {
	_, err := x.s.Client.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: x.s.Unique(name), SmsNumber: number})
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) disableCustomer(ctx context.Context, name string) error {
	return x.withCustomer(name, func(id string) error {
		_, err := x.s.Client.DisableCustomer(ctx, id)
		return err
	})
}

func (x *scenarioSteps) enableCustomer(ctx context.Context, name string) error {
	return x.withCustomer(name, func(id string) error {
		_, err := x.s.Client.EnableCustomer(ctx, id)
		return err
	})
}

func (x *scenarioSteps) tryDisableCustomer(ctx context.Context, name string) error {
	return x.withCustomer(name, func(id string) error {
		_, err := x.s.Client.DisableCustomer(ctx, id)
		x.s.Attempted(err)
		return nil
	})
}

func (x *scenarioSteps) changeNumber(ctx context.Context, name string) error {
	number := x.smsNumber(name, 1)
	return x.withCustomer(name, func(id string) error {
		_, err := x.s.Client.ChangeSmsNumber(ctx, id, customersapi.ChangeSmsNumber{SmsNumber: number})
		x.s.Remember("sms", name, number)
		return err
	})
}

func (x *scenarioSteps) customerIs(ctx context.Context, name, state string) error {
	return x.withCustomer(name, func(id string) error {
		c, err := x.s.Client.Customer(ctx, id)
		if err != nil {
			return err
		}
		if c.Enabled != (state == "enabled") {
			return fmt.Errorf("expected %s to be %s, but enabled=%v", name, state, c.Enabled)
		}
		return nil
	})
}

func (x *scenarioSteps) withCustomer(name string, fn func(id string) error) error {
	id, err := x.s.Lookup("customer", name)
	if err != nil {
		return err
	}
	return fn(id)
}

func (x *scenarioSteps) tryEnableCustomer(ctx context.Context, name string) error {
	return x.withCustomer(name, func(id string) error {
		_, err := x.s.Client.EnableCustomer(ctx, id)
		x.s.Attempted(err)
		return nil
	})
}

func (x *scenarioSteps) tryRegisterNameless(ctx context.Context) error {
	_, err := x.s.Client.RegisterCustomer(ctx, customersapi.RegisterCustomer{Name: "  ", SmsNumber: x.smsNumber("nameless", 0)})
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) tryDisableUnknownCustomer(ctx context.Context) error {
	_, err := x.s.Client.DisableCustomer(ctx, msg.NewID())
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) tryChangeNumber(ctx context.Context, name, number string) error {
	return x.withCustomer(name, func(id string) error {
		_, err := x.s.Client.ChangeSmsNumber(ctx, id, customersapi.ChangeSmsNumber{SmsNumber: number})
		x.s.Attempted(err)
		return nil
	})
}

// customerReachedAt reads the customer's SMS number back: the first is the
// one they registered with, the new one the one they last changed to.
func (x *scenarioSteps) customerReachedAt(ctx context.Context, name, which string) error {
	want := x.smsNumber(name, 0)
	if which == "new" {
		want = x.smsNumber(name, 1)
	}
	return x.withCustomer(name, func(id string) error {
		c, err := x.s.Client.Customer(ctx, id)
		if err != nil {
			return err
		}
		if c.SmsNumber != want {
			return fmt.Errorf("expected %s to be reached at their %s SMS number %s, got %s", name, which, want, c.SmsNumber)
		}
		return nil
	})
}
