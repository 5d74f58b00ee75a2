@customers
Feature: The mall enables and disables customers
  As a mall operator
  I want to stop a customer from ordering, and let them order again later
  So that abusive or unpaid accounts cannot place orders

  Background:
    Given a customer "Ada" is registered

  Scenario: A disabled customer is enabled again
    When the mall disables the customer "Ada"
    Then the customer "Ada" is disabled
    When the mall enables the customer "Ada" again
    Then the customer "Ada" is enabled
    And these messages are published in order:
      | message            |
      | CustomerRegistered |
      | CustomerDisabled   |
      | CustomerEnabled    |

  Scenario: Disabling a disabled customer is a conflict
    Given the mall disables the customer "Ada"
    When I try to disable the customer "Ada" again
    Then it is refused as a conflict
    And the customer "Ada" is disabled

  Scenario: Enabling an enabled customer is a conflict
    When I try to enable the customer "Ada" again
    Then it is refused as a conflict
    And no "CustomerEnabled" message is published within 0.3 seconds

  Scenario: A customer nobody registered cannot be disabled
    When I try to disable a customer who was never registered
    Then it is refused as not found
