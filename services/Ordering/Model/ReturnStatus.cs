namespace Ecommerce.Ordering.Model;

/// <summary>Where a return is: waiting for a decision, approved (refund and restock running), rejected, or done.</summary>
public enum ReturnStatus
{
    Requested,
    Approved,
    Rejected,
    Completed,
}
