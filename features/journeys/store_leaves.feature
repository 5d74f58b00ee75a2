@journey @store-leaves
Feature: A store that leaves the mall stops selling
  As a mall operator
  I want a store that leaves the mall to stop taking orders at once
  So that customers do not order what nobody will hand over

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered

  Scenario: Products of a store that left cannot be added, the other stores still sell
    Given "Ada" starts a basket
    And "Ada" adds 1 "Novel" to their basket
    When the store "Corner Shop" leaves the mall
    Then the store "Corner Shop" is not participating
    And "Ada" can no longer add "Hammer" to their basket
    And it is refused as a conflict
    When "Ada" adds 1 "Novel" to their basket
    And "Ada" checks out
    Then the order of "Ada" becomes approved
    And the order of "Ada" is for 17.98
    And the shopping list of "Ada" visits "Book Nook" at "Level 2"
    And the shopping list of "Ada" does not visit "Corner Shop"
