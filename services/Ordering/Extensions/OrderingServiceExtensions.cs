using Dapr.Client;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Apis;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Orders;
using Ecommerce.Ordering.Sweep;
using Ecommerce.Ordering.Workflow;
using Ecommerce.Ordering.Workflow.Activities;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.Extensions.Options;

namespace Ecommerce.Ordering.Extensions;

public static class OrderingServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrderingOptions>()
            .BindConfiguration(OrderingOptions.SectionName)
            .Validate(options => options.ConcurrencyAttempts >= 1 && options.DependencyTimeout > TimeSpan.Zero,
                "Ordering needs ConcurrencyAttempts >= 1 and a positive DependencyTimeout.")
            .Validate(options => options.Checkout.FraudReviewTimeout > TimeSpan.Zero && options.Checkout.ReservationMargin >= TimeSpan.Zero
                && options.Checkout.StepRetry.IsValid && options.Checkout.CompensationRetry.IsValid,
                "Ordering:Checkout needs a positive FraudReviewTimeout, a ReservationMargin >= 0 and valid retries (MaxAttempts >= 1, FirstInterval > 0, BackoffCoefficient >= 1, MaxInterval >= FirstInterval).")
            .Validate(options => options.Returns.DecisionTimeout > TimeSpan.Zero && !string.IsNullOrWhiteSpace(options.Returns.RestockWarehouseId),
                "Ordering:Returns needs a positive DecisionTimeout and a RestockWarehouseId.")
            .Validate(options => options.Sweep.StuckAfter > TimeSpan.Zero, "Ordering:Sweep:StuckAfter must be positive.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder().AddOrderingPolicies();
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<ITransactionalStore>(services => new DaprTransactionalStore(services.GetRequiredService<DaprClient>(), Components.OrderingStore));
        builder.Services.AddSingleton<OrderRepository>();
        builder.Services.AddSingleton<IOrderEvents, DaprOrderEvents>();
        builder.Services.AddSingleton(provider => new ServiceInvoker(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IOptions<OrderingOptions>>().Value.DependencyTimeout));
        builder.Services.AddSingleton<ICartClient, DaprCartClient>();
        builder.Services.AddSingleton<ISagas, DaprSagas>();
        builder.Services.AddSingleton<OrderDesk>();
        builder.Services.AddSingleton<OrderingSweep>();

        builder.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<CheckoutWorkflow>();
            options.RegisterWorkflow<ReturnWorkflow>();
            options.RegisterWorkflow<CheckoutRecoveryWorkflow>();
            options.RegisterActivity<PriceOrderActivity>();
            options.RegisterActivity<ReserveStockActivity>();
            options.RegisterActivity<AuthorizePaymentActivity>();
            options.RegisterActivity<ReviewPaymentActivity>();
            options.RegisterActivity<CreateShipmentActivity>();
            options.RegisterActivity<PassPointOfNoReturnActivity>();
            options.RegisterActivity<CapturePaymentActivity>();
            options.RegisterActivity<CommitStockActivity>();
            options.RegisterActivity<ClearCartActivity>();
            options.RegisterActivity<CancelShipmentActivity>();
            options.RegisterActivity<VoidPaymentActivity>();
            options.RegisterActivity<RefundPaymentActivity>();
            options.RegisterActivity<ReleaseStockActivity>();
            options.RegisterActivity<RecordStatusActivity>();
            options.RegisterActivity<RecordReturnActivity>();
            options.RegisterActivity<RestockReturnActivity>();
        });
        return builder;
    }
}
