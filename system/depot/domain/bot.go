package domain

import (
	"strings"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/apperr"
)

// NewBot registers a bot under a trimmed, printable name.
func NewBot(id, name string) (depotapi.Bot, error) {
	name = strings.TrimSpace(name)
	var c apperr.Check
	checkName(&c, "name", name)
	if err := c.Err(); err != nil {
		return depotapi.Bot{}, err
	}
	return depotapi.Bot{ID: id, Name: name}, nil
}

// CheckBotID refuses a missing or unusable bot id in a request body.
func CheckBotID(botID string) error {
	var c apperr.Check
	checkID(&c, "botId", botID)
	return c.Err()
}
