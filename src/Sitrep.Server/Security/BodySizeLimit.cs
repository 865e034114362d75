using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Sitrep.Server.Security;

/// <summary>
/// Endpoint metadata: the largest request body this endpoint accepts. Every other endpoint gets the
/// server's small default (<see cref="DefaultBytes"/>), so only ingest takes files.
/// </summary>
public sealed record BodySizeLimit(long Bytes)
{
    public const long DefaultBytes = 64 * 1024;

    /// <summary>Middleware, after routing: applies the endpoint's limit before anything reads the body.</summary>
    public static Task Apply(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodySizeLimit>()?.Bytes ?? DefaultBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        return next();
    }
}
