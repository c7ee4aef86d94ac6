using System.Security.Claims;
using Ecommerce.Cart.Carts;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Http;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Cart.Apis;

/// <summary>The shopper's own cart: signed in (the token's sub) or anonymous (<c>X-Cart-Id</c>).</summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var cart = app.MapGroup("/api/cart")
            .WithTags("Cart")
            .WithRequestValidation();

        cart.MapGet("/", GetCart)
            .WithName("GetCart")
            .WithSummary("Get my cart")
            .WithDescription("A signed-in customer's cart, or the anonymous cart named by X-Cart-Id. Without either, an empty cart with a new id in X-Cart-Id (nothing is stored until a line is added). The ETag is the cart's version, for If-Match.")
            .AllowAnonymous();

        cart.MapPost("/lines", AddLine)
            .WithName("AddCartLine")
            .WithSummary("Add a SKU to my cart")
            .WithDescription("Checks with the catalog that the SKU exists and its product is active (422 otherwise), then adds the quantity to the line of that SKU (a new line if none). 1 to 99 per line, at most 100 lines (422 beyond). If-Match optional: with it, only that version is changed (412 otherwise).")
            .AllowAnonymous();

        cart.MapPut("/lines/{sku}", SetQuantity)
            .WithName("SetCartLineQuantity")
            .WithSummary("Change a line's quantity")
            .WithDescription("Sets the quantity (1 to 99) of a SKU already in the cart (404 if it is not). If-Match optional.")
            .AllowAnonymous();

        cart.MapDelete("/lines/{sku}", RemoveLine)
            .WithName("RemoveCartLine")
            .WithSummary("Remove a line")
            .WithDescription("Removes the SKU from the cart (404 if it is not there). If-Match optional.")
            .AllowAnonymous();

        cart.MapDelete("/", ClearCart)
            .WithName("ClearCart")
            .WithSummary("Empty my cart")
            .WithDescription("Removes every line. If-Match optional.")
            .AllowAnonymous();

        cart.MapGet("/priced", GetPricedCart)
            .WithName("GetPricedCart")
            .WithSummary("Get my cart with prices")
            .WithDescription("The cart priced by the pricing service's quote (price book, discounts, promotions, the coupons given) — never from anything the client sends. A SKU without a price in the currency is a 422 naming it. Currency EUR unless given.")
            .AllowAnonymous();

        cart.MapPost("/merge", Merge)
            .WithName("MergeCart")
            .WithSummary("Merge my anonymous cart into my cart (at login)")
            .WithDescription("Adds the anonymous cart's lines to the signed-in customer's cart: quantities summed, capped by availability (inventory) and the cart's limits, every cut listed in adjustments. The anonymous cart is then deleted, so a second merge adds nothing. Customers.")
            .RequireAuthorization(Policies.Customer);

        return app;
    }

    public static async Task<Results<Ok<CartView>, ValidationProblem>> GetCart(
        [FromHeader(Name = CartAccess.CartIdHeader)] string? cartId, ClaimsPrincipal user, ICartStore carts, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var (owner, problem) = CartAccess.Resolve(user, cartId);
        if (owner is null)
        {
            return problem!;
        }
        var found = await carts.GetAsync(owner, cancellationToken);
        CartAccess.Announce(http, owner);
        EntityTags.Set(http, found?.ETag);
        return TypedResults.Ok(CartView.Of(found?.Value ?? ShoppingCart.Empty(owner, clock.GetUtcNow())));
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult, ValidationProblem>> AddLine(
        AddLineRequest request,
        [FromHeader(Name = CartAccess.CartIdHeader)] string? cartId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        ICatalogClient catalog,
        CartEditor editor,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (owner, problem) = CartAccess.Resolve(user, cartId);
        if (owner is null)
        {
            return problem!;
        }
        var sku = await catalog.FindSkuAsync(request.Sku, cancellationToken);
        if (sku is null)
        {
            return Problems.UnknownSku(request.Sku);
        }
        if (!sku.IsSellable)
        {
            return Problems.NotForSale(request.Sku, sku.Status);
        }
        var result = await editor.EditAsync(owner, EntityTags.FromIfMatch(ifMatch), (cart, now) =>
        {
            var quantity = cart.Quantity(sku.Sku) + request.Quantity;
            if (quantity > CartLimits.MaxQuantity)
            {
                return CartChange.Refuse(Problems.QuantityTooHigh(sku.Sku, CartLimits.MaxQuantity));
            }
            if (cart.Line(sku.Sku) is null && cart.Lines.Count >= CartLimits.MaxLines)
            {
                return CartChange.Refuse(Problems.TooManyLines(CartLimits.MaxLines));
            }
            return CartChange.To(cart.WithLine(new CartLine(sku.Sku, quantity, sku.ProductId, sku.ProductName, sku.CategoryId, now), now));
        }, cancellationToken);
        return Respond(http, owner, result);
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult, ValidationProblem>> SetQuantity(
        [AsParameters] LineKey key,
        SetQuantityRequest request,
        [FromHeader(Name = CartAccess.CartIdHeader)] string? cartId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        CartEditor editor,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (owner, problem) = CartAccess.Resolve(user, cartId);
        if (owner is null)
        {
            return problem!;
        }
        var result = await editor.EditAsync(owner, EntityTags.FromIfMatch(ifMatch), (cart, now) => cart.Line(key.Sku) switch
        {
            null => CartChange.Refuse(Problems.LineNotInCart(key.Sku)),
            { } line when line.Quantity == request.Quantity => CartChange.Nothing,
            { } line => CartChange.To(cart.WithLine(line with { Quantity = request.Quantity }, now)),
        }, cancellationToken);
        return Respond(http, owner, result);
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult, ValidationProblem>> RemoveLine(
        [AsParameters] LineKey key,
        [FromHeader(Name = CartAccess.CartIdHeader)] string? cartId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        CartEditor editor,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (owner, problem) = CartAccess.Resolve(user, cartId);
        if (owner is null)
        {
            return problem!;
        }
        var result = await editor.EditAsync(owner, EntityTags.FromIfMatch(ifMatch), (cart, now) =>
            cart.Line(key.Sku) is null ? CartChange.Refuse(Problems.LineNotInCart(key.Sku)) : CartChange.To(cart.WithoutLine(key.Sku, now)),
            cancellationToken);
        return Respond(http, owner, result);
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult, ValidationProblem>> ClearCart(
        [FromHeader(Name = CartAccess.CartIdHeader)] string? cartId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ClaimsPrincipal user,
        CartEditor editor,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (owner, problem) = CartAccess.Resolve(user, cartId);
        if (owner is null)
        {
            return problem!;
        }
        var result = await editor.EditAsync(owner, EntityTags.FromIfMatch(ifMatch), (cart, now) =>
            cart.Lines.Count == 0 ? CartChange.Nothing : CartChange.To(cart with { Lines = [], UpdatedAt = now }),
            cancellationToken);
        return Respond(http, owner, result);
    }

    public static async Task<Results<Ok<PricedCartView>, ProblemHttpResult, ValidationProblem>> GetPricedCart(
        [AsParameters] PricedViewQuery query,
        [FromHeader(Name = CartAccess.CartIdHeader)] string? cartId,
        ClaimsPrincipal user,
        ICartStore carts,
        IPricingClient pricing,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (owner, problem) = CartAccess.Resolve(user, cartId);
        if (owner is null)
        {
            return problem!;
        }
        var found = await carts.GetAsync(owner, cancellationToken);
        var cart = found?.Value ?? ShoppingCart.Empty(owner, clock.GetUtcNow());
        CartAccess.Announce(http, owner);
        EntityTags.Set(http, found?.ETag);
        if (cart.Lines.Count == 0)
        {
            return TypedResults.Ok(new PricedCartView(CartView.Of(cart), null));
        }
        var outcome = await pricing.QuoteAsync(new PricingQuoteRequest(
            query.CurrencyOrDefault,
            [.. cart.Lines.Select(line => new PricingQuoteLineRequest(line.Sku, line.Quantity, line.CategoryId))],
            query.CouponCodes,
            owner.CustomerId), cancellationToken);
        return outcome.Quote is null
            ? Problems.Unpriced(outcome.UnpricedSkus, query.CurrencyOrDefault)
            : TypedResults.Ok(new PricedCartView(CartView.Of(cart), outcome.Quote));
    }

    public static async Task<Results<Ok<MergeResult>, ProblemHttpResult>> Merge(
        MergeRequest request, ClaimsPrincipal user, CartMerger merger, HttpContext http, CancellationToken cancellationToken)
    {
        var customer = CartOwner.Customer(user.Identity!.Name!);
        var (result, adjustments) = await merger.MergeAsync(customer, CartOwner.Guest(request.AnonymousCartId), cancellationToken);
        if (result.Problem is not null)
        {
            return result.Problem;
        }
        EntityTags.Set(http, result.ETag);
        return TypedResults.Ok(new MergeResult(CartView.Of(result.Cart!), adjustments));
    }

    private static Results<Ok<CartView>, ProblemHttpResult, ValidationProblem> Respond(HttpContext http, CartOwner owner, CartEditResult result)
    {
        if (result.Problem is not null)
        {
            return result.Problem;
        }
        CartAccess.Announce(http, owner);
        EntityTags.Set(http, result.ETag);
        return TypedResults.Ok(CartView.Of(result.Cart!));
    }
}
