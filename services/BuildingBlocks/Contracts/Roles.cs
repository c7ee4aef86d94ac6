namespace Ecommerce.Contracts;

/// <summary>
/// Roles carried in the <c>role</c> claim of access tokens issued by the identity service.
/// Every service authorizes with policies of the same names (see ServiceDefaults).
/// </summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";
    public const string Support = "support";
}
