@journey @compensation
Feature: An order that cannot be set up is rejected and leaves nothing behind
  As a customer of the mall
  I want to be told why my order was rejected, and the mall to undo whatever it had started
  So that no bot shops an order that will never be paid and I know what to fix

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Novel" to their basket

  Scenario: A disabled customer's checkout is rejected before any shopping list is made
    Given the mall disables the customer "Ada"
    When "Ada" checks out
    Then the order of "Ada" is rejected because "is disabled"
    And the create-order saga of "Ada" failed
    And no "CreateShoppingList" message is published within 1 second
    And the order of "Ada" has no shopping list
    And the payment of "Ada" is released
    And these messages are published in order:
      | message           |
      | OrderCreated      |
      | AuthorizeCustomer |
      | RejectOrder       |
      | OrderRejected     |
      | PaymentReleased   |

  Scenario: A payment authorized for less than the basket cancels the list, then rejects the order
    When "Ada" checks out having authorized only 30.00
    Then the shopping list of "Ada" is cancelled
    And the order of "Ada" is rejected because "amount 3399 does not match authorized 3000"
    And the create-order saga of "Ada" failed because "ConfirmPayment failed"
    And the shopping list of "Ada" is not offered to bots
    And the payment of "Ada" is released
    And no "InvoiceCreated" message is published within 0.5 seconds
    And these messages are published in order:
      | message            |
      | CreateShoppingList |
      | ConfirmPayment     |
      | CancelShoppingList |
      | RejectOrder        |
      | OrderRejected      |
      | PaymentReleased    |
