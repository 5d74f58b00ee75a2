package chaos

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// columns of the counts table, one row per phase.
const rowFormat = "%-20s %9s %8s %8s %8s %8s %6s %-12s %10s %9s %9s %6s\n"

func writeHeader(w io.Writer) {
	fmt.Fprintf(w, rowFormat, "fault", "checkouts", "accepted", "approved", "rejected", "open",
		"orders", "duplicates", "outbox 1×", "dlq", "sms", "quiet")
}

func writeRow(w io.Writer, p Phase) {
	c := p.Counts
	fmt.Fprintf(w, rowFormat, p.Fault, itoa(c.Checkouts), itoa(c.Accepted), itoa(c.Approved), itoa(c.Rejected),
		itoa(c.NotTerminal), itoa(c.Orders), c.duplicatesText(),
		fmt.Sprintf("%d/%d", c.PublishedOnce, c.OutboxRows),
		fmt.Sprintf("%d/%d+%d", c.PoisonDeadLetters, c.ExpectedPoison, c.OtherDeadLetters),
		fmt.Sprintf("%d/%d", c.SMS, c.Orders), fmt.Sprintf("%.1fs", p.Quiet))
	for _, v := range p.Violations {
		fmt.Fprintf(w, "  FAIL %s\n", v)
	}
	for _, dl := range sortedKeys(c.DeadLetters) {
		fmt.Fprintf(w, "       dead letter ×%d %s\n", c.DeadLetters[dl], dl)
	}
}

func itoa(n int) string { return fmt.Sprint(n) }

// WriteSummary prints the verdict, the key to the table, and for every
// phase its refusals and rejections.
func (r Report) WriteSummary(w io.Writer) {
	fmt.Fprintln(w, "\nkey: approved/rejected/open are accepted checkouts; outbox 1× is rows stored exactly once in the")
	fmt.Fprintln(w, "stream / rows written; dlq is poison dead letters / expected + any other; sms is order-created SMS / orders")
	for _, p := range r.Phases {
		if len(p.Reasons) == 0 && p.Counts.Redelivered == 0 {
			continue
		}
		fmt.Fprintf(w, "%s: ", p.Fault)
		var parts []string
		if p.Counts.Redelivered > 0 {
			parts = append(parts, fmt.Sprintf("%d messages delivered again", p.Counts.Redelivered))
		}
		parts = append(parts, reasonsText(p.Reasons)...)
		fmt.Fprintln(w, strings.Join(parts, "; "))
	}
	failed := 0
	for _, p := range r.Phases {
		if !p.Passed() {
			failed++
		}
	}
	switch {
	case r.Interrupted:
		fmt.Fprintf(w, "\ninterrupted after %d phases (%.0fs)\n", len(r.Phases), r.Elapsed)
	case failed > 0:
		fmt.Fprintf(w, "\nFAILED: %d of %d phases broke a promise (%.0fs)\n", failed, len(r.Phases), r.Elapsed)
	default:
		fmt.Fprintf(w, "\npassed: %d phases, nothing lost, duplicated or dead-lettered but the poison (%.0fs)\n",
			len(r.Phases), r.Elapsed)
	}
}

// WriteJSON writes r to path, indented.
func (r Report) WriteJSON(path string) error {
	data, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return fmt.Errorf("encode chaos report: %w", err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write chaos report: %w", err)
	}
	return nil
}
