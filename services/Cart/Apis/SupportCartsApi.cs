using Ecommerce.Cart.Carts;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Http;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.Apis;

/// <summary>
/// Any cart, for support agents and admins helping a shopper; emptying one is for admins. A customer's cart is also
/// for the ordering service (see <see cref="CartPolicies"/>): read to place an order, and the paid order's lines taken
/// out of it by the checkout saga (never the whole cart: the shopper may have added lines since the order was placed).
/// </summary>
public static class SupportCartsApi
{
    public static IEndpointRouteBuilder MapSupportCartsApi(this IEndpointRouteBuilder app)
    {
        var carts = app.MapGroup("/api/carts")
            .WithTags("Carts (support)")
            .WithRequestValidation();

        carts.MapGet("/customers/{customerId}", GetCustomerCart)
            .WithName("GetCustomerCart")
            .WithSummary("Get a customer's cart")
            .WithDescription("Any customer's cart (404 when they have none). Support, admins and the ordering service.")
            .RequireAuthorization(CartPolicies.SupportOrOrdering);

        carts.MapGet("/anonymous/{cartId}", GetAnonymousCart)
            .WithName("GetAnonymousCart")
            .WithSummary("Get an anonymous cart")
            .WithDescription("An anonymous cart by its id (404 when there is none, e.g. expired). Support and admins.")
            .RequireAuthorization(Policies.Support);

        carts.MapDelete("/customers/{customerId}", EmptyCustomerCart)
            .WithName("EmptyCustomerCart")
            .WithSummary("Empty a customer's cart")
            .WithDescription("Removes every line of a customer's cart, e.g. when it holds something that can no longer be sold. Admins only.")
            .RequireAuthorization(Policies.Admin);

        carts.MapPost("/customers/{customerId}/checked-out-orders", RemoveCheckedOutOrder)
            .WithName("RemoveCheckedOutOrder")
            .WithSummary("Take an order's lines out of a customer's cart")
            .WithDescription("Subtracts each ordered quantity from the cart's line of that SKU (a line reaching 0 is removed, a SKU no longer in the cart is ignored); lines added since the order was placed stay. Idempotent per order id: a repeated request changes nothing. A customer without a cart gets an empty one (nothing is stored). The ordering service (its checkout saga) and admins.")
            .RequireAuthorization(CartPolicies.AdminOrOrdering);

        return app;
    }

    public static async Task<Results<Ok<CartView>, NotFound>> GetCustomerCart(
        [AsParameters] CustomerKey key, ICartStore carts, HttpContext http, CancellationToken cancellationToken) =>
        await ReadAsync(CartOwner.Customer(key.CustomerId), carts, http, cancellationToken);

    public static async Task<Results<Ok<CartView>, NotFound>> GetAnonymousCart(
        [AsParameters] AnonymousCartKey key, ICartStore carts, HttpContext http, CancellationToken cancellationToken) =>
        await ReadAsync(CartOwner.Guest(key.CartId), carts, http, cancellationToken);

    public static async Task<Results<Ok<CartView>, ProblemHttpResult>> EmptyCustomerCart(
        [AsParameters] CustomerKey key, CartEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await editor.EditAsync(CartOwner.Customer(key.CustomerId), null, (cart, now) =>
            cart.Lines.Count == 0 ? CartChange.Nothing : CartChange.To(cart with { Lines = [], UpdatedAt = now }), cancellationToken);
        if (result.Problem is not null)
        {
            return result.Problem;
        }
        EntityTags.Set(http, result.ETag);
        return TypedResults.Ok(CartView.Of(result.Cart!));
    }

    public static async Task<Results<Ok<CartView>, ProblemHttpResult>> RemoveCheckedOutOrder(
        [AsParameters] CustomerKey key, CheckedOutOrder order, CartEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        // Re-applied to the newest version by the editor when a shopper's edit lands meanwhile, so neither is lost.
        var result = await editor.EditAsync(CartOwner.Customer(key.CustomerId), null, (cart, now) =>
        {
            if (cart.Lines.Count == 0 && cart.CheckedOutOrders is null)
            {
                // No cart (or one never checked out and empty): nothing to take, and no cart stored just to remember the order.
                return CartChange.Nothing;
            }
            return cart.WithoutOrder(order, now) is { } without ? CartChange.To(without) : CartChange.Nothing;
        }, cancellationToken);
        if (result.Problem is not null)
        {
            return result.Problem;
        }
        EntityTags.Set(http, result.ETag);
        return TypedResults.Ok(CartView.Of(result.Cart!));
    }

    private static async Task<Results<Ok<CartView>, NotFound>> ReadAsync(CartOwner owner, ICartStore carts, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await carts.GetAsync(owner, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        EntityTags.Set(http, found.ETag);
        return TypedResults.Ok(CartView.Of(found.Value));
    }
}
