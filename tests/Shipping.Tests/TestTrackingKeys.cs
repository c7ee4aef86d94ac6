using System.Security.Cryptography;

namespace Ecommerce.Shipping.Tests;

/// <summary>Tracking keys made at run time, as <c>tools/DevSecrets</c> makes them: the base64 of 32 random bytes.</summary>
internal static class TestTrackingKeys
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
