using FluentValidation;

namespace Ecommerce.Catalog.Model;

public sealed class ProductMediaValidator : AbstractValidator<ProductMedia>
{
    public ProductMediaValidator()
    {
        RuleFor(media => media.Url)
            .NotNull()
            .Must(url => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            .WithMessage("An image URL is an absolute http or https URL.");
        RuleFor(media => media.AltText).NotEmpty().MaximumLength(300);
        RuleFor(media => media.Order).InclusiveBetween(0, 1000);
    }
}
