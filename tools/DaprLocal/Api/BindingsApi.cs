using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Api;

/// <summary>Output bindings behind both APIs. Every binding failure is daprd's 500 <c>ERR_INVOKE_OUTPUT_BINDING</c>.</summary>
public sealed class BindingsApi(ComponentRegistry components)
{
    public async Task<BindingResponse> InvokeAsync(
        string name, string operation, byte[] data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (!components.OutputBindings.TryGetValue(name, out var binding))
        {
            throw DaprErrors.BindingNotFound(name);
        }
        if (!binding.Binding.Operations.Contains(operation, StringComparer.Ordinal))
        {
            throw DaprErrors.Binding(name, $"binding {name} does not support operation '{operation}' (supported: {string.Join(", ", binding.Binding.Operations)})");
        }
        try
        {
            return await binding.Binding.InvokeAsync(new BindingRequest(operation, data, metadata), cancellationToken);
        }
        catch (Exception error) when (error is not DaprApiException and not OperationCanceledException)
        {
            throw DaprErrors.Binding(name, error.Message);
        }
    }
}
