using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Tests;

/// <summary>The stock rules of one SKU, without Dapr: what its actor applies one call at a time.</summary>
public sealed class InventoryItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reservation_holds_units_and_a_repeat_holds_nothing_more()
    {
        var item = Stocked(("berlin-1", 10));

        var first = item.Reserve("order-1", 3, Now.AddMinutes(15));
        var repeat = item.Reserve("order-1", 3, Now.AddMinutes(15));

        Assert.Equal(new ReservationOutcome(ReservationStatus.Reserved, true, 7), first);
        Assert.Equal(new ReservationOutcome(ReservationStatus.Reserved, false, 7), repeat);
        Assert.Equal(3, item.Reserved);
        Assert.Equal(10, item.OnHand);
    }

    [Fact]
    public void The_same_id_with_another_quantity_is_refused()
    {
        var item = Stocked(("berlin-1", 10));
        item.Reserve("order-1", 3, Now);

        Assert.Equal(ReservationStatus.ConflictingQuantity, item.Reserve("order-1", 4, Now).Status);
        Assert.Equal(3, item.Reserved);
    }

    [Fact]
    public void More_than_available_is_refused_and_changes_nothing()
    {
        var item = Stocked(("berlin-1", 2));
        var revision = item.Revision;

        var outcome = item.Reserve("order-1", 3, Now);

        Assert.Equal(new ReservationOutcome(ReservationStatus.Insufficient, false, 2), outcome);
        Assert.Equal(revision, item.Revision);
        Assert.Empty(item.Reservations);
    }

    [Fact]
    public void Committing_takes_units_from_the_fullest_warehouse_first_and_only_once()
    {
        var item = Stocked(("berlin-1", 2), ("hamburg-1", 5));
        item.Reserve("order-1", 6, Now);

        var first = item.Commit("order-1", Now);
        var repeat = item.Commit("order-1", Now);

        Assert.Equal(ReservationStatus.Committed, first.Status);
        Assert.True(first.StockChanged);
        Assert.Equal(ReservationStatus.Committed, repeat.Status);
        Assert.False(repeat.StockChanged);
        Assert.Equal(0, item.OnHandByWarehouse["hamburg-1"]);
        Assert.Equal(1, item.OnHandByWarehouse["berlin-1"]);
        Assert.Equal(1, item.Available);
        Assert.Equal(0, item.Reserved);
    }

    [Fact]
    public void Releasing_gives_units_back_and_a_released_id_cannot_be_reserved_or_committed()
    {
        var item = Stocked(("berlin-1", 5));
        item.Reserve("order-1", 5, Now);

        Assert.Equal(ReservationStatus.Released, item.Release("order-1", Now).Status);
        Assert.Equal(5, item.Available);
        Assert.Equal(ReservationStatus.Released, item.Reserve("order-1", 5, Now).Status);
        Assert.Equal(ReservationStatus.Released, item.Commit("order-1", Now).Status);
        Assert.Equal(5, item.Available);
    }

    [Fact]
    public void Releasing_an_unknown_id_leaves_a_tombstone_that_refuses_a_late_reserve()
    {
        var item = Stocked(("berlin-1", 5));

        var release = item.Release("order-late", Now);
        var lateReserve = item.Reserve("order-late", 1, Now);

        Assert.Equal(new ReservationOutcome(ReservationStatus.Released, false, 5), release);
        Assert.Equal(ReservationStatus.Released, lateReserve.Status);
        Assert.Equal(5, item.Available);
    }

    [Fact]
    public void A_committed_reservation_cannot_be_released()
    {
        var item = Stocked(("berlin-1", 5));
        item.Reserve("order-1", 2, Now);
        item.Commit("order-1", Now);

        var outcome = item.Release("order-1", Now);

        Assert.Equal(ReservationStatus.Committed, outcome.Status);
        Assert.Equal(3, item.OnHand);
    }

    [Fact]
    public void Expiry_gives_back_only_what_is_still_held()
    {
        var item = Stocked(("berlin-1", 5));
        item.Reserve("held", 2, Now);
        item.Reserve("shipped", 1, Now);
        item.Commit("shipped", Now);

        Assert.Equal(ReservationStatus.Expired, item.Expire("held", Now).Status);
        Assert.False(item.Expire("shipped", Now).StockChanged);
        Assert.Equal(ReservationStatus.Unknown, item.Expire("never", Now).Status);
        Assert.Equal(4, item.Available);
        Assert.Equal(ReservationStatus.Expired, item.Commit("held", Now).Status);
    }

    [Fact]
    public void Adjustments_may_not_make_a_warehouse_negative_nor_strand_reservations()
    {
        var item = Stocked(("berlin-1", 5), ("hamburg-1", 1));
        item.Reserve("order-1", 5, Now);

        Assert.NotNull(item.Adjust("hamburg-1", -2));
        Assert.NotNull(item.Adjust("berlin-1", -2));
        Assert.Null(item.Adjust("hamburg-1", -1));
        Assert.Equal(0, item.Available);
        Assert.Equal(3, item.AdjustmentCount);
    }

    [Fact]
    public void Every_change_of_the_numbers_bumps_the_revision()
    {
        var item = new InventoryItem();

        item.Adjust("berlin-1", 3);
        item.Reserve("a", 1, Now);
        item.Reserve("a", 1, Now);
        item.Commit("a", Now);
        item.Reserve("b", 1, Now);
        item.Release("b", Now);

        Assert.Equal(5, item.Revision);
    }

    [Fact]
    public void Low_stock_is_announced_once_per_dip_below_the_threshold()
    {
        var item = Stocked(("berlin-1", 10));

        Assert.False(item.TakeLowStockAlert(threshold: 5));
        item.Reserve("a", 5, Now);
        Assert.True(item.TakeLowStockAlert(threshold: 5));
        item.Reserve("b", 1, Now);
        Assert.False(item.TakeLowStockAlert(threshold: 5));
        item.Release("a", Now);
        item.Release("b", Now);
        Assert.False(item.TakeLowStockAlert(threshold: 5));
        item.Reserve("c", 6, Now);
        Assert.True(item.TakeLowStockAlert(threshold: 5));
    }

    [Fact]
    public void Closed_reservations_are_forgotten_after_the_retention_but_held_ones_never()
    {
        var item = Stocked(("berlin-1", 10));
        item.Reserve("old", 1, Now);
        item.Release("old", Now);
        item.Reserve("held", 1, Now);

        item.ForgetClosedBefore(Now.AddHours(1));

        Assert.Equal(["held"], item.Reservations.Keys);
    }

    private static InventoryItem Stocked(params (string Warehouse, int Units)[] stock)
    {
        var item = new InventoryItem();
        foreach (var (warehouse, units) in stock)
        {
            Assert.Null(item.Adjust(warehouse, units));
        }
        return item;
    }
}
