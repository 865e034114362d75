using Microsoft.AspNetCore.Http;

namespace Sitrep.Server.Api;

/// <summary>
/// A JSON body already serialized (a cached response): sent with its Content-Length in one write, so Kestrel
/// neither chunks it nor holds it back until the headers go out.
/// </summary>
internal sealed class JsonBytesResult(byte[] body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
