namespace Ecommerce.Contracts.Identity;

public enum LoginFailureReason
{
    UnknownEmail,
    WrongPassword,
    WrongMfaCode,
    LockedOut,
}
