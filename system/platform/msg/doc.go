// Package msg defines the envelope every MallBots message travels in on the
// wire, its JSON codec, the registry that maps message names to payload types,
// and the correlation metadata that flows from HTTP requests into messages.
//
// Subjects follow mallbots.<context>.<kind>.<Name> where kind is events,
// commands or replies. The envelope id is also the JetStream Msg-Id, so a
// message published twice is stored once.
package msg
