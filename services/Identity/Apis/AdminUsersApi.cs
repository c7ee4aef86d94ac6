using System.Security.Claims;
using Ecommerce.Contracts;
using Ecommerce.Identity.Accounts;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Identity.Apis;

/// <summary>
/// The back office's view of users and their roles (admins only). Granting and revoking are idempotent
/// and ETag-guarded (If-Match optional, 412 when stale). An admin cannot remove their own admin role
/// (409), so the platform is not left without an admin by a slip. A new role shows in the user's next
/// access token (at the next refresh at the latest).
/// </summary>
public static class AdminUsersApi
{
    private static readonly HashSet<string> KnownRoles = new(StringComparer.Ordinal) { Roles.Customer, Roles.Admin, Roles.Support };

    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/identity/admin/users")
            .WithTags("Admin")
            .RequireAuthorization(Policies.Admin);

        admin.MapGet("/{id}", GetUser)
            .WithName("AdminGetUser")
            .WithSummary("Get a user");

        admin.MapGet("/", FindUser)
            .WithName("AdminFindUserByEmail")
            .WithSummary("Find a user by email")
            .WithDescription("?email= is required; the user with that email (any case), or 404.");

        admin.MapPut("/{id}/roles/{role}", GrantRole)
            .WithName("AdminGrantRole")
            .WithSummary("Grant a role")
            .WithDescription("customer, admin or support (404 for any other). Idempotent.");

        admin.MapDelete("/{id}/roles/{role}", RevokeRole)
            .WithName("AdminRevokeRole")
            .WithSummary("Revoke a role")
            .WithDescription("Idempotent. 409 when an admin removes their own admin role.");

        return app;
    }

    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetUser(string id, Users users, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await users.GetAsync(id, cancellationToken);
        if (found is null)
        {
            return Problems.UserNotFound();
        }
        EntityTags.Set(http, found.ETag);
        return TypedResults.Ok(UserView.Of(found.Value));
    }

    public static async Task<Results<Ok<UserView>, ProblemHttpResult, ValidationProblem>> FindUser(string? email, Users users, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || !ValidationRules.IsEmail(email))
        {
            return Problems.Field("email", "An email address such as 'ada@example.com'.");
        }
        var found = await users.FindByEmailAsync(email, cancellationToken);
        if (found is null)
        {
            return Problems.UserNotFound();
        }
        EntityTags.Set(http, found.ETag);
        return TypedResults.Ok(UserView.Of(found.Value));
    }

    public static Task<Results<Ok<UserView>, ProblemHttpResult>> GrantRole(
        string id, string role, [FromHeader(Name = "If-Match")] string? ifMatch, Users users, HttpContext http, CancellationToken cancellationToken) =>
        ChangeRolesAsync(id, role, ifMatch, users, http, (user, _) => user.Roles.Contains(role)
            ? Outcome.Of<UserAccount?>(null)
            : Outcome.Of<UserAccount?>(user with { Roles = [.. user.Roles, role] }), cancellationToken);

    public static Task<Results<Ok<UserView>, ProblemHttpResult>> RevokeRole(
        string id, string role, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal caller, Users users, HttpContext http, CancellationToken cancellationToken)
    {
        if (role == Roles.Admin && id == Callers.UserId(caller))
        {
            return Task.FromResult<Results<Ok<UserView>, ProblemHttpResult>>(Problems.OwnAdminRole());
        }
        return ChangeRolesAsync(id, role, ifMatch, users, http, (user, _) => user.Roles.Contains(role)
            ? Outcome.Of<UserAccount?>(user with { Roles = [.. user.Roles.Where(r => r != role)] })
            : Outcome.Of<UserAccount?>(null), cancellationToken);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeRolesAsync(
        string id, string role, string? ifMatch, Users users, HttpContext http, Func<UserAccount, DateTimeOffset, Outcome<UserAccount?>> change, CancellationToken cancellationToken)
    {
        if (!KnownRoles.Contains(role))
        {
            return Problems.UnknownRole(role);
        }
        var outcome = await users.EditAsync(id, EntityTags.FromIfMatch(ifMatch), change, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!;
        }
        EntityTags.Set(http, outcome.Value!.ETag);
        return TypedResults.Ok(UserView.Of(outcome.Value.Value));
    }
}
