namespace Ecommerce.Payment.Processing;

/// <summary>New ids: prefixed GUIDs, so a token, a payment and a transaction cannot be mistaken for one another in logs.</summary>
internal static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
