@customers
Feature: Customers register with the mall
  As a shopper
  I want to register with my name and an SMS number, and change the number later
  So that the mall knows who I am and can text me about my orders

  Scenario: A newly registered customer may order at once
    Given a customer "Ada" is registered
    Then the customer "Ada" is enabled
    And the customer "Ada" is reached at their first SMS number
    And a "CustomerRegistered" message is published

  Scenario: A customer changes their SMS number
    Given a customer "Ada" is registered
    When the customer "Ada" changes their SMS number
    Then the customer "Ada" is reached at their new SMS number
    And these messages are published in order:
      | message                  |
      | CustomerRegistered       |
      | CustomerSmsNumberChanged |

  Scenario: An SMS number must be international
    When I try to register a customer "Bob" with SMS number "555-0100"
    Then it is refused as invalid input
    And no "CustomerRegistered" message is published within 0.3 seconds

  Scenario: A customer needs a name
    When I try to register a customer without a name
    Then it is refused as invalid input

  Scenario: A changed SMS number must be international too
    Given a customer "Ada" is registered
    When I try to change the SMS number of "Ada" to "0415 555 0123"
    Then it is refused as invalid input
    And the customer "Ada" is reached at their first SMS number
