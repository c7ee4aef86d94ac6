using FluentValidation;

namespace Ecommerce.Catalog.Model;

public sealed class CreateProductRequestValidator : ProductFieldsRules<CreateProductRequest>
{
    public CreateProductRequestValidator()
    {
        RuleFor(request => Slugs.FromName(request.Name))
            .NotEmpty()
            .When(request => request.Slug is null && !string.IsNullOrWhiteSpace(request.Name))
            .OverridePropertyName(nameof(CreateProductRequest.Name))
            .WithMessage("The name has no letters or digits to make a slug from; give a slug.");
        RuleFor(request => request.Status).IsInEnum();
    }
}
