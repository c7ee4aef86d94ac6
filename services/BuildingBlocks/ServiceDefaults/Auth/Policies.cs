using Ecommerce.Contracts;

namespace Ecommerce.ServiceDefaults.Auth;

/// <summary>
/// Authorization policies every service has. <c>customer</c>: a shopper's own data;
/// <c>support</c>: read and assist (support agents and admins); <c>admin</c>: back office.
/// </summary>
public static class Policies
{
    public const string Customer = Roles.Customer;
    public const string Support = Roles.Support;
    public const string Admin = Roles.Admin;
}
