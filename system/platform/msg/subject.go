package msg

import "fmt"

// Root is the first token of every MallBots subject.
const Root = "mallbots"

// Kinds of subjects.
const (
	KindEvents   = "events"
	KindCommands = "commands"
	KindReplies  = "replies"
)

// Subject returns mallbots.<context>.<kind>.<name>.
func Subject(context, kind, name string) string {
	return fmt.Sprintf("%s.%s.%s.%s", Root, context, kind, name)
}

// EventSubject returns the subject of an event published by context.
func EventSubject(context, name string) string { return Subject(context, KindEvents, name) }

// CommandSubject returns the subject of a command handled by context.
func CommandSubject(context, name string) string { return Subject(context, KindCommands, name) }

// AllEvents returns the wildcard matching every event of context.
func AllEvents(context string) string { return fmt.Sprintf("%s.%s.%s.>", Root, context, KindEvents) }

// AllCommands returns the wildcard matching every command handled by context.
func AllCommands(context string) string {
	return fmt.Sprintf("%s.%s.%s.>", Root, context, KindCommands)
}

// DeadLetterSubject returns the subject where a consumer's poison messages go.
func DeadLetterSubject(consumer string) string { return fmt.Sprintf("%s.dlq.%s", Root, consumer) }
