namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// One operation measured through DaprLocal and directly. <see cref="Hops"/> is the number of
/// sidecars on the DaprLocal path (1 for state, 2 for invocation): the added latency is divided by
/// it to compare with the per-hop targets.
/// </summary>
internal sealed record PairResult(string Name, int Hops, SideResult DaprLocal, SideResult Direct);
