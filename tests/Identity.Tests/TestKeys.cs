using System.Security.Cryptography;

namespace Ecommerce.Identity.Tests;

/// <summary>Key material as the secret store holds it (the format tools/DevSecrets writes).</summary>
internal static class TestKeys
{
    public static string NewSigningKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public static string NewDataKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string UniqueEmail(string name = "user") => $"{name}-{Guid.NewGuid():N}@example.test";
}
