namespace Ecommerce.Payment.Model;

/// <summary>The ids of an order's payments (<c>order-payments|{orderId}</c>), for ordering's and support's history.</summary>
public sealed record OrderPayments(string OrderId, IReadOnlyList<string> PaymentIds)
{
    public static OrderPayments Empty(string orderId) => new(orderId, []);

    public OrderPayments With(string paymentId) => this with { PaymentIds = [.. PaymentIds, paymentId] };
}
