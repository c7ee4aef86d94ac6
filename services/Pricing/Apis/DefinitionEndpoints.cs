using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Pricing.Apis;

/// <summary>
/// The handlers shared by the admin APIs of discounts, coupons, promotions and tax rules, which
/// differ only in their types and routes: list, get (with ETag), create (201 + ETag; 409 when the
/// id exists), replace and delete (If-Match required: 428 without, 412 when it is not the current version).
/// </summary>
internal static class DefinitionEndpoints
{
    public static async Task<Ok<IReadOnlyList<T>>> ListAsync<T>(IDefinitionStore<T> store, CancellationToken cancellationToken)
        where T : class, IDefinition =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    public static async Task<Results<Ok<T>, NotFound>> GetAsync<T>(string id, IDefinitionStore<T> store, HttpContext http, CancellationToken cancellationToken)
        where T : class, IDefinition
    {
        var found = await store.GetAsync(id, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        EntityTags.Set(http, found.ETag);
        return TypedResults.Ok(found.Value);
    }

    public static async Task<Results<Created<T>, ProblemHttpResult>> CreateAsync<T>(
        T definition, string what, string routePrefix, IDefinitionStore<T> store, HttpContext http, CancellationToken cancellationToken)
        where T : class, IDefinition
    {
        var created = await store.CreateAsync(definition, cancellationToken);
        if (created is null)
        {
            return Problems.AlreadyExists(what, definition.Id);
        }
        EntityTags.Set(http, created.ETag);
        return TypedResults.Created($"{routePrefix}/{created.Value.Id}", created.Value);
    }

    public static async Task<Results<Ok<T>, NotFound, ProblemHttpResult, ValidationProblem>> ReplaceAsync<T>(
        T definition, string? ifMatch, IDefinitionStore<T> store, HttpContext http, CancellationToken cancellationToken)
        where T : class, IDefinition
    {
        if (EntityTags.FromIfMatch(ifMatch) is not { } etag)
        {
            return Problems.IfMatchRequired();
        }
        var result = await store.ReplaceAsync(definition, etag, cancellationToken);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return TypedResults.NotFound();
            case WriteOutcome.VersionMismatch:
                return Problems.VersionMismatch();
            default:
                EntityTags.Set(http, result.Stored!.ETag);
                return TypedResults.Ok(result.Stored.Value);
        }
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync<T>(
        string id, string? ifMatch, IDefinitionStore<T> store, CancellationToken cancellationToken)
        where T : class, IDefinition
    {
        if (EntityTags.FromIfMatch(ifMatch) is not { } etag)
        {
            return Problems.IfMatchRequired();
        }
        return await store.DeleteAsync(id, etag, cancellationToken) switch
        {
            WriteOutcome.NotFound => TypedResults.NotFound(),
            WriteOutcome.VersionMismatch => Problems.VersionMismatch(),
            _ => TypedResults.NoContent(),
        };
    }
}
