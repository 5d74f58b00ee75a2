@journey @cancellation
Feature: A customer changes their mind after the order is approved
  As a customer of the mall
  I want to cancel an order that the bots have not shopped yet
  So that nobody shops it and I am never billed for it

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered
    And a bot "Robbie" is registered

  Scenario: A cancelled approved order is never shopped nor invoiced
    Given "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Novel" to their basket
    And "Ada" checks out
    And the order of "Ada" becomes approved
    And the shopping list of "Ada" is offered to bots
    When "Ada" cancels their order because "ordered the wrong hammer"
    Then the order of "Ada" is cancelled because "ordered the wrong hammer"
    And the shopping list of "Ada" is cancelled
    And the shopping list of "Ada" is not offered to bots
    And the bot "Robbie" tries to take the shopping list of "Ada"
    And it is refused as a conflict
    And no "InvoiceCreated" message is published within 1 second
    And the order of "Ada" has no invoice
    And these messages are published in order:
      | message              |
      | OrderApproved        |
      | OrderCanceled        |
      | ShoppingListCanceled |

  Scenario: A cancelled order stays cancelled though the bot had already taken its list
    Given "Ada" starts a basket
    And "Ada" adds 1 "Novel" to their basket
    And "Ada" checks out
    And the order of "Ada" becomes approved
    And the bot "Robbie" takes the shopping list of "Ada"
    When "Ada" cancels their order
    Then the shopping list of "Ada" is cancelled
    And the bot "Robbie" tries to complete the shopping list of "Ada"
    And it is refused as a conflict
    And the order of "Ada" becomes cancelled
    And no "InvoiceCreated" message is published within 1 second
