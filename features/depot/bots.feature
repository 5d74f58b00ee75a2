@depot
Feature: Bots take and shop the available lists
  As the depot manager
  I want each available list shopped by exactly one registered bot, which alone may say it is done
  So that no order is shopped twice and no cancelled order is shopped at all

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket
    And "Ada" checks out
    And the order of "Ada" becomes approved
    And a bot "Robbie" is registered
    And a bot "Marvin" is registered

  Scenario: A bot takes a list and completes it, and the order is ready
    When the bot "Robbie" takes the shopping list of "Ada"
    Then the shopping list of "Ada" is assigned to "Robbie"
    And the shopping list of "Ada" is not offered to bots
    When the bot "Robbie" completes the shopping list of "Ada"
    Then the shopping list of "Ada" is completed
    And the order of "Ada" becomes ready

  Scenario: Two bots cannot take the same list
    Given the bot "Robbie" takes the shopping list of "Ada"
    When the bot "Marvin" tries to take the shopping list of "Ada"
    Then it is refused as a conflict
    And the shopping list of "Ada" is assigned to "Robbie"

  Scenario: Only the bot that took a list completes it
    Given the bot "Robbie" takes the shopping list of "Ada"
    When the bot "Marvin" tries to complete the shopping list of "Ada"
    Then it is refused as a conflict
    And the shopping list of "Ada" is assigned to "Robbie"

  Scenario: A list must be taken before it is completed
    When the bot "Robbie" tries to complete the shopping list of "Ada"
    Then it is refused as a conflict
    And the shopping list of "Ada" is available

  Scenario: A bot cannot take the list of a cancelled order
    Given "Ada" cancels their order
    And the shopping list of "Ada" is cancelled
    When the bot "Robbie" tries to take the shopping list of "Ada"
    Then it is refused as a conflict

  Scenario: A bot cannot finish a list whose order was cancelled while it shopped
    Given the bot "Robbie" takes the shopping list of "Ada"
    And "Ada" cancels their order
    And the shopping list of "Ada" is cancelled
    When the bot "Robbie" tries to complete the shopping list of "Ada"
    Then it is refused as a conflict
    And no "OrderReadied" message is published within 0.3 seconds

  Scenario: A bot nobody registered cannot take a list
    When a bot nobody registered tries to take the shopping list of "Ada"
    Then it is refused as not found

  Scenario: A list that does not exist cannot be taken
    When the bot "Robbie" tries to take a shopping list that does not exist
    Then it is refused as not found

  Scenario: A bot needs a name
    When I try to register a bot without a name
    Then it is refused as invalid input
