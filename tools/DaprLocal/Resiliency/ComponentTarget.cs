namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// <c>spec.targets.components.&lt;name&gt;</c>: <see cref="Outbound"/> covers the sidecar calling the component
/// (save state, publish, invoke an output binding), <see cref="Inbound"/> the sidecar delivering what the
/// component produced to the app (pub/sub messages, input binding events).
/// </summary>
public sealed record ComponentTarget(string ComponentName, TargetPolicyNames Inbound, TargetPolicyNames Outbound, string Location);
