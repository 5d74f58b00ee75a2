// Package remote is the harness's remote runtime: nothing is started, the
// endpoints of an environment that is already running (deployed, or started
// with `e2e up`) come from configuration, and only scenarios safe for a
// shared environment may run against it (tag SafeTag; the suite adds it to
// the tag expression, see RequiredTags).
//
// Configuration: key=URL pairs, separated by commas or new lines, from the
// file named by MALLBOTS_REMOTE_CONFIG or from MALLBOTS_REMOTE_ENDPOINTS
// (both may be given; the variable wins). Keys: nats (the broker the event
// tap subscribes to), smsprovider, each bounded context by name, and "*"
// for every context not named (a monolith). Lines starting with # are
// comments. Example:
//
//	nats=nats://10.0.0.5:4222
//	smsprovider=http://10.0.0.6:8080
//	*=http://10.0.0.7:8080
//	stores=http://10.0.0.8:8080
package remote
