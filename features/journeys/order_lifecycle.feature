@safe @journey @lifecycle
Feature: From basket to pickup
  As a customer of the mall
  I want to fill one basket from several stores, have robots shop it and pay at pickup
  So that I get everything I ordered in one trip

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered

  Scenario: An order goes all the way from checkout to completed
    Given "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Novel" to their basket
    When "Ada" checks out
    Then the order of "Ada" becomes approved
    And the create-order saga of "Ada" succeeded
    And the shopping list of "Ada" visits "Corner Shop" at "Level 1"
    And the shopping list of "Ada" visits "Book Nook" at "Level 2"
    When a bot picks up and completes the shopping list of "Ada"
    Then the order of "Ada" becomes ready
    And the invoice of "Ada" is for 33.99
    When "Ada" pays the invoice for their order
    Then the order of "Ada" becomes completed
    And "Ada" receives these SMS about their order, in this order:
      | order     |
      | created   |
      | ready     |
      | completed |
    And "Ada" receives exactly one SMS about their order being completed
    And search shows the order of "Ada" as completed
    And search shows the order of "Ada" with:
      | customer | store       | product | quantity |
      | Ada      | Corner Shop | Hammer  | 2        |
      | Ada      | Book Nook   | Novel   | 1        |
    And a search for orders at "Book Nook" finds the order of "Ada"
    And a search for completed orders at "Corner Shop" finds the order of "Ada"
    And these messages are published in order:
      | message                  |
      | BasketCheckedOut         |
      | OrderCreated             |
      | AuthorizeCustomer        |
      | CreateShoppingList       |
      | ConfirmPayment           |
      | InitiateShopping         |
      | ApproveOrder             |
      | OrderApproved            |
      | ShoppingListCompleted    |
      | OrderReadied             |
      | InvoiceCreated           |
      | InvoicePaid              |
      | OrderCompleted           |
