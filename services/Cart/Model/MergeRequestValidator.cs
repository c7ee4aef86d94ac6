using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class MergeRequestValidator : AbstractValidator<MergeRequest>
{
    public MergeRequestValidator() => RuleFor(request => request.AnonymousCartId).ValidAnonymousCartId();
}
