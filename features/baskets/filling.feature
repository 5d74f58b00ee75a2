@baskets
Feature: Customers fill a basket from the mall's stores
  As a customer
  I want to put products from any participating store into one basket and change my mind
  So that I can buy everything I need in one order at the prices the stores ask

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And the store "Corner Shop" sells "Nails" for 3.99
    And a customer "Ada" is registered
    And "Ada" starts a basket

  Scenario: Adding a product again adds to its quantity
    When "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Hammer" to their basket
    And "Ada" adds 4 "Nails" to their basket
    Then the basket of "Ada" holds 3 "Hammer" at 12.50
    And the basket of "Ada" holds 4 "Nails" at 3.99
    And the basket of "Ada" totals 53.46
    And the basket of "Ada" is open

  Scenario: A removed line leaves the basket and its total
    Given "Ada" adds 2 "Hammer" to their basket
    And "Ada" adds 1 "Nails" to their basket
    When "Ada" removes "Hammer" from their basket
    Then the basket of "Ada" does not hold "Hammer"
    And the basket of "Ada" totals 3.99

  Scenario: One basket holds products from several stores
    Given a store "Book Nook" on "Level 2" joins the mall
    And the store "Book Nook" sells "Novel" for 8.99
    When "Ada" adds 1 "Hammer" to their basket
    And "Ada" adds 2 "Novel" to their basket
    Then the basket of "Ada" holds 2 "Novel" at 8.99
    And the basket of "Ada" totals 30.48

  Scenario: A product renamed and repriced goes into the next basket as the store now sells it
    Given a customer "Bob" is registered
    And "Bob" starts a basket
    And "Bob" adds 1 "Hammer" to their basket
    When the product "Hammer" is rebranded as "Mallet"
    And the price of "Mallet" goes up by 2.50
    And "Ada" adds 2 "Mallet" to their basket
    Then the basket of "Ada" holds 2 "Mallet" at 15.00

  Scenario: A line holds at most ten thousand of a product
    Given "Ada" adds 6000 "Nails" to their basket
    When "Ada" tries to add 5000 "Nails" to their basket
    Then it is refused as a conflict
    And the basket of "Ada" holds 6000 "Nails" at 3.99

  Scenario Outline: A quantity must be between one and ten thousand
    When "Ada" tries to add <quantity> "Hammer" to their basket
    Then it is refused as invalid input
    And the basket of "Ada" totals 0.00

    Examples:
      | quantity |
      | 0        |
      | -2       |
      | 10001    |

  Scenario: Removing a product that is not in the basket is not found
    Given "Ada" adds 1 "Hammer" to their basket
    When "Ada" tries to remove "Nails" from their basket
    Then it is refused as not found

  Scenario: A product no store sells is not found
    When "Ada" tries to add a product no store sells to their basket
    Then it is refused as not found
