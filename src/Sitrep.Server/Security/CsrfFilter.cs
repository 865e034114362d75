using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Server.Security;

/// <summary>
/// Cross-site request forgery protection for every unsafe request that a browser could send with its
/// cookies: the antiforgery token pair (a cookie and the <see cref="HeaderName"/> header, from
/// <c>GET /api/auth/session</c>) must match. Requests signed with an API key carry no ambient credential
/// and need no token.
/// </summary>
public sealed class CsrfFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var byKey = http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName);
        if (!byKey && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(
                    detail: $"SITREP-AUTH-007: missing or invalid antiforgery token (send the {HeaderName} header from GET /api/auth/session)",
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context);
    }
}
