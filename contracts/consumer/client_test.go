//go:build pact

package consumer

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pact-foundation/pact-go/v2/consumer"
	"github.com/pact-foundation/pact-go/v2/matchers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/contracts/internal/pactkit"
	"github.com/mallbots/mallbots/system/client"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// The typed client (system/client, the SDK the harness steps use) is the
// consumer "client" of every context's REST API: one pact per context
// (client-<context>.json), each interaction made by the real client method
// against the mock server and checked on the typed value or the typed
// *client.Error it returns. The files client_<context>_test.go hold the
// interactions; contracts/provider/client_api_test.go verifies them on the
// whole mall.
const sdkConsumer = "client"

// sdkEx are the example values of the ids a provider state returns, by the
// state's param key; the client is called with them in the consumer test,
// the verifier puts the provider's real ids in their place.
var sdkEx = map[string]string{
	"storeId":        "0195f7a4-6b2c-7d3e-8f40-0000000000a1",
	"productId":      "0195f7a4-6b2c-7d3e-8f40-0000000000a2",
	"customerId":     "0195f7a4-6b2c-7d3e-8f40-0000000000a3",
	"basketId":       "0195f7a4-6b2c-7d3e-8f40-0000000000a4",
	"orderId":        "0195f7a4-6b2c-7d3e-8f40-0000000000a5",
	"paymentId":      "0195f7a4-6b2c-7d3e-8f40-0000000000a6",
	"invoiceId":      "0195f7a4-6b2c-7d3e-8f40-0000000000a7",
	"shoppingListId": "0195f7a4-6b2c-7d3e-8f40-0000000000a8",
	"botId":          "0195f7a4-6b2c-7d3e-8f40-0000000000a9",
}

// sdkTime is the example of every timestamp an answer carries.
var sdkTime = mustTime(pactkit.ExampleTime)

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// sdkCall is one interaction of the typed client with a context's API: the
// request its method sends, the answer, and what the method must make of
// it. A 4xx answer is a problem document (application/problem+json) that
// the method must return as a *client.Error.
type sdkCall struct {
	desc   string            // unique within the pact
	state  string            // provider state; "" for none
	method string            // HTTP method
	path   string            // ${key} stands for the id the state returns under key
	query  map[string]string // values may hold ${key} too
	body   map[string]any    // request document; nil for none
	status int
	answer map[string]any // answer document of a 2xx
	want   any            // the value the method returns for it
	fields []string       // the invalid fields a 400 names
	call   func(ctx context.Context, c *client.Client) (any, error)
}

// sdkOut adapts a client method's results to sdkCall.call.
func sdkOut[T any](v T, err error) (any, error) { return v, err }

// sdkVerify runs each call as its own interaction of consumer "client"
// with provider (a context's name).
func sdkVerify(t *testing.T, provider string, calls []sdkCall) {
	t.Helper()
	for _, c := range calls {
		t.Run(c.desc, func(t *testing.T) { c.verify(t, provider) })
	}
}

func (c sdkCall) verify(t *testing.T, provider string) {
	i := httpPact(t, sdkConsumer, provider).AddInteraction()
	if c.state != "" {
		i = i.Given(c.state)
	}
	err := i.UponReceiving(c.desc).
		WithRequestPathMatcher(consumer.Method(c.method), sdkPath(c.path), c.request).
		WillRespondWith(c.status, c.response).
		ExecuteTest(t, func(cfg consumer.MockServerConfig) error {
			got, err := c.call(ctx(t), sdkClient(cfg, provider))
			c.check(t, got, err)
			return nil
		})
	require.NoError(t, err)
}

func (c sdkCall) request(b *consumer.V4RequestBuilder) {
	for key, value := range c.query {
		b.Query(key, sdkValue(value))
	}
	if c.body != nil {
		b.Header("Content-Type", matchers.S("application/json")).JSONBody(c.body)
	}
}

func (c sdkCall) response(b *consumer.V4ResponseBuilder) {
	if c.status >= 400 {
		b.Header("Content-Type", matchers.S("application/problem+json")).JSONBody(sdkProblem(c.status, c.fields))
		return
	}
	b.Header("Content-Type", matchers.S("application/json")).JSONBody(c.answer)
}

// check asserts what the client made of the answer: the typed value of a
// 2xx, or a *client.Error carrying the problem of a 4xx.
func (c sdkCall) check(t *testing.T, got any, err error) {
	t.Helper()
	if c.status < 400 {
		require.NoError(t, err)
		assert.Equal(t, c.want, got)
		return
	}
	var e *client.Error
	require.ErrorAs(t, err, &e, "a %d answer must be a *client.Error", c.status)
	assert.Equal(t, c.status, e.Status)
	assert.Equal(t, c.status, client.StatusOf(err))
	assert.Equal(t, sdkProblemType(c.status), e.Problem.Type)
	assert.Equal(t, c.status, e.Problem.Status)
	assert.Equal(t, http.StatusText(c.status), e.Problem.Title)
	assert.Equal(t, sdkDetail, e.Problem.Detail)
	var fields []string
	for _, f := range e.Problem.Errors {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, c.fields, fields)
}

// sdkDetail is the example detail of a problem: its wording is the
// provider's, the client only shows it.
const sdkDetail = "what was wrong, in words"

// sdkProblem is the problem document of status: its stable type, title and
// status, a detail, and the invalid fields of a 400 by name.
func sdkProblem(status int, fields []string) map[string]any {
	p := map[string]any{
		"type":   sdkProblemType(status),
		"title":  matchers.Like(http.StatusText(status)),
		"status": status,
		"detail": matchers.Like(sdkDetail),
	}
	if len(fields) > 0 {
		errs := make([]any, len(fields))
		for i, f := range fields {
			errs[i] = map[string]any{"field": f, "reason": matchers.Like("must be something else")}
		}
		p["errors"] = errs
	}
	return p
}

// sdkProblemType is the problem type the system answers status with.
func sdkProblemType(status int) string {
	switch status {
	case http.StatusBadRequest:
		return httpx.TypeInvalidInput
	case http.StatusNotFound:
		return httpx.TypeNotFound
	case http.StatusConflict:
		return httpx.TypeConflict
	}
	panic(fmt.Sprintf("no problem type for %d", status))
}

// sdkClient is the typed client with provider's base URL at the mock server.
func sdkClient(cfg consumer.MockServerConfig, provider string) *client.Client {
	return client.New(map[string]string{provider: fmt.Sprintf("http://%s:%d", cfg.Host, cfg.Port)},
		&http.Client{Timeout: 5 * time.Second})
}

var sdkParam = regexp.MustCompile(`\$\{(\w+)\}`)

// sdkExample replaces each ${key} of s with its example id.
func sdkExample(s string) string {
	return sdkParam.ReplaceAllStringFunc(s, func(p string) string {
		v, ok := sdkEx[sdkParam.FindStringSubmatch(p)[1]]
		if !ok {
			panic("no example id for " + p)
		}
		return v
	})
}

// uuidPart matches one id the system issues.
const uuidPart = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`

// sdkPath matches a path whose ${key} parts are ids: the mock server
// requires an id there, the verifier puts the state's id in.
func sdkPath(path string) matchers.Matcher {
	if !strings.Contains(path, "${") {
		return matchers.S(path)
	}
	literal := sdkParam.Split(path, -1)
	for i, part := range literal {
		literal[i] = regexp.QuoteMeta(part)
	}
	return matchers.StructMatcher{
		"pact:matcher:type":   "regex",
		"regex":               "^" + strings.Join(literal, uuidPart) + "$",
		"pact:generator:type": "ProviderState",
		"expression":          path,
		"value":               sdkExample(path),
	}
}

// sdkValue is a query value or body field: literal, or the id the state
// returns when it holds ${key}.
func sdkValue(v string) matchers.Matcher {
	if !strings.Contains(v, "${") {
		return matchers.S(v)
	}
	return matchers.FromProviderState(v, sdkExample(v))
}

// sdkID matches an id in an answer, with the example of key.
func sdkID(key string) matchers.Matcher { return pactkit.ID(sdkEx[key]) }

// sdkTimestamp matches an RFC 3339 time in an answer.
func sdkTimestamp() matchers.Matcher {
	return matchers.Regex(pactkit.ExampleTime, `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$`)
}

// sdkFails is an interaction answered with a problem of status; fields are
// the invalid fields a 400 names. by sets the client call.
func sdkFails(status int, desc, state, method, path string, body map[string]any, fields ...string) sdkCall {
	return sdkCall{desc: desc, state: state, method: method, path: path, body: body, status: status, fields: fields}
}

// by sets the client method the interaction calls.
func (c sdkCall) by(call func(ctx context.Context, c *client.Client) (any, error)) sdkCall {
	c.call = call
	return c
}

// withQuery adds a query parameter to the request.
func (c sdkCall) withQuery(key, value string) sdkCall {
	q := map[string]string{key: value}
	for k, v := range c.query {
		q[k] = v
	}
	c.query = q
	return c
}

// sdkCents matches an amount in cents by type, with example v.
func sdkCents(v int64) matchers.Matcher { return matchers.Integer(int(v)) }
