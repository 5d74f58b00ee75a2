@baskets
Feature: Only what the mall sells goes into a basket
  As a mall operator
  I want baskets to refuse products that are no longer for sale
  So that no order is placed for something nobody will sell

  Background:
    Given a customer "Ada" is registered
    And "Ada" starts a basket

  Scenario: A store that never joined the mall sells nothing
    Given a store "Quiet Shop" on "Level 2" opens but does not join the mall
    And the store "Quiet Shop" sells "Lamp" for 20.00
    When "Ada" tries to add 1 "Lamp" to their basket
    Then it is refused as a conflict
    And the basket of "Ada" totals 0.00

  Scenario: A store sells as soon as it joins the mall
    Given a store "Late Shop" on "Level 3" joins the mall
    And the store "Late Shop" sells "Tea" for 4.50
    When "Ada" adds 2 "Tea" to their basket
    Then the basket of "Ada" holds 2 "Tea" at 4.50

  Scenario: A product removed from the catalogue can no longer be added
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    When the product "Hammer" is removed from the catalogue
    Then "Ada" can no longer add "Hammer" to their basket
    And it is refused as a conflict

  Scenario: A store that leaves the mall no longer sells through baskets
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    When the store "Corner Shop" leaves the mall
    Then "Ada" can no longer add "Hammer" to their basket
    And it is refused as a conflict
