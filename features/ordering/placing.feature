@ordering
Feature: A checkout becomes an order
  As a customer
  I want every checkout to become exactly one order with what my basket held
  So that the mall shops, bills and hands over what I chose

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And the store "Corner Shop" sells "Nails" for 3.99
    And a customer "Ada" is registered

  Scenario: An order is placed for the basket's items and total, then approved
    Given "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Nails" to their basket
    When "Ada" checks out
    Then the order of "Ada" becomes approved
    And the order of "Ada" is for 28.99
    And these messages are published in order:
      | message          |
      | BasketCheckedOut |
      | OrderCreated     |
      | OrderApproved    |

  Scenario: Each checkout is its own order
    Given "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket
    And "Ada" checks out
    And the order of "Ada" becomes approved
    When "Ada" starts a basket
    And "Ada" adds 3 "Nails" to their basket
    And "Ada" checks out
    Then the order of "Ada" becomes approved
    And the order of "Ada" is for 11.97
    And "Ada" has 2 orders

  Scenario: A disabled customer's order is rejected
    Given "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket
    And the mall disables the customer "Ada"
    When "Ada" checks out
    Then the order of "Ada" is rejected because "is disabled"
    And no "OrderApproved" message is published within 0.5 seconds
