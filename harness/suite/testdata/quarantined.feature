@safe
Feature: A feature with a quarantined scenario
  The suite's test runs this against a stand-in system under go test, to
  prove that a quarantined failure fails neither the run nor the test.

  Scenario: A steady scenario
    When I send GET "/healthz" to stores
    Then the response status is 200

  @quarantine
  Scenario: A quarantined scenario that always fails
    When I send GET "/api/broken" to stores
    Then the response status is 200
