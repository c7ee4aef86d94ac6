namespace Ecommerce.Inventory.Model;

/// <summary>What one SKU's actor says about a reservation id after a reserve, commit, release or expiry.</summary>
public enum ReservationStatus
{
    /// <summary>The units are held for the reservation until it is committed, released or expires.</summary>
    Reserved,

    /// <summary>The units left the warehouse: the on-hand stock went down by the reserved quantity.</summary>
    Committed,

    /// <summary>Given back before being committed (or released before it was ever reserved).</summary>
    Released,

    /// <summary>Never committed in time: the actor's reminder gave the units back.</summary>
    Expired,

    /// <summary>Refused: fewer units are available than asked for.</summary>
    Insufficient,

    /// <summary>The SKU has never seen this reservation id.</summary>
    Unknown,

    /// <summary>Refused: the id already holds a different quantity of this SKU.</summary>
    ConflictingQuantity,
}
