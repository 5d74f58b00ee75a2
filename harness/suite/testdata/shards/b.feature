@safe
Feature: Shards, an outline and a rule
  Each example row of an outline is a scenario of its own, sharded as one.

  Background:
    When I send GET "/healthz" to search

  Scenario Outline: Every context answers
    When I send GET "/healthz" to <context>
    Then the response status is <status>

    Examples: the first
      | context   | status |
      | stores    | 200    |
      # a comment inside the table
      | customers | 200    |
      | baskets   | 200    |

    @extra
    Examples: the second
      | context  | status |
      | ordering | 200    |
      | payments | 200    |

  Rule: a rule's scenarios are sharded too

    Scenario: The echo answers
      When I send POST "/api/echo" to depot with:
        """
        # a line of the body, not a comment
        {"x": 1}
        """
      Then the response status is 200
