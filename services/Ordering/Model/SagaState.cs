namespace Ecommerce.Ordering.Model;

/// <summary>
/// A saga instance's runtime status as the engine reports it (camelCase, e.g. <c>terminated</c>) and its failure, if
/// it failed. <see cref="Stopped"/>: it will never move again by itself (completed, failed, terminated, canceled);
/// running, pending, suspended or stalled instances are not stopped (an operator suspended or must fix them).
/// </summary>
public sealed record SagaState(string RuntimeStatus, bool Stopped, string? Failure);
