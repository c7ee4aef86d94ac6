using System.Text.RegularExpressions;
using FluentValidation;

namespace Ecommerce.Catalog.Model;

public sealed partial class ProductVariantValidator : AbstractValidator<ProductVariant>
{
    public const int MaxWeightGrams = 1_000_000;

    public ProductVariantValidator()
    {
        RuleFor(variant => variant.Sku)
            .NotEmpty()
            .MaximumLength(64)
            .Matches(SkuPattern())
            .WithMessage("A SKU is 1 to 64 letters, digits, hyphens, dots or underscores, e.g. 'TR2-BLU-42'.");
        RuleFor(variant => variant.Options)
            .Must(options => options is null || options.All(pair => OptionText.IsValidName(pair.Key) && OptionText.IsValidValue(pair.Value)))
            .WithMessage("Option names (size, colour) are 1 to 40 letters, digits, spaces or hyphens; values are 1 to 100 characters.");
        RuleFor(variant => variant.WeightGrams).InclusiveBetween(0, MaxWeightGrams);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SkuPattern();
}
