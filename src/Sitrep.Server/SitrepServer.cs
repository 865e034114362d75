using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Sitrep.Server.Api;
using Sitrep.Server.Ingestion;
using Sitrep.Server.Security;
using Sitrep.Server.Situation;
using Sitrep.Server.Web;
using Sitrep.Store;

namespace Sitrep.Server;

/// <summary>
/// Builds the Sitrep web application: the JSON API under <c>/api</c>, its OpenAPI document, the dashboard's
/// static files, authentication (cookie for the dashboard, API key for scripts), antiforgery, security
/// headers, body size and rate limits. <c>sitrep serve</c> runs it on Kestrel; tests run it in memory.
/// </summary>
public static class SitrepServer
{
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>The sign-in cookie (chunked cookies keep this name on their first part).</summary>
    public const string AuthCookie = "sitrep.auth";

    /// <summary>The builder with every service registered; callers may still change the host (tests use a test server).</summary>
    public static async Task<WebApplicationBuilder> CreateBuilderAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = BodySizeLimit.DefaultBytes;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Keys are kept unencrypted in the database (as readable as the database itself): no warning for that.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var store = await options.Database.OpenAsync(TimeProvider.System, cancellationToken);
        var database = (IStoreDatabase)store;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => store); // made by a factory, so the container disposes it with the app
        services.AddSingleton(database);
        services.AddSingleton(sp => new UserStore(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SituationReader>();
        services.AddSingleton<UploadIngest>();
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.WriteIndented = false;

            // <, >, & and quotes as \u escapes: report text can never read as markup, even if sniffed.
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);

        services.AddAuthentication(auth => auth.DefaultScheme = "sitrep")
            .AddPolicyScheme("sitrep", "cookie or API key", policy => policy.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = AuthCookie;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login.html";

                // The API answers 401/403; only pages are redirected to the sign-in page.
                cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, policy =>
            {
                if (options.ReadAccess == ReadAccess.Public)
                {
                    policy.RequireAssertion(_ => true);
                }
                else
                {
                    policy.RequireAuthenticatedUser();
                }
            })
            .AddPolicy(Policies.Write, policy => policy.RequireRole(Roles.Analyst, Roles.Admin));
        // Cookie and antiforgery keys in the database: sign-ins survive a restart, and every server on one
        // PostgreSQL database accepts the others' cookies.
        services.AddDataProtection().SetApplicationName("sitrep");
        services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new DatabaseKeyRepository(database, TimeProvider.System));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = CsrfFilter.HeaderName;
            antiforgery.Cookie.Name = "sitrep.csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(limiter => RateLimits.Configure(limiter, options));
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sitrep API";
            document.Info.Version = "v1";
            document.Info.Description = "Reports, merged events, besieged areas and actors, with their sources. See docs/contract.md.";
            document.Servers = [];
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The middleware and endpoints, in order.</summary>
    public static WebApplication Configure(WebApplication app, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        app.Use(SecurityHeaders.Apply);
        app.UseStatusCodePages();

        // Static files after routing: a request an endpoint answers (the API) skips them without a look at
        // the disk; the dashboard's files are still served before authentication.
        app.UseRouting();
        ServeStaticFiles(app, options);
        app.Use(BodySizeLimit.Apply);

        // A request with neither the sign-in cookie nor an API key is anonymous: authenticating it would only
        // say so, at the cost of two handlers made per request (a tenth of a cached API read's CPU).
        app.UseWhen(CarriesCredentials, branch => branch.UseAuthentication());
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("health").WithSummary("Liveness: 200 'ok'");
        app.MapOpenApi(OpenApiPath);
        var api = app.MapGroup("/api");
        AuthApi.Map(api);
        ReportsApi.Map(api, options);
        EventsApi.Map(api);
        AreasApi.Map(api);
        ReviewApi.Map(api);
        if (options.ReadAccess == ReadAccess.Public)
        {
            // The read policy then admits anyone: reads skip its evaluation (a context, its handlers, a result
            // per request); authorization still runs, so a write endpoint's policy is never skipped.
            ((IEndpointConventionBuilder)api).Finally(endpoint =>
            {
                var authorize = endpoint.Metadata.OfType<IAuthorizeData>().ToList();
                if (authorize.Count > 0 && authorize.All(a => a.Policy == Policies.Read))
                {
                    endpoint.Metadata.Add(new AllowAnonymousAttribute());
                }
            });
        }

        return app;
    }

    /// <summary>Builds and configures the application, ready to run.</summary>
    public static async Task<WebApplication> BuildAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        var builder = await CreateBuilderAsync(options, cancellationToken);
        return Configure(builder.Build(), options);
    }

    private static void ServeStaticFiles(WebApplication app, ServerOptions options)
    {
        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        if (options.DataDirectory is { } data && Directory.Exists(WebAssets.Modules(data)))
        {
            var types = new FileExtensionContentTypeProvider();
            types.Mappings[".geojson"] = "application/geo+json";
            foreach (var (url, folder) in WebAssets.Served)
            {
                var path = Path.Combine(WebAssets.Modules(data), folder);
                if (Directory.Exists(path))
                {
                    app.UseStaticFiles(new StaticFileOptions { RequestPath = url, FileProvider = new PhysicalFileProvider(path), ContentTypeProvider = types });
                }
            }
        }
    }

    private static bool CarriesCredentials(HttpContext http) =>
        http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || http.Request.Cookies.ContainsKey(AuthCookie);

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
