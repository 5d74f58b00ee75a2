@safe @stores
Feature: A store's catalogue
  As a store owner
  I want to list my products with their prices and keep them up to date
  So that customers see what I sell at the right price

  Background:
    Given a store "Corner Shop" on "Level 1" joins the mall

  Scenario: Products appear in the catalogue with their prices
    When the store "Corner Shop" sells "Hammer" for 12.50
    And the store "Corner Shop" sells "Nails" for 3.99
    Then the catalogue of "Corner Shop" lists:
      | product | price |
      | Hammer  | 12.50 |
      | Nails   | 3.99  |

  Scenario: Prices go up and down
    Given the store "Corner Shop" sells "Hammer" for 12.50
    When the price of "Hammer" goes up by 2.50
    And the price of "Hammer" goes down by 1.00
    Then the catalogue of "Corner Shop" lists:
      | product | price |
      | Hammer  | 14.00 |

  Scenario: A price can never drop to zero
    Given the store "Corner Shop" sells "Hammer" for 12.50
    When I try to lower the price of "Hammer" by 12.50
    Then it is refused as a conflict
    And the catalogue of "Corner Shop" lists:
      | product | price |
      | Hammer  | 12.50 |

  Scenario: A product without a price is refused
    When I try to add "Ghost" for 0 to the store "Corner Shop"
    Then it is refused as invalid input

  Scenario: A removed product leaves the catalogue
    Given the store "Corner Shop" sells "Hammer" for 12.50
    When the product "Hammer" is removed from the catalogue
    Then the catalogue of "Corner Shop" lists:
      | product | price |
    And a "ProductRemoved" message is published within 5 seconds
