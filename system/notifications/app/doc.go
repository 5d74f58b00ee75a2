// Package app holds the notifications context's use cases: keeping the
// customer cache, requesting an SMS when an order event calls for one,
// sending due SMS through the provider exactly once, and listing them.
package app
