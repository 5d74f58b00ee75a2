package steps

import (
	"context"
	"fmt"
	"slices"

	"github.com/mallbots/mallbots/system/depot/depotapi"
	"github.com/mallbots/mallbots/system/platform/msg"
)

func registerDepot(r *registry, x *scenarioSteps) {
	r.add(`^a bot "([^"]*)" is registered$`, `a bot "Robbie" is registered`, x.registerBot)
	r.add(`^I try to register a bot without a name$`, `I try to register a bot without a name`, x.tryRegisterNamelessBot)
	r.add(`^the bot "([^"]*)" takes the shopping list of "([^"]*)"$`,
		`the bot "Robbie" takes the shopping list of "Ada"`, x.botTakes)
	r.add(`^the bot "([^"]*)" tries to take the shopping list of "([^"]*)"$`,
		`the bot "Marvin" tries to take the shopping list of "Ada"`, x.botTriesToTake)
	r.add(`^the bot "([^"]*)" completes the shopping list of "([^"]*)"$`,
		`the bot "Robbie" completes the shopping list of "Ada"`, x.botCompletesList)
	r.add(`^the bot "([^"]*)" tries to complete the shopping list of "([^"]*)"$`,
		`the bot "Marvin" tries to complete the shopping list of "Ada"`, x.botTriesToComplete)
	r.add(`^a bot nobody registered tries to take the shopping list of "([^"]*)"$`,
		`a bot nobody registered tries to take the shopping list of "Ada"`, x.unknownBotTriesToTake)
	r.add(`^the bot "([^"]*)" tries to take a shopping list that does not exist$`,
		`the bot "Robbie" tries to take a shopping list that does not exist`, x.botTriesToTakeUnknown)
	r.add(`^the shopping list of "([^"]*)" is assigned to "([^"]*)"$`,
		`the shopping list of "Ada" is assigned to "Robbie"`, x.listAssignedTo)
	r.add(`^the shopping list of "([^"]*)" is (offered|not offered) to bots$`,
		`the shopping list of "Ada" is offered to bots`, x.listOffered)
	r.add(`^the shopping list of "([^"]*)" does not visit "([^"]*)"$`,
		`the shopping list of "Ada" does not visit "Corner Shop"`, x.listSkips)
	r.add(`^the order of "([^"]*)" has no shopping list$`, `the order of "Ada" has no shopping list`, x.noShoppingList)
}

func (x *scenarioSteps) registerBot(ctx context.Context, name string) error {
	b, err := x.s.Client.RegisterBot(ctx, depotapi.RegisterBot{Name: x.s.Unique(name)})
	if err != nil {
		return err
	}
	x.s.Remember("bot", name, b.ID)
	return nil
}

func (x *scenarioSteps) tryRegisterNamelessBot(ctx context.Context) error {
	_, err := x.s.Client.RegisterBot(ctx, depotapi.RegisterBot{Name: " "})
	x.s.Attempted(err)
	return nil
}

// botActs applies a bot's action (assign or complete) to the customer's list.
func (x *scenarioSteps) botActs(ctx context.Context, botID, customer string,
	act func(context.Context, string, depotapi.AssignList) (depotapi.ShoppingList, error)) error {
	list, err := x.shoppingList(ctx, customer)
	if err != nil {
		return err
	}
	_, err = act(ctx, list.ID, depotapi.AssignList{BotID: botID})
	return err
}

func (x *scenarioSteps) botTakes(ctx context.Context, bot, customer string) error {
	id, err := x.s.Lookup("bot", bot)
	if err != nil {
		return err
	}
	return x.botActs(ctx, id, customer, x.s.Client.AssignList)
}

func (x *scenarioSteps) botTriesToTake(ctx context.Context, bot, customer string) error {
	id, err := x.s.Lookup("bot", bot)
	if err != nil {
		return err
	}
	x.s.Attempted(x.botActs(ctx, id, customer, x.s.Client.AssignList))
	return nil
}

func (x *scenarioSteps) botCompletesList(ctx context.Context, bot, customer string) error {
	id, err := x.s.Lookup("bot", bot)
	if err != nil {
		return err
	}
	return x.botActs(ctx, id, customer, x.s.Client.CompleteList)
}

func (x *scenarioSteps) botTriesToComplete(ctx context.Context, bot, customer string) error {
	id, err := x.s.Lookup("bot", bot)
	if err != nil {
		return err
	}
	x.s.Attempted(x.botActs(ctx, id, customer, x.s.Client.CompleteList))
	return nil
}

func (x *scenarioSteps) unknownBotTriesToTake(ctx context.Context, customer string) error {
	x.s.Attempted(x.botActs(ctx, msg.NewID(), customer, x.s.Client.AssignList))
	return nil
}

func (x *scenarioSteps) botTriesToTakeUnknown(ctx context.Context, bot string) error {
	id, err := x.s.Lookup("bot", bot)
	if err != nil {
		return err
	}
	_, err = x.s.Client.AssignList(ctx, msg.NewID(), depotapi.AssignList{BotID: id})
	x.s.Attempted(err)
	return nil
}

func (x *scenarioSteps) listAssignedTo(ctx context.Context, customer, bot string) error {
	id, err := x.s.Lookup("bot", bot)
	if err != nil {
		return err
	}
	list, err := x.shoppingList(ctx, customer)
	if err != nil {
		return err
	}
	l, err := x.s.Client.ShoppingList(ctx, list.ID)
	if err != nil {
		return err
	}
	if l.Status != depotapi.StatusAssigned || l.BotID != id {
		return fmt.Errorf("expected the list to be assigned to %s (%s), got %s to bot %q", bot, id, l.Status, l.BotID)
	}
	return nil
}

// listOffered checks whether a bot looking for work (the available lists)
// would see the customer's list.
func (x *scenarioSteps) listOffered(ctx context.Context, customer, offered string) error {
	list, err := x.shoppingList(ctx, customer)
	if err != nil {
		return err
	}
	lists, err := x.s.Client.ShoppingLists(ctx, depotapi.ShoppingListFilter{Status: depotapi.StatusAvailable})
	if err != nil {
		return err
	}
	found := slices.ContainsFunc(lists.ShoppingLists, func(l depotapi.ShoppingList) bool { return l.ID == list.ID })
	if found != (offered == "offered") {
		return fmt.Errorf("expected the list of %s to be %s to bots, but offered=%v among %d available lists",
			customer, offered, found, len(lists.ShoppingLists))
	}
	return nil
}

func (x *scenarioSteps) listSkips(ctx context.Context, customer, store string) error {
	list, err := x.shoppingList(ctx, customer)
	if err != nil {
		return err
	}
	for _, stop := range list.Stops {
		if stop.StoreName == x.s.Unique(store) {
			return fmt.Errorf("expected the shopping list not to visit %s, it does: %+v", store, stop)
		}
	}
	return nil
}

// noShoppingList reads the depot now; pair it with a window in which no
// CreateShoppingList is sent to say that none will come.
func (x *scenarioSteps) noShoppingList(ctx context.Context, customer string) error {
	o, err := x.order(ctx, customer)
	if err != nil {
		return err
	}
	lists, err := x.s.Client.ShoppingLists(ctx, depotapi.ShoppingListFilter{OrderID: o.ID})
	if err != nil {
		return err
	}
	if len(lists.ShoppingLists) > 0 {
		return fmt.Errorf("expected no shopping list for the order of %s, got %+v", customer, lists.ShoppingLists)
	}
	return nil
}
