@cosec
Feature: The create-order saga approves an order or undoes what it started
  As the mall's operations team
  I want every order to go through the same steps, each recorded with its outcome and reason,
  and a failed step to undo the steps before it
  So that an order is either fully set up (customer, list, payment) or rejected with nothing left behind

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket

  Scenario: A successful saga records every step in order
    When "Ada" checks out
    Then the create-order saga of "Ada" succeeded
    And the create-order saga of "Ada" went through:
      | step               | outcome   |
      | AuthorizeCustomer  | sent      |
      | AuthorizeCustomer  | succeeded |
      | CreateShoppingList | sent      |
      | CreateShoppingList | succeeded |
      | ConfirmPayment     | sent      |
      | ConfirmPayment     | succeeded |
      | InitiateShopping   | sent      |
      | InitiateShopping   | succeeded |
      | ApproveOrder       | sent      |
      | ApproveOrder       | succeeded |
    And a "CreateOrderSagaCompleted" message is published

  Scenario: A disabled customer stops the saga at its first step
    Given the mall disables the customer "Ada"
    When "Ada" checks out
    Then the create-order saga of "Ada" failed because "AuthorizeCustomer failed"
    And the create-order saga of "Ada" recorded that "AuthorizeCustomer" failed because "is disabled"
    And the create-order saga of "Ada" went through:
      | step              | outcome   |
      | AuthorizeCustomer | sent      |
      | AuthorizeCustomer | failed    |
      | RejectOrder       | sent      |
      | RejectOrder       | succeeded |
    And a "CreateOrderSagaFailed" message is published

  Scenario: A payment that does not match cancels the shopping list before rejecting
    When "Ada" checks out having authorized only 20.00
    Then the create-order saga of "Ada" failed because "ConfirmPayment failed"
    And the create-order saga of "Ada" recorded that "ConfirmPayment" failed because "amount 2500 does not match authorized 2000"
    And the create-order saga of "Ada" went through:
      | step               | outcome   |
      | AuthorizeCustomer  | sent      |
      | AuthorizeCustomer  | succeeded |
      | CreateShoppingList | sent      |
      | CreateShoppingList | succeeded |
      | ConfirmPayment     | sent      |
      | ConfirmPayment     | failed    |
      | CancelShoppingList | sent      |
      | CancelShoppingList | succeeded |
      | RejectOrder        | sent      |
      | RejectOrder        | succeeded |

  Scenario: A customer who cancels an approved order does not reopen the saga
    Given "Ada" checks out
    And the create-order saga of "Ada" succeeded
    When "Ada" cancels their order
    Then the order of "Ada" becomes cancelled
    And the create-order saga of "Ada" succeeded
    And no "CreateOrderSagaFailed" message is published within 0.5 seconds
