@notifications
Feature: Customers are texted about their orders
  As a customer of the mall
  I want one SMS when my order is received, ready, cancelled or complete
  So that I know when to come for it, and I am never texted twice about the same thing

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket

  Scenario: The customer is texted once when their order is received
    When "Ada" checks out
    Then "Ada" receives exactly one SMS about their order being created

  Scenario: The customer is texted once when their order is ready, and once when it is complete
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    When a bot picks up and completes the shopping list of "Ada"
    Then "Ada" receives exactly one SMS about their order being ready
    When "Ada" pays the invoice for their order
    Then "Ada" receives exactly one SMS about their order being completed

  Scenario: The customer is texted once when their order is cancelled
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    When "Ada" cancels their order
    Then "Ada" receives exactly one SMS about their order being cancelled

  Scenario: The SMS is sent again until the provider takes it, and reaches the customer once
    Given the SMS provider fails the next 2 SMS to "Ada"
    When "Ada" checks out
    Then "Ada" receives exactly one SMS about their order being created
    And the SMS to "Ada" about their order being created was sent after 3 attempts

  Scenario: An SMS the provider took without answering is not sent again
    Given the SMS provider drops the answer to the next SMS to "Ada"
    When "Ada" checks out
    Then "Ada" receives exactly one SMS about their order being created
    And the SMS to "Ada" about their order being created was sent after 1 attempt

  Scenario: A changed SMS number is used for the orders that follow
    Given "Ada" checks out
    And "Ada" receives exactly one SMS about their order being created
    When the customer "Ada" changes their SMS number
    And notifications has applied the "CustomerSmsNumberChanged" message
    And "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket
    And "Ada" checks out
    Then "Ada" receives exactly one SMS about their order being created
    And "Ada" has received 1 SMS in all at their first SMS number
    And "Ada" has received 1 SMS in all at their new SMS number
