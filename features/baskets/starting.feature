@baskets
Feature: A basket is started for a registered customer
  As the mall
  I want baskets only for customers who registered, even one who registered a moment ago
  So that every basket, and the order it becomes, belongs to someone the mall can reach

  Scenario: A customer registered a moment ago starts a basket at once
    Given a customer "Ada" is registered
    When "Ada" starts a basket
    Then the basket of "Ada" is open
    And a "BasketStarted" message is published

  Scenario: A customer who was never registered cannot start a basket
    When I try to start a basket for a customer who was never registered
    Then it is refused as not found
    And no "BasketStarted" message is published within 0.3 seconds
