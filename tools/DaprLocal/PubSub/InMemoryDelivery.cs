namespace Ecommerce.DaprLocal.PubSub;

/// <summary>A message waiting in a group's queue, with how often its handlers asked to retry it.</summary>
internal sealed record InMemoryDelivery(PubSubMessage Message, int FailedAttempts);
