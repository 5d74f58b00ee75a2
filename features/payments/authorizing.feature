@payments
Feature: A payment is authorized at checkout and confirmed for the order
  As the mall's finance team
  I want every order to be backed by a payment authorized for exactly its total
  So that the mall is never left with goods nobody will pay for

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket

  Scenario: The payment authorized at checkout is confirmed for the order
    When "Ada" checks out
    Then the order of "Ada" becomes approved
    And the payment of "Ada" is for 25.00
    And the payment of "Ada" is confirmed
    And a "PaymentAuthorized" message is published
    And these messages are published in order:
      | message          |
      | BasketCheckedOut |
      | ConfirmPayment   |
      | PaymentConfirmed |

  Scenario: A payment for less than the order is never confirmed, and is released with the order
    When "Ada" checks out having authorized only 20.00
    Then the order of "Ada" is rejected because "does not match"
    And the payment of "Ada" is released
    And no "PaymentConfirmed" message is published within 0.5 seconds
    And these messages are published in order:
      | message         |
      | OrderRejected   |
      | PaymentReleased |

  Scenario: The payment of an order the customer cancels is released
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    And the payment of "Ada" is confirmed
    When "Ada" cancels their order
    Then the order of "Ada" becomes cancelled
    And the payment of "Ada" is released
    And these messages are published in order:
      | message          |
      | PaymentConfirmed |
      | OrderCanceled    |
      | PaymentReleased  |

  Scenario Outline: A payment must be for a positive amount
    When I try to authorize a payment of <amount> for "Ada"
    Then it is refused as invalid input
    And no "PaymentAuthorized" message is published within 0.3 seconds

    Examples:
      | amount |
      | 0.00   |
      | -5.00  |

  Scenario: A customer who was never registered cannot authorize a payment
    When I try to authorize a payment of 25.00 for a customer who was never registered
    Then it is refused as not found
    And no "PaymentAuthorized" message is published within 0.3 seconds
