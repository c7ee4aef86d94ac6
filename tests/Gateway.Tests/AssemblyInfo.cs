// Services run under their fixed app ids (catalog, cart, ...), and DaprLocal's name directory is one
// per test run (see GatewayEnvironment): two tests at once would answer for each other's services.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
