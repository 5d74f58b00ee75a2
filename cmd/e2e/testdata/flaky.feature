@safe @harness-self-test
Feature: A deliberately flaky feature
  The harness's own tests run this against a stand-in system whose
  /api/flaky fails every second call, to prove that a repeated run counts
  each scenario's passes and failures, keeps the first failure's evidence
  and fails, and that a quarantined scenario is reported without failing
  the run.

  Scenario: A steady scenario
    When I send GET "/healthz" to stores
    Then the response status is 200

  @alternating
  Scenario: A scenario that fails on every second run
    When I send GET "/api/flaky" to stores
    Then the response status is 200

  @quarantine
  Scenario: A quarantined scenario that always fails
    When I send GET "/api/broken" to stores
    Then the response status is 200
