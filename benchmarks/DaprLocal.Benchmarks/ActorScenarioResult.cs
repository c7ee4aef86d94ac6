namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// One actor scenario: how many actor ids the calls were spread over, by how many concurrent
/// callers, the measured run, and — when the scenario has one — whether the targets apply.
/// </summary>
internal sealed record ActorScenarioResult(string Name, int ActorIds, int Callers, ClosedLoopResult Run, bool HasTarget, string? Note);
