@ordering
Feature: Customers cancel orders until they are shopped
  As a customer
  I want to cancel an order I no longer want, as long as the bots have not shopped it
  So that I do not pay for something I changed my mind about, and the mall wastes no work

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket

  Scenario: An approved order is cancelled with the customer's reason
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    When "Ada" cancels their order because "found it cheaper"
    Then the order of "Ada" is cancelled because "found it cheaper"
    And the "OrderCanceled" message has the field "payload.reason" equal to "found it cheaper"

  Scenario: An order cannot be cancelled twice
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    And "Ada" cancels their order
    When "Ada" tries to cancel their order
    Then it is refused as a conflict

  Scenario: A ready order is being picked up and cannot be cancelled
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    And a bot picks up and completes the shopping list of "Ada"
    And the order of "Ada" becomes ready
    When "Ada" tries to cancel their order
    Then it is refused as a conflict
    And the order of "Ada" becomes ready
    And no "OrderCanceled" message is published within 0.3 seconds

  Scenario: A completed order cannot be cancelled
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    And a bot picks up and completes the shopping list of "Ada"
    And "Ada" pays the invoice for their order
    And the order of "Ada" becomes completed
    When "Ada" tries to cancel their order
    Then it is refused as a conflict
    And the order of "Ada" becomes completed

  Scenario: A rejected order cannot be cancelled
    Given the mall disables the customer "Ada"
    And "Ada" checks out
    And the order of "Ada" becomes rejected
    When "Ada" tries to cancel their order
    Then it is refused as a conflict

  Scenario: An order nobody placed cannot be cancelled
    When I try to cancel an order that was never placed
    Then it is refused as not found
