namespace Dapr.Workflow;

/// <summary>The name of a workflow task (an activity), convertible to and from <see cref="string"/>.</summary>
/// <param name="Name">The registered name.</param>
public readonly record struct TaskIdentifier(string Name)
{
    public static implicit operator TaskIdentifier(string name) => new(name);

    public static implicit operator string(TaskIdentifier identifier) => identifier.Name;

    public override string ToString() => Name;
}
