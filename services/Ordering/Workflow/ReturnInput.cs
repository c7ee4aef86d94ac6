namespace Ecommerce.Ordering.Workflow;

/// <summary>What <see cref="ReturnWorkflow"/> starts with (instance id <c>return-{orderId}</c>).</summary>
public sealed record ReturnInput(string OrderId, string PaymentId, TimeSpan DecisionTimeout, string RestockWarehouseId, RetrySpec StepRetry);
