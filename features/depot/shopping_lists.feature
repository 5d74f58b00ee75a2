@depot
Feature: The depot turns an order into a shopping list for the bots
  As the depot manager
  I want each order's items grouped by store, with where each store is, offered to bots once the order is approved
  So that a bot walks to each store once and only shops orders that will be paid

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And the store "Corner Shop" sells "Nails" for 3.99
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered
    And "Ada" starts a basket

  Scenario: A list visits each store of the order at its location
    Given "Ada" adds 1 "Hammer" to their basket
    And "Ada" adds 2 "Nails" to their basket
    And "Ada" adds 1 "Novel" to their basket
    When "Ada" checks out
    Then the order of "Ada" becomes approved
    And the shopping list of "Ada" visits "Corner Shop" at "Level 1"
    And the shopping list of "Ada" visits "Book Nook" at "Level 2"
    And the "ShoppingListCreated" message has the field "payload.stops.#" equal to "2"

  Scenario: The list of an approved order is offered to bots
    Given "Ada" adds 1 "Novel" to their basket
    When "Ada" checks out
    Then the order of "Ada" becomes approved
    And the shopping list of "Ada" is available
    And the shopping list of "Ada" is offered to bots
    And the shopping list of "Ada" does not visit "Corner Shop"

  Scenario: The list of a cancelled order is cancelled and offered to no bot
    Given "Ada" adds 1 "Novel" to their basket
    And "Ada" checks out
    And the order of "Ada" becomes approved
    When "Ada" cancels their order
    Then the shopping list of "Ada" is cancelled
    And the shopping list of "Ada" is not offered to bots

  Scenario: A rejected order gets no shopping list
    Given "Ada" adds 1 "Novel" to their basket
    And the mall disables the customer "Ada"
    When "Ada" checks out
    Then the order of "Ada" becomes rejected
    And no "CreateShoppingList" message is published within 0.5 seconds
    And the order of "Ada" has no shopping list
