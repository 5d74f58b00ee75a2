// Package app holds the cosec use cases: start a saga on OrderCreated, move
// it on a reply, act on deadlines, and read a saga. Each runs in one
// transaction that saves the saga and writes its commands and final event
// to the outbox, so a saga never moves without its messages nor sends
// without moving.
package app
