namespace Ecommerce.Notification.Delivery;

/// <summary>One rendered text message to an E.164 number; <see cref="Id"/> is the delivery id.</summary>
public sealed record SmsMessage(string Id, string To, string Body, DateTimeOffset Date);
