using System.Text.Json;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>daprd's HTTP error body: <c>{"errorCode": "...", "message": "..."}</c> with its status.</summary>
public static class DaprHttpResults
{
    public static IResult Error(DaprApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Results.Json(new ErrorBody(error.ErrorCode, error.Message), statusCode: error.HttpStatus);
    }

    /// <summary>Runs a handler, answering a <see cref="DaprApiException"/> as daprd would.</summary>
    public static async Task<IResult> Handle(Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return await handler();
        }
        catch (DaprApiException error)
        {
            return Error(error);
        }
        catch (JsonException error)
        {
            return Error(DaprErrors.Malformed($"failed to parse the request body: {error.Message}"));
        }
    }

    private sealed record ErrorBody(string ErrorCode, string Message);
}
