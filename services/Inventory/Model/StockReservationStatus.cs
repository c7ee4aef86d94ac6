namespace Ecommerce.Inventory.Model;

/// <summary>Where a multi-SKU reservation (one order's) stands.</summary>
public enum StockReservationStatus
{
    /// <summary>Being reserved, SKU by SKU (or interrupted while being reserved: sending the request again finishes it).</summary>
    Pending,

    /// <summary>Every line is held until <see cref="StockReservation.ExpiresAt"/>.</summary>
    Reserved,

    /// <summary>Every line was taken out of stock.</summary>
    Committed,

    /// <summary>Given back (or released before anything was reserved).</summary>
    Released,

    /// <summary>Some line could not be held; nothing is held. <see cref="StockReservation.Shortages"/> says which.</summary>
    Rejected,

    /// <summary>Never committed in time; the SKUs have given the units back.</summary>
    Expired,
}
