using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Identity.Accounts;

/// <summary>What an account operation gives: a value, or the problem (or field errors) to answer.</summary>
public readonly record struct Outcome<T>(T? Value, ProblemHttpResult? Problem = null, ValidationProblem? Invalid = null)
{
    public bool Succeeded => Problem is null && Invalid is null;
}

/// <summary>Builds <see cref="Outcome{T}"/>s.</summary>
public static class Outcome
{
    public static Outcome<T> Of<T>(T value) => new(value);

    public static Outcome<T> Refuse<T>(ProblemHttpResult problem) => new(default, problem);

    public static Outcome<T> Refuse<T>(ValidationProblem invalid) => new(default, null, invalid);
}

/// <summary>Who is calling, as far as sessions and audit events record it.</summary>
public sealed record ClientInfo(string? IpAddress, string? Device);
