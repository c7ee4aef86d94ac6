namespace Dapr.Workflow.Replay;

/// <summary>
/// The workflow code no longer schedules what its history says it scheduled (different kind or name at a
/// sequence id, or an id it never created): the code changed under a running instance, or it is not
/// deterministic. The instance fails with this as its error type.
/// </summary>
internal sealed class NonDeterministicWorkflowException : Exception
{
    public NonDeterministicWorkflowException()
    {
    }

    public NonDeterministicWorkflowException(string message)
        : base(message)
    {
    }

    public NonDeterministicWorkflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
