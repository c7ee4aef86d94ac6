namespace Ecommerce.Inventory.Model;

/// <summary>Why an admin changed the on-hand stock of a warehouse; kept in the audit trail.</summary>
public enum AdjustmentReason
{
    /// <summary>Goods received from a supplier.</summary>
    Received,

    /// <summary>A customer return put back on the shelf.</summary>
    Returned,

    /// <summary>Damaged goods taken out of stock.</summary>
    Damaged,

    /// <summary>Units that cannot be found (shrinkage, theft).</summary>
    Lost,

    /// <summary>Units found that were not counted before.</summary>
    Found,

    /// <summary>A correction after a stock count or a data error.</summary>
    Correction,
}
