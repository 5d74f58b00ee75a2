// Package domain holds the baskets context's aggregate: a Basket a customer
// fills with products from many stores, then cancels or checks out. Every
// change is an event carrying the basket's full state. Products and stores
// enter the domain as value objects read from the local cache of stores'
// events; the domain never calls out.
package domain
