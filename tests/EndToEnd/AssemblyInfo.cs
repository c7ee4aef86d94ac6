// Each profile's platform is ten processes on a two-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
