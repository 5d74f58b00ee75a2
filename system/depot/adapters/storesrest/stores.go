// Package storesrest asks the stores context's REST API about a store the
// depot's cache does not hold yet (a consumer contract of the depot).
package storesrest

import (
	"context"
	"net/http"
	"time"

	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/depot/domain"
)

// Stores answers through the typed client.
type Stores struct{ c *client.Client }

// New returns the adapter for the stores API at baseURL.
func New(baseURL string) Stores {
	return Stores{c: client.New(map[string]string{"stores": baseURL}, &http.Client{Timeout: 5 * time.Second})}
}

// Store reads a store; found is false when stores answers 404.
func (s Stores) Store(ctx context.Context, id string) (domain.Store, bool, error) {
	st, err := s.c.Store(ctx, id)
	if client.StatusOf(err) == http.StatusNotFound {
		return domain.Store{}, false, nil
	}
	if err != nil {
		return domain.Store{}, false, err
	}
	return domain.Store{ID: st.ID, Name: st.Name, Location: st.Location}, true, nil
}
