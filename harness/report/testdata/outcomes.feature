Feature: Every way a scenario ends
  The JUnit report's test runs this with steps of its own, one for each
  way a step ends, and checks the report against the Jenkins JUnit schema.

  Scenario: A scenario that passes
    Given a step that passes

  Scenario: A scenario that fails
    Given a step that passes
    When a step that fails
    Then a step that passes

  Scenario: A scenario that fails, then meets a step nobody wrote
    Given a step that fails
    Then a step nobody wrote

  Scenario: A scenario with a step nobody wrote
    Given a step nobody wrote
    Then a step that passes

  Scenario: A scenario with a pending step
    Given a step that is pending

  Scenario: A scenario with an ambiguous step
    Given a step that two definitions match

  Scenario: A scenario that skips itself
    Given a step that passes
    When a step that skips the scenario
    Then a step that passes

  Scenario: A scenario that panics
    Given a step that panics

  Scenario Outline: An outline whose examples share its name
    Given a step that <does>

    Examples:
      | does   |
      | passes |
      | fails  |

  Scenario: A name with "quotes", <markup> & an ampersand
    Given a step that passes
