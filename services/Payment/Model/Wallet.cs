namespace Ecommerce.Payment.Model;

/// <summary>A user's payment methods, one document per user (<c>methods|{userId}</c>).</summary>
public sealed record Wallet(string UserId, IReadOnlyList<PaymentMethod> Methods)
{
    public const int MaxMethods = 10;

    public static Wallet Empty(string userId) => new(userId, []);

    public PaymentMethod? Find(string id) => Methods.FirstOrDefault(method => method.Id == id);

    public Wallet Add(PaymentMethod method) => this with { Methods = [.. Methods, method] };

    public Wallet Remove(string id) => this with { Methods = [.. Methods.Where(method => method.Id != id)] };
}
