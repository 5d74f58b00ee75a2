package domain

import (
	"fmt"
	"slices"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
)

// ShoppingList is the shopping-list aggregate: one per order.
type ShoppingList struct {
	es.AggregateBase `json:"-"`
	State            depotapi.ShoppingList `json:"state"`
}

type listEvent interface{ ShoppingListState() depotapi.ShoppingList }

// NewShoppingList makes an order's list from its planned stops; the list is
// pending until shopping is initiated.
func NewShoppingList(id, orderID string, stops []depotapi.Stop) (*ShoppingList, error) {
	if len(stops) == 0 {
		return nil, apperr.InvalidFields(apperr.FieldError{Field: "items", Reason: "must not be empty"})
	}
	l := &ShoppingList{}
	l.Init(id, 0)
	state := depotapi.ShoppingList{ID: id, OrderID: orderID, Stops: stops, Status: depotapi.StatusPending}
	return l, es.Raise(l, depotapi.ShoppingListCreated{ShoppingList: state})
}

// Cancel cancels a list that is not completed; cancelling a cancelled list
// changes nothing, so a repeated compensation is harmless.
func (l *ShoppingList) Cancel() error {
	switch l.State.Status {
	case depotapi.StatusCanceled:
		return nil
	case depotapi.StatusCompleted:
		return apperr.Conflict("shopping list %s is completed; it can no longer be cancelled", l.State.ID)
	}
	next := l.next(depotapi.StatusCanceled)
	return es.Raise(l, depotapi.ShoppingListCanceled{ShoppingList: next})
}

// MakeAvailable lets bots take a pending list. A list already available,
// or already taken by a bot, was initiated before: nothing changes.
func (l *ShoppingList) MakeAvailable() error {
	switch l.State.Status {
	case depotapi.StatusAvailable, depotapi.StatusAssigned, depotapi.StatusCompleted:
		return nil
	case depotapi.StatusCanceled:
		return apperr.Conflict("shopping list %s is cancelled", l.State.ID)
	}
	next := l.next(depotapi.StatusAvailable)
	return es.Raise(l, depotapi.ShoppingListAvailable{ShoppingList: next})
}

// Assign gives an available list to a bot. Assigning it again to the same
// bot changes nothing, so a retried request is harmless.
func (l *ShoppingList) Assign(botID string) error {
	if l.State.Status == depotapi.StatusAssigned && l.State.BotID == botID {
		return nil
	}
	if l.State.Status != depotapi.StatusAvailable {
		return apperr.Conflict("shopping list %s is %s; only an available list can be assigned",
			l.State.ID, l.State.Status)
	}
	next := l.next(depotapi.StatusAssigned)
	next.BotID = botID
	return es.Raise(l, depotapi.ShoppingListAssigned{ShoppingList: next})
}

// Complete records that the assigned bot brought the items to the pickup
// point. Completing it again by the same bot changes nothing.
func (l *ShoppingList) Complete(botID string) error {
	if l.State.Status == depotapi.StatusCompleted && l.State.BotID == botID {
		return nil
	}
	if l.State.Status != depotapi.StatusAssigned {
		return apperr.Conflict("shopping list %s is %s; only an assigned list can be completed",
			l.State.ID, l.State.Status)
	}
	if l.State.BotID != botID {
		return apperr.Conflict("shopping list %s is assigned to another bot", l.State.ID)
	}
	next := l.next(depotapi.StatusCompleted)
	return es.Raise(l, depotapi.ShoppingListCompleted{ShoppingList: next})
}

// next returns a copy of the state with status, sharing no memory with the
// current one, so an event already raised never changes afterwards.
func (l *ShoppingList) next(status depotapi.Status) depotapi.ShoppingList {
	next := l.State
	next.Stops = make([]depotapi.Stop, len(l.State.Stops))
	for i, s := range l.State.Stops {
		s.Items = slices.Clone(s.Items)
		next.Stops[i] = s
	}
	next.Status = status
	return next
}

// Apply sets the state an event carries.
func (l *ShoppingList) Apply(event es.Event) error {
	e, ok := event.(listEvent)
	if !ok {
		return fmt.Errorf("shopping list: unexpected event %s", event.EventName())
	}
	l.State = e.ShoppingListState()
	return nil
}

// KnownStatus reports whether s is a status a list can have.
func KnownStatus(s depotapi.Status) bool {
	switch s {
	case depotapi.StatusPending, depotapi.StatusAvailable, depotapi.StatusAssigned,
		depotapi.StatusCompleted, depotapi.StatusCanceled:
		return true
	}
	return false
}
