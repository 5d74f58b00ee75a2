// Package domain holds the customers context's aggregate: a Customer with a
// name and an SMS number, who may be enabled or disabled. Every change is an
// event carrying the customer's full state.
package domain
