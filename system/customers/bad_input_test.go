package customers_test

import (
	"strings"
	"testing"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/platform/httpx"
)

const jsonType = "application/json"

// TestBadInput sends every endpoint input it must refuse and checks that the
// answer is the expected 4xx as problem details, never a 5xx.
func TestBadInput(t *testing.T) {
	t.Parallel()
	env, c := startCustomers(t)
	id := register(t, c, "Bad Input Bea", "+14155550103").ID
	const number = `{"smsNumber":"+14155550104"}`
	huge := `{"name":"` + strings.Repeat("a", httpx.MaxBodyBytes) + `","smsNumber":"+14155550104"}`

	var tests []systest.BadRequest
	tests = append(tests, bodyCases("register", "/api/customers", `{"name":"Ann","smsNumber":"+14155550104"}`)...)
	tests = append(tests, []systest.BadRequest{
		systest.Bad("register/missing name", "POST", "/api/customers", jsonType, `{"smsNumber":"+14155550104"}`, 400),
		systest.Bad("register/missing number", "POST", "/api/customers", jsonType, `{"name":"Ann"}`, 400),
		systest.Bad("register/wrong-typed name", "POST", "/api/customers", jsonType, `{"name":5,"smsNumber":"+14155550104"}`, 400),
		systest.Bad("register/NUL in name", "POST", "/api/customers", jsonType, `{"name":"A\u0000B","smsNumber":"+14155550104"}`, 400),
		systest.Bad("register/name too long", "POST", "/api/customers", jsonType, `{"name":"`+strings.Repeat("é", 201)+`","smsNumber":"+14155550104"}`, 400),
		systest.Bad("register/bad number", "POST", "/api/customers", jsonType, `{"name":"Ann","smsNumber":"555-0104"}`, 400),
		systest.Bad("register/huge body", "POST", "/api/customers", jsonType, huge, 413),
		systest.Bad("register/GET", "GET", "/api/customers", "", "", 405),
		systest.Bad("register/PUT", "PUT", "/api/customers", jsonType, `{"name":"Ann","smsNumber":"+14155550104"}`, 405),
		systest.Bad("register/trailing slash", "POST", "/api/customers/", jsonType, `{"name":"Ann","smsNumber":"+14155550104"}`, 404),
	}...)
	tests = append(tests, systest.IDCases("get", "GET", "/api/customers/", "", "")...)
	tests = append(tests, []systest.BadRequest{
		systest.Bad("get/DELETE", "DELETE", "/api/customers/"+id, "", "", 405),
		systest.Bad("get/unknown sub-resource", "GET", "/api/customers/"+id+"/orders", "", "", 404),
	}...)
	change := "/api/customers/" + id + "/change-sms-number"
	tests = append(tests, bodyCases("change-sms-number", change, number)...)
	tests = append(tests, systest.IDCases("change-sms-number", "POST", "/api/customers/", "/change-sms-number", number)...)
	tests = append(tests, []systest.BadRequest{
		systest.Bad("change-sms-number/wrong-typed number", "POST", change, jsonType, `{"smsNumber":14155550104}`, 400),
		systest.Bad("change-sms-number/bad number", "POST", change, jsonType, `{"smsNumber":"+0"}`, 400),
		systest.Bad("change-sms-number/GET", "GET", change, "", "", 405),
	}...)
	for _, action := range []string{"enable", "disable"} {
		path := "/api/customers/" + id + "/" + action
		tests = append(tests, systest.IDCases(action, "POST", "/api/customers/", "/"+action, "")...)
		tests = append(tests, []systest.BadRequest{
			systest.Bad(action+"/malformed JSON", "POST", path, jsonType, `{"force":`, 400),
			systest.Bad(action+"/unknown field", "POST", path, jsonType, `{"force":true}`, 400),
			systest.Bad(action+"/not an object", "POST", path, jsonType, `[]`, 400),
			systest.Bad(action+"/wrong content type", "POST", path, "text/plain", `{}`, 415),
			systest.Bad(action+"/GET", "GET", path, "", "", 405),
		}...)
	}
	tests = append(tests, systest.Bad("enable/already enabled", "POST", "/api/customers/"+id+"/enable", "", "", 409))

	systest.RunBadRequests(t, env.URL, tests)
}

// bodyCases are the malformed documents every endpoint with a body refuses.
func bodyCases(endpoint, path, valid string) []systest.BadRequest {
	doc := systest.Doc{Valid: valid, Truncated: `{"name":`, Unknown: `"vip":true`, Form: `name=Ann`}
	return append(systest.RequiredDocCases(endpoint, path, doc),
		systest.Case(endpoint+"/wrong-typed field", "POST", path, jsonType, `{"smsNumber":["+14155550104"]}`, 400, httpx.TypeInvalidInput))
}
