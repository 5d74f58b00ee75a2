// Package httpx is the platform's HTTP layer: JSON handlers that return
// errors, RFC 9457 problem details with stable type URIs, strict request
// decoding with a body size limit, X-Correlation-ID in and out, and a server
// that shuts down gracefully.
package httpx
