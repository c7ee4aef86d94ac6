namespace Ecommerce.Cart.Model;

/// <summary>At login: the anonymous cart (its id from <c>X-Cart-Id</c>) to merge into the signed-in customer's cart.</summary>
public sealed record MergeRequest(string AnonymousCartId);
