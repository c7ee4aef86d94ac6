using FluentValidation;

namespace Ecommerce.Catalog.Model;

public sealed class ProductQueryValidator : AbstractValidator<ProductQuery>
{
    public ProductQueryValidator()
    {
        RuleFor(query => query.Text).MaximumLength(200);
        RuleFor(query => query.Category).MaximumLength(Slugs.MaxLength);
        RuleFor(query => query.Brands).Must(brands => brands!.Length <= 20).When(query => query.Brands is not null)
            .WithMessage("At most 20 brands.");
        RuleFor(query => query.MinPrice).GreaterThanOrEqualTo(0);
        RuleFor(query => query.MaxPrice).GreaterThanOrEqualTo(0);
        RuleFor(query => query.MaxPrice)
            .GreaterThanOrEqualTo(query => query.MinPrice)
            .When(query => query.MinPrice is not null && query.MaxPrice is not null)
            .WithMessage("maxPrice must not be below minPrice.");
        RuleFor(query => query.Currency)
            .Must(currency => currency!.Length == 3 && currency.All(char.IsAsciiLetterUpper))
            .When(query => query.Currency is not null)
            .WithMessage("A currency is an ISO 4217 code in capitals, e.g. 'EUR'.");
        RuleFor(query => query.Attributes)
            .Must(attributes => attributes!.Length <= 20 && attributes.All(AttributeFilter.IsWellFormed))
            .When(query => query.Attributes is not null)
            .WithMessage("An attribute filter is 'name:value', e.g. 'colour:blue'; at most 20.");
        RuleFor(query => query.Sort)
            .Must(sort => ProductSorts.TryParse(sort, out _))
            .When(query => query.Sort is not null)
            .WithMessage("sort is one of relevance, name, priceAscending, priceDescending, newest.");
        RuleFor(query => query.Page).InclusiveBetween(1, 10_000);
        RuleFor(query => query.PageSize).InclusiveBetween(1, ProductQuery.MaxPageSize);
    }
}
