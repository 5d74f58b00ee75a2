@payments @api
Feature: The payments REST API answers bad input with problem details
  As an engineer integrating with the payments service
  I want requests it cannot serve to be problem documents with a stable type
  So that a till or an app can react without parsing prose

  Scenario: An authorization without an amount names the field
    When I send POST "/api/payments" to payments with:
      """
      {"customerId": "customer-{unique}"}
      """
    Then the response status is 400
    And the response is a problem of type "invalid-input"

  Scenario: An authorization is read back
    Given I send POST "/api/customers" to customers with:
      """
      {"name": "Ada {unique}", "smsNumber": "+14155550123"}
      """
    And I save the response field "customerId" as "customerId"
    When I send POST "/api/payments" to payments with:
      """
      {"customerId": "{customerId}", "amountCents": 1999}
      """
    Then the response status is 201
    And I save the response field "paymentId" as "paymentId"
    When I send GET "/api/payments/{paymentId}" to payments
    Then the response has the fields:
      | field       | value          |
      | customerId  | {customerId}   |
      | status      | authorized     |
    And the response field "amountCents" is 1999

  Scenario: An authorization for a customer nobody registered is not found
    When I send POST "/api/payments" to payments with:
      """
      {"customerId": "0195f7a4-0000-7000-8000-000000000404", "amountCents": 1999}
      """
    Then the response status is 404
    And the response is a problem of type "not-found"

  Scenario: Listing invoices needs an order
    When I send GET "/api/invoices" to payments
    Then the response status is 400
    And the response is a problem of type "invalid-input"

  Scenario: An unknown invoice is not found
    When I send GET "/api/invoices/no-such-invoice" to payments
    Then the response status is 404
    And the response is a problem of type "not-found"
