@harness-self-test
Feature: A passing feature for the harness's own tests

  Scenario: A store joins the mall
    Given a store "Corner Shop" on "Level 1" joins the mall
    Then a "StoreParticipationEnabled" message is published within 5 seconds
