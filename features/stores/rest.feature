@stores @api
Feature: The stores REST API answers bad input with problem details
  As an engineer integrating with the stores service
  I want every refusal to be a problem document with a stable type
  So that clients can react to errors without parsing prose

  Scenario: A store without a name is invalid input
    When I send POST "/api/stores" to stores with:
      """
      {"name": "", "location": "Level 1"}
      """
    Then the response status is 400
    And the response is a problem of type "invalid-input"
    And the response field "errors.0.field" is "name"

  Scenario: An unknown store is not found
    When I send GET "/api/stores/no-such-store" to stores
    Then the response status is 404
    And the response is a problem of type "not-found"

  Scenario: A created store can be read back
    Given the variable "name" is "REST Shop {unique}"
    When I send POST "/api/stores" to stores with:
      """
      {"name": "{name}", "location": "Level 3"}
      """
    Then the response status is 201
    And I save the response field "storeId" as "storeId"
    When I send GET "/api/stores/{storeId}" to stores
    Then the response has the fields:
      | field         | value   |
      | name          | {name}  |
      | location      | Level 3 |
      | participating | false   |
    And the "StoreCreated" message has the field "payload.name" equal to "{name}"
