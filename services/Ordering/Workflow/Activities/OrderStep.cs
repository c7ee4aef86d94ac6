namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>The input of the activities that need only the order: they read what else they need from the store.</summary>
public sealed record OrderStep(string OrderId);

/// <summary>The input of the activities that act on the order's payment.</summary>
public sealed record PaymentStep(string OrderId, string PaymentId);
