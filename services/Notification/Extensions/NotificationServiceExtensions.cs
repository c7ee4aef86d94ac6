using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Notification.Delivery;
using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Feed;
using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.Notification.Templates;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.ServiceDefaults.Validation;

namespace Ecommerce.Notification.Extensions;

public static class NotificationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .Validate(options => options.ConcurrencyAttempts >= 1 && options.HistoryLimit >= 1 && options.UnknownOrderAttempts >= 0,
                "Notification:ConcurrencyAttempts and Notification:HistoryLimit must be at least 1, Notification:UnknownOrderAttempts at least 0.")
            .Validate(options => options.RetainFor > TimeSpan.Zero && options.ClaimLease > TimeSpan.Zero,
                "Notification:RetainFor and Notification:ClaimLease must be positive.")
            .Validate(options => options.Feed.Limit >= 1 && options.Feed.StreamLifetime > TimeSpan.Zero
                    && options.Feed.HeartbeatInterval > TimeSpan.Zero && options.Feed.ReconnectDelay >= TimeSpan.Zero,
                "Notification:Feed needs Limit >= 1 and a positive StreamLifetime and HeartbeatInterval.")
            .Validate(options => options.Email.Mode is BindingMode.Auto or BindingMode.File or BindingMode.Smtp
                    && options.Sms.Mode is BindingMode.Auto or BindingMode.File or BindingMode.Provider,
                "Notification:Email:Mode is auto, file or smtp; Notification:Sms:Mode is auto, file or provider.")
            .ValidateOnStart();
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<ITransactionalStore>(services => new DaprTransactionalStore(services.GetRequiredService<DaprClient>(), Components.NotificationStore));
        builder.Services.AddSingleton<IOutputBindings, DaprOutputBindings>();

        builder.Services.AddSingleton<TemplateStore>();
        builder.Services.AddSingleton<ContactDirectory>();
        builder.Services.AddSingleton<PreferencesStore>();
        builder.Services.AddSingleton<DeliveryLedger>();
        builder.Services.AddSingleton<UnroutedEvents>();
        builder.Services.AddSingleton<FeedBroadcaster>();
        builder.Services.AddSingleton<InAppFeed>();
        builder.Services.AddSingleton<BindingModes>();
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddSingleton<SmsSender>();
        builder.Services.AddSingleton<Dispatcher>();
        return builder;
    }
}
