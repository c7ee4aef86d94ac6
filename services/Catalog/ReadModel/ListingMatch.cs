namespace Ecommerce.Catalog.ReadModel;

/// <summary>A product that passed a listing's filters, with what its order needs. A struct: one is made per match.</summary>
internal readonly record struct ListingMatch(ListedProduct Listed, decimal? Price, float Score);
