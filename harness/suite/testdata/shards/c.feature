Feature: Shards, tags that select
  Only scenarios tagged @safe run on the remote runtime: the others are
  not part of the selection, and no shard runs them.

  @safe
  Scenario: The notifications answer
    When I send GET "/healthz" to notifications
    Then the response status is 200

  Scenario: Not selected on the remote runtime
    When I send GET "/healthz" to cosec
    Then the response status is 200

  @safe
  Scenario: The payments answer
    When I send GET "/healthz" to payments
    Then the response status is 200
