using FluentValidation;

namespace Ecommerce.Catalog.Model;

/// <summary>The rules a product's fields follow, shared by the create and update validators.</summary>
public abstract class ProductFieldsRules<T> : AbstractValidator<T>
    where T : IProductFields
{
    public const int MaxVariants = 100;
    public const int MaxMedia = 20;
    public const int MaxAttributes = 30;

    protected ProductFieldsRules()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(200);
        RuleFor(request => request.Description).NotNull().MaximumLength(4000);
        RuleFor(request => request.Brand).NotEmpty().MaximumLength(100);
        RuleFor(request => request.CategoryId).NotEmpty().MaximumLength(Slugs.MaxLength);
        RuleFor(request => request.Slug)
            .Must(slug => Slugs.IsValid(slug!))
            .When(request => request.Slug is not null)
            .WithMessage("A slug is 1 to 120 lower-case letters, digits and single hyphens, e.g. 'trail-runner-2'.");
        RuleFor(request => request.Attributes)
            .Must(attributes => attributes!.Count <= MaxAttributes)
            .WithMessage($"A product has at most {MaxAttributes} attributes.")
            .Must(attributes => attributes!.All(pair => OptionText.IsValidName(pair.Key) && OptionText.IsValidValue(pair.Value)))
            .WithMessage("Attribute names are 1 to 40 letters, digits, spaces or hyphens; values are 1 to 100 characters.")
            .When(request => request.Attributes is not null);
        RuleFor(request => request.Variants)
            .Must(variants => variants!.Count <= MaxVariants)
            .WithMessage($"A product has at most {MaxVariants} variants.")
            .Must(variants => variants!.Where(variant => variant?.Sku is not null).Select(variant => variant.Sku).Distinct(StringComparer.OrdinalIgnoreCase).Count() == variants!.Count(variant => variant?.Sku is not null))
            .WithMessage("Every variant needs its own SKU.")
            .When(request => request.Variants is not null);
        RuleForEach(request => request.Variants).NotNull().SetValidator(new ProductVariantValidator());
        RuleFor(request => request.Media)
            .Must(media => media!.Count <= MaxMedia)
            .WithMessage($"A product has at most {MaxMedia} images.")
            .When(request => request.Media is not null);
        RuleForEach(request => request.Media).NotNull().SetValidator(new ProductMediaValidator());
    }
}
