using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Pricing.Apis;

public static class TaxRulesApi
{
    private const string Route = "/api/pricing/tax-rules";

    public static IEndpointRouteBuilder MapTaxRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup(Route)
            .WithTags("Tax rules")
            .WithRequestValidation();

        rules.MapGet("/", (IDefinitionStore<TaxRule> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.ListAsync(store, cancellationToken))
            .WithName("ListTaxRules")
            .WithSummary("List the tax rules")
            .WithDescription("Every jurisdiction's rule, ordered by id (FR, US-CA, ...). Support and admins.")
            .RequireAuthorization(Policies.Support);

        rules.MapGet("/{id}", (string id, IDefinitionStore<TaxRule> store, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.GetAsync(id.ToUpperInvariant(), store, http, cancellationToken))
            .WithName("GetTaxRule")
            .WithSummary("Get a tax rule")
            .WithDescription("By jurisdiction: a country (FR) or a country and region (US-CA). Support and admins.")
            .RequireAuthorization(Policies.Support);

        rules.MapPost("/", (TaxRuleRequest request, IDefinitionStore<TaxRule> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                DefinitionEndpoints.CreateAsync(request.ToTaxRule(clock.GetUtcNow()), "tax rule", Route, store, http, cancellationToken))
            .WithName("CreateTaxRule")
            .WithSummary("Create a tax rule")
            .WithDescription("One rule per jurisdiction (409 when it exists). pricesIncludeTax: true when the price book's prices already contain the tax (VAT), false when it is added on top (sales tax). A destination uses its region's rule, else its country's. Admin.")
            .RequireAuthorization(Policies.Admin);

        rules.MapPut("/{id}", ReplaceTaxRule)
            .WithName("ReplaceTaxRule")
            .WithSummary("Replace a tax rule")
            .WithDescription("The body's country and region must make the route's id. If-Match with the rule's ETag is required. Admin.")
            .RequireAuthorization(Policies.Admin);

        rules.MapDelete("/{id}", (string id, [FromHeader(Name = "If-Match")] string? ifMatch, IDefinitionStore<TaxRule> store, CancellationToken cancellationToken) =>
                DefinitionEndpoints.DeleteAsync(id.ToUpperInvariant(), ifMatch, store, cancellationToken))
            .WithName("DeleteTaxRule")
            .WithSummary("Delete a tax rule")
            .WithDescription("If-Match with the rule's ETag is required. Admin.")
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static async Task<Results<Ok<TaxRule>, NotFound, ProblemHttpResult, ValidationProblem>> ReplaceTaxRule(
        string id, TaxRuleRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDefinitionStore<TaxRule> store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.JurisdictionId(), id, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Field("country", $"The country and region make '{request.JurisdictionId()}', not the route's '{id}'.");
        }
        return await DefinitionEndpoints.ReplaceAsync(request.ToTaxRule(clock.GetUtcNow()), ifMatch, store, http, cancellationToken);
    }
}
