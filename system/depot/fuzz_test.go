package depot_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/internal/systest"
	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// FuzzAssignListRequest posts arbitrary bodies to the assign endpoint of an
// available list on a real host: whatever arrives, the answer is the list
// assigned to a known bot, or a 4xx problem, never a 5xx. The seeds run in
// every go test; go test -fuzz=FuzzAssignListRequest explores further.
func FuzzAssignListRequest(f *testing.F) {
	r := start(f)
	cafe := r.newStore(f, "Cafe", "Level 1")
	r.awaitStores(f, cafe)
	bot := r.bot(f, "Robbie")
	id := r.readyList(f, msg.NewID(), item(cafe, "cup", 1))
	url := r.env.URL + "/api/shopping-lists/" + id + "/assign"

	systest.AddBodySeeds(f,
		`{"botId":"`+bot.ID+`"}`,
		`{"botId":"`+msg.NewID()+`"}`,
		`{"botId":"`+strings.ToUpper(bot.ID)+`"}`,
		`{"botId":"`+bot.ID+`","botId":"x"}`,
		`{"botId":"`+bot.ID+`"}{"botId":""}`,
		`{"botId":"`+bot.ID+`","force":true}`,
		`{"botId":`,
		`{"botId":42}`,
		`{"botId":null}`,
		`{"botId":["`+bot.ID+`"]}`,
		`{"botId":""}`,
		`{"botId":"\u0000"}`,
		`{"botId":"\ud800"}`,
		"{\"botId\":\"\xff\xfe\"}",
		`{"botId":"ロボ🤖"}`,
		`{"botId":"`+strings.Repeat("b", 70000)+`"}`,
	)
	f.Fuzz(func(t *testing.T, body []byte) {
		data, ok := systest.PostWithin(t, waitFor, url, body, http.StatusOK)
		if !ok {
			return
		}
		var l depotapi.ShoppingList
		require.NoError(t, json.Unmarshal(data, &l))
		assert.Equal(t, depotapi.StatusAssigned, l.Status)
		assert.Equal(t, bot.ID, l.BotID, "only the registered bot can be assigned")
	})
}
