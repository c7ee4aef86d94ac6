namespace Ecommerce.Contracts.Catalog;

public enum ProductChangeKind
{
    Created,
    Updated,
    Archived,
}
