package depot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/httpx"
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

	for _, seed := range []string{
		`{"botId":"` + bot.ID + `"}`,
		`{"botId":"` + msg.NewID() + `"}`,
		`{"botId":"` + strings.ToUpper(bot.ID) + `"}`,
		`{"botId":"` + bot.ID + `","botId":"x"}`,
		`{"botId":"` + bot.ID + `"}{"botId":""}`,
		`{"botId":"` + bot.ID + `","force":true}`,
		`{"botId":`,
		`{"botId":42}`,
		`{"botId":null}`,
		`{"botId":["` + bot.ID + `"]}`,
		`{"botId":""}`,
		`{"botId":"\u0000"}`,
		`{"botId":"\ud800"}`,
		"{\"botId\":\"\xff\xfe\"}",
		`{"botId":"ロボ🤖"}`,
		`{"botId":"` + strings.Repeat("b", 70000) + `"}`,
		strings.Repeat("[", 20000),
		`null`, `[]`, `""`, `0`, ``, " \t\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		// Each input gets its own deadline: a fuzzing run outlives any
		// deadline shared across inputs.
		ctx, cancel := context.WithTimeout(context.Background(), waitFor)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		require.NoError(t, err)

		require.Less(t, resp.StatusCode, 500, "body %q answered %s", body, data)
		if resp.StatusCode != http.StatusOK {
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var p httpx.Problem
			require.NoError(t, json.Unmarshal(data, &p))
			assert.True(t, strings.HasPrefix(p.Type, httpx.ProblemBase), "problem type %q", p.Type)
			return
		}
		var l depotapi.ShoppingList
		require.NoError(t, json.Unmarshal(data, &l))
		assert.Equal(t, depotapi.StatusAssigned, l.Status)
		assert.Equal(t, bot.ID, l.BotID, "only the registered bot can be assigned")
	})
}
