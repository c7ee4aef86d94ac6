namespace Ecommerce.DaprLocal.State;

internal static class StateOperationExtensions
{
    /// <summary>The key an operation of a transaction writes or deletes.</summary>
    public static string Key(this StateOperation operation) => operation switch
    {
        StateOperation.Upsert upsert => upsert.Write.Key,
        StateOperation.Delete delete => delete.Request.Key,
        _ => throw new ArgumentException($"unknown state operation {operation.GetType().Name}", nameof(operation)),
    };
}
