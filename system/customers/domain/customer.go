package domain

import (
	"fmt"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// Customer is the customer aggregate.
type Customer struct {
	es.AggregateBase `json:"-"`
	State            customersapi.Customer `json:"state"`
}

type customerEvent interface{ CustomerState() customersapi.Customer }

// NewCustomer registers a customer, who starts enabled.
func NewCustomer(id, name, smsNumber string) (*Customer, error) {
	name, smsNumber = clean(name), clean(smsNumber)
	var c apperr.Check
	checkName(&c, name)
	checkSmsNumber(&c, smsNumber)
	if err := c.Err(); err != nil {
		return nil, err
	}
	cu := &Customer{}
	cu.Init(id, 0)
	state := customersapi.Customer{ID: id, Name: name, SmsNumber: smsNumber, Enabled: true}
	return cu, es.Raise(cu, customersapi.CustomerRegistered{Customer: state})
}

// ChangeSmsNumber sets a new SMS number. The current number again is a
// no-op: no event, no error, so that a retried request is harmless.
func (cu *Customer) ChangeSmsNumber(smsNumber string) error {
	smsNumber = clean(smsNumber)
	var c apperr.Check
	checkSmsNumber(&c, smsNumber)
	if err := c.Err(); err != nil {
		return err
	}
	if smsNumber == cu.State.SmsNumber {
		return nil
	}
	next := cu.State
	next.SmsNumber = smsNumber
	return es.Raise(cu, customersapi.CustomerSmsNumberChanged{Customer: next})
}

// Enable lets a disabled customer order again.
func (cu *Customer) Enable() error {
	if cu.State.Enabled {
		return apperr.Conflict("customer %s is already enabled", cu.State.ID)
	}
	next := cu.State
	next.Enabled = true
	return es.Raise(cu, customersapi.CustomerEnabled{Customer: next})
}

// Disable stops an enabled customer from ordering.
func (cu *Customer) Disable() error {
	if !cu.State.Enabled {
		return apperr.Conflict("customer %s is already disabled", cu.State.ID)
	}
	next := cu.State
	next.Enabled = false
	return es.Raise(cu, customersapi.CustomerDisabled{Customer: next})
}

// Apply sets the state an event carries.
func (cu *Customer) Apply(event es.Event) error {
	e, ok := event.(customerEvent)
	if !ok {
		return fmt.Errorf("customer: unexpected event %s", event.EventName())
	}
	cu.State = e.CustomerState()
	return nil
}
