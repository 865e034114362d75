using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sitrep.Server.Security;

/// <summary>Signs in scripts by the API key in the <see cref="HeaderName"/> header (made with <c>sitrep users key NAME</c>).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var user = await users.VerifyApiKeyAsync(values[0]!, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("SITREP-AUTH-006: unknown or revoked API key");
        }

        var identity = new ClaimsIdentity(UserClaims.Of(user), SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>The claims a signed-in user carries, the same for cookies and API keys.</summary>
public static class UserClaims
{
    public static IEnumerable<Claim> Of(SitrepUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
        ];
    }
}
