package domain

import (
	"fmt"
	"strings"

	"github.com/mallbots/mallbots/system/platform/apperr"
	"github.com/mallbots/mallbots/system/platform/es"
	"github.com/mallbots/mallbots/system/stores/storesapi"
)

// Store is the store aggregate.
type Store struct {
	es.AggregateBase `json:"-"`
	State            storesapi.Store `json:"state"`
}

type storeEvent interface{ StoreState() storesapi.Store }

// NewStore creates a store that does not participate yet.
func NewStore(id, name, location string) (*Store, error) {
	var c apperr.Check
	c.Require(strings.TrimSpace(name) != "", "name", "must not be empty")
	c.Require(strings.TrimSpace(location) != "", "location", "must not be empty")
	if err := c.Err(); err != nil {
		return nil, err
	}
	s := &Store{}
	s.Init(id, 0)
	state := storesapi.Store{ID: id, Name: strings.TrimSpace(name), Location: strings.TrimSpace(location)}
	return s, es.Raise(s, storesapi.StoreCreated{Store: state})
}

// EnableParticipation lets the store's products be sold.
func (s *Store) EnableParticipation() error {
	if s.State.Participating {
		return apperr.Conflict("store %q already participates", s.State.Name)
	}
	next := s.State
	next.Participating = true
	return es.Raise(s, storesapi.StoreParticipationEnabled{Store: next})
}

// DisableParticipation withdraws the store from the mall.
func (s *Store) DisableParticipation() error {
	if !s.State.Participating {
		return apperr.Conflict("store %q does not participate", s.State.Name)
	}
	next := s.State
	next.Participating = false
	return es.Raise(s, storesapi.StoreParticipationDisabled{Store: next})
}

// Rebrand renames the store.
func (s *Store) Rebrand(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return apperr.InvalidFields(apperr.FieldError{Field: "name", Reason: "must not be empty"})
	}
	next := s.State
	next.Name = name
	return es.Raise(s, storesapi.StoreRebranded{Store: next})
}

// Apply sets the state an event carries.
func (s *Store) Apply(event es.Event) error {
	e, ok := event.(storeEvent)
	if !ok {
		return fmt.Errorf("store: unexpected event %s", event.EventName())
	}
	s.State = e.StoreState()
	return nil
}
