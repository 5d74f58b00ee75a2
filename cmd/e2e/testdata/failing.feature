@deliberately-failing
Feature: A deliberately failing feature
  The harness's own test runs this to prove that a failing scenario fails the
  run and that the failure explains itself.

  Scenario: A store that never joined is expected to participate
    Given a store "Quiet Shop" on "Level 2" opens but does not join the mall
    Then a "StoreParticipationEnabled" message is published within 0.5 seconds
