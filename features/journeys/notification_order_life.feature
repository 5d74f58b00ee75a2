@journey @sms
Feature: A customer hears from the mall at each turn of their order
  As a customer of the mall
  I want a text when my order is received, when it is ready for pickup and when it is done, or when it is cancelled
  So that I come to the mall at the right time and know where each order stands

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Novel" to their basket

  Scenario: An order picked up and paid for is texted about when received, ready and complete
    When "Ada" checks out
    Then "Ada" receives exactly one SMS about their order being created
    When a bot picks up and completes the shopping list of "Ada"
    Then the order of "Ada" becomes ready
    And "Ada" receives exactly one SMS about their order being ready
    When "Ada" pays the invoice for their order
    Then the order of "Ada" becomes completed
    And "Ada" receives these SMS about their order, in this order:
      | order     |
      | created   |
      | ready     |
      | completed |
    And the notifications of "Ada" about their order are:
      | order     | status | attempts |
      | created   | sent   | 1        |
      | ready     | sent   | 1        |
      | completed | sent   | 1        |
    And "Ada" has received 3 SMS in all at their first SMS number

  Scenario: A cancelled order is texted about when received and when cancelled, and never as ready
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    When "Ada" cancels their order because "found it cheaper"
    Then the order of "Ada" is cancelled because "found it cheaper"
    And "Ada" receives these SMS about their order, in this order:
      | order     |
      | created   |
      | cancelled |
    And the notifications of "Ada" about their order are:
      | order     | status | attempts |
      | created   | sent   | 1        |
      | cancelled | sent   | 1        |

  Scenario: An order is texted about once at each turn though the provider stumbles
    Given the SMS provider fails the next SMS to "Ada"
    When "Ada" checks out
    Then "Ada" receives exactly one SMS about their order being created
    When the SMS provider drops the answer to the next SMS to "Ada"
    And a bot picks up and completes the shopping list of "Ada"
    Then "Ada" receives exactly one SMS about their order being ready
    When "Ada" pays the invoice for their order
    Then "Ada" receives these SMS about their order, in this order:
      | order     |
      | created   |
      | ready     |
      | completed |
    And the notifications of "Ada" about their order are:
      | order     | status | attempts |
      | created   | sent   | 2        |
      | ready     | sent   | 1        |
      | completed | sent   | 1        |
