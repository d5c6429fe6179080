// Filled in by the benchmark work: prints medians and ratios measured in one run.
print("glutebridge-bench: no benchmarks yet")
