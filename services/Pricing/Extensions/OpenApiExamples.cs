using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Pricing.Model;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ecommerce.Pricing.Extensions;

/// <summary>
/// Puts an example on the schema of every request body in the OpenAPI document (and so in Swagger
/// UI's "Try it out"). The examples are typed C# values serialized with the platform's JSON
/// convention, so they cannot drift from the types they show.
/// </summary>
internal sealed class OpenApiExamples : ISchemaFilter
{
    private static readonly DateTimeOffset SummerStart = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SummerEnd = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(SetPriceRequest)] = new SetPriceRequest(Price: 89.90m, CompareAtPrice: 119.00m),
        [typeof(DiscountRequest)] = new DiscountRequest(
            Name: "Summer running sale",
            Offer: new Offer(DiscountKind.Percent, 10, DiscountScope.Category, CategoryIds: ["running-shoes"],
                Tiers: [new BulkTier(MinQuantity: 3, Value: 15)]),
            StartsAt: SummerStart,
            EndsAt: SummerEnd),
        [typeof(CouponRequest)] = new CouponRequest(
            Code: "WELCOME10",
            Offer: new Offer(DiscountKind.Fixed, 10, DiscountScope.Cart, Currency: "EUR"),
            Description: "10 EUR off a first order",
            ExpiresAt: SummerEnd,
            UsageLimit: 1000,
            PerCustomerLimit: 1),
        [typeof(PromotionRequest)] = new PromotionRequest(
            Name: "Socks: buy 2, get 1 free",
            Kind: PromotionKind.BuyXGetY,
            BuyXGetY: new BuyXGetYTerms(BuyQuantity: 2, GetQuantity: 1, CategoryIds: ["socks"]),
            StartsAt: SummerStart,
            EndsAt: SummerEnd),
        [typeof(TaxRuleRequest)] = new TaxRuleRequest(Country: "FR", RatePercent: 20, PricesIncludeTax: true, Name: "TVA"),
        [typeof(QuoteRequest)] = new QuoteRequest(
            Currency: "EUR",
            Lines: [new QuoteLineRequest("TRAIL-RUNNER-2-42", 1, "running-shoes"), new QuoteLineRequest("SOCK-MERINO-M", 3, "socks")],
            CouponCodes: ["WELCOME10"],
            Destination: new Destination("FR"),
            ShippingCost: 4.90m),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Examples = [JsonSerializer.SerializeToNode(example, example.GetType(), JsonConventions.Options)!];
        }
    }
}
