using System.Security.Claims;
using Ecommerce.Cart.Carts;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.Apis;

/// <summary>A signed-in customer's wishlist: add, remove, list with current price and availability, move to the cart.</summary>
public static class WishlistApi
{
    public static IEndpointRouteBuilder MapWishlistApi(this IEndpointRouteBuilder app)
    {
        var wishlist = app.MapGroup("/api/wishlist")
            .WithTags("Wishlist")
            .WithRequestValidation()
            .RequireAuthorization(Policies.Customer);

        wishlist.MapGet("/", GetWishlist)
            .WithName("GetWishlist")
            .WithSummary("Get my wishlist with current prices and availability")
            .WithDescription("Each item with its unit price now (pricing's quote; null when the SKU has no price in the currency) and the units available (inventory). Currency EUR unless given. Customers.");

        wishlist.MapPut("/items/{sku}", AddItem)
            .WithName("AddWishlistItem")
            .WithSummary("Add a SKU to my wishlist")
            .WithDescription("Checks with the catalog that the SKU exists and is for sale (422 otherwise). Adding a SKU already there changes nothing. At most 100 items. Customers.");

        wishlist.MapDelete("/items/{sku}", RemoveItem)
            .WithName("RemoveWishlistItem")
            .WithSummary("Remove a SKU from my wishlist")
            .WithDescription("404 when it is not there. Customers.");

        wishlist.MapPost("/items/{sku}/move-to-cart", MoveToCart)
            .WithName("MoveWishlistItemToCart")
            .WithSummary("Move a wishlist item to my cart")
            .WithDescription("Adds the quantity (1 by default) to the cart as adding a line does (catalog check, limits), then removes the item from the wishlist. Answers the cart. Customers.");

        return app;
    }

    public static async Task<Ok<WishlistView>> GetWishlist(
        [AsParameters] WishlistQuery query, ClaimsPrincipal user, IWishlistStore wishlists, IPricingClient pricing, IInventoryClient inventory, CancellationToken cancellationToken)
    {
        var customerId = user.Identity!.Name!;
        var items = (await wishlists.GetAsync(customerId, cancellationToken))?.Value.Items ?? [];
        var currency = query.CurrencyOrDefault;
        var prices = await UnitPricesAsync(pricing, items, currency, customerId, cancellationToken);
        var available = await inventory.AvailabilityAsync([.. items.Select(item => item.Sku)], cancellationToken);
        return TypedResults.Ok(new WishlistView(customerId, currency, [.. items.Select(item =>
        {
            var units = available.GetValueOrDefault(item.Sku);
            return new WishlistItemView(item.Sku, item.ProductId, item.ProductName, prices.TryGetValue(item.Sku, out var price) ? price : null, units, units > 0, item.AddedAt);
        })]));
    }

    public static async Task<Results<Ok<Wishlist>, ProblemHttpResult>> AddItem(
        [AsParameters] LineKey key, ClaimsPrincipal user, ICatalogClient catalog, WishlistEditor editor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sku = await catalog.FindSkuAsync(key.Sku, cancellationToken);
        if (sku is null)
        {
            return Problems.UnknownSku(key.Sku);
        }
        if (!sku.IsSellable)
        {
            return Problems.NotForSale(key.Sku, sku.Status);
        }
        var (wishlist, problem) = await editor.EditAsync(user.Identity!.Name!, current =>
        {
            if (current.Contains(sku.Sku))
            {
                return (current, null);
            }
            if (current.Items.Count >= CartLimits.MaxWishlistItems)
            {
                return (null, TypedResults.Problem(
                    title: "The wishlist is full.",
                    detail: $"A wishlist holds at most {CartLimits.MaxWishlistItems} items.",
                    statusCode: StatusCodes.Status422UnprocessableEntity));
            }
            return (current with { Items = [.. current.Items, new WishlistItem(sku.Sku, sku.ProductId, sku.ProductName, sku.CategoryId, clock.GetUtcNow())] }, null);
        }, cancellationToken);
        return problem is null ? TypedResults.Ok(wishlist!) : problem;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveItem(
        [AsParameters] LineKey key, ClaimsPrincipal user, WishlistEditor editor, CancellationToken cancellationToken)
    {
        var (_, problem) = await editor.EditAsync(user.Identity!.Name!, current => current.Contains(key.Sku)
            ? (current.Without(key.Sku), null)
            : (null, TypedResults.Problem(title: "The SKU is not in the wishlist.", statusCode: StatusCodes.Status404NotFound)), cancellationToken);
        return problem is null ? TypedResults.NoContent() : problem;
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult, ValidationProblem>> MoveToCart(
        [AsParameters] LineKey key,
        MoveToCartRequest request,
        ClaimsPrincipal user,
        IWishlistStore wishlists,
        ICatalogClient catalog,
        CartEditor carts,
        WishlistEditor editor,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var customerId = user.Identity!.Name!;
        if ((await wishlists.GetAsync(customerId, cancellationToken))?.Value.Contains(key.Sku) != true)
        {
            return TypedResults.Problem(title: "The SKU is not in the wishlist.", statusCode: StatusCodes.Status404NotFound);
        }
        var added = await CartApi.AddLine(new AddLineRequest(key.Sku, request.Quantity), null, null, user, catalog, carts, http, cancellationToken);
        if (added.Result is not Ok<CartView>)
        {
            return added;
        }
        // In the cart now; removing it from the wishlist is then safe to repeat (a retried move finds it gone: 404, cart unchanged).
        await editor.EditAsync(customerId, current => (current.Without(key.Sku), null), cancellationToken);
        return added;
    }

    /// <summary>Each item's unit price from one quote; SKUs without a price in the currency are left out and the rest quoted again.</summary>
    private static async Task<Dictionary<string, decimal>> UnitPricesAsync(
        IPricingClient pricing, IReadOnlyList<WishlistItem> items, string currency, string customerId, CancellationToken cancellationToken)
    {
        var lines = items.Select(item => new PricingQuoteLineRequest(item.Sku, 1, item.CategoryId)).ToList();
        while (lines.Count > 0)
        {
            var outcome = await pricing.QuoteAsync(new PricingQuoteRequest(currency, lines, null, customerId), cancellationToken);
            if (outcome.Quote is not null)
            {
                return outcome.Quote.Lines.ToDictionary(line => line.Sku, line => line.UnitPrice, StringComparer.OrdinalIgnoreCase);
            }
            var unpriced = outcome.UnpricedSkus.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var remaining = lines.Where(line => !unpriced.Contains(line.Sku)).ToList();
            if (remaining.Count == lines.Count)
            {
                break;
            }
            lines = remaining;
        }
        return new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
    }
}
