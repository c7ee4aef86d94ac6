using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Apis;

/// <summary>The rate table (admins) and the shipping options of a parcel (anyone, before checkout).</summary>
public static class RatesApi
{
    public static IEndpointRouteBuilder MapRatesApi(this IEndpointRouteBuilder app)
    {
        var shipping = app.MapGroup("/api/shipping")
            .WithTags("Shipping rates")
            .WithRequestValidation();

        shipping.MapPost("/options", GetOptions)
            .WithName("GetShippingOptions")
            .WithSummary("Shipping options for a parcel")
            .WithDescription("Every method that can take these lines to this country, cheapest first, with the price in the rate table's currency and the estimated delivery date (business days from today). The zone is domestic (the origin country), eu or restOfWorld; a parcel heavier than a method's last weight band cannot go by that method. Anonymous.")
            .AllowAnonymous();

        shipping.MapGet("/rates", GetRates)
            .WithName("GetShippingRates")
            .WithSummary("Get the rate table")
            .WithDescription("Per method and zone: delivery days and the price of each weight band. The configured table (Shipping:Rates) until an admin saves one. Admins.")
            .RequireAuthorization(Policies.Admin);

        shipping.MapPut("/rates", PutRates)
            .WithName("PutShippingRates")
            .WithSummary("Replace the rate table")
            .WithDescription("Replaces the whole table; new quotes and shipments use it at once, existing shipments keep their price. Admins.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static async Task<Ok<ShippingOptionsView>> GetOptions(
        ShippingOptionsRequest request, IRateStore rates, IOptions<ShippingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var table = await rates.GetAsync(cancellationToken);
        var zone = Zones.Of(request.Country, options.Value.OriginCountry);
        var weight = RateCalculator.TotalWeightGrams(request.Lines);
        var quotes = RateCalculator.QuoteAll(table, zone, weight, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return TypedResults.Ok(new ShippingOptionsView(zone, weight, table.Currency, quotes));
    }

    public static async Task<Ok<RateTable>> GetRates(IRateStore rates, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rates.GetAsync(cancellationToken));

    public static async Task<Ok<RateTable>> PutRates(RateTable table, IRateStore rates, CancellationToken cancellationToken)
    {
        await rates.SaveAsync(table, cancellationToken);
        return TypedResults.Ok(table);
    }
}
