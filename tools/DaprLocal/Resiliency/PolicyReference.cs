namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>A target's use of a policy by name, remembering where, so a dangling name can be reported there.</summary>
public sealed record PolicyReference(string Name, string Location);
