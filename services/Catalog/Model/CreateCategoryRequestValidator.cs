using FluentValidation;

namespace Ecommerce.Catalog.Model;

public sealed class CreateCategoryRequestValidator : AbstractValidator<CreateCategoryRequest>
{
    public CreateCategoryRequestValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(100);
        RuleFor(request => request.Id)
            .Must(id => Slugs.IsValid(id!))
            .When(request => request.Id is not null)
            .WithMessage("A category id is slug-shaped: lower-case letters, digits and single hyphens, e.g. 'running-shoes'.");
        RuleFor(request => Slugs.FromName(request.Name))
            .NotEmpty()
            .When(request => request.Id is null && !string.IsNullOrWhiteSpace(request.Name))
            .OverridePropertyName(nameof(CreateCategoryRequest.Name))
            .WithMessage("The name has no letters or digits to make an id from; give an id.");
        RuleFor(request => request.ParentId)
            .Must(id => Slugs.IsValid(id!))
            .When(request => request.ParentId is not null)
            .WithMessage("A parent id is the id of an existing category.");
    }
}
