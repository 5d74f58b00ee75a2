@ordering @api
Feature: The ordering REST API answers bad input with problem details
  As an engineer integrating with the ordering service
  I want lookups and cancellations it cannot serve to be problem documents
  So that clients can tell a wrong question from a missing order

  Scenario: Listing orders needs a basket or a customer
    When I send GET "/api/orders" to ordering
    Then the response status is 400
    And the response is a problem of type "invalid-input"

  Scenario: An unknown order is not found
    When I send GET "/api/orders/no-such-order" to ordering
    Then the response status is 404
    And the response is a problem of type "not-found"

  Scenario: A cancellation with a field the API does not know is refused
    When I send POST "/api/orders/no-such-order/cancel" to ordering with:
      """
      {"reason": "changed my mind", "refund": true}
      """
    Then the response status is 400
    And the response is a problem of type "invalid-input"

  Scenario: A customer without orders has an empty list
    When I send GET "/api/orders?customerId=nobody-{unique}" to ordering
    Then the response status is 200
    And the response field "orders.#" is 0

  Scenario: Listing the orders of an empty customer id names that field
    When I send GET "/api/orders?customerId=" to ordering
    Then the response status is 400
    And the response is a problem of type "invalid-input"
    And the response field "errors.0.field" is "customerId"
