namespace Ecommerce.Shipping.Model;

/// <summary>Delivery estimates count business days: the carrier neither picks up nor delivers on Saturdays and Sundays.</summary>
public static class DeliveryDates
{
    /// <summary>The day <paramref name="businessDays"/> working days after <paramref name="from"/> (a weekend start counts from Monday).</summary>
    public static DateOnly AddBusinessDays(DateOnly from, int businessDays)
    {
        var day = from;
        var left = businessDays;
        while (left > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                left--;
            }
        }
        return day;
    }
}
