using System.Security.Claims;
using Ecommerce.Identity.Accounts;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Http;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Identity.Apis;

/// <summary>
/// The signed-in user's address book. Exactly one address is the default shipping address as long as
/// there is any: the first one added, or the one chosen; deleting it makes the first remaining one the
/// default. The ETag is the book's version; If-Match is optional on changes (412 when it is stale).
/// </summary>
public static class AddressesApi
{
    public static IEndpointRouteBuilder MapAddressesApi(this IEndpointRouteBuilder app)
    {
        var addresses = app.MapGroup("/api/identity/me/addresses")
            .WithTags("Addresses")
            .WithRequestValidation()
            .RequireAuthorization();

        addresses.MapGet("/", List)
            .WithName("ListMyAddresses")
            .WithSummary("List my addresses");

        addresses.MapPost("/", Add)
            .WithName("AddAddress")
            .WithSummary("Add an address")
            .WithDescription("Country is ISO 3166-1 alpha-2 (e.g. DE); recipient, line1, city and postal code are required. The first address becomes the default shipping address. At most 20 (422 beyond).");

        addresses.MapPut("/{id}", Replace)
            .WithName("ReplaceAddress")
            .WithSummary("Change an address")
            .WithDescription("Replaces the address's fields; whether it is the default does not change.");

        addresses.MapDelete("/{id}", Remove)
            .WithName("DeleteAddress")
            .WithSummary("Delete an address")
            .WithDescription("When it was the default shipping address, the first remaining one becomes the default.");

        addresses.MapPut("/{id}/default-shipping", MakeDefault)
            .WithName("SetDefaultShippingAddress")
            .WithSummary("Make an address the default shipping address");

        return app;
    }

    public static async Task<Ok<IReadOnlyList<Address>>> List(ClaimsPrincipal user, AddressBooks books, HttpContext http, CancellationToken cancellationToken)
    {
        var book = await books.GetAsync(Callers.UserId(user), cancellationToken);
        EntityTags.Set(http, book?.ETag);
        return TypedResults.Ok(book?.Value.Addresses ?? []);
    }

    public static async Task<Results<Created<Address>, ProblemHttpResult, ValidationProblem>> Add(
        AddressRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, AddressBooks books, HttpContext http, CancellationToken cancellationToken)
    {
        var address = request.ToAddress(Guid.NewGuid().ToString("N"));
        var outcome = await books.EditAsync(Callers.UserId(user), EntityTags.FromIfMatch(ifMatch), book => book.Addresses.Count >= AddressBook.MaxAddresses
            ? Outcome.Refuse<AddressBook>(Problems.TooManyAddresses(AddressBook.MaxAddresses))
            : Outcome.Of<AddressBook>(book.Add(address)), cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!;
        }
        EntityTags.Set(http, outcome.Value!.ETag);
        return TypedResults.Created($"/api/identity/me/addresses/{address.Id}", outcome.Value.Value.Find(address.Id));
    }

    public static async Task<Results<Ok<Address>, ProblemHttpResult, ValidationProblem>> Replace(
        string id, AddressRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, AddressBooks books, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await books.EditAsync(Callers.UserId(user), EntityTags.FromIfMatch(ifMatch), book => book.Find(id) is null
            ? Outcome.Refuse<AddressBook>(Problems.AddressNotFound())
            : Outcome.Of<AddressBook>(book.Replace(request.ToAddress(id))), cancellationToken);
        return Respond(http, id, outcome);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, AddressBooks books, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await books.EditAsync(Callers.UserId(user), EntityTags.FromIfMatch(ifMatch), book => book.Find(id) is null
            ? Outcome.Refuse<AddressBook>(Problems.AddressNotFound())
            : Outcome.Of<AddressBook>(book.Remove(id)), cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!;
        }
        EntityTags.Set(http, outcome.Value!.ETag);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Address>, ProblemHttpResult, ValidationProblem>> MakeDefault(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, AddressBooks books, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await books.EditAsync(Callers.UserId(user), EntityTags.FromIfMatch(ifMatch), book => book.Find(id) is null
            ? Outcome.Refuse<AddressBook>(Problems.AddressNotFound())
            : Outcome.Of<AddressBook>(book.MakeDefault(id)), cancellationToken);
        return Respond(http, id, outcome);
    }

    private static Results<Ok<Address>, ProblemHttpResult, ValidationProblem> Respond(HttpContext http, string id, Outcome<Versioned<AddressBook>> outcome)
    {
        if (!outcome.Succeeded)
        {
            return outcome.Problem!;
        }
        EntityTags.Set(http, outcome.Value!.ETag);
        return TypedResults.Ok(outcome.Value.Value.Find(id)!);
    }
}
