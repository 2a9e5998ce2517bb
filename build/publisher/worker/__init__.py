"""The worker, the last stage: the queue of changes built in batches (``queue``), a worker's
start (``warm``) and its garbage collection (``collector``); the worker as the benchmarks run
it (``benchworker``, ``treememory``)."""
