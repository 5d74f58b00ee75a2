// Package consumers maps the messages the notifications context consumes
// onto its use cases: customers' events feed the customer cache, ordering's
// events request SMS. Each handler runs inside the inbox transaction, so a
// message delivered twice has one effect.
package consumers
