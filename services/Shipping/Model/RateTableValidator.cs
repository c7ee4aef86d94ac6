using FluentValidation;

namespace Ecommerce.Shipping.Model;

/// <summary>A rate table an admin may save: one entry per method and per zone, bands ascending, prices not negative.</summary>
public sealed class RateTableValidator : AbstractValidator<RateTable>
{
    public RateTableValidator()
    {
        RuleFor(table => table.Currency).NotEmpty().Matches("^[A-Z]{3}$").WithMessage("An ISO 4217 currency code in upper case, e.g. 'EUR'.");
        RuleFor(table => table.Methods).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(methods => methods.Where(m => m is not null).Select(m => m.Method).Distinct().Count() == methods.Count(m => m is not null)).WithMessage("Each method at most once.");
        RuleForEach(table => table.Methods).NotNull().ChildRules(method =>
        {
            method.RuleFor(m => m.Method).IsInEnum();
            method.RuleFor(m => m.Zones).Cascade(CascadeMode.Stop).NotEmpty()
                .Must(zones => zones.Where(z => z is not null).Select(z => z.Zone).Distinct().Count() == zones.Count(z => z is not null)).WithMessage("Each zone at most once.");
            method.RuleForEach(m => m.Zones).NotNull().ChildRules(zone =>
            {
                zone.RuleFor(z => z.Zone).IsInEnum();
                zone.RuleFor(z => z.DeliveryDays).InclusiveBetween(0, 60);
                zone.RuleFor(z => z.Bands).Cascade(CascadeMode.Stop).NotEmpty()
                    .Must(bands => bands.Zip(bands.Skip(1)).All(pair => pair.First is null || pair.Second is null || pair.First.UpToGrams < pair.Second.UpToGrams))
                    .WithMessage("Bands ascending by upToGrams, each heavier than the one before.");
                zone.RuleForEach(z => z.Bands).NotNull().ChildRules(band =>
                {
                    band.RuleFor(b => b.UpToGrams).GreaterThan(0);
                    band.RuleFor(b => b.Price).GreaterThanOrEqualTo(0).PrecisionScale(12, 2, ignoreTrailingZeros: true);
                });
            });
        });
    }
}
