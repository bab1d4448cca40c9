using Microsoft.AspNetCore.Http;

namespace Nectar.JsonRpc.Server.Hosting;

/// <summary>
/// CORS for browser wallets and dapps, off unless origins are configured. Credentials are bearer tokens sent in a
/// header, never cookies, so no credentialed CORS is offered.
/// </summary>
internal sealed class Cors(IReadOnlyList<string> allowedOrigins)
{
    private readonly HashSet<string> _origins = new(allowedOrigins.Where(o => o != "*"), StringComparer.OrdinalIgnoreCase);
    private readonly bool _any = allowedOrigins.Contains("*");

    public bool Enabled => _any || _origins.Count > 0;

    /// <summary>Adds the allow-origin header when the request's origin is allowed.</summary>
    public void Apply(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !Enabled)
        {
            return;
        }

        if (_any)
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
        }
        else if (_origins.Contains(origin))
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.Vary = "Origin";
        }
    }

    /// <summary>Answers a preflight request: 204 with the allowed methods and headers, or 403 for another origin.</summary>
    public void Preflight(HttpContext http)
    {
        Apply(http);
        if (!http.Response.Headers.ContainsKey("Access-Control-Allow-Origin"))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        http.Response.Headers.AccessControlAllowMethods = "POST, GET, OPTIONS";
        http.Response.Headers.AccessControlAllowHeaders = "Content-Type, Authorization";
        http.Response.Headers.AccessControlMaxAge = "600";
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
