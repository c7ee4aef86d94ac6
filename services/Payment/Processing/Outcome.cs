using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Payment.Processing;

/// <summary>What a payment operation gives: a value, or the problem to answer.</summary>
public readonly record struct Outcome<T>(T? Value, ProblemHttpResult? Problem = null)
{
    public bool Succeeded => Problem is null;
}

/// <summary>Builds <see cref="Outcome{T}"/>s.</summary>
public static class Outcome
{
    public static Outcome<T> Of<T>(T value) => new(value);

    public static Outcome<T> Refuse<T>(ProblemHttpResult problem) => new(default, problem);
}
