@safe
Feature: Shards, the first feature
  The suite's sharding test runs these features in one run and as three
  shards against a stand-in system, and checks that the merged reports
  equal the one run's.

  Scenario: The stores answer
    When I send GET "/healthz" to stores
    Then the response status is 200

  # a comment between scenarios stays where it is
  Scenario: The baskets answer
    When I send GET "/healthz" to baskets
    Then the response status is 200

  @quarantine
  Scenario: A quarantined scenario that always fails
    When I send GET "/api/broken" to stores
    Then the response status is 200
