package chaos

import (
	"fmt"
	"sort"
	"strings"
)

// Counts are what one phase counted after recovery.
type Counts struct {
	// Checkouts counts journeys started; Accepted those whose checkout was
	// answered 2xx; Refused those that failed before or at checkout (the
	// fault made an API unavailable: the customer was told, nothing is owed).
	Checkouts int `json:"checkouts"`
	Accepted  int `json:"accepted"`
	Refused   int `json:"refused"`
	// Approved counts orders that reached approved; Completed those shopped
	// and paid; Rejected those the saga rejected; NotTerminal accepted
	// checkouts still in progress after the drain.
	Approved    int `json:"approved"`
	Completed   int `json:"completed"`
	Rejected    int `json:"rejected"`
	NotTerminal int `json:"notTerminal"`
	// Orders counts OrderCreated events of the phase; SagaOpen those
	// neither approved nor rejected (whether or not the customer heard of
	// the checkout: a checkout whose answer was lost still made an order).
	Orders   int `json:"orders"`
	SagaOpen int `json:"sagaOpen"`
	// Duplicates counts, per kind of thing (order, shopping list, invoice,
	// payment, SMS), how many more were made than asked for.
	Duplicates map[string]int `json:"duplicates"`
	// SMS counts the order-created SMS received for the phase's orders;
	// MissingSMS the orders without one.
	SMS        int `json:"sms"`
	MissingSMS int `json:"missingSms"`
	// OutboxRows counts the rows the phase wrote to every outbox;
	// PublishedOnce those found exactly once in the stream; Unpublished,
	// NotInStream and PublishedTwice the others.
	OutboxRows     int `json:"outboxRows"`
	PublishedOnce  int `json:"publishedOnce"`
	Unpublished    int `json:"unpublished"`
	NotInStream    int `json:"notInStream"`
	PublishedTwice int `json:"publishedTwice"`
	// PoisonDeadLetters counts dead letters of the poison message, out of
	// ExpectedPoison (one per consumer of its subject); OtherDeadLetters
	// counts every other dead letter, each one a message the fault lost.
	PoisonDeadLetters int `json:"poisonDeadLetters"`
	ExpectedPoison    int `json:"expectedPoisonDeadLetters"`
	OtherDeadLetters  int `json:"otherDeadLetters"`
	// DeadLetters counts the other dead letters by consumer, message and
	// error: the evidence of what the fault lost.
	DeadLetters map[string]int `json:"deadLetters,omitempty"`
	// Redelivered counts the messages the services handled again because
	// the phase asked (redeliver-3x).
	Redelivered uint64 `json:"redelivered"`
}

// violations lists, in words, every count that breaks a promise.
func (c Counts) violations() []string {
	var v []string
	add := func(cond bool, format string, args ...any) {
		if cond {
			v = append(v, fmt.Sprintf(format, args...))
		}
	}
	add(c.Accepted == 0, "no checkout was accepted: the phase proved nothing")
	add(c.NotTerminal > 0, "%d accepted checkouts never reached a terminal state", c.NotTerminal)
	add(c.Rejected > 0, "%d orders were rejected", c.Rejected)
	add(c.SagaOpen > 0, "%d orders were neither approved nor rejected", c.SagaOpen)
	for _, kind := range sortedKeys(c.Duplicates) {
		add(c.Duplicates[kind] > 0, "%d duplicate %s", c.Duplicates[kind], kind)
	}
	add(c.MissingSMS > 0, "%d orders got no order-created SMS", c.MissingSMS)
	add(c.Unpublished > 0, "%d outbox rows were never published", c.Unpublished)
	add(c.NotInStream > 0, "%d outbox rows marked published are not in the stream", c.NotInStream)
	add(c.PublishedTwice > 0, "%d outbox rows were published more than once", c.PublishedTwice)
	add(c.PoisonDeadLetters != c.ExpectedPoison, "the poison message was dead-lettered %d times, want %d (once per consumer)",
		c.PoisonDeadLetters, c.ExpectedPoison)
	add(c.OtherDeadLetters > 0, "%d messages other than the poison were dead-lettered", c.OtherDeadLetters)
	return v
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// duplicatesText is "0" or "2 order, 1 sms".
func (c Counts) duplicatesText() string {
	var parts []string
	total := 0
	for _, kind := range sortedKeys(c.Duplicates) {
		if n := c.Duplicates[kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, kind))
			total += n
		}
	}
	if total == 0 {
		return "0"
	}
	return strings.Join(parts, ", ")
}
