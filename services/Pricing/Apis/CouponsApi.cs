using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Pricing.Apis;

public static class CouponsApi
{
    private const string Route = "/api/pricing/coupons";

    public static IEndpointRouteBuilder MapCouponsApi(this IEndpointRouteBuilder app)
    {
        var coupons = app.MapGroup(Route)
            .WithTags("Coupons")
            .WithRequestValidation();

        coupons.MapGet("/", (IDefinitionStore<Coupon> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.ListAsync(store, cancellationToken))
            .WithName("ListCoupons")
            .WithSummary("List the coupons")
            .WithDescription("Every coupon, valid or not, ordered by code. Support and admins.")
            .RequireAuthorization(Policies.Support);

        coupons.MapGet("/{code}", (string code, IDefinitionStore<Coupon> store, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.GetAsync(Coupon.Normalize(code), store, http, cancellationToken))
            .WithName("GetCoupon")
            .WithSummary("Get a coupon")
            .WithDescription("Codes are case-insensitive. The ETag header is the version to send back in If-Match. Support and admins.")
            .RequireAuthorization(Policies.Support);

        coupons.MapGet("/{code}/usage", GetUsage)
            .WithName("GetCouponUsage")
            .WithSummary("How often a coupon was used")
            .WithDescription("Counted once per confirmed order (orders.confirmed). With customerId, also that customer's count. Support and admins.")
            .RequireAuthorization(Policies.Support);

        coupons.MapPost("/", (CouponRequest request, IDefinitionStore<Coupon> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.CreateAsync(request.ToCoupon(clock.GetUtcNow()), "coupon", Route, store, http, cancellationToken))
            .WithName("CreateCoupon")
            .WithSummary("Create a coupon")
            .WithDescription("An offer behind a code, with dates, a global usage limit, a per-customer limit and stacking rules: combinesWithDiscounts (default true) keeps automatic discounts and buy-X-get-Y; combinesWithOtherCoupons (default false) lets it be used with other such coupons. 409 when the code exists. Admin.")
            .RequireAuthorization(Policies.Admin);

        coupons.MapPut("/{code}", ReplaceCoupon)
            .WithName("ReplaceCoupon")
            .WithSummary("Replace a coupon")
            .WithDescription("The body's code must be the route's. If-Match with the coupon's ETag is required (428 without it, 412 when it is not the current version). Usage counts are kept. Admin.")
            .RequireAuthorization(Policies.Admin);

        coupons.MapDelete("/{code}", (string code, [FromHeader(Name = "If-Match")] string? ifMatch, IDefinitionStore<Coupon> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.DeleteAsync(Coupon.Normalize(code), ifMatch, store, cancellationToken))
            .WithName("DeleteCoupon")
            .WithSummary("Delete a coupon")
            .WithDescription("If-Match with the coupon's ETag is required. Admin.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static async Task<Results<Ok<Coupon>, NotFound, ProblemHttpResult, ValidationProblem>> ReplaceCoupon(
        string code, CouponRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDefinitionStore<Coupon> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (Coupon.Normalize(request.Code) != Coupon.Normalize(code))
        {
            return Problems.Field("code", "The code cannot change: it must be the one in the route.");
        }
        return await DefinitionEndpoints.ReplaceAsync(request.ToCoupon(clock.GetUtcNow()), ifMatch, store, http, cancellationToken);
    }

    public static async Task<Results<Ok<CouponUsageView>, ValidationProblem>> GetUsage(
        string code, string? customerId, ICouponUsageStore usage, CancellationToken cancellationToken)
    {
        if (!ValidationRules.IsCouponCode(code))
        {
            return Problems.Field("code", "A coupon code is 3 to 32 letters, digits, '_' or '-'.");
        }
        var counted = await usage.GetAsync(Coupon.Normalize(code), cancellationToken);
        return TypedResults.Ok(new CouponUsageView(counted.Code, counted.TimesUsed, customerId is null ? null : counted.TimesUsedBy(customerId)));
    }
}
