using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Identity.Security;

/// <summary>
/// The keys of access tokens: the current EC P-256 key that signs (ES256), and the public halves of
/// it and of the retired keys, published in the JWKS document so tokens signed before a rotation
/// still validate until they expire. Key ids are RFC 7638 JWK thumbprints. Loaded from the secrets
/// at start (<see cref="KeyMaterialLoader"/>); until then <see cref="IsAvailable"/> is false.
/// </summary>
public sealed class SigningKeys
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private volatile Loaded? _loaded;

    public bool IsAvailable => _loaded is not null;

    /// <summary>What signs new tokens.</summary>
    public SigningCredentials Current => (_loaded ?? throw new KeyMaterialUnavailableException("The signing key is not loaded.")).Credentials;

    /// <summary>The current key first, then the retired ones; empty until loaded.</summary>
    public IReadOnlyList<EcPublicKey> PublicKeys => _loaded?.PublicKeys ?? [];

    /// <summary>
    /// Reads the current key (PKCS#8 PEM) and the retired ones (zero or more PEM blocks, private or
    /// public). Throws <see cref="FormatException"/> naming what is wrong, never the key itself.
    /// </summary>
    public void Load(string currentPem, string? retiredPems)
    {
        ArgumentNullException.ThrowIfNull(currentPem);
        var current = ImportSingle(currentPem, "the signing key");
        if (!HasPrivateKey(current))
        {
            current.Dispose();
            throw new FormatException("The signing key is a public key; it must be the private key (PKCS#8 PEM).");
        }
        var currentPublic = EcPublicKey.Of(current);
        var publicKeys = new List<EcPublicKey> { currentPublic };
        foreach (var retired in ImportAll(retiredPems ?? ""))
        {
            using (retired)
            {
                var key = EcPublicKey.Of(retired);
                if (publicKeys.All(known => known.KeyId != key.KeyId))
                {
                    publicKeys.Add(key);
                }
            }
        }
        var credentials = new SigningCredentials(new ECDsaSecurityKey(current) { KeyId = currentPublic.KeyId }, SecurityAlgorithms.EcdsaSha256);
        _loaded = new Loaded(credentials, publicKeys);
    }

    private static ECDsa ImportSingle(string pem, string what)
    {
        var keys = ImportAll(pem);
        if (keys.Count != 1)
        {
            keys.ForEach(key => key.Dispose());
            throw new FormatException($"{what} must be exactly one PEM-encoded EC P-256 key, found {keys.Count}.");
        }
        return keys[0];
    }

    private static List<ECDsa> ImportAll(string pems)
    {
        var keys = new List<ECDsa>();
        var rest = pems.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var block = rest[fields.Location];
            rest = rest[fields.Location.End..];
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(block);
            }
            catch (Exception error) when (error is CryptographicException or ArgumentException)
            {
                ecdsa.Dispose();
                keys.ForEach(key => key.Dispose());
                throw new FormatException("A PEM block is not an EC key (PKCS#8, SEC1 or SubjectPublicKeyInfo).", error);
            }
            if (!IsP256(ecdsa))
            {
                ecdsa.Dispose();
                keys.ForEach(key => key.Dispose());
                throw new FormatException("A key is not on curve P-256 (ES256 needs P-256).");
            }
            keys.Add(ecdsa);
        }
        return keys;
    }

    private static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(false).Curve.Oid;
        return key.KeySize == 256 && (curve.Value == P256Oid || curve.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1");
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            return key.ExportParameters(true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private sealed record Loaded(SigningCredentials Credentials, IReadOnlyList<EcPublicKey> PublicKeys);
}

/// <summary>The public half of an EC P-256 key as a JWK: coordinates in base64url, and the RFC 7638 thumbprint as key id.</summary>
public sealed record EcPublicKey(string KeyId, string X, string Y)
{
    public static EcPublicKey Of(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var point = key.ExportParameters(false).Q;
        var (x, y) = (Base64Url.EncodeToString(point.X), Base64Url.EncodeToString(point.Y));
        return new EcPublicKey(Thumbprint(x, y), x, y);
    }

    /// <summary>RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace, base64url.</summary>
    public static string Thumbprint(string x, string y) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"crv":"P-256","kty":"EC","x":"{{x}}","y":"{{y}}"}""")));
}
