package report

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Geometry of a sequence diagram, in SVG user units (pixels).
const (
	gutter   = 70  // left margin, where each row's time goes
	column   = 190 // distance between lifelines
	headTop  = 6   // top of the lifeline heads
	headH    = 26  // height of a lifeline head
	firstRow = 66  // y of the first arrow
	rowH     = 30  // distance between arrows
	tail     = 150 // room right of the last lifeline for loops and lost messages
	maxLabel = 46  // runes of an arrow's label before it is cut
)

// diagram is a sequence diagram laid out for the template.
type diagram struct {
	Width, Height  int
	LifelineBottom int
	Lifelines      []lifeline
	Rows           []row
}

// lifeline is a participant: an actor, a context or the dead letters.
type lifeline struct {
	Name        string
	Class       string // actor, context or dlq
	X, BoxX     int
	BoxW, TextY int
}

// row is one arrow: an HTTP call, or a message to one of its consumers.
type row struct {
	Y, TextY int
	Time     string // shown in the gutter on a message's first row
	Class    string // http, http-error, event, command, reply or dead
	X1, X2   int
	Loop     string // the path of an arrow to its own lifeline
	Lost     bool   // a message nobody is subscribed to: ends in a dot
	Label    string
	LabelX   int
	Anchor   string // text-anchor of the label
	Title    string // tooltip: the whole call or subject
	Repeats  int    // calls after the first one this row stands for

	firstTitle string
	firstAt    time.Time
}

// actors are the participants that call the system over HTTP.
var actors = []string{"customer", "bot", "mall"}

// layout lays out a scenario's interactions, in time order.
func layout(in []Interaction) *diagram {
	if len(in) == 0 {
		return nil
	}
	in = slices.Clone(in)
	slices.SortStableFunc(in, func(a, b Interaction) int { return a.At.Compare(b.At) })
	d := &diagram{}
	x := map[string]int{}
	for _, name := range participants(in) {
		cx := gutter + column/2 + len(d.Lifelines)*column
		x[name] = cx
		d.Lifelines = append(d.Lifelines, lifeline{Name: name, Class: classOfParticipant(name, in),
			X: cx, BoxX: cx - (column-24)/2, BoxW: column - 24, TextY: headTop + headH/2 + 5})
	}
	start := in[0].At
	for i, it := range in {
		since := fmt.Sprintf("+%.3f s", it.At.Sub(start).Seconds())
		if it.Kind == KindHTTP {
			if i > 0 && sameCall(in[i-1], it) {
				d.repeat(it)
				continue
			}
			to := first(it.To)
			d.add(it.At, x[it.From], x[to], httpClass(it.Status), httpLabel(it), httpTitle(it, to), since)
			continue
		}
		label, title, class := it.Name, it.Subject, messageClass(it.Subject)
		if len(it.To) == 0 {
			d.addLost(x[it.From], class, label, title+" ("+it.From+", no subscriber)", since)
			continue
		}
		for j, to := range it.To {
			if j > 0 {
				since = "" // the time is on the message's first arrow
			}
			d.add(it.At, x[it.From], x[to], class, label, title+" ("+it.From+" → "+to+")", since)
		}
	}
	d.Width = gutter + len(d.Lifelines)*column + tail
	d.LifelineBottom = firstRow + len(d.Rows)*rowH - rowH/2
	d.Height = d.LifelineBottom + 10
	return d
}

// participants are the actors first, then the contexts in the order they
// appear, then the dead letters.
func participants(in []Interaction) []string {
	var seen []string
	for _, it := range in {
		for _, name := range append([]string{it.From}, it.To...) {
			if name != "" && !slices.Contains(seen, name) {
				seen = append(seen, name)
			}
		}
	}
	rank := func(name string) int {
		switch {
		case isActor(name, in):
			return 0
		case name == DeadLetters:
			return 2
		}
		return 1
	}
	slices.SortStableFunc(seen, func(a, b string) int { return rank(a) - rank(b) })
	return seen
}

// isActor reports whether name makes HTTP calls rather than serving them.
func isActor(name string, in []Interaction) bool {
	if slices.Contains(actors, name) {
		return true
	}
	return slices.ContainsFunc(in, func(it Interaction) bool { return it.Kind == KindHTTP && it.From == name })
}

func classOfParticipant(name string, in []Interaction) string {
	switch {
	case isActor(name, in):
		return "actor"
	case name == DeadLetters:
		return "dlq"
	}
	return "context"
}

func (d *diagram) add(at time.Time, x1, x2 int, class, label, title, since string) {
	y := firstRow + len(d.Rows)*rowH
	r := row{Y: y, TextY: y - 6, Time: since, Class: class, X1: x1, X2: x2, Label: clip(label), Title: title,
		firstTitle: title, firstAt: at}
	switch {
	case x1 == x2:
		r.Loop = fmt.Sprintf("M%d %d h36 v12 h-34", x1, y-6)
		r.LabelX, r.Anchor, r.TextY = x1+42, "start", y+4
	default:
		r.LabelX, r.Anchor = (x1+x2)/2, "middle"
	}
	d.Rows = append(d.Rows, r)
}

// sameCall reports whether b repeats the call a just before it: a step
// that awaits a REST read polls it, and one arrow tells the story.
func sameCall(a, b Interaction) bool {
	return a.Kind == KindHTTP && b.Kind == KindHTTP && a.From == b.From && slices.Equal(a.To, b.To) &&
		a.Method == b.Method && a.Path == b.Path && a.Status == b.Status
}

// repeat counts one more call on the last row: "GET /api/orders/{id} → 200 ×3".
func (d *diagram) repeat(it Interaction) {
	r := &d.Rows[len(d.Rows)-1]
	r.Repeats++
	r.Label = httpLabel(it) + fmt.Sprintf(" ×%d", r.Repeats+1)
	r.Title = fmt.Sprintf("%s\ncalled %d times in a row, the last %.3f s after the first",
		r.firstTitle, r.Repeats+1, it.At.Sub(r.firstAt).Seconds())
}

func (d *diagram) addLost(x int, class, label, title, since string) {
	y := firstRow + len(d.Rows)*rowH
	d.Rows = append(d.Rows, row{Y: y, TextY: y + 4, Time: since, Class: class, X1: x, X2: x + 40, Lost: true,
		Label: clip(label), LabelX: x + 50, Anchor: "start", Title: title})
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func httpClass(status int) string {
	if status == 0 || status >= 400 {
		return "http-error"
	}
	return "http"
}

// httpLabel is "POST /api/baskets → 201", with ids shortened to {id}.
func httpLabel(it Interaction) string {
	answer := "no answer"
	if it.Status != 0 {
		answer = fmt.Sprint(it.Status)
	}
	tail := " → " + answer
	path := []rune(shortPath(it.Path))
	if room := maxLabel - len([]rune(it.Method+" "+tail)); len(path) > room {
		path = append(path[:max(room-1, 1)], '…') // cut the path, never the status
	}
	return it.Method + " " + string(path) + tail
}

func httpTitle(it Interaction, to string) string {
	t := fmt.Sprintf("%s %s → %d, served by %s in %s", it.Method, it.Path, it.Status, to,
		time.Duration(it.DurationMs*float64(time.Millisecond)).Round(time.Millisecond))
	if it.Step != "" {
		t += "\nstep: " + it.Step
	}
	return t
}

// shortPath replaces every UUID in path with {id}: readers want to see which
// endpoint was called, the full path is in the tooltip.
func shortPath(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); {
		if i+36 <= len(path) && isUUID(path[i:i+36]) {
			b.WriteString("{id}")
			i += 36
			continue
		}
		b.WriteByte(path[i])
		i++
	}
	return b.String()
}

func isUUID(s string) bool {
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
	}
	return true
}

// messageClass is the kind of a subject mallbots.<context>.<kind>.<Name>:
// event, command or reply; dead for a dead letter.
func messageClass(subject string) string {
	parts := strings.Split(subject, ".")
	switch {
	case len(parts) > 1 && parts[1] == "dlq":
		return "dead"
	case len(parts) > 2 && parts[2] == "commands":
		return "command"
	case len(parts) > 2 && parts[2] == "replies":
		return "reply"
	}
	return "event"
}

func clip(s string) string {
	r := []rune(s)
	if len(r) <= maxLabel {
		return s
	}
	return string(r[:maxLabel-1]) + "…"
}
