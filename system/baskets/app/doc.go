// Package app holds the baskets context's use cases: commands that change a
// basket, the basket query, and the projection of stores' events into the
// local product and store cache that adding an item reads. On a cache miss
// the product and its store are fetched from stores' REST API and cached.
package app
