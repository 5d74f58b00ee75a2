@harness-self-test
Feature: The living documentation of a run
  The suite's own test runs this to check that a run draws what its
  scenarios did: the HTTP calls of their steps and the messages that followed.

  Scenario: A store joins the mall
    Given a store "Corner Shop" on "Level 1" joins the mall
    Then a "StoreParticipationEnabled" message is published within 5 seconds
