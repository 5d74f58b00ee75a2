package platformtest

import (
	"fmt"

	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// Counter is a tiny event-sourced aggregate used by the suite.
type Counter struct {
	es.AggregateBase `json:"-"`
	Total            int   `json:"total"`
	History          []int `json:"history"`
}

// Incremented is the counter's only event.
type Incremented struct {
	By int `json:"by"`
}

// EventName names the event.
func (Incremented) EventName() string { return "Incremented" }

// Increment raises an Incremented event.
func (c *Counter) Increment(by int) error { return es.Raise(c, Incremented{By: by}) }

// Apply folds an event into the state.
func (c *Counter) Apply(e es.Event) error {
	switch e := e.(type) {
	case Incremented:
		c.add(e.By)
	case *Incremented:
		c.add(e.By)
	default:
		return fmt.Errorf("counter: unexpected event %s", e.EventName())
	}
	return nil
}

func (c *Counter) add(by int) {
	c.Total += by
	c.History = append(c.History, by)
}

// NewCounter returns an empty counter with id.
func NewCounter(id string) *Counter {
	c := &Counter{}
	c.Init(id, 0)
	return c
}

func counterRegistry() *msg.Registry {
	r := msg.NewRegistry()
	msg.Register[Incremented](r, Incremented{}.EventName())
	return r
}
