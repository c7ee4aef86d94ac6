using FluentValidation;

namespace Ecommerce.Catalog.Model;

public sealed class UpdateProductRequestValidator : ProductFieldsRules<UpdateProductRequest>
{
    public UpdateProductRequestValidator()
    {
        RuleFor(request => request.Status)
            .IsInEnum()
            .NotEqual(ProductStatus.Archived)
            .WithMessage("Archive a product with POST /api/catalog/products/{id}/archive.");
    }
}
