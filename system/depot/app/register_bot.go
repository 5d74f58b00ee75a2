package app

import (
	"context"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/depot/domain"
	"github.com/mallbots/mallbots/system/platform/msg"
)

// RegisterBot registers a bot that may then take available lists.
func (a *App) RegisterBot(ctx context.Context, in depotapi.RegisterBot) (depotapi.Bot, error) {
	b, err := domain.NewBot(msg.NewID(), in.Name)
	if err != nil {
		return depotapi.Bot{}, err
	}
	return b, a.ports.Bots.PutBot(ctx, a.pool, b)
}
