// Package app holds the baskets context's use cases: commands that change a
// basket, the basket query, and the projections of stores' events into the
// local product and store cache that adding an item reads and of customers'
// events into the cache of registered customers that starting a basket
// reads. On a cache miss the product and its store are fetched from stores'
// REST API, the customer from customers', and cached.
package app
