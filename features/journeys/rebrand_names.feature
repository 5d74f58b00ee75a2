@journey @rebrand
Feature: New store and product names show wherever the mall shows them
  As a store owner
  I want a new name for my store or a product to replace the old one for customers and the mall
  So that nobody looks for a name I no longer use, not even on orders placed before the change

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Novel" to their basket
    And "Ada" checks out
    And the order of "Ada" becomes approved

  Scenario: A rebranded product shows its new name on an earlier order and in the baskets that follow
    Given search shows the order of "Ada" with:
      | customer | store       | product | quantity |
      | Ada      | Corner Shop | Hammer  | 2        |
      | Ada      | Book Nook   | Novel   | 1        |
    When the product "Hammer" is rebranded as "Mallet"
    Then search shows the order of "Ada" with:
      | customer | store       | product | quantity |
      | Ada      | Corner Shop | Mallet  | 2        |
      | Ada      | Book Nook   | Novel   | 1        |
    When a bot picks up and completes the shopping list of "Ada"
    Then search shows the order of "Ada" as ready
    When "Ada" starts a basket
    And "Ada" adds 3 "Mallet" to their basket
    Then the basket of "Ada" holds 3 "Mallet" at 12.50
    And the basket of "Ada" does not hold "Hammer"
    When "Ada" checks out
    Then search shows the order of "Ada" with:
      | store       | product | quantity |
      | Corner Shop | Mallet  | 3        |
    And a search for the orders of "Ada" finds 2 orders

  Scenario: A rebranded store shows its new name on its orders and finds them
    When the store "Corner Shop" is rebranded as "Big Shop"
    Then search shows the order of "Ada" with:
      | store     | product |
      | Big Shop  | Hammer  |
      | Book Nook | Novel   |
    And a search for orders at "Big Shop" finds the order of "Ada"
    When a bot picks up and completes the shopping list of "Ada"
    Then search shows the order of "Ada" as ready
    And a search for ready orders at "Big Shop" finds the order of "Ada"
