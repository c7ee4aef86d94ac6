namespace Ecommerce.Payment.Model;

/// <summary>The fraud rules' verdict on an authorization, kept on the payment: score 0–100, decision, the rules that fired.</summary>
public sealed record FraudAssessment(int Score, FraudDecision Decision, IReadOnlyList<string> Signals);
