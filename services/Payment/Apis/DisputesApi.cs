using Ecommerce.Payment.Model;
using Ecommerce.Payment.Processing;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Payment.Apis;

/// <summary>Chargebacks, worked by admins: open on a captured payment, add evidence, resolve won or lost.</summary>
public static class DisputesApi
{
    public static IEndpointRouteBuilder MapDisputesApi(this IEndpointRouteBuilder app)
    {
        var disputes = app.MapGroup("/api/payments")
            .WithTags("Disputes")
            .WithRequestValidation()
            .RequireAuthorization(Policies.Admin);

        disputes.MapPost("/{id}/disputes", Open)
            .WithName("OpenDispute")
            .WithSummary("Open a dispute on a captured payment")
            .WithDescription("The amount is held (not refundable) until the dispute is resolved; at most what is left to refund.");

        disputes.MapGet("/disputes/{disputeId}", Get)
            .WithName("GetDispute")
            .WithSummary("A dispute with its evidence");

        disputes.MapPost("/disputes/{disputeId}/evidence", AddEvidence)
            .WithName("AddDisputeEvidence")
            .WithSummary("Add evidence to an open dispute");

        disputes.MapPost("/disputes/{disputeId}/resolve", Resolve)
            .WithName("ResolveDispute")
            .WithSummary("Resolve a dispute: won or lost")
            .WithDescription("Lost returns the disputed amount as a refund transaction; payments.dispute-closed says so.");

        return app;
    }

    public static async Task<Results<Created<Dispute>, ProblemHttpResult>> Open(string id, OpenDisputeRequest request, Disputes disputes, CancellationToken cancellationToken)
    {
        var outcome = await disputes.OpenAsync(id, request, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/payments/disputes/{outcome.Value!.Id}", outcome.Value) : outcome.Problem!;
    }

    public static async Task<Results<Ok<Dispute>, ProblemHttpResult>> Get(string disputeId, Disputes disputes, CancellationToken cancellationToken) =>
        await disputes.GetAsync(disputeId, cancellationToken) is { } dispute ? TypedResults.Ok(dispute) : Problems.DisputeNotFound();

    public static async Task<Results<Ok<Dispute>, ProblemHttpResult>> AddEvidence(
        string disputeId, DisputeEvidenceRequest request, Disputes disputes, CancellationToken cancellationToken)
    {
        var outcome = await disputes.AddEvidenceAsync(disputeId, request.Text!, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Problem!;
    }

    public static async Task<Results<Ok<Dispute>, ProblemHttpResult>> Resolve(
        string disputeId, ResolveDisputeRequest request, Disputes disputes, CancellationToken cancellationToken)
    {
        var outcome = await disputes.ResolveAsync(disputeId, request.Outcome!.Value, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Problem!;
    }
}
