// Package loadreport presents a load.Result: WriteTable prints the summary a
// developer reads at the end of a run, WriteHTML writes one self-contained
// page with the same tables and plots (latency over time, a histogram per
// stage, where an order's time goes between its messages, memory and CPU
// over time), and Compare judges a run against a baseline run.
//
// The hops (the time from one message of an order to the next one) come
// slowest first: the table lists the first few, the page lists them all,
// each with a bar to the scale of the slowest p50.
//
// # Comparing with a baseline
//
// Compare looks at these figures and judges each one against a Tolerance:
//
//   - Latency: the p50, p90 and p99 of every stage both runs reached. A
//     figure regressed when current > baseline × (1 + Latency) and
//     current − baseline > LatencyFloorMs; the floor is an absolute slack so
//     that 2 ms becoming 4 ms is noise, not a regression. It is better when
//     it dropped by as much, under the same two conditions.
//   - Throughput: orders per second of every stage the baseline reached. It
//     regressed when current < baseline × (1 − Throughput) (a stage the
//     current run never reached counts as 0/s), better when current >
//     baseline × (1 + Throughput).
//   - Memory: the peak total memory and each component's peak memory, when
//     both runs measured it. It regressed when current > baseline × (1 +
//     Memory), better when current < baseline × (1 − Memory).
//   - Orders not terminal at the end, and the total number of errors: any
//     increase is a regression, any decrease is better.
//
// DefaultTolerance is Latency 0.25, LatencyFloorMs 5, Throughput 0.10 and
// Memory 0.20. ParseTolerance reads either one number, which sets every
// relative tolerance ("0.3"), or a list of key=value pairs over the
// defaults ("latency=0.3,throughput=0.1,memory=0.2,floor=5ms"; the floor is
// a duration, or a plain number of milliseconds).
//
// Comparing runs made with different settings (mode, rate, concurrency,
// duration, runtime, topology, until stage, CPUs) is allowed: the
// comparison says so in a warning line above its table.
package loadreport
