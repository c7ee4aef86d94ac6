using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Extensions;
using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.Model;
using Ecommerce.Inventory.OpenApi;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ecommerce.Inventory.Apis;

/// <summary>
/// Reservations over several SKUs, for the checkout saga (reservation id = order id). Every
/// operation is idempotent: sending it again answers as the first time did and changes nothing
/// more, so the saga may retry freely. The units are held by each SKU's actor; the reservation
/// record in <c>inventory-store</c> remembers which SKUs to commit or release and the answer given.
/// </summary>
public static class ReservationsApi
{
    public static IEndpointRouteBuilder MapReservationsApi(this IEndpointRouteBuilder app)
    {
        // Called by the ordering service through service invocation, never routed by the gateway.
        var reservations = app.MapGroup("/api/inventory/reservations")
            .WithTags("Reservations")
            .WithRequestValidation()
            .AllowAnonymous();

        reservations.MapPost("/", ReserveStock)
            .WithName("ReserveStock")
            .WithSummary("Reserve stock of several SKUs, all or nothing")
            .WithDescription(
                "Holds every line until committed, released or expired (expiresInSeconds, default from configuration). " +
                "If any line is short, nothing is held and the answer is 409 with 'shortages' (sku, requested, available, status). " +
                "Sending the same request again gives the same answer (200 for a reservation already held).")
            .WithRequestExample(new ReserveStockRequest("order-0190f1c2", [new("TR2-BLUE-42", 2), new("SOCK-BLACK-M", 1)], 900))
            .ProducesProblem(StatusCodes.Status409Conflict);

        reservations.MapGet("/{reservationId}", GetReservation)
            .WithName("GetReservation")
            .WithSummary("Read a reservation")
            .WithDescription("Its status (pending, reserved, committed, released, rejected, expired), lines and expiry.");

        reservations.MapPost("/{reservationId}/commit", CommitReservation)
            .WithName("CommitReservation")
            .WithSummary("Commit a reservation: the units leave stock")
            .WithDescription("Idempotent. 409 when the reservation was released, rejected or has expired (with the lines that could not be committed).")
            .ProducesProblem(StatusCodes.Status409Conflict);

        reservations.MapPost("/{reservationId}/release", ReleaseReservation)
            .WithName("ReleaseReservation")
            .WithSummary("Release a reservation: the units are available again")
            .WithDescription(
                "Idempotent. Releasing an id never reserved records it as released, so a reserve arriving later under that id is refused. " +
                "409 when the reservation is already committed (return the goods with an adjustment instead).")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Results<Created<StockReservation>, Ok<StockReservation>, ProblemHttpResult>> ReserveStock(
        ReserveStockRequest request,
        IReservationStore reservations,
        IInventoryItems items,
        IOptions<InventoryOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stored = await reservations.GetAsync(request.ReservationId, cancellationToken);
        if (stored is null)
        {
            var expiresAt = now.AddSeconds(request.ExpiresInSeconds ?? options.Value.DefaultReservationSeconds);
            var pending = new StockReservation(request.ReservationId, request.Lines, StockReservationStatus.Pending, expiresAt, now, now);
            stored = await reservations.TryCreateAsync(pending, cancellationToken);
            if (stored is null)
            {
                return Problems.Conflict("Another request is reserving under this id right now.", "Send the request again to get its answer.");
            }
        }
        else if (!stored.Reservation.HasSameLines(request.Lines))
        {
            return Problems.Conflict("This reservation id already holds other lines.", "A reservation id (the order id) reserves one set of lines.");
        }
        else if (AnswerForExisting(stored.Reservation.AsSeenAt(now)) is { } answer)
        {
            return answer;
        }

        // New, or pending because an earlier attempt was interrupted: (re)reserve every line. The
        // SKU actors are idempotent per reservation id, so lines held by that attempt are not held twice.
        var reservation = stored.Reservation;
        var seconds = Math.Max(1, (int)Math.Ceiling((reservation.ExpiresAt - now).TotalSeconds));
        var outcomes = await Task.WhenAll(reservation.Lines.Select(line =>
            items.ReserveAsync(line.Sku, new ReserveCommand(reservation.Id, line.Quantity, seconds), cancellationToken)));
        var shortages = reservation.Lines.Zip(outcomes)
            .Where(pair => pair.Second.Status != ReservationStatus.Reserved)
            .Select(pair => new LineProblem(pair.First.Sku, pair.First.Quantity, pair.Second.Available, pair.Second.Status))
            .ToList();

        if (shortages.Count == 0)
        {
            var held = reservation with { Status = StockReservationStatus.Reserved, UpdatedAt = now };
            if (!await reservations.TryUpdateAsync(held, stored.ETag, cancellationToken))
            {
                return Problems.Conflict("The reservation was changed while it was being made (released meanwhile?).", "Read it back to see where it stands.");
            }
            return TypedResults.Created($"/api/inventory/reservations/{held.Id}", held);
        }

        // All or nothing: give back what this attempt holds. Not cancellable: a half-done
        // rollback would keep units held until they expire.
        await Task.WhenAll(reservation.Lines.Zip(outcomes)
            .Where(pair => pair.Second.Status == ReservationStatus.Reserved)
            .Select(pair => items.ReleaseAsync(pair.First.Sku, reservation.Id, CancellationToken.None)));
        var rejected = reservation with { Status = StockReservationStatus.Rejected, UpdatedAt = now, Shortages = shortages };
        // If someone else changed the record meanwhile (a release), their status stands; the answer is the same.
        await reservations.TryUpdateAsync(rejected, stored.ETag, CancellationToken.None);
        return Shortage(shortages);
    }

    public static async Task<Results<Ok<StockReservation>, ValidationProblem, ProblemHttpResult>> GetReservation(
        string reservationId, IReservationStore reservations, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!StockReservation.IsValidId(reservationId))
        {
            return Problems.InvalidField("reservationId", StockReservation.IdRule);
        }
        var stored = await reservations.GetAsync(reservationId, cancellationToken);
        return stored is null
            ? Problems.NotFound($"No reservation '{reservationId}'.")
            : TypedResults.Ok(stored.Reservation.AsSeenAt(clock.GetUtcNow()));
    }

    public static async Task<Results<Ok<StockReservation>, ValidationProblem, ProblemHttpResult>> CommitReservation(
        string reservationId, IReservationStore reservations, IInventoryItems items, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!StockReservation.IsValidId(reservationId))
        {
            return Problems.InvalidField("reservationId", StockReservation.IdRule);
        }
        var stored = await reservations.GetAsync(reservationId, cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound($"No reservation '{reservationId}'.");
        }
        var reservation = stored.Reservation;
        switch (reservation.Status)
        {
            case StockReservationStatus.Committed:
                return TypedResults.Ok(reservation);
            case StockReservationStatus.Pending:
                return Problems.Conflict("The reservation is not complete.", "Send the reserve request again, or release it.");
            case StockReservationStatus.Released or StockReservationStatus.Rejected:
                return Problems.Conflict($"The reservation was {Name(reservation.Status)}; nothing is held to commit.");
        }

        // Not cancellable once started: every line should end committed.
        var outcomes = await Task.WhenAll(reservation.Lines.Select(line => items.CommitAsync(line.Sku, reservation.Id, CancellationToken.None)));
        var failed = reservation.Lines.Zip(outcomes)
            .Where(pair => pair.Second.Status != ReservationStatus.Committed)
            .Select(pair => new LineProblem(pair.First.Sku, pair.First.Quantity, pair.Second.Available, pair.Second.Status))
            .ToList();
        if (failed.Count > 0)
        {
            return Problems.Conflict(
                "Some lines are no longer held and could not be committed.",
                "A reservation that expired has given its units back; reserve again under a new id.",
                new Dictionary<string, object?> { ["lines"] = failed });
        }

        var committed = reservation with { Status = StockReservationStatus.Committed, UpdatedAt = clock.GetUtcNow() };
        return await SaveOutcomeAsync(reservations, committed, stored.ETag, cancellationToken);
    }

    public static async Task<Results<Ok<StockReservation>, ValidationProblem, ProblemHttpResult>> ReleaseReservation(
        string reservationId, IReservationStore reservations, IInventoryItems items, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!StockReservation.IsValidId(reservationId))
        {
            return Problems.InvalidField("reservationId", StockReservation.IdRule);
        }
        var now = clock.GetUtcNow();
        var stored = await reservations.GetAsync(reservationId, cancellationToken);
        if (stored is null)
        {
            // Nothing reserved yet: leave a tombstone so that a reserve arriving late is refused.
            var tombstone = new StockReservation(reservationId, [], StockReservationStatus.Released, now, now, now);
            stored = await reservations.TryCreateAsync(tombstone, cancellationToken);
            if (stored is not null)
            {
                return TypedResults.Ok(stored.Reservation);
            }
            stored = await reservations.GetAsync(reservationId, cancellationToken)
                ?? throw new InvalidOperationException($"Reservation '{reservationId}' exists and does not.");
        }
        var reservation = stored.Reservation;
        switch (reservation.Status)
        {
            case StockReservationStatus.Released or StockReservationStatus.Rejected:
                return TypedResults.Ok(reservation);
            case StockReservationStatus.Committed:
                return Problems.Conflict("The reservation is committed; its units have left stock.", "Return goods with a stock adjustment (reason 'returned').");
        }

        var outcomes = await Task.WhenAll(reservation.Lines.Select(line => items.ReleaseAsync(line.Sku, reservation.Id, CancellationToken.None)));
        var committedLines = reservation.Lines.Zip(outcomes)
            .Where(pair => pair.Second.Status == ReservationStatus.Committed)
            .Select(pair => new LineProblem(pair.First.Sku, pair.First.Quantity, pair.Second.Available, pair.Second.Status))
            .ToList();
        if (committedLines.Count > 0)
        {
            return Problems.Conflict(
                "Some lines are already committed and cannot be released.",
                "The other lines were released. Return committed goods with a stock adjustment.",
                new Dictionary<string, object?> { ["lines"] = committedLines });
        }

        var released = reservation with { Status = StockReservationStatus.Released, UpdatedAt = now };
        return await SaveOutcomeAsync(reservations, released, stored.ETag, cancellationToken);
    }

    /// <summary>What a retried reserve answers for a reservation that already exists; null to (re)reserve it.</summary>
    private static Results<Created<StockReservation>, Ok<StockReservation>, ProblemHttpResult>? AnswerForExisting(StockReservation existing) =>
        existing.Status switch
        {
            StockReservationStatus.Reserved or StockReservationStatus.Committed => TypedResults.Ok(existing),
            StockReservationStatus.Rejected => Shortage(existing.Shortages ?? []),
            StockReservationStatus.Released or StockReservationStatus.Expired =>
                Problems.Conflict($"The reservation was {Name(existing.Status)}.", "Reserve again under a new id."),
            _ => null,
        };

    /// <summary>Records the final status; if another request recorded it first, its record is the answer.</summary>
    private static async Task<Results<Ok<StockReservation>, ValidationProblem, ProblemHttpResult>> SaveOutcomeAsync(
        IReservationStore reservations, StockReservation outcome, string etag, CancellationToken cancellationToken)
    {
        if (await reservations.TryUpdateAsync(outcome, etag, cancellationToken))
        {
            return TypedResults.Ok(outcome);
        }
        var current = await reservations.GetAsync(outcome.Id, cancellationToken);
        return current?.Reservation.Status == outcome.Status
            ? TypedResults.Ok(current.Reservation)
            : Problems.Conflict("The reservation was changed by another request meanwhile.", "Read it back to see where it stands.");
    }

    private static ProblemHttpResult Shortage(IReadOnlyList<LineProblem> shortages) =>
        Problems.Conflict(
            "Not every line can be reserved; nothing is held.",
            $"Short: {string.Join(", ", shortages.Select(s => s.Sku))}.",
            new Dictionary<string, object?> { ["shortages"] = shortages });

    private static string Name(StockReservationStatus status) => status.ToString().ToLowerInvariant();
}
