using FluentValidation;

namespace Ecommerce.Catalog.Model;

public sealed class CreateProductRequestValidator : AbstractValidator<CreateProductRequest>
{
    public CreateProductRequestValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(200);
        RuleFor(request => request.Description).NotNull().MaximumLength(4000);
        RuleFor(request => request.Brand).NotEmpty().MaximumLength(100);
        RuleFor(request => request.Slug)
            .Must(slug => Slugs.IsValid(slug!))
            .When(request => request.Slug is not null)
            .WithMessage("A slug is 1 to 120 lower-case letters, digits and single hyphens, e.g. 'trail-runner-2'.");
        RuleFor(request => Slugs.FromName(request.Name))
            .NotEmpty()
            .When(request => request.Slug is null && !string.IsNullOrWhiteSpace(request.Name))
            .OverridePropertyName(nameof(CreateProductRequest.Name))
            .WithMessage("The name has no letters or digits to make a slug from; give a slug.");
        RuleFor(request => request.Status).IsInEnum();
    }
}
