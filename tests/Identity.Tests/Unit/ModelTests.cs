using Ecommerce.Identity.Model;

namespace Ecommerce.Identity.Tests.Unit;

public sealed class ModelTests
{
    private static readonly int[] FailureCounts = [5, 6, 7, 8, 9, 10, 11, 40];

    [Fact]
    public void The_lock_starts_at_the_threshold_and_doubles_with_each_further_failure_up_to_the_cap()
    {
        var lockout = new LockoutOptions { Threshold = 5, FirstLock = TimeSpan.FromMinutes(1), MaxLock = TimeSpan.FromHours(1) };

        Assert.Null(lockout.LockFor(4));
        Assert.Equal(
            [1, 2, 4, 8, 16, 32, 60, 60],
            FailureCounts.Select(failures => lockout.LockFor(failures)!.Value.TotalMinutes));
    }

    [Fact]
    public void An_address_book_always_has_exactly_one_default_shipping_address_while_it_has_any()
    {
        static Address At(string id) => new(id, null, "Ada", "1 Main St", null, "Berlin", null, "10115", "DE", null, DefaultShipping: true);

        var book = AddressBook.Empty("user-1").Add(At("a")).Add(At("b")).Add(At("c"));
        Assert.Equal(["a"], Defaults(book));

        book = book.MakeDefault("c");
        Assert.Equal(["c"], Defaults(book));

        book = book.Replace(At("c") with { City = "Hamburg", DefaultShipping = false });
        Assert.Equal(["c"], Defaults(book));
        Assert.Equal("Hamburg", book.Find("c")!.City);

        book = book.Remove("c");
        Assert.Equal(["a"], Defaults(book));

        book = book.Remove("a").Remove("b");
        Assert.Empty(book.Addresses);
    }

    private static List<string> Defaults(AddressBook book) => [.. book.Addresses.Where(a => a.DefaultShipping).Select(a => a.Id)];
}
