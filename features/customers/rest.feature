@customers @api
Feature: The customers REST API answers bad input with problem details
  As an engineer integrating with the customers service
  I want every refusal to be a problem document naming what is wrong
  So that a client can show the customer which field to fix

  Scenario: A registration without name or number names both fields
    When I send POST "/api/customers" to customers with:
      """
      {"name": "", "smsNumber": ""}
      """
    Then the response status is 400
    And the response is a problem of type "invalid-input"
    And the response field "errors.#" is 2
    And the response field "errors.0.field" is "name"
    And the response field "errors.1.field" is "smsNumber"

  Scenario: An unknown customer is not found
    When I send GET "/api/customers/no-such-customer" to customers
    Then the response status is 404
    And the response is a problem of type "not-found"

  Scenario: A registration with a field the API does not know is refused
    When I send POST "/api/customers" to customers with:
      """
      {"name": "Ann", "smsNumber": "+14155550104", "vip": true}
      """
    Then the response status is 400
    And the response is a problem of type "invalid-input"

  Scenario: Malformed JSON is invalid input, never a server error
    When I send POST "/api/customers" to customers with:
      """
      {"name": "Ann", "smsNumber":
      """
    Then the response status is 400
    And the response is a problem of type "invalid-input"
