using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Payment.Apis;
using Ecommerce.Payment.Infrastructure;
using Ecommerce.Payment.Model;
using Ecommerce.Payment.Processing;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.ServiceDefaults.Validation;

namespace Ecommerce.Payment.Extensions;

public static class PaymentServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaymentOptions>()
            .BindConfiguration(PaymentOptions.SectionName)
            .Validate(options => options.ConcurrencyAttempts >= 1, "Payment:ConcurrencyAttempts must be at least 1.")
            .Validate(options => options.Fraud.AmountThreshold > 0 && options.Fraud.VelocityLimit >= 1 && options.Fraud.VelocityWindow > TimeSpan.Zero,
                "Payment:Fraud needs AmountThreshold > 0, VelocityLimit >= 1 and a positive VelocityWindow.")
            .Validate(options => options.Fraud.ReviewScore is > 0 and <= 100 && options.Fraud.DeclineScore > options.Fraud.ReviewScore && options.Fraud.DeclineScore <= 100,
                "Payment:Fraud needs 0 < ReviewScore < DeclineScore <= 100.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder().AddPaymentPolicies();
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<ITransactionalStore>(services => new DaprTransactionalStore(services.GetRequiredService<DaprClient>(), Components.PaymentStore));
        builder.Services.AddSingleton<IPaymentEvents, DaprPaymentEvents>();

        builder.Services.AddSingleton<Wallets>();
        builder.Services.AddSingleton<Authorizations>();
        builder.Services.AddSingleton<PaymentOperations>();
        builder.Services.AddSingleton<Disputes>();
        return builder;
    }
}
