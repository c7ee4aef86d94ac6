using System.Net;
using static Ecommerce.Payment.Tests.Api.PaymentRequests;

namespace Ecommerce.Payment.Tests.Api;

public sealed class OpenApiTests(PaymentApiFactory factory) : IClassFixture<PaymentApiFactory>
{
    [Fact]
    public async Task Every_endpoint_is_described_by_name()
    {
        var response = await factory.CreateClient().GetAsync("swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var operations = (await JsonAsync(response)).GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Select(operation => operation.Value.GetProperty("operationId").GetString())
            .ToHashSet();
        foreach (var name in new[]
        {
            "AddPaymentMethod", "ListPaymentMethods", "DeletePaymentMethod", "AuthorizePayment", "CapturePayment", "VoidPayment", "RefundPayment",
            "ReviewPayment", "ListOrderPayments", "ListMyPayments", "GetPayment", "OpenDispute", "GetDispute", "AddDisputeEvidence", "ResolveDispute",
        })
        {
            Assert.Contains(name, operations);
        }
    }
}
