@serial
Feature: Nothing is lost when parts of the mall fail in the middle of checkouts
  As the team that runs the mall
  I want every checkout to end well whatever fails for a moment
  So that a crash costs us seconds, never an order, a payment or a message

  Each phase drives checkouts (the driver plays the bots and pays the
  invoices) while one fault strikes, waits until the mall is quiet again,
  then counts everything the phase produced: every order, shopping list,
  invoice, payment and SMS, every outbox row and every dead letter. The
  phase also publishes one malformed message, which each of its consumers
  must dead-letter. `bin/e2e chaos` runs every fault and prints the counts.

  Scenario Outline: <fault> strikes in the middle of checkouts
    When "<fault>" strikes for 1 second while customers check out 10 times a second
    Then every accepted checkout is approved
    And no order, shopping list, invoice, payment or SMS is duplicated
    And every outbox row is published to the stream exactly once
    And the dead-letter queues hold only the poison message
    And every order's SMS is received

    Examples: the saga's participants crash together
      | fault     |
      | kill-saga |

    @cluster
    Examples: a NATS node is lost (TOPOLOGY=cluster: three nodes, the stream on all three)
      | fault            |
      | nats-node-down   |
      | nats-leader-down |

    @chaos
    Examples: every other fault, in the soak set
      | fault              |
      | kill-baskets       |
      | kill-payments      |
      | kill-notifications |
      | nats-restart       |
      | postgres-fast      |
      | postgres-immediate |
      | sms-failing        |
      | sms-timeouts       |
      | redeliver-3x       |
      | combined           |
