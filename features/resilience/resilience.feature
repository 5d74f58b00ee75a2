@resilience
Feature: Nothing is lost when parts of the system fail
  As the team that runs the mall
  I want messages to survive a broker outage, a service restart and a poison message
  So that no customer's order silently disappears

  Scenario: A malformed event ends in the dead-letter queues and the mall carries on
    When a malformed "StoreCreated" event is published by stores
    Then the malformed event ends in the dead-letter queue of "baskets-stores"
    And the malformed event ends in the dead-letter queue of "depot-stores"
    And the malformed event ends in the dead-letter queue of "search-stores"
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    When "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket
    Then the basket of "Ada" totals 12.50

  @serial
  Scenario: A store created while the broker is down is announced once it returns
    Given the message broker goes down
    When a store "Night Shop" on "Level 0" opens but does not join the mall
    And the message broker comes back
    Then exactly one "StoreCreated" message is published

  @serial
  Scenario: An order placed while ordering is down is created when it comes back
    Given a store "Corner Shop" on "Level 1" joins the mall
    And the store "Corner Shop" sells "Hammer" for 12.50
    And a customer "Ada" is registered
    And "Ada" starts a basket
    And "Ada" adds 1 "Hammer" to their basket
    And the ordering service stops
    When "Ada" checks out
    Then no "OrderCreated" message is published within 0.5 seconds
    When the ordering service starts again
    Then the order of "Ada" becomes approved
