// Package redact masks secrets in what the system and its harness log and
// record: the password of a URL or DSN (postgres://user:secret@host/db,
// libpq's password=secret), the values of secret headers (Authorization,
// Cookie, X-Api-Key, any header named like a token, secret, key or
// password) and of secret query parameters. Logs, failure explanations and
// reports pass through it, so a run's artefacts can be shared.
package redact
