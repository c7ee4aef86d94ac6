using FluentValidation;

namespace Ecommerce.Notification.Model;

/// <summary>The body of <c>PUT /api/notifications/preferences</c>: every flag is required, the phone number only when SMS is on.</summary>
public sealed record PreferencesRequest(ChannelsRequest? Channels, CategoriesRequest? Categories, string? PhoneNumber)
{
    /// <summary>The preferences this (validated) request sets; a blank phone number is none.</summary>
    public Preferences ToPreferences() => new(
        new ChannelPreferences(Channels!.Email!.Value, Channels.Sms!.Value, Channels.InApp!.Value),
        new CategoryPreferences(Categories!.Account!.Value, Categories.Orders!.Value, Categories.Shipping!.Value, Categories.Marketing!.Value),
        string.IsNullOrWhiteSpace(PhoneNumber) ? null : PhoneNumber.Trim());
}

public sealed record ChannelsRequest(bool? Email, bool? Sms, bool? InApp);

public sealed record CategoriesRequest(bool? Account, bool? Orders, bool? Shipping, bool? Marketing);

public sealed class PreferencesRequestValidator : AbstractValidator<PreferencesRequest>
{
    public PreferencesRequestValidator()
    {
        RuleFor(request => request.Channels).NotNull().WithMessage("channels is required: { email, sms, inApp }.");
        RuleFor(request => request.Channels!.Email).NotNull().When(request => request.Channels is not null).WithMessage("Required (true or false).");
        RuleFor(request => request.Channels!.Sms).NotNull().When(request => request.Channels is not null).WithMessage("Required (true or false).");
        RuleFor(request => request.Channels!.InApp).NotNull().When(request => request.Channels is not null).WithMessage("Required (true or false).");
        RuleFor(request => request.Categories).NotNull().WithMessage("categories is required: { account, orders, shipping, marketing }.");
        RuleFor(request => request.Categories!.Account).NotNull().When(request => request.Categories is not null).WithMessage("Required (true or false).");
        RuleFor(request => request.Categories!.Orders).NotNull().When(request => request.Categories is not null).WithMessage("Required (true or false).");
        RuleFor(request => request.Categories!.Shipping).NotNull().When(request => request.Categories is not null).WithMessage("Required (true or false).");
        RuleFor(request => request.Categories!.Marketing).NotNull().When(request => request.Categories is not null).WithMessage("Required (true or false).");
        RuleFor(request => request.PhoneNumber)
            .Must(PhoneNumbers.IsE164).When(request => !string.IsNullOrWhiteSpace(request.PhoneNumber))
            .WithMessage("The phone number must be in E.164 form: + then the country code and number, 8 to 15 digits (+447700900123).");
        RuleFor(request => request.PhoneNumber)
            .NotEmpty().When(request => request.Channels?.Sms == true)
            .WithMessage("A phone number is required when SMS is on.");
    }
}
