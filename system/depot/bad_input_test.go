package depot_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
	"github.com/mallbots/mallbots/system/platform/msg"
)

const jsonType = "application/json"

// TestBadInput sends every endpoint input it must refuse and checks that the
// answer is the expected 4xx as problem details, never a 5xx.
func TestBadInput(t *testing.T) {
	t.Parallel()
	r := start(t)
	cafe := r.newStore(t, "Cafe", "Level 1")
	r.awaitStores(t, cafe)
	bot := r.bot(t, "Robbie")
	pending := r.create(t, msg.NewID(), item(cafe, "cup", 1))
	available := r.readyList(t, msg.NewID(), item(cafe, "mug", 1))
	assignBody := `{"botId":"` + bot.ID + `"}`

	var tests []systest.BadRequest
	tests = append(tests, bodyCases("register", "/api/bots", `{"name":"Robbie"}`)...)
	tests = append(tests, []systest.BadRequest{
		systest.Bad("register/blank name", "POST", "/api/bots", jsonType, `{"name":"  "}`, 400),
		systest.Bad("register/wrong-typed name", "POST", "/api/bots", jsonType, `{"name":7}`, 400),
		systest.Bad("register/NUL in name", "POST", "/api/bots", jsonType, `{"name":"R\u0000b"}`, 400),
		systest.Bad("register/name too long", "POST", "/api/bots", jsonType, `{"name":"`+strings.Repeat("é", 201)+`"}`, 400),
		systest.Bad("register/huge body", "POST", "/api/bots", jsonType, `{"name":"`+strings.Repeat("a", httpx.MaxBodyBytes)+`"}`, 413),
		systest.Bad("register/GET", "GET", "/api/bots", "", "", 405),
		systest.Bad("register/PUT", "PUT", "/api/bots", jsonType, `{"name":"Robbie"}`, 405),
	}...)
	tests = append(tests, systest.IDCases("get bot", "GET", "/api/bots/", "", "")...)
	tests = append(tests, []systest.BadRequest{
		systest.Bad("get bot/DELETE", "DELETE", "/api/bots/"+bot.ID, "", "", 405),
		systest.Bad("get bot/unknown sub-resource", "GET", "/api/bots/"+bot.ID+"/lists", "", "", 404),
	}...)

	tests = append(tests, []systest.BadRequest{
		systest.Bad("lists/unknown status", "GET", "/api/shopping-lists?status=lost", "", "", 400),
		systest.Bad("lists/status in capitals", "GET", "/api/shopping-lists?status=AVAILABLE", "", "", 400),
		systest.Bad("lists/status twice", "GET", "/api/shopping-lists?status=available&status=pending", "", "", 400),
		systest.Bad("lists/NUL in order id", "GET", "/api/shopping-lists?orderId=%00", "", "", 400),
		systest.Bad("lists/invalid UTF-8 order id", "GET", "/api/shopping-lists?orderId=%FF%FE", "", "", 400),
		systest.Bad("lists/order id too long", "GET", "/api/shopping-lists?orderId="+strings.Repeat("o", 129), "", "", 400),
		systest.Bad("lists/unknown parameter", "GET", "/api/shopping-lists?botId="+bot.ID, "", "", 400),
		systest.Bad("lists/malformed query", "GET", "/api/shopping-lists?status=%zz", "", "", 400),
		systest.Bad("lists/POST", "POST", "/api/shopping-lists", jsonType, `{}`, 405),
	}...)
	tests = append(tests, systest.IDCases("get list", "GET", "/api/shopping-lists/", "", "")...)
	tests = append(tests, systest.Bad("get list/PUT", "PUT", "/api/shopping-lists/"+available, jsonType, `{}`, 405))

	for _, action := range []string{"assign", "complete"} {
		path := "/api/shopping-lists/" + available + "/" + action
		tests = append(tests, bodyCases(action, path, assignBody)...)
		tests = append(tests, systest.IDCases(action, "POST", "/api/shopping-lists/", "/"+action, assignBody)...)
		tests = append(tests, []systest.BadRequest{
			systest.Bad(action+"/wrong-typed bot", "POST", path, jsonType, `{"botId":42}`, 400),
			systest.Bad(action+"/NUL in bot id", "POST", path, jsonType, `{"botId":"\u0000"}`, 400),
			systest.Bad(action+"/bot id too long", "POST", path, jsonType, `{"botId":"`+strings.Repeat("b", 129)+`"}`, 400),
			systest.Bad(action+"/unknown bot", "POST", path, jsonType, `{"botId":"`+msg.NewID()+`"}`, 404),
			systest.Bad(action+"/malformed bot id", "POST", path, jsonType, `{"botId":"robbie"}`, 404),
			systest.Bad(action+"/GET", "GET", path, "", "", 405),
		}...)
	}
	tests = append(tests, []systest.BadRequest{
		systest.Bad("assign/pending list", "POST", "/api/shopping-lists/"+pending+"/assign", jsonType, assignBody, 409),
		systest.Bad("complete/unassigned list", "POST", "/api/shopping-lists/"+available+"/complete", jsonType, assignBody, 409),
		systest.Bad("unknown path", "GET", "/api/shopping-lists/"+available+"/route", "", "", 404),
	}...)

	systest.RunBadRequests(t, r.env.URL, tests)
	l, err := r.c.ShoppingList(t.Context(), available)
	require.NoError(t, err)
	assert.Equal(t, depotapi.StatusAvailable, l.Status, "no bad request changed the list")
}

// bodyCases are the malformed documents every endpoint with a body refuses.
func bodyCases(endpoint, path, valid string) []systest.BadRequest {
	doc := systest.Doc{Valid: valid, Truncated: `{"name":`, Unknown: `"vip":true`, Form: `name=Robbie`}
	return append(systest.RequiredDocCases(endpoint, path, doc),
		systest.Case(endpoint+"/string", "POST", path, jsonType, `"x"`, 400, httpx.TypeInvalidInput))
}
