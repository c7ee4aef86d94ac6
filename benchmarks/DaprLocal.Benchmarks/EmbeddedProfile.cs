namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The resources of one app shaped like <c>components/embedded</c> — a SQLite state store with an
/// outbox onto an in-memory pub/sub, a second in-memory pub/sub, the resiliency policies — plus a
/// localstorage output binding, every path inside the given directory so that idle sidecars cost
/// what a developer's would and nothing is left behind.
/// </summary>
internal static class EmbeddedProfile
{
    public static string Write(string appDirectory)
    {
        var resources = Path.Combine(appDirectory, "resources");
        ComponentYaml.WriteAll(resources,
        [
            ("store.yaml", ComponentYaml.Component("store", "state.sqlite",
                ("connectionString", Path.Combine(appDirectory, "state.db")),
                ("outboxPublishPubsub", "events"),
                ("outboxPublishTopic", "store.changed"))),
            ("events.yaml", ComponentYaml.Component("events", "pubsub.in-memory")),
            ("tasks.yaml", ComponentYaml.Component("tasks", "pubsub.in-memory")),
            ("files.yaml", ComponentYaml.Component("files", "bindings.localstorage", ("rootPath", Path.Combine(appDirectory, "files")))),
            ("resiliency.yaml", Resiliency),
        ]);
        return resources;
    }

    // The policies of components/embedded/resiliency.yaml, aimed at these components.
    private const string Resiliency = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: benchmark
        spec:
          policies:
            timeouts:
              invocation: 5s
            retries:
              delivery:
                policy: exponential
                maxInterval: 5s
                maxRetries: 5
            circuitBreakers:
              downstream:
                maxRequests: 1
                interval: 30s
                timeout: 15s
                trip: consecutiveFailures >= 5
          targets:
            components:
              events:
                inbound:
                  retry: delivery
              tasks:
                inbound:
                  retry: delivery

        """;
}
