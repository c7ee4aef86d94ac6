namespace Ecommerce.Contracts.Notifications;

/// <summary>Template names and the parameters each one expects.</summary>
public static class NotificationTemplates
{
    /// <summary>Parameters: <c>name</c>, <c>token</c> (the email verification token), <c>expiresAt</c>.</summary>
    public const string VerifyEmail = "identity.verify-email";

    /// <summary>Parameters: <c>name</c>, <c>token</c> (the password reset token), <c>expiresAt</c>.</summary>
    public const string ResetPassword = "identity.reset-password";
}
