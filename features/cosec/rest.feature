@cosec @api
Feature: The saga's state can be read for diagnosis, never changed
  As an engineer on call
  I want to read a create-order saga by its order, and nothing else
  So that I can diagnose a stuck or rejected order without being able to disturb it

  Scenario: An order that was never placed has no saga
    When I send GET "/api/sagas/no-such-order" to cosec
    Then the response status is 404
    And the response is a problem of type "not-found"

  Scenario: Sagas cannot be listed
    When I send GET "/api/sagas" to cosec
    Then the response status is 404
    And the response is a problem of type "not-found"

  Scenario: A saga cannot be created or changed over REST
    When I send POST "/api/sagas/no-such-order" to cosec with:
      """
      {"orderId": "no-such-order"}
      """
    Then the response status is 405
    And the response is a problem of type "method-not-allowed"
