namespace Ecommerce.Payment.Model;

public enum FraudDecision
{
    Approve,
    Review,
    Decline,
}
