package customers_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/customers/customersapi"
)

// FuzzRegisterCustomerRequest posts arbitrary bodies to POST /api/customers
// of a real host: whatever arrives, the answer is a 201 with a valid
// customer or a 4xx problem, never a 5xx.
func FuzzRegisterCustomerRequest(f *testing.F) {
	env, _ := startCustomers(f)
	systest.AddBodySeeds(f,
		`{"name":"Ann","smsNumber":"+14155550123"}`,
		`{"name":"Zoë 山田 🙂","smsNumber":"+819012345678"}`,
		`{"name":"Ann","smsNumber":"+14155550123"}{"name":"Bob"}`,
		`{"name":`,
		`{"name":5,"smsNumber":true}`,
		`{"name":"Ann","smsNumber":"+14155550123","vip":true}`,
		`{"name":"A\u0000B","smsNumber":"+14155550123"}`,
		`{"name":"\ud800","smsNumber":"+14155550123"}`,
		"{\"name\":\"\xff\xfe\",\"smsNumber\":\"+14155550123\"}",
		`{"name":"`+strings.Repeat("ü", 70000)+`","smsNumber":"+14155550123"}`,
	)
	f.Fuzz(func(t *testing.T, body []byte) {
		status, data := systest.PostJSON(t, t.Context(), env.URL+"/api/customers", body, http.StatusCreated)
		if status != http.StatusCreated {
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
