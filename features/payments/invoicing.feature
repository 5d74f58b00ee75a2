@payments
Feature: Customers pay an invoice at pickup
  As a customer
  I want an invoice for exactly what I ordered once my order is ready, and to pay it once
  So that I pay at pickup for what the bots shopped, and never twice

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket
    And "Ada" adds 2 "Novel" to their basket
    And "Ada" checks out
    And the order of "Ada" becomes approved

  Scenario: An approved order is not invoiced before it is ready
    Then no "InvoiceCreated" message is published within 0.5 seconds
    And the order of "Ada" has no invoice

  Scenario: A ready order gets an open invoice for its total
    When a bot picks up and completes the shopping list of "Ada"
    Then the order of "Ada" becomes ready
    And the invoice of "Ada" is for 30.48
    And the invoice of "Ada" is open

  Scenario: Paying the invoice completes the order
    Given a bot picks up and completes the shopping list of "Ada"
    When "Ada" pays the invoice for their order
    Then the invoice of "Ada" is paid
    And the order of "Ada" becomes completed

  Scenario: An invoice is paid only once
    Given a bot picks up and completes the shopping list of "Ada"
    And "Ada" pays the invoice for their order
    When "Ada" tries to pay the invoice for their order again
    Then it is refused as a conflict
    And the invoice of "Ada" is paid

  Scenario: An invoice nobody opened cannot be paid
    When I try to pay an invoice that was never opened
    Then it is refused as not found
