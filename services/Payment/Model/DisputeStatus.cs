namespace Ecommerce.Payment.Model;

public enum DisputeStatus
{
    Open,
    Won,
    Lost,
}
