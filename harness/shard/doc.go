// Package shard splits a run's scenarios into n shards and merges the
// shards' reports back into the reports of one run.
//
// Split assigns every selected scenario (a scenario, or one example row of
// a scenario outline) to exactly one shard, the same way on every machine:
// scenarios sorted by feature URI and line, then placed heaviest first on
// the shard with the least work so far (longest processing time first),
// weighed by their durations in an earlier run's cucumber JSON when given,
// else all alike, which is round robin in that order.
//
// A shard's run writes a Manifest (shard.json) beside its reports; Check
// refuses shards that do not make one whole run: a shard missing or given
// twice, shards of different selections, splits, runtimes or topologies, a
// scenario in two shards or in none. MergeCucumber and MergeInteractions
// combine the reports; the suite renders JUnit and the living documentation
// from the result as a run does.
//
// The merged reports equal those of one unsharded run of the same selection
// on the same system except for:
//   - timings: steps' durations (cucumber result.duration), JUnit time
//     attributes, interactions' at and durationMs, the run line's start
//     time, and durations and clock times in text (failure messages, the
//     living documentation);
//   - run-specific ids: each scenario's correlation id, and what differs
//     between any two runs, sharded or not: ids and unique names the system
//     or the steps generate, and the environment's addresses (ports) in
//     failure messages;
//   - on a real system, which traffic a scenario's diagram shows (the
//     interactions sidecar and the page's sequence diagrams): a scenario's
//     messages are recorded until its last step ends, so one published
//     later (an event no step awaited) is drawn in some runs and not in
//     others, and calls and messages close in time may swap places. Where
//     the traffic does not race (the stand-in of the suite's test), the
//     diagrams are equal too.
//
// Features come ordered as godog orders them (by name, then by URI where
// two share a name), each feature's scenarios by line.
package shard
