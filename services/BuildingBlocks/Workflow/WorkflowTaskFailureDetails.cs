namespace Dapr.Workflow;

/// <summary>Why an activity or child workflow failed, as recorded in the workflow's history.</summary>
/// <param name="errorType">The full type name of the exception that failed the task.</param>
/// <param name="errorMessage">The exception's message.</param>
/// <param name="stackTrace">The exception's stack trace, when known.</param>
public class WorkflowTaskFailureDetails(string errorType, string errorMessage, string? stackTrace = null)
{
    public string ErrorType { get; } = errorType;

    public string ErrorMessage { get; } = errorMessage;

    public string? StackTrace { get; } = stackTrace;

    /// <summary>
    /// Whether the failure was an exception of type <typeparamref name="T"/> (or derived from it). The error
    /// type is only a name, so this can answer <c>true</c> only for types this process can load.
    /// </summary>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        var failedType = Type.GetType(ErrorType, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies()
                .Select(assembly => assembly.GetType(ErrorType, throwOnError: false))
                .FirstOrDefault(type => type is not null);
        return failedType is not null && typeof(T).IsAssignableFrom(failedType);
    }

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
