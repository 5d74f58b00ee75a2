// Package domain holds the stores context's aggregates: a Store, which may
// participate in the mall, and a Product sold by a store. Every change is an
// event carrying the aggregate's full state.
package domain
