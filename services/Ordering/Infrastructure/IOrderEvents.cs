using Ecommerce.Contracts.Ordering;

namespace Ecommerce.Ordering.Infrastructure;

/// <summary>
/// The integration events of orders, published after the change they announce has committed (a crash between the
/// two may lose or, when the step is retried, repeat an announcement: consumers deduplicate on the business key).
/// </summary>
public interface IOrderEvents
{
    Task SubmittedAsync(OrderSubmittedV1 submitted);

    Task StatusChangedAsync(OrderStatusChangedV1 changed);

    Task ConfirmedAsync(OrderConfirmedV1 confirmed);

    Task CancelledAsync(OrderCancelledV1 cancelled);
}
