using Sitrep.Bench;

// A CLI benchmark: each suite runs its workload and a baseline in the same process and prints
// throughput and memory, so figures are comparable as ratios on any machine.
return BenchRunner.Run(args);
