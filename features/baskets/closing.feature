@baskets
Feature: A basket is closed by checking out or cancelling
  As a customer
  I want to check my basket out with a payment, or abandon it
  So that I order exactly once what I meant to, and nothing I gave up on

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    And "Ada" starts a basket

  Scenario: A checked-out basket is closed and announced with everything in it
    Given "Ada" adds 2 "Hammer" to their basket
    When "Ada" checks out
    Then the basket of "Ada" is checked_out
    And the "BasketCheckedOut" message has the field "payload.totalCents" equal to "2500"
    And the "BasketCheckedOut" message has the field "payload.items.0.quantity" equal to "2"

  Scenario: An empty basket cannot check out
    When "Ada" tries to check out
    Then it is refused as a conflict
    And the basket of "Ada" is open
    And no "BasketCheckedOut" message is published within 0.3 seconds

  Scenario: A basket checks out only once
    Given "Ada" adds 1 "Hammer" to their basket
    And "Ada" checks out
    When "Ada" tries to check out
    Then it is refused as a conflict
    And "Ada" has 1 order

  Scenario: A cancelled basket does not change
    Given "Ada" adds 1 "Hammer" to their basket
    When "Ada" cancels their basket
    Then the basket of "Ada" is canceled
    When "Ada" tries to add 1 "Hammer" to their basket
    Then it is refused as a conflict
    And the basket of "Ada" holds 1 "Hammer" at 12.50

  Scenario: A cancelled basket cannot be checked out
    Given "Ada" adds 1 "Hammer" to their basket
    And "Ada" cancels their basket
    When "Ada" tries to check out
    Then it is refused as a conflict
    And no "OrderCreated" message is published within 0.5 seconds
