using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Sitrep.Server.Security;

/// <summary>Rate limits: ingest per user (or address), sign-in per address. Over the limit: 429 with Retry-After.</summary>
public static class RateLimits
{
    public const string Ingest = "ingest";
    public const string Login = "login";

    public static void Configure(RateLimiterOptions limiter, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return ValueTask.CompletedTask;
        };
        limiter.AddPolicy(Ingest, http => Window(http.User.FindFirstValue(ClaimTypes.Name) ?? Address(http), options.IngestPermitsPerMinute));
        limiter.AddPolicy(Login, http => Window(Address(http), options.LoginPermitsPerMinute));
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
