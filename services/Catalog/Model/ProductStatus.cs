namespace Ecommerce.Catalog.Model;

/// <summary>A draft is invisible to shoppers; an archived product stays readable for old orders.</summary>
public enum ProductStatus
{
    Draft,
    Active,
    Archived,
}
