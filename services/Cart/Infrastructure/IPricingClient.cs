namespace Ecommerce.Cart.Infrastructure;

/// <summary>Pricing, as the cart needs it: a quote for the cart's lines.</summary>
public interface IPricingClient
{
    Task<QuoteOutcome> QuoteAsync(PricingQuoteRequest request, CancellationToken cancellationToken);
}
