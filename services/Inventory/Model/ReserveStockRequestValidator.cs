using FluentValidation;

namespace Ecommerce.Inventory.Model;

public sealed class ReserveStockRequestValidator : AbstractValidator<ReserveStockRequest>
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 10_000;
    public const int MaxExpiresInSeconds = 7 * 24 * 3600;

    public ReserveStockRequestValidator()
    {
        RuleFor(request => request.ReservationId).Must(StockReservation.IsValidId).WithMessage(StockReservation.IdRule);
        RuleFor(request => request.Lines)
            .NotEmpty()
            .Must(lines => lines.Count <= MaxLines).WithMessage($"A reservation has at most {MaxLines} lines.")
            .Must(lines => lines.Where(line => line is not null).Select(line => line.Sku).Distinct(StringComparer.Ordinal).Count() == lines.Count)
            .WithMessage("Each SKU may appear on one line only; add the quantities up.");
        RuleForEach(request => request.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).Must(Sku.IsValid).WithMessage(Sku.Rule);
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, MaxQuantity);
        });
        RuleFor(request => request.ExpiresInSeconds).InclusiveBetween(1, MaxExpiresInSeconds);
    }
}
