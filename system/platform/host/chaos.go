package host

import (
	"encoding/json"
	"fmt"

	"github.com/nats-io/nats.go"
)

// ChaosSubject is where a chaos run (bin/e2e chaos) asks every host started
// with chaos on (--chaos) to change its fault settings. It is a plain NATS
// request, outside the domain stream: every host answers with a ChaosReply.
const ChaosSubject = "_MALLBOTS_CHAOS.deliveries"

// ChaosRequest sets how many times each consumed message is delivered
// (handled, then given back unacknowledged until this many deliveries): 3
// for "every message redelivered three times", 1 to end it.
type ChaosRequest struct {
	Deliveries int `json:"deliveries"`
}

// ChaosReply is one host's answer: its contexts, the setting now in force
// and the messages it gave back for another delivery since it started.
type ChaosReply struct {
	Contexts    []string `json:"contexts"`
	Deliveries  int      `json:"deliveries"`
	Redelivered uint64   `json:"redelivered"`
	Error       string   `json:"error,omitempty"`
}

// listenChaos answers chaos requests when the host was started with chaos
// on; the returned function stops listening.
func (h *Host) listenChaos() (func(), error) {
	if !h.cfg.Chaos {
		return func() {}, nil
	}
	sub, err := h.bus.Conn().Subscribe(ChaosSubject, h.answerChaos)
	if err != nil {
		return nil, fmt.Errorf("chaos control: %w", err)
	}
	h.cfg.Logger.Warn("chaos control on: this process obeys fault requests on " + ChaosSubject)
	return func() { _ = sub.Unsubscribe() }, nil
}

func (h *Host) answerChaos(m *nats.Msg) {
	var req ChaosRequest
	reply := ChaosReply{Contexts: h.names()}
	if err := json.Unmarshal(m.Data, &req); err != nil || req.Deliveries < 1 || req.Deliveries > 10 {
		reply.Error = fmt.Sprintf("want {\"deliveries\": 1..10}, got %q", m.Data)
	} else {
		h.bus.ForceDeliveries(req.Deliveries)
		h.cfg.Logger.Warn("chaos: every consumed message is now delivered this many times", "deliveries", req.Deliveries)
	}
	reply.Deliveries, reply.Redelivered = h.bus.ForcedDeliveries(), h.bus.ForcedRedeliveries()
	data, _ := json.Marshal(reply)
	_ = m.Respond(data)
}
