package customers_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/customers/customersapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

// FuzzRegisterCustomerRequest posts arbitrary bodies to POST /api/customers
// of a real host: whatever arrives, the answer is a 201 with a valid
// customer or a 4xx problem, never a 5xx.
func FuzzRegisterCustomerRequest(f *testing.F) {
	env, _ := startCustomers(f)
	for _, seed := range []string{
		`{"name":"Ann","smsNumber":"+14155550123"}`,
		`{"name":"Zoë 山田 🙂","smsNumber":"+819012345678"}`,
		`{"name":"Ann","smsNumber":"+14155550123"}{"name":"Bob"}`,
		`{"name":`,
		`{"name":5,"smsNumber":true}`,
		`{"name":"Ann","smsNumber":"+14155550123","vip":true}`,
		`{"name":"A\u0000B","smsNumber":"+14155550123"}`,
		`{"name":"\ud800","smsNumber":"+14155550123"}`,
		"{\"name\":\"\xff\xfe\",\"smsNumber\":\"+14155550123\"}",
		`{"name":"` + strings.Repeat("ü", 70000) + `","smsNumber":"+14155550123"}`,
		strings.Repeat("[", 20000),
		`null`, `[]`, `""`, `0`, ``, " \t\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, env.URL+"/api/customers", bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		require.NoError(t, err)

		require.Less(t, resp.StatusCode, 500, "body %q answered %s", body, data)
		if resp.StatusCode != http.StatusCreated {
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p httpx.Problem
			require.NoError(t, json.Unmarshal(data, &p))
			assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "problem type %q", p.Type)
			return
		}
		var cu customersapi.Customer
		require.NoError(t, json.Unmarshal(data, &cu))
		assert.NotEmpty(t, cu.ID)
		assert.NotEmpty(t, cu.Name)
		assert.Regexp(t, `^\+[1-9][0-9]{6,14}$`, cu.SmsNumber)
		assert.True(t, cu.Enabled)
	})
}
