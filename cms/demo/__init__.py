"""Demo content of the fictional city of Kaislahti, and a large corpus for benchmarks."""
