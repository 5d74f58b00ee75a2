@safe @stores
Feature: Stores join and leave the mall
  As a mall operator
  I want stores to join the mall before they sell, and to leave it when they stop
  So that customers only buy from stores that take part

  Scenario: A new store joins the mall
    Given a store "Corner Shop" on "Level 1" joins the mall
    Then the store "Corner Shop" is participating
    And a "StoreParticipationEnabled" message is published within 5 seconds

  Scenario: A store that leaves no longer participates
    Given a store "Corner Shop" on "Level 1" joins the mall
    When the store "Corner Shop" leaves the mall
    Then the store "Corner Shop" is not participating
    And these messages are published in order:
      | message                    |
      | StoreCreated               |
      | StoreParticipationEnabled  |
      | StoreParticipationDisabled |

  Scenario: A store that never joined cannot leave
    Given a store "Quiet Shop" on "Level 2" opens but does not join the mall
    When I try to make the store "Quiet Shop" leave the mall
    Then it is refused as a conflict
    And no "StoreParticipationDisabled" message is published within 0.3 seconds
