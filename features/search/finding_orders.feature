@search
Feature: The mall finds orders by customer, store and status
  As a member of the mall's service desk
  I want to find orders by who placed them, which stores they visit and how far they are
  So that I can answer a customer or a store about an order with the names they know

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Novel" to their basket

  Scenario: An order is found with the names of its customer, stores and products
    When "Ada" checks out
    Then a search for the orders of "Ada" finds 1 order
    And search shows the order of "Ada" with:
      | customer | store       | product | quantity | price |
      | Ada      | Corner Shop | Hammer  | 2        | 12.50 |
      | Ada      | Book Nook   | Novel   | 1        | 8.99  |

  Scenario: An order is found at every store it visits, and at no other
    Given a store "Quiet Shop" on "Level 3" joins the mall
    When "Ada" checks out
    Then a search for orders at "Corner Shop" finds the order of "Ada"
    And a search for orders at "Book Nook" finds the order of "Ada"
    And a search for orders at "Quiet Shop" does not find the order of "Ada"

  Scenario: An order is found under its status, and follows it as it changes
    When "Ada" checks out
    Then search shows the order of "Ada" as approved
    And a search for approved orders finds the order of "Ada"
    And a search for ready orders at "Corner Shop" does not find the order of "Ada"
    When a bot picks up and completes the shopping list of "Ada"
    Then search shows the order of "Ada" as ready
    And a search for ready orders at "Corner Shop" finds the order of "Ada"
    And a search for approved orders at "Corner Shop" does not find the order of "Ada"

  Scenario: A cancelled order shows as cancelled
    Given "Ada" checks out
    And the order of "Ada" becomes approved
    When "Ada" cancels their order
    Then search shows the order of "Ada" as cancelled
    And a search for cancelled orders at "Book Nook" finds the order of "Ada"

  Scenario: Each of a customer's orders is found
    Given "Ada" checks out
    And "Ada" starts a basket
    And "Ada" adds 1 "Novel" to their basket
    When "Ada" checks out
    Then a search for the orders of "Ada" finds 2 orders

  Scenario: A status no order can have is refused
    When I try to search for orders with the status "lost"
    Then it is refused as invalid input

  Scenario: A search for more orders than a page holds is refused
    When I try to search for 501 orders at once
    Then it is refused as invalid input
