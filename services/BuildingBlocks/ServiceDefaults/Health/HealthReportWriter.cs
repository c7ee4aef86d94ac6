using System.Text.Json;
using Ecommerce.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ecommerce.ServiceDefaults.Health;

/// <summary>Writes <c>{"status":"healthy","checks":{"dapr-sidecar":{"status":...,"description":...}}}</c>.</summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            Status = report.Status,
            Checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { entry.Value.Status, entry.Value.Description }),
        };
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonConventions.Options, context.RequestAborted);
    }
}
