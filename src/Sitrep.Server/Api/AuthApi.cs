using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sitrep.Server.Security;

namespace Sitrep.Server.Api;

/// <summary>Sign-in for the dashboard (a cookie), sign-out, and the session: who is signed in, the antiforgery token.</summary>
public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var auth = api.MapGroup("/auth").WithTags("auth");
        auth.MapGet("/session", Session).WithSummary("Who is signed in, whether reading needs sign-in, and the antiforgery token for unsafe requests");
        auth.MapPost("/login", LoginAsync)
            .AddEndpointFilter<CsrfFilter>()
            .RequireRateLimiting(RateLimits.Login)
            .WithSummary("Signs in with name and password; sets the session cookie");
        auth.MapPost("/logout", LogoutAsync).AddEndpointFilter<CsrfFilter>().WithSummary("Signs out");
    }

    private static Ok<SessionJson> Session(HttpContext http, IAntiforgery antiforgery, ServerOptions options)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var user = http.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        return TypedResults.Ok(new SessionJson(
            signedIn,
            signedIn ? user.FindFirstValue(ClaimTypes.Name) : null,
            signedIn ? user.FindFirstValue(ClaimTypes.Role) : null,
            options.ReadAccess == ReadAccess.Public ? "public" : "login",
            tokens.RequestToken!));
    }

    private static async Task<Results<Ok<SessionUserJson>, UnauthorizedHttpResult>> LoginAsync(LoginJson login, HttpContext http, UserStore users, CancellationToken cancellationToken)
    {
        var user = await users.VerifyPasswordAsync(login.Name, login.Password, cancellationToken);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var identity = new ClaimsIdentity(UserClaims.Of(user), CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Ok(new SessionUserJson(user.Name, user.Role));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}

public sealed record LoginJson(string Name, string Password);

public sealed record SessionUserJson(string Name, string Role);

/// <summary><c>csrfToken</c> goes in the X-CSRF-TOKEN header of every unsafe request made with the session cookie.</summary>
public sealed record SessionJson(bool Authenticated, string? Name, string? Role, string ReadAccess, string CsrfToken);
